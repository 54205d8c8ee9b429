/// Names the invisible characters of a line that should have matched a header, so that an
/// error never prints two lines that look identical (a byte-order mark, CR-only line
/// endings, a no-break space, NUL bytes of a UTF-16 file, trailing spaces).
enum InvisibleCharacters {
    /// `""` when `line` holds nothing invisible, else ` (the line holds ...)` naming the
    /// first character of each kind with its 1-based column.
    static func note(in line: String) -> String {
        var found: [String] = []
        var seen = Set<String>()
        func add(_ kind: String, _ text: String) {
            if seen.insert(kind).inserted { found.append(text) }
        }
        for (k, u) in line.unicodeScalars.enumerated() {
            let column = k + 1
            switch u.value {
            case 0xFEFF: add("bom", "a byte-order mark (U+FEFF) at column \(column)")
            case 0x0D: add("cr", "carriage returns (\\r) with no line feed: the file has CR-only (old Mac) line endings; expected \\n or \\r\\n")
            case 0x00: add("nul", "NUL bytes, as in UTF-16 text; expected UTF-8")
            case 0xFFFD: add("utf8", "bytes that are not UTF-8 at column \(column) (a UTF-16 or Latin-1 file?)")
            case 0xA0: add("nbsp", "a no-break space (U+00A0) at column \(column)")
            case 0x200B, 0x200C, 0x200D, 0x2060: add("zw", "a zero-width character (U+\(String(u.value, radix: 16, uppercase: true))) at column \(column)")
            case 0x09: add("tab", "a tab at column \(column)")
            case 0x01...0x1F, 0x7F: add("ctl", "a control character (U+\(String(format4(u.value)))) at column \(column)")
            default: break
            }
        }
        if line.hasSuffix(" ") { add("trailing", "trailing spaces") }
        return found.isEmpty ? "" : " (the line holds " + found.joined(separator: "; ") + ")"
    }

    private static func format4(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
