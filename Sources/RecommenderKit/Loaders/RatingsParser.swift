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
    /// Whether the header may go on with unnamed columns (`userId,...,timestamp,,,,`, as
    /// in the 2016 ml-latest-small), whose values rows may carry and are ignored.
    var allowsUnnamedColumns = false
    /// How many unnamed columns the header has (set while parsing it).
    var unnamedColumns = 0
}

/// The shared fast parser behind the ML-100K, ML-1M, ML-20M, Kaggle Netflix and RecBole
/// `.inter` loaders: one pass over the bytes, ids interned on the fly.
///
/// Files over 16 MiB are cut at line breaks into one chunk per core and parsed in parallel
/// straight into the final columns (`RatingsParser+InPlace.swift`), with a result (rows and
/// first-seen id order) equal to a sequential parse. When any chunk fails, the file is
/// parsed again sequentially so that the error names the right line.
enum RatingsParser {
    /// Bodies at least this long are parsed in parallel chunks (lowered by tests).
    nonisolated(unsafe) static var parallelThreshold = 16 << 20

    static func parse(_ data: Data, file: String, layout: RatingsLayout) throws -> Interactions {
        try parseWithNotes(data, file: file, layout: layout).table
    }

    /// Parses like `parse`, and says once what was ignored: the values of unnamed columns.
    static func parseWithNotes(_ data: Data, file: String, layout: RatingsLayout) throws -> (table: Interactions, notes: [String]) {
        try scan(data, file: file) { s in
            var layout = layout
            let table = try parse(&s, layout: &layout)
            guard layout.unnamedColumns > 0 else { return (table, []) }
            let rows = linesWithMoreFields(s, than: layout.fieldCount, delimiter: layout.delimiter[0])
            return (table, ["\(file): the header has \(layout.unnamedColumns) unnamed columns after its \(layout.fieldCount) named ones; \(rows) rows carry values there, which were ignored"])
        }
    }

    /// The number of lines of the scanned bytes with more than `fields` fields.
    private static func linesWithMoreFields(_ s: ByteScanner, than fields: Int, delimiter: UInt8) -> Int {
        var rows = 0, delimiters = 0
        for b in s.bytes {
            if b == delimiter { delimiters += 1 } else if b == 10 {
                if delimiters >= fields { rows += 1 }
                delimiters = 0
            }
        }
        return rows - 1 + (delimiters >= fields ? 1 : 0)   // the header line is not a row
    }

    /// The parsed columns of one chunk of lines, with chunk-local id indices.
    struct Chunk {
        var users = [Int32](), items = [Int32](), ratings = [Float](), times = [Int64]()
        var userIDs = IDInterner(), itemIDs = IDInterner()
    }

    static func parse(_ s: inout ByteScanner, layout: inout RatingsLayout) throws -> Interactions {
        guard !s.atEnd else { throw s.error("the file is empty; expected rating lines") }
        if let header = layout.header {
            let h = s.restOfLine()
            if !s.equals(h, header) {
                guard layout.allowsUnnamedColumns, let extra = unnamedColumns(s, h, after: header, layout.delimiter) else {
                    throw DataError(file: s.file, line: 1, "expected the header \"\(header)\", found \(s.quoted(h))"
                                    + InvisibleCharacters.note(in: s.string(h)))
                }
                layout.unnamedColumns = extra
            }
        }
        let bodyStart = s.position, total = s.bytes.count
        let parts = max(2, min(8, ProcessInfo.processInfo.activeProcessorCount))
        if total - bodyStart >= parallelThreshold && parts >= 2 {
            var bounds = [bodyStart]
            for k in 1..<parts {
                var p = max(bounds[k - 1], bodyStart + (total - bodyStart) * k / parts)
                while p < total && s.bytes[p - 1] != 10 { p += 1 }
                bounds.append(p)
            }
            bounds.append(total)
            if let table = parseInPlace(s.bytes, file: s.file, bounds: bounds, layout: layout), !table.isEmpty {
                return table
            }
            s.setPosition(bodyStart, extraLines: 0)  // a chunk failed: parse again for the exact error line
        }
        let c = try parseChunk(&s, layout: layout)
        return Interactions(unchecked: c.users, c.items, c.ratings, c.times, c.userIDs.vocabulary(), c.itemIDs.vocabulary())
    }

    /// How many empty-named columns follow `header` in the header line `h`, or nil when
    /// `h` is not `header` followed by delimiters only.
    private static func unnamedColumns(_ s: ByteScanner, _ h: Range<Int>, after header: String, _ delimiter: [UInt8]) -> Int? {
        let n = header.utf8.count
        guard delimiter.count == 1, h.count > n, s.equals(h.lowerBound..<(h.lowerBound + n), header) else { return nil }
        let rest = (h.lowerBound + n)..<h.upperBound
        return rest.allSatisfy({ s.bytes[$0] == delimiter[0] }) ? rest.count : nil
    }

    /// Parses lines from the scanner's position to its end, into columns written through
    /// buffer pointers (grown by doubling when the size estimate falls short).
    static func parseChunk(_ s: inout ByteScanner, layout: RatingsLayout) throws -> Chunk {
        var userIDs = IDInterner(), itemIDs = IDInterner()
        var capacity = max(16, (s.bytes.count - s.position) / 22)
        var users = [Int32](repeating: 0, count: capacity), items = [Int32](repeating: 0, count: capacity)
        var ratings = [Float](repeating: 0, count: capacity), times = [Int64](repeating: 0, count: capacity)
        var count = 0
        while true {
            let full = try users.withUnsafeMutableBufferPointer { u in
                try items.withUnsafeMutableBufferPointer { it in
                    try ratings.withUnsafeMutableBufferPointer { r in
                        try times.withUnsafeMutableBufferPointer { t in
                            try fill(&s, &userIDs, &itemIDs, layout: layout,
                                     into: ColumnPointers(users: u.baseAddress!, items: it.baseAddress!,
                                                          ratings: r.baseAddress!, times: t.baseAddress!),
                                     count: &count, capacity: capacity)
                        }
                    }
                }
            }
            guard full else { break }
            let grown = capacity * 2
            users.append(contentsOf: repeatElement(0, count: grown - capacity))
            items.append(contentsOf: repeatElement(0, count: grown - capacity))
            ratings.append(contentsOf: repeatElement(0, count: grown - capacity))
            times.append(contentsOf: repeatElement(0, count: grown - capacity))
            capacity = grown
        }
        guard count > 0 else { throw s.error("expected at least one rating line, found none") }
        users.removeLast(capacity - count); items.removeLast(capacity - count)
        ratings.removeLast(capacity - count); times.removeLast(capacity - count)
        return Chunk(users: users, items: items, ratings: ratings, times: times, userIDs: userIDs, itemIDs: itemIDs)
    }

    /// Parses one line field by field (any delimiter, any id text), with located errors.
    static func generalLine(_ s: inout ByteScanner, _ userIDs: inout IDInterner, _ itemIDs: inout IDInterner,
                            layout: RatingsLayout) throws -> ParsedLine {
        let n = layout.fieldCount, delim = layout.delimiter
        let ratingField = layout.rating ?? -1, timeField = layout.timestamp ?? -1
        var u: Int32 = 0, it: Int32 = 0, r: Float = 1, t: Int64 = 0
        var found = true
        for f in 0..<n {
            guard found else {
                throw s.error("expected \(n) fields separated by \(layout.delimiterName), found \(f)")
            }
            let range = s.field(delim, found: &found)  // one-byte delimiters take the byte path
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
                guard Float(v).isFinite else { throw s.error(outOfFloatRange(field: f + 1, s.quoted(range))) }
                r = Float(v)
            } else if f == timeField {
                if let v = s.int(range) {
                    t = v
                } else {
                    guard let v = s.double(range), v.isFinite, abs(v) < 9e15 else {
                        throw s.error("expected a numeric timestamp in field \(f + 1), found \(s.quoted(range))")
                    }
                    t = Int64(v)
                }
            }
        }
        var extra = 0
        while found && extra < layout.unnamedColumns {   // values of unnamed header columns: ignored
            _ = s.field(delim, found: &found)
            extra += 1
        }
        if found || !s.atEndOfLine {
            throw s.error(layout.unnamedColumns == 0 ? "expected \(n) fields separated by \(layout.delimiterName), found more"
                          : "expected at most \(n + layout.unnamedColumns) fields separated by \(layout.delimiterName) (as many as the header has), found more")
        }
        s.nextLine()
        return ParsedLine(user: u, item: it, rating: r, time: t)
    }

    /// The message for a rating that is a finite Double but not a finite Float32 (`1e39`).
    static func outOfFloatRange(field: Int, _ quoted: String) -> String {
        "expected a rating within Float32's range (magnitude below 3.4e38) in field \(field), found \(quoted)"
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
