import Foundation

/// The Netflix Prize rating files (`combined_data_*.txt`, or `training_set/mv_*.txt`):
/// blocks that open with a `MovieID:` line followed by `CustomerID,Rating,YYYY-MM-DD`
/// lines. `movie_titles.txt`/`.csv` holds `MovieID,Year,Title` (titles may hold commas).
public enum NetflixPrize {
    /// Loads every `combined_data_*.txt` (or `training_set/mv_*.txt`) of a folder, in name
    /// order, into one table, with titles when `movie_titles.txt`/`.csv` is present.
    public static func load(directory: URL) throws -> Dataset {
        let files = ratingFiles(in: directory)
        guard !files.isEmpty else {
            throw DataError(file: directory.lastPathComponent, "expected combined_data_*.txt or training_set/mv_*.txt files")
        }
        var parser = BlockParser()
        for url in files { try parser.parse(readFileData(url), file: url.lastPathComponent) }
        var d = Dataset(name: "netflix", ratings: try parser.finish(file: files[0].lastPathComponent))
        for t in ["movie_titles.csv", "movie_titles.txt"] where exists(directory.appendingPathComponent(t)) {
            d.items = try parseTitles(readFileData(directory.appendingPathComponent(t)), file: t)
            break
        }
        return d
    }

    static func ratingFiles(in directory: URL) -> [URL] {
        let fm = FileManager.default
        let top = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasPrefix("combined_data_") && $0.hasSuffix(".txt") }.sorted()
        if !top.isEmpty { return top.map { directory.appendingPathComponent($0) } }
        let ts = directory.appendingPathComponent("training_set")
        return ((try? fm.contentsOfDirectory(atPath: ts.path)) ?? [])
            .filter { $0.hasPrefix("mv_") && $0.hasSuffix(".txt") }.sorted()
            .map { ts.appendingPathComponent($0) }
    }

    /// Parses one file of `MovieID:` blocks.
    public static func parseRatings(_ data: Data, file: String = "combined_data_1.txt") throws -> Interactions {
        var p = BlockParser()
        try p.parse(data, file: file)
        return try p.finish(file: file)
    }

    /// Parses `movie_titles`: `MovieID,YearOfRelease,Title` (Latin-1; year may be `NULL`).
    public static func parseTitles(_ data: Data, file: String = "movie_titles.csv") throws -> ItemMetadata {
        let records = try DelimitedText.records(data, file: file, delimiter: [44], delimiterName: "commas",
                                                minFields: 3, encoding: .latin1)
        guard !records.isEmpty else { throw DataError(file: file, "the file is empty; expected title lines") }
        let ids = records.map { $0.fields[0] }
        let titles = records.map { $0.fields.dropFirst(2).joined(separator: ",") }
        return try ItemMetadata(ids: ids, titles: titles, years: records.map { Int($0.fields[1]) },
                                genres: ids.map { _ in [] }, genreNames: [])
    }

    /// Accumulates blocks over several files.
    struct BlockParser {
        var users = [Int32](), items = [Int32](), ratings = [Float](), times = [Int64]()
        var userIDs = IDInterner(), itemIDs = IDInterner()

        mutating func parse(_ data: Data, file: String) throws {
            try scan(data, file: file) { s in
                guard !s.atEnd else { throw s.error("the file is empty; expected a MovieID: line") }
                var movie: Int32? = nil
                while true {
                    s.skipBlankLines()
                    if s.atEnd { break }
                    var found = false
                    let first = s.field(44, found: &found)
                    if !found {
                        guard first.count > 1, s.bytes[first.upperBound - 1] == 58,
                              s.int(first.lowerBound..<(first.upperBound - 1)) != nil else {
                            throw s.error("expected a \"MovieID:\" line or \"CustomerID,Rating,Date\", found \(s.quoted(first))")
                        }
                        movie = itemIDs.intern(s, first.lowerBound..<(first.upperBound - 1))
                        s.nextLine()
                        continue
                    }
                    guard let m = movie else { throw s.error("expected a \"MovieID:\" line before the first rating") }
                    guard s.int(first) != nil else { throw s.error("expected a numeric customer id, found \(s.quoted(first))") }
                    let rr = s.field(44, found: &found)
                    guard found else { throw s.error("expected 3 comma-separated fields (CustomerID,Rating,Date), found 2") }
                    guard let r = s.double(rr), r.isFinite else { throw s.error("expected a numeric rating, found \(s.quoted(rr))") }
                    guard Float(r).isFinite else { throw s.error(RatingsParser.outOfFloatRange(field: 2, s.quoted(rr))) }
                    let dr = s.field(44, found: &found)
                    guard !found, s.atEndOfLine else { throw s.error("expected 3 comma-separated fields (CustomerID,Rating,Date), found more") }
                    guard let t = parseDate(s, dr) else { throw s.error("expected a date YYYY-MM-DD, found \(s.quoted(dr))") }
                    users.append(userIDs.intern(s, first)); items.append(m)
                    ratings.append(Float(r)); times.append(t)
                    s.nextLine()
                }
            }
        }

        func finish(file: String) throws -> Interactions {
            guard !users.isEmpty else { throw DataError(file: file, "expected at least one rating line, found none") }
            return Interactions(unchecked: users, items, ratings, times, userIDs.vocabulary(), itemIDs.vocabulary())
        }
    }

    /// Seconds since 1970 of a `YYYY-MM-DD` date (UTC midnight), or nil.
    static func parseDate(_ s: ByteScanner, _ r: Range<Int>) -> Int64? {
        guard r.count == 10, s.bytes[r.lowerBound + 4] == 45, s.bytes[r.lowerBound + 7] == 45,
              let y = s.int(r.lowerBound..<(r.lowerBound + 4)),
              let m = s.int((r.lowerBound + 5)..<(r.lowerBound + 7)),
              let d = s.int((r.lowerBound + 8)..<r.upperBound),
              (1...12).contains(m), (1...31).contains(d), y >= 0 else { return nil }
        return daysFromCivil(y, m, d) * 86_400
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}
