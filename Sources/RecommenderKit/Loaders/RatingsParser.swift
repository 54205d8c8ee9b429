import Foundation

/// The layout of a delimited ratings file: which field holds what.
struct RatingsLayout {
    /// Field separator (one or more bytes).
    var delimiter: [UInt8]
    /// A human name of the separator for messages ("tab", "comma", "\"::\"").
    var delimiterName: String
    /// Fields per line.
    var fieldCount: Int
    var user: Int
    var item: Int
    /// Field of the rating, or nil for implicit feedback (rating 1).
    var rating: Int?
    /// Field of the timestamp (integer or decimal seconds), or nil.
    var timestamp: Int?
    /// The exact header line the file must start with, or nil when it has none.
    var header: String?
}

/// The shared fast parser behind the ML-100K, ML-1M, ML-20M, Kaggle Netflix and RecBole
/// `.inter` loaders: one pass over the bytes, ids interned on the fly.
enum RatingsParser {
    static func parse(_ data: Data, file: String, layout: RatingsLayout) throws -> Interactions {
        try scan(data, file: file) { s in try parse(&s, layout: layout) }
    }

    static func parse(_ s: inout ByteScanner, layout: RatingsLayout) throws -> Interactions {
        guard !s.atEnd else { throw s.error("the file is empty; expected rating lines") }
        if let header = layout.header {
            let h = s.restOfLine()
            guard s.equals(h, header) else {
                throw DataError(file: s.file, line: 1, "expected the header \"\(header)\", found \(s.quoted(h))")
            }
        }
        let estimate = max(16, s.bytes.count / 24)
        var users = [Int32](), items = [Int32](), ratings = [Float](), times = [Int64]()
        users.reserveCapacity(estimate); items.reserveCapacity(estimate)
        ratings.reserveCapacity(estimate); times.reserveCapacity(estimate)
        var userIDs = IDInterner(), itemIDs = IDInterner()
        let n = layout.fieldCount, delim = layout.delimiter
        let ratingField = layout.rating ?? -1, timeField = layout.timestamp ?? -1
        while true {
            s.skipBlankLines()
            if s.atEnd { break }
            var u: Int32 = 0, it: Int32 = 0, r: Float = 1, t: Int64 = 0
            var found = true
            for f in 0..<n {
                guard found else {
                    throw s.error("expected \(n) fields separated by \(layout.delimiterName), found \(f)")
                }
                let range = s.field(delim, found: &found)
                if f == layout.user {
                    guard !range.isEmpty else { throw s.error("expected a user id in field \(f + 1), found an empty field") }
                    u = userIDs.intern(s, range)
                } else if f == layout.item {
                    guard !range.isEmpty else { throw s.error("expected an item id in field \(f + 1), found an empty field") }
                    it = itemIDs.intern(s, range)
                } else if f == ratingField {
                    guard let v = s.double(range), v.isFinite else {
                        if let header = layout.header, isHeaderLine(s, range, header) {
                            throw s.error("found a second header line; expected rating lines")
                        }
                        throw s.error("expected a numeric rating in field \(f + 1), found \(s.quoted(range))")
                    }
                    r = Float(v)
                } else if f == timeField {
                    guard let v = s.double(range), v.isFinite, abs(v) < 9e15 else {
                        throw s.error("expected a numeric timestamp in field \(f + 1), found \(s.quoted(range))")
                    }
                    t = Int64(v)
                }
            }
            if found || !s.atEndOfLine {
                throw s.error("expected \(n) fields separated by \(layout.delimiterName), found more")
            }
            s.nextLine()
            users.append(u); items.append(it); ratings.append(r); times.append(t)
        }
        guard !users.isEmpty else { throw s.error("expected at least one rating line, found none") }
        return Interactions(unchecked: users, items, ratings, times,
                            userIDs.vocabulary(), itemIDs.vocabulary())
    }

    /// True when the line holding `range` repeats the header (a duplicated header line).
    private static func isHeaderLine(_ s: ByteScanner, _ range: Range<Int>, _ header: String) -> Bool {
        var start = range.lowerBound
        while start > 0 && s.bytes[start - 1] != 10 { start -= 1 }
        let h = Array(header.utf8)
        guard start + h.count <= s.bytes.count else { return false }
        for (k, b) in h.enumerated() where s.bytes[start + k] != b { return false }
        return true
    }
}
