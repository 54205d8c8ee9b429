import Foundation
import ScriptKit

/// Foundation's `URL` and `Data`, as far as the library APIs that take them need (Safetensors
/// files, module checkpoints). Boxed as `HostObject`s under their Swift names; no
/// `ScriptBound` conformance is declared on Foundation types here, so another binding file
/// may add rows to the same types.
enum FoundationBindings {
    static func url(_ v: Value, _ what: String) throws -> URL {
        guard let u = v.host(URL.self) else { throw BindingError("\(what): expected URL, got \(v.typeName)") }
        return u
    }

    static func box(_ url: URL) -> Value { .native(HostObject(url, typeName: "URL")) }

    static func box(_ data: Data) -> Value { .native(HostObject(data, typeName: "Data")) }

    static func data(_ v: Value, _ what: String) throws -> Data {
        guard let d = v.host(Data.self) else { throw BindingError("\(what): expected Data, got \(v.typeName)") }
        return d
    }

    /// Registers `URL` and `Data` rows.
    static func register(in registry: Registry) {
        registry.type("URL", doc: "A file location (Foundation).")
            .initializer("init(fileURLWithPath path: String)", doc: "A file URL for `path` (relative paths resolve against the working directory).") { args in
                box(URL(fileURLWithPath: try args.get(0)))
            }
            .property("path: String", doc: "The file system path.") { this in .string(try url(this, "URL.path").path) }
            .property("lastPathComponent: String", doc: "The last part of the path.") { this in
                .string(try url(this, "URL.lastPathComponent").lastPathComponent)
            }
            .method("appendingPathComponent(_ pathComponent: String) -> URL", doc: "This URL with one more path component.") { this, args in
                box(try url(this, "URL.appendingPathComponent(_:)").appendingPathComponent(try args.get(0)))
            }
        registry.type("Data", doc: "A byte buffer (Foundation).")
            .initializer("init(contentsOf url: URL) throws", doc: "The bytes of the file at `url`.") { args in
                box(try Data(contentsOf: try url(args[0], "Data(contentsOf:)")))
            }
            .property("count: Int", doc: "The number of bytes.") { this in .int(try data(this, "Data.count").count) }
            .method("write(to url: URL) throws", doc: "Writes the bytes to the file at `url`.") { this, args in
                try data(this, "Data.write(to:)").write(to: try url(args[0], "Data.write(to:)"))
                return .void
            }
    }
}
