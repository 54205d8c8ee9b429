import Foundation
import ScriptKit

// Foundation's `URL` and `Data` cross into scripts as boxes too: the loaders take folder
// URLs and the parsers take file contents.
extension URL: ScriptBound { public static var scriptName: String { "URL" } }
extension Data: ScriptBound { public static var scriptName: String { "Data" } }

/// Rows for the small part of Foundation the data APIs need: file `URL`s and file
/// contents as `Data`.
enum DataFoundationBindings {
    static func register(in registry: Registry) {
        registry.type("URL", doc: "A file location, as the loaders take it (Foundation's URL).").equatable(URL.self)
            .initializer("init(fileURLWithPath path: String)", doc: "A file URL for a path.") { args in
                URL(fileURLWithPath: try args.get(0)).scriptValue
            }
            .readOnly("path: String", \URL.path, doc: "The path of a file URL.")
            .readOnly("lastPathComponent: String", \URL.lastPathComponent, doc: "The last part of the path.")
            .method("appendingPathComponent(_ pathComponent: String) -> URL",
                    doc: "The URL with a path component added.") { this, args in
                try URL.fromScript(this).appendingPathComponent(try args.get(0)).scriptValue
            }
            .method("deletingLastPathComponent() -> URL", doc: "The URL without its last path component.") { this, _ in
                try URL.fromScript(this).deletingLastPathComponent().scriptValue
            }
        registry.type("Data", doc: "The bytes of a file (Foundation's Data), as the parsers take it.").equatable(Data.self)
            .initializer("init(contentsOf url: URL) throws", doc: "Reads the whole file at a URL.") { args in
                let url = try args.get(0, as: URL.self)
                do { return try Data(contentsOf: url).scriptValue } catch {
                    throw BindingError("Data(contentsOf:): cannot read \(url.path): \(error.localizedDescription)")
                }
            }
            .readOnly("count: Int", \Data.count, doc: "The number of bytes.")
            .readOnly("isEmpty: Bool", \Data.isEmpty, doc: "True when there are no bytes.")
    }
}
