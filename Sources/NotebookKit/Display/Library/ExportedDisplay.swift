import Foundation

/// What exported programs (`swiftnb export --swift`) need of NotebookKit's additions to the
/// libraries: `TrainingHistory+Plot.swift`, copied from the SwiftNB package the export builds
/// against and written beside the exported `main.swift`, so that a notebook calling
/// `history.plot()` compiles as plain Swift.
enum ExportedDisplay {
    /// The file name in the exported package.
    static let fileName = "TrainingHistory+Plot.swift"
    /// Where the file lies in the SwiftNB package.
    static let packagePath = "Sources/NotebookKit/Display/Library/TrainingHistory+Plot.swift"

    /// The file's source in the SwiftNB package at `swiftnbPackage`; nil when the package has
    /// no such file (it is not a SwiftNB checkout).
    static func source(in swiftnbPackage: String) -> String? {
        try? String(contentsOfFile: (swiftnbPackage as NSString).appendingPathComponent(packagePath), encoding: .utf8)
    }
}
