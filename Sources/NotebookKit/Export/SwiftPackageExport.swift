import FileKit
import Foundation
import ScriptKit

/// A notebook turned into a native Swift program: a SwiftPM package whose `main.swift`
/// holds the notebook's code cells in order (prose cells become comments), with the
/// libraries imported and a small prelude for the notebook-only functions (`show`,
/// `Table`). Because the notebook language is Swift and the bindings mirror the libraries
/// one to one, the program builds with `swift build` and prints what the notebook printed.
public struct SwiftPackageExport {
    /// The notebook.
    public var notebook: Notebook
    /// The executable's name (a Swift identifier made from the notebook's file name).
    public var productName: String
    /// The SwiftNB package the exported package depends on (a local path).
    public var swiftnbPackagePath: String
    /// Parameter overrides, already coerced to their defaults' types.
    public var overrides: [(name: String, value: Value)]

    /// An export of `notebook`; `name` is the notebook's file name or path.
    public init(notebook: Notebook, name: String, swiftnbPackagePath: String,
                overrides: [(name: String, value: Value)] = []) {
        self.notebook = notebook
        self.productName = SwiftPackageExport.identifier(from: name)
        self.swiftnbPackagePath = swiftnbPackagePath
        self.overrides = overrides
    }

    /// The libraries every exported program imports.
    public static let libraries = ["TensorKit", "RecommenderKit", "PlotKit"]

    /// `main.swift`: imports, then each cell in order. Cells tagged `raises-exception` hold
    /// deliberate errors and are kept as comments; parameter overrides replace defaults.
    public var mainSwift: String {
        var out = "// Exported from a SwiftNB notebook by `swiftnb export`; the prelude is in Prelude.swift.\n"
        out += (["Foundation"] + SwiftPackageExport.libraries).map { "import \($0)\n" }.joined()
        for (index, cell) in notebook.cells.enumerated() where !cell.isBlank {
            out += "\n// MARK: - Cell \(index + 1)\(cell.title.map { ": \($0)" } ?? "")\n"
            switch cell.kind {
            case .markdown:
                out += cell.source.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "//\n" : "// \($0)\n" }.joined()
            case .code where cell.hasTag("raises-exception"):
                out += "// (tagged raises-exception in the notebook: kept out of the program)\n"
                out += cell.source.split(separator: "\n", omittingEmptySubsequences: false).map { "// \($0)\n" }.joined()
            case .code:
                out += (cell.hasTag("parameters") ? withOverrides(cell.source) : cell.source) + "\n"
            }
        }
        return out
    }

    /// The parameters cell with each overridden `let name = default` line replaced.
    func withOverrides(_ source: String) -> String {
        guard !overrides.isEmpty else { return source }
        return source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for o in overrides {
                let pattern = "^(\\s*let\\s+\(NSRegularExpression.escapedPattern(for: o.name))\\s*(:[^=]+)?=).*$"
                if line.range(of: pattern, options: .regularExpression) != nil {
                    let head = line.replacingOccurrences(of: pattern, with: "$1", options: .regularExpression)
                    return head + " " + o.value.debugDescription + "  // overridden on export"
                }
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// `Package.swift` of the exported package.
    public var packageSwift: String {
        let products = SwiftPackageExport.libraries.map { ".product(name: \"\($0)\", package: \"SwiftNB\")" }
        return """
            // swift-tools-version:5.9
            // Exported from a SwiftNB notebook by `swiftnb export`.
            import PackageDescription

            let package = Package(
                name: "\(productName)",
                platforms: [.macOS(.v13)],
                dependencies: [.package(name: "SwiftNB", path: \(swiftLiteral(swiftnbPackagePath)))],
                targets: [
                    .executableTarget(name: "\(productName)",
                                      dependencies: [\(products.joined(separator: ", "))],
                                      swiftSettings: [.unsafeFlags(["-Ounchecked"])])
                ]
            )

            """
    }

    /// The notebook-only functions, as plain Swift.
    public static let prelude = """
        // The notebook-only functions of SwiftNB, as plain Swift, so that an exported notebook
        // builds. In a notebook they display richly; here they print.
        import Foundation

        /// Shows a value: here, prints it.
        func show(_ value: Any) {
            print(value)
        }

        /// A table of values with named columns (a notebook shows it as a table).
        struct Table: CustomStringConvertible {
            /// Column names.
            var columns: [String]
            /// Rows, one value per column.
            var rows: [[Any]]

            init(columns: [String], rows: [[Any]]) {
                self.columns = columns
                self.rows = rows
            }

            /// Number of rows.
            var rowCount: Int { rows.count }

            /// A cell's text: numbers with four decimals (scientific when tiny or huge).
            static func format(_ value: Any) -> String {
                let number: Double? = (value as? Double) ?? (value as? Float).map { Double($0) }
                guard let x = number else { return "\\(value)" }
                if x.isNaN { return "nan" }
                if x.isInfinite { return x < 0 ? "-inf" : "inf" }
                let a = abs(x)
                if a == 0 || (a >= 1e-4 && a < 1e7) { return String(format: "%.4f", x) }
                return String(format: "%.3e", x)
            }

            var description: String {
                let cells = rows.map { $0.map(Table.format) }
                var widths = columns.map(\\.count)
                for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
                func line(_ row: [String]) -> String {
                    row.enumerated().map { i, c in c.padding(toLength: i < widths.count ? widths[i] : c.count, withPad: " ", startingAt: 0) }
                        .joined(separator: "  ")
                }
                return ([line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
                        + cells.map(line)).joined(separator: "\\n")
            }
        }

        """

    /// Writes the package into `directory` (created if needed; files written atomically).
    public func write(to directory: String) throws {
        let sources = (directory as NSString).appendingPathComponent("Sources/\(productName)")
        try AtomicFile.createFolder(sources)
        try AtomicFile.write(packageSwift, to: (directory as NSString).appendingPathComponent("Package.swift"))
        try AtomicFile.write(mainSwift, to: (sources as NSString).appendingPathComponent("main.swift"))
        try AtomicFile.write(SwiftPackageExport.prelude, to: (sources as NSString).appendingPathComponent("Prelude.swift"))
        let display = (sources as NSString).appendingPathComponent(ExportedDisplay.fileName)
        guard let displaySource = ExportedDisplay.source(in: swiftnbPackagePath) else {
            throw FileWriteError(path: display, reason: "its source, \(ExportedDisplay.packagePath), is not in \(swiftnbPackagePath) (the SwiftNB package the export builds against)")
        }
        try AtomicFile.write(displaySource, to: display)
    }

    /// A Swift identifier from a file name: `vae-movie-recommender.swiftnb` gives `VaeMovieRecommender`.
    static func identifier(from name: String) -> String {
        let stem = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
        let words = stem.split { !($0.isLetter || $0.isNumber) }
        var id = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if id.isEmpty { id = "Notebook" }
        if id.first?.isNumber == true { id = "Notebook" + id }
        return id
    }

    private func swiftLiteral(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
