import Foundation
import XCTest
@testable import NotebookKit
@testable import ScriptKit

/// Every public declaration of TensorKit, RecommenderKit and PlotKit is bound into the
/// notebook language or excluded with a reason. The public API is read from the built
/// modules with `swift-symbolgraph-extract`; exclusions live in `BindingCoverage/*.txt`,
/// one `Symbol.path  # reason` per line.
final class BindingCoverageTests: XCTestCase {
    static let modules = ["TensorKit", "RecommenderKit", "PlotKit"]

    func testEveryPublicDeclarationIsBoundOrExcluded() throws {
        let symbols = try PublicSymbols.extract(modules: Self.modules)
        XCTAssertGreaterThan(symbols.count, 500, "too few public symbols read: the extraction is broken")
        let registry = Registry.standard()
        NotebookBindings.register(in: registry, session: nil)
        XCTAssertTrue(registry.signatureErrors.isEmpty, "bad binding signatures: \(registry.signatureErrors)")
        let exclusions = try CoverageExclusions.load()

        var missing: [String] = []
        var boundButExcluded: [String] = []
        for symbol in symbols {
            let bound = BindingLookup.isBound(symbol, in: registry)
            let excluded = exclusions.reasons[symbol.key] != nil
            if !bound && !excluded { missing.append("\(symbol.module): \(symbol.key)  (\(symbol.kind))") }
            if bound && excluded { boundButExcluded.append(symbol.key) }
        }
        let known = Set(symbols.map(\.key))
        let stale = exclusions.reasons.keys.filter { !known.contains($0) }.sorted()
        XCTAssertTrue(missing.isEmpty, "\(missing.count) public declarations are neither bound nor excluded:\n" + missing.sorted().joined(separator: "\n"))
        XCTAssertTrue(boundButExcluded.isEmpty, "bound, yet listed as excluded (remove the exclusion):\n" + boundButExcluded.sorted().joined(separator: "\n"))
        XCTAssertTrue(stale.isEmpty, "exclusions naming no public declaration (remove or fix them):\n" + stale.joined(separator: "\n"))
        XCTAssertTrue(exclusions.malformed.isEmpty, "exclusion lines without a reason:\n" + exclusions.malformed.joined(separator: "\n"))
    }

    /// The matcher itself: a bound row is found, an unbound one is not.
    func testLookupMatchesRowsBySwiftName() {
        let registry = Registry.standard()
        registry.type("Model", doc: "A model.")
            .initializer("init(items: Int)", doc: "A model.") { _ in .void }
            .method("fit(_ data: Int, epochs: Int = 3) -> Int", doc: "Fits.") { _, _ in .void }
            .staticProperty("shared: Model", doc: "One.") { .void }
        func symbol(_ path: [String], _ kind: String) -> PublicSymbol {
            PublicSymbol(module: "M", path: path, kind: kind)
        }
        XCTAssertTrue(BindingLookup.isBound(symbol(["Model"], "swift.class"), in: registry))
        XCTAssertTrue(BindingLookup.isBound(symbol(["Model", "init(items:)"], "swift.init"), in: registry))
        XCTAssertFalse(BindingLookup.isBound(symbol(["Model", "init(count:)"], "swift.init"), in: registry))
        XCTAssertTrue(BindingLookup.isBound(symbol(["Model", "fit(_:epochs:)"], "swift.method"), in: registry))
        XCTAssertFalse(BindingLookup.isBound(symbol(["Model", "fit(_:)"], "swift.method"), in: registry))
        XCTAssertTrue(BindingLookup.isBound(symbol(["Model", "shared"], "swift.type.property"), in: registry))
        XCTAssertFalse(BindingLookup.isBound(symbol(["Model", "shared"], "swift.property"), in: registry))
        XCTAssertFalse(BindingLookup.isBound(symbol(["Other"], "swift.struct"), in: registry))
    }
}

/// One public declaration: its module, path (`["MultVAE", "fit(_:validation:)"]`) and
/// symbol-graph kind (`swift.method`).
struct PublicSymbol {
    var module: String
    var path: [String]
    var kind: String

    /// How exclusion files name it: the path joined with dots (`MultVAE.fit(_:validation:)`).
    var key: String { path.joined(separator: ".") }
}

enum PublicSymbols {
    /// The public declarations of `modules` written in their sources (synthesized members,
    /// such as `hashValue` of an enum, have no source location and are left out).
    static func extract(modules: [String]) throws -> [PublicSymbol] {
        let root = packageRoot
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("swiftnb-symbols-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let includes = try moduleSearchArguments()
        var symbols: [PublicSymbol] = []
        for module in modules {
            let arguments = ["swift-symbolgraph-extract", "-module-name", module] + includes
                + ["-target", targetTriple, "-minimum-access-level", "public", "-output-dir", out.path]
            let (status, output) = try run(arguments, in: root)
            guard status == 0 else {
                throw CoverageFailure("swift-symbolgraph-extract failed for \(module) (status \(status)):\n\(output)")
            }
            let data = try Data(contentsOf: out.appendingPathComponent("\(module).symbols.json"))
            let graph = try JSONDecoder().decode(SymbolGraph.self, from: data)
            for s in graph.symbols where s.location != nil {
                symbols.append(PublicSymbol(module: module, path: s.pathComponents, kind: s.kind.identifier))
            }
        }
        return symbols
    }

    /// Where the built Swift modules and the C modules they import (OpenBLAS, Cairo, libpng,
    /// zlib) are found: what swift-symbolgraph-extract and swiftc need to load the libraries.
    static func moduleSearchArguments() throws -> [String] {
        let root = packageRoot
        var arguments = ["-I", try builtModulesDirectory()]
        arguments += ["CBLAS", "CFastMath", "CCairo", "CPNG"].flatMap { ["-I", root + "/Sources/" + $0] }
        arguments += ["-I", root + "/.build/checkouts/ZIPFoundation/Sources/CZLib"]
        for dir in ["/usr/include/cairo", "/usr/include/freetype2", "/usr/include/libpng16", "/usr/include/glib-2.0",
                    "/usr/lib/x86_64-linux-gnu/glib-2.0/include", "/usr/include/pixman-1"] {
            arguments += ["-Xcc", "-I" + dir]
        }
        return arguments
    }

    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    #if arch(arm64)
    static let targetTriple = "aarch64-unknown-linux-gnu"
    #else
    static let targetTriple = "x86_64-unknown-linux-gnu"
    #endif

    /// The `Modules` folder of the build that holds this test bundle (debug or release).
    static func builtModulesDirectory() throws -> String {
        var candidates: [String] = []
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            candidates.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent().appendingPathComponent("Modules").path)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("Modules").path)
        for config in ["debug", "release"] { candidates.append(packageRoot + "/.build/\(config)/Modules") }
        for c in candidates where FileManager.default.fileExists(atPath: c + "/RecommenderKit.swiftmodule") { return c }
        throw CoverageFailure("no built RecommenderKit.swiftmodule found in \(candidates)")
    }

    static func run(_ arguments: [String], in directory: String) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private struct SymbolGraph: Decodable {
        struct Symbol: Decodable {
            struct Kind: Decodable { var identifier: String }
            struct Location: Decodable { var uri: String }
            var kind: Kind
            var pathComponents: [String]
            var location: Location?
        }
        var symbols: [Symbol]
    }
}

/// Whether the registry has a row for a public declaration.
enum BindingLookup {
    static func isBound(_ symbol: PublicSymbol, in registry: Registry) -> Bool {
        let path = symbol.path
        guard let last = path.last else { return false }
        let owner = path.dropLast().joined(separator: ".")
        let type = owner.isEmpty ? nil : registry.types[owner]
        // A conforming type's member is bound when its protocol's row serves it.
        if let type, ["swift.method", "swift.property", "swift.subscript"].contains(symbol.kind) {
            for p in type.conformances.sorted() {
                let inProtocol = PublicSymbol(module: symbol.module, path: p.split(separator: ".").map(String.init) + [last], kind: symbol.kind)
                if isBound(inProtocol, in: registry) { return true }
            }
        }
        let name = last.firstIndex(of: "(").map { String(last[..<$0]) } ?? last
        switch symbol.kind {
        case "swift.struct", "swift.class", "swift.enum", "swift.protocol":
            return registry.types[symbol.key] != nil
        case "swift.init":
            return type?.initializers.contains { "init" + labels($0) == last } ?? false
        case "swift.method":
            return type?.methods[name]?.contains { matches($0, last) } ?? false
        case "swift.type.method":
            return type?.staticMethods[name]?.contains { matches($0, last) } ?? false
        case "swift.property":
            return type?.properties[name] != nil
        case "swift.type.property":
            return type?.staticProperties[name] != nil
        case "swift.subscript":
            return type?.methods["subscript"]?.contains { matches($0, last) } ?? false
        case "swift.enum.case":
            return type?.staticProperties[name] != nil || type?.staticMethods[name] != nil
        case "swift.func.op":
            if let type { return type.operators[name] != nil || type.prefixOperators[name] != nil }
            return registry.types.values.contains { $0.operators[name] != nil || $0.prefixOperators[name] != nil }
        case "swift.func":
            return registry.functions[name]?.contains { matches($0, last) } ?? false
        case "swift.var":
            return owner.isEmpty && registry.functions[name] != nil
        case "swift.typealias":
            return registry.types[symbol.key] != nil || registry.typeAliases[symbol.key] != nil
        default:
            return false
        }
    }

    /// `(_:epochs:)` for a row's parameters.
    static func labels(_ o: Overload) -> String {
        "(" + o.signature.parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }

    static func matches(_ o: Overload, _ title: String) -> Bool {
        o.signature.name + labels(o) == title
    }
}

/// The exclusion lists: `Symbol.path  # reason` per line; blank lines and lines starting
/// with `#` are comments.
struct CoverageExclusions {
    var reasons: [String: String] = [:]
    var malformed: [String] = []

    static func load() throws -> CoverageExclusions {
        let dir = PublicSymbols.packageRoot + "/Tests/NotebookKitTests/BindingCoverage"
        var result = CoverageExclusions()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        for file in files.sorted() where file.hasSuffix(".txt") {
            let text = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
            for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                let parts = line.components(separatedBy: "#")
                let key = parts[0].trimmingCharacters(in: .whitespaces)
                let reason = parts.dropFirst().joined(separator: "#").trimmingCharacters(in: .whitespaces)
                if key.isEmpty || reason.isEmpty { result.malformed.append("\(file):\(n + 1): \(line)"); continue }
                result.reasons[key] = reason
            }
        }
        return result
    }
}

struct CoverageFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
