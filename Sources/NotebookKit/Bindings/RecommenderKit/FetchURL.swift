import Foundation
import ScriptKit

/// Foundation's `URL`, as far as the library's file and data-root parameters need it:
/// file URLs made from paths, and their parts. Values are host boxes named "URL" (no
/// `ScriptBound` conformance, so that another binding of URL cannot clash with this one).
enum FetchURL {
    static func register(in registry: Registry) {
        // Another binding may already have bound URL: then its rows stand.
        guard registry.binding(of: "URL") == nil else { return }
        let t = registry.type("URL", doc: "A file or web address (Foundation's URL).")
        func url(_ v: Value) throws -> URL {
            guard let u = v.host(URL.self) else { throw BindingError("expected URL, got \(v.typeName)") }
            return u
        }
        t.property("path: String", doc: "The path of a file URL.") { this in .string(try url(this).path) }
        t.property("lastPathComponent: String", doc: "The last part of the path.") { this in .string(try url(this).lastPathComponent) }
        t.property("absoluteString: String", doc: "The URL as a string.") { this in .string(try url(this).absoluteString) }
        t.method("appendingPathComponent(_ component: String) -> URL", doc: "The URL with `component` added to its path.") { this, a in
            ModelSupport.url(try url(this).appendingPathComponent(try a.get(0, as: String.self)))
        }
        t.method("deletingLastPathComponent() -> URL", doc: "The URL without the last part of its path.") { this, _ in
            ModelSupport.url(try url(this).deletingLastPathComponent())
        }
        t.initializer("init(fileURLWithPath path: String)", doc: "A file URL for `path` (relative paths are against the current folder).") { a in
            ModelSupport.url(URL(fileURLWithPath: try a.get(0, as: String.self)))
        }
        t.initializer("init(fileURLWithPath path: String, isDirectory: Bool)", doc: "A file URL for `path`, a folder when `isDirectory`.") { a in
            ModelSupport.url(URL(fileURLWithPath: try a.get(0, as: String.self), isDirectory: try a.get(1)))
        }
        t.property("description: String", doc: "The URL as text.") { this in .string(try url(this).description) }
    }
}
