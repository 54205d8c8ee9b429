import Foundation
import RecommenderKit
import ScriptKit

/// Obtaining datasets: MovieLens.load and DatasetFetcher (with a progress bar fed by the
/// fetch events), DatasetSource, FetchEvent and StderrFetchProgress.
enum FetchBindings {
    static func register(in registry: Registry, session: Session?) {
        registerEvents(registry)
        registerMovieLens(registry, session)
        registerFetcher(registry, session)
    }

    static func registerEvents(_ registry: Registry) {
        registry.type("FetchEvent", doc: "What a fetch reports while it runs.")
            .equatable(FetchEvent.self)
            .staticMethod("step(_ text: String) -> FetchEvent", doc: "A step started (\"downloading https://...\", \"extracting\", ...).") { a in
                FetchEvent.step(try a.get(0)).scriptValue
            }
            .staticMethod("bytes(received: Int64, total: Int64?) -> FetchEvent", doc: "Bytes received so far, and the total when known.") { a in
                FetchEvent.bytes(received: Int64(try a.get(0, as: Int.self)), total: try a.get(1, as: Int?.self).map(Int64.init)).scriptValue
            }
            .staticMethod("done(_ text: String) -> FetchEvent", doc: "The step finished.") { a in
                FetchEvent.done(try a.get(0)).scriptValue
            }
        registry.type("StderrFetchProgress", doc: "Reports fetch progress on standard error: a redrawn bar on a terminal, a few lines otherwise.")
            .referenceType()
            .initializer("init()", doc: "Creates a reporter.") { _ in StderrFetchProgress().scriptValue }
            .method("report(_ event: FetchEvent)", doc: "Handles one event.") { this, a in
                let event = try a.get(0, as: FetchEvent.self)
                // The bar's arithmetic needs 0 <= received <= total (and no overflow of 100 · received).
                if case .bytes(let received, let total) = event,
                   received < 0 || received > Int64(1) << 56 || total.map({ received > $0 }) == true {
                    throw BindingError("StderrFetchProgress.report: expected 0 <= received <= total, got received \(received), total \(total.map { "\($0)" } ?? "nil")")
                }
                try StderrFetchProgress.fromScript(this).report(event)
                return .void
            }
    }

    /// A fetch progress callback that draws a bar (from the first byte count on) and also
    /// calls the script's own callback, if any.
    static func progress(_ title: String, _ a: Arguments, scriptCallback i: Int, session: Session?) -> (callback: (FetchEvent) -> Void, finish: () -> Void) {
        let scriptCallback = a.optional(i)
        var reporter: ProgressReporter?
        var step = ""
        let callback: (FetchEvent) -> Void = { event in
            // The fetch cannot be stopped from its callback: a failing script callback is skipped.
            if let scriptCallback, !a.interruptRequested { _ = try? a.call(scriptCallback, [event.scriptValue]) }
            switch event {
            case .step(let s): step = s
            case .done(let s): step = s
            case .bytes(let received, let total):
                if reporter == nil { reporter = session?.progress(title, total: total.map { Int($0) }, unit: "byte") }
                reporter?.update(completed: Int(received), detail: step)
            }
        }
        return (callback, { reporter?.finish(summary: step.isEmpty ? "done" : step) })
    }

    static func registerMovieLens(_ registry: Registry, _ session: Session?) {
        registry.type("MovieLens", doc: "One-line access to MovieLens for notebooks: `try MovieLens.load(\"ml-100k\")`.")
            .staticProperty("defaultDataRoot: URL", doc: "The default data root: `$SWIFTNB_DATA` when set, else `data/` in the current folder.") {
                MovieLens.defaultDataRoot.scriptValue
            }
            .staticMethod("load(_ name: String, dataRoot: URL? = nil, offline: Bool = false, progress: ((FetchEvent) -> Void)? = nil) throws -> Dataset",
                          doc: "Loads `dataRoot/name`, fetching it first when missing (unless `offline`).") { a in
                let name: String = try a.get(0)
                let (callback, finish) = progress("Fetching \(name)", a, scriptCallback: 3, session: session)
                let d = try MovieLens.load(name, dataRoot: try ModelSupport.optionalURL(a, 1, "MovieLens.load"), offline: try a.get(2),
                                           progress: callback)
                finish()
                return d.scriptValue
            }
    }

    static func registerFetcher(_ registry: Registry, _ session: Session?) {
        typealias E = DatasetFetcher.Entry
        registry.type("DatasetFetcher.Entry", doc: "One row of `DatasetFetcher.list(dataRoot:)`.")
            .field("name: String", \E.name, doc: "The dataset name.")
            .field("summary: String", \E.summary, doc: "Its one-line description (empty for folders we do not know).")
            .field("path: URL?", \E.path, doc: "Where it is, when present in the data root.")
            .field("format: DatasetFormat?", \E.format, doc: "The format detected in its folder, when present.")
            .field("problem: String?", \E.problem, doc: "What is wrong with what is at its path, or nil.")
            .readOnly("isInstalled: Bool", \E.isInstalled, doc: "True when a usable dataset is at its path.")
            .readOnly("description: String", \E.description, doc: "One line: name, state and summary.")
        registry.type("DatasetFetcher", doc: "Obtains datasets into a data root (`data/NAME/`).")
            .staticMethod("fetch(_ name: String, into dataRoot: URL, officialTimeout: Double = 10, progress: ((FetchEvent) -> Void)? = nil) throws -> URL",
                          doc: "Fetches `name` into `dataRoot/name` unless it is already there; returns its folder.") { a in
                let name: String = try a.get(0)
                let (callback, finish) = progress("Fetching \(name)", a, scriptCallback: 3, session: session)
                let u = try DatasetFetcher.fetch(name, into: try ModelSupport.url(a, 1, "DatasetFetcher.fetch"), officialTimeout: try a.get(2),
                                                 progress: callback)
                finish()
                return u.scriptValue
            }
            .staticMethod("list(dataRoot: URL) -> [DatasetFetcher.Entry]", doc: "Known datasets plus any other dataset folder found in the data root.") { a in
                DatasetFetcher.list(dataRoot: try ModelSupport.url(a, 0, "DatasetFetcher.list")).scriptValue
            }
            .staticMethod("md5Hex(_ data: Data) -> String", doc: "The lowercase hex MD5 of `data`.") { a in
                DatasetFetcher.md5Hex(try a.get(0, as: Data.self)).scriptValue
            }
        typealias S = DatasetSource
        registry.type("DatasetSource", doc: "A dataset that `DatasetFetcher` knows how to obtain.")
            .staticProperty("known: [DatasetSource]", doc: "The datasets `swiftnb data fetch` can obtain.") { S.known.scriptValue }
            .field("name: String", \S.name, doc: "The folder name under the data root (`ml-100k`).")
            .field("summary: String", \S.summary, doc: "A one-line description.")
            .field("md5: String?", \S.md5, doc: "The archive's expected MD5 (lowercase hex), checked before extraction.")
            .field("archiveFolder: String?", \S.archiveFolder, doc: "The folder inside the official zip whose files make up the dataset.")
            .field("wheelRequirement: String?", \S.wheelRequirement, doc: "The PyPI requirement whose wheel carries a copy.")
            .field("wheelFolder: String?", \S.wheelFolder, doc: "The folder inside the wheel, with a trailing slash.")
            .field("officialURL: URL?", \S.officialURL, doc: "The official archive.")
            .field("md5URL: URL?", \S.md5URL, doc: "Where the publisher's MD5 sidecar is, for an archive updated in place.")
    }
}
