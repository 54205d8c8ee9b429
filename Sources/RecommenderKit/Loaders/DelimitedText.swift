import Foundation

/// Text encodings of the metadata files.
enum TextEncoding { case utf8, latin1 }

/// One record of a delimited text file with the line it came from.
struct TextRecord {
    var line: Int
    var fields: [String]
}

/// Splits small metadata files (u.item, movies.dat, u.user, ...) into records of fields.
enum DelimitedText {
    /// Every non-blank line split on `delimiter`. When `fieldCount` is set, a line with a
    /// different number of fields is an error; `minFields` allows longer lines.
    static func records(_ data: Data, file: String, delimiter: [UInt8], delimiterName: String,
                        fieldCount: Int? = nil, minFields: Int? = nil,
                        encoding: TextEncoding = .utf8) throws -> [TextRecord] {
        try scan(data, file: file) { s in
            var out = [TextRecord]()
            while true {
                s.skipBlankLines()
                if s.atEnd { break }
                let line = s.line
                var fields = [String](), found = true
                while found {
                    let r = s.field(delimiter, found: &found)
                    fields.append(encoding == .latin1 ? s.latin1(r) : s.string(r))
                    if fields.count > 10_000 { throw s.error("expected fewer than 10000 fields") }
                }
                if let n = fieldCount, fields.count != n {
                    throw s.error("expected \(n) fields separated by \(delimiterName), found \(fields.count)")
                }
                if let n = minFields, fields.count < n {
                    throw s.error("expected at least \(n) fields separated by \(delimiterName), found \(fields.count)")
                }
                s.nextLine()
                out.append(TextRecord(line: line, fields: fields))
            }
            return out
        }
    }

    /// Records of a CSV file with RFC 4180 quoting (`"a, b"`, `""` for a quote), UTF-8.
    /// The first record is the header, which must equal `header` when given.
    static func csv(_ data: Data, file: String, header: [String]? = nil) throws -> (header: [String], rows: [TextRecord]) {
        try scan(data, file: file) { s in
            guard !s.atEnd else { throw s.error("the file is empty; expected a CSV header") }
            var records = [TextRecord]()
            while true {
                s.skipBlankLines()
                if s.atEnd { break }
                let line = s.line
                records.append(TextRecord(line: line, fields: try csvRecord(&s)))
            }
            guard let first = records.first else { throw s.error("expected a CSV header") }
            if let h = header, first.fields != h {
                let found = first.fields.joined(separator: ",")
                throw DataError(file: s.file, line: 1, "expected the header \"\(h.joined(separator: ","))\", found \"\(found)\""
                                + InvisibleCharacters.note(in: found))
            }
            let rows = Array(records.dropFirst())
            if let dup = rows.first(where: { $0.fields == first.fields }) {
                throw DataError(file: s.file, line: dup.line, "found a second header line; expected data rows")
            }
            for r in rows where r.fields.count != first.fields.count {
                throw DataError(file: s.file, line: r.line, "expected \(first.fields.count) comma-separated fields, found \(r.fields.count)")
            }
            return (first.fields, rows)
        }
    }

    private static func csvRecord(_ s: inout ByteScanner) throws -> [String] {
        var fields = [String]()
        var current = [UInt8]()
        var inQuotes = false, quotedField = false
        let b = s.bytes
        var p = s.position
        let startLine = s.line
        while p < b.count {
            let c = b[p]
            if inQuotes {
                if c == 34 {
                    if p + 1 < b.count && b[p + 1] == 34 { current.append(34); p += 2; continue }
                    inQuotes = false; p += 1; continue
                }
                current.append(c); p += 1; continue
            }
            if c == 34 && current.isEmpty && !quotedField { inQuotes = true; quotedField = true; p += 1; continue }
            if c == 44 {
                fields.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true); quotedField = false; p += 1; continue
            }
            if c == 10 || (c == 13 && (p + 1 >= b.count || b[p + 1] == 10)) { break }
            current.append(c); p += 1
        }
        if inQuotes {
            throw DataError(file: s.file, line: startLine, "expected a closing quote before the end of the file")
        }
        fields.append(String(decoding: current, as: UTF8.self))
        // Advance the scanner past this record, counting the lines a quoted field spanned.
        while s.position < p { s.nextLineBounded(to: p) }
        s.nextLine()
        return fields
    }
}

extension ByteScanner {
    /// Moves to `limit`, counting line breaks on the way.
    mutating func nextLineBounded(to limit: Int) {
        var p = position
        while p < limit && bytes[p] != 10 { p += 1 }
        if p < limit { setPosition(p + 1, extraLines: 1) } else { setPosition(limit, extraLines: 0) }
    }
}
