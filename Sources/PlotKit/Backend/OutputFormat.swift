/// An output file format, chosen from a path's extension.
public enum OutputFormat: String, Sendable {
    case png, svg, pdf

    /// The format for `path` (case-insensitive extension), or `nil`.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}
