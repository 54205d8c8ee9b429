/// Splitting text into lines the way files mean them.
///
/// `String.split(separator: "\n")` works on Characters, and Swift reads "\r\n" as one
/// Character, so it would not split a Windows (CRLF) file at all. This splits at every
/// "\n" scalar; a "\r" before it stays at the end of its line.
enum TextLines {
    /// The lines of `text`, "\n" removed (empty lines kept; a final "\n" gives an empty last line).
    static func split(_ text: String) -> [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
    }

    /// `line` without a trailing "\r".
    static func droppingCarriageReturn(_ line: Substring) -> Substring {
        line.unicodeScalars.last == "\r" ? Substring(line.unicodeScalars.dropLast()) : line
    }
}
