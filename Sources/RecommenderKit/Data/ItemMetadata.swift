/// Item features: one entry per item, in the order of `ids` (raw item ids).
///
/// `genres[i]` lists indices into `genreNames`. `features` holds any other column of the
/// source (IMDb URL, release date, KG entity, ...) as text, keyed by column name.
public struct ItemMetadata: Sendable {
    /// Raw item ids, one per item.
    public var ids: [String]
    /// Titles (without the trailing year where the source writes one).
    public var titles: [String]
    /// Release year when known.
    public var years: [Int?]
    /// Genre indices into `genreNames`, per item.
    public var genres: [[Int]]
    /// All genre names, indexed by the values in `genres`.
    public var genreNames: [String]
    /// Other columns, by name; each array has one value per item.
    public var features: [String: [String]]

    /// Creates a table; all per-item columns must have `ids.count` entries.
    public init(ids: [String], titles: [String], years: [Int?], genres: [[Int]],
                genreNames: [String], features: [String: [String]] = [:]) throws {
        let n = ids.count
        guard titles.count == n, years.count == n, genres.count == n,
              features.values.allSatisfy({ $0.count == n }) else {
            throw DataError("ItemMetadata(ids:titles:years:genres:): expected \(n) values in every column")
        }
        guard genres.allSatisfy({ $0.allSatisfy { $0 >= 0 && $0 < genreNames.count } }) else {
            throw DataError("ItemMetadata(genres:): expected genre indices in 0..<\(genreNames.count)")
        }
        self.ids = ids; self.titles = titles; self.years = years
        self.genres = genres; self.genreNames = genreNames; self.features = features
    }

    /// The number of items.
    public var count: Int { ids.count }

    /// The row of a raw item id, or nil.
    public func index(of id: String) -> Int? { ids.firstIndex(of: id) }

    /// Genre names of item row `i` (empty when out of range).
    public func genreNames(ofRow i: Int) -> [String] {
        guard i >= 0 && i < count else { return [] }
        return genres[i].map { genreNames[$0] }
    }

    /// A 0/1 matrix [count x genreNames.count] in row-major order (multi-hot genres).
    public func genreMatrix() -> [Float] {
        var m = [Float](repeating: 0, count: count * genreNames.count)
        for (i, g) in genres.enumerated() { for j in g { m[i * genreNames.count + j] = 1 } }
        return m
    }
}

/// Splits "Title (1995)" into ("Title", 1995); a title without a trailing year stays whole.
func splitTitleYear(_ s: String) -> (String, Int?) {
    let t = s.trimmingSpaces()
    guard t.hasSuffix(")"), let open = t.lastIndex(of: "(") else { return (t, nil) }
    let inner = t[t.index(after: open)..<t.index(before: t.endIndex)]
    guard inner.count == 4, let y = Int(inner) else { return (t, nil) }
    return (String(t[..<open]).trimmingSpaces(), y)
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s.removeLast() }
        return String(s)
    }
}
