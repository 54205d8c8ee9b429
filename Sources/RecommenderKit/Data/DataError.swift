/// An error raised while reading, fetching or transforming recommender data.
///
/// Parse errors name the file, the 1-based line and what was expected there, e.g.
/// `u.data, line 3: expected a numeric rating, found "x"`.
public struct DataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file being read, when the error comes from a file (its last path component).
    public var file: String?
    /// The 1-based line number, when known.
    public var line: Int?
    /// What went wrong, in words.
    public var message: String

    /// Creates an error with an optional file and line.
    public init(file: String? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        switch (file, line) {
        case let (f?, l?): return "\(f), line \(l): \(message)"
        case let (f?, nil): return "\(f): \(message)"
        default: return message
        }
    }
}
