import Foundation
import PlotKit
import RecommenderKit
import ScriptKit

/// Registry rows for what NotebookKit adds to the libraries for display:
/// `TrainingHistory.plot(width:height:title:)`, the training curves as a figure (and, with
/// `SWIFTNB_TEST_HOOKS=1`, the progress test hook, which reports to `session`).
enum DisplayBindings {
    /// Registers the rows in `registry`.
    static func register(in registry: Registry, session: Session?) {
        if ProcessInfo.processInfo.environment[TestHookBindings.variable] == "1" {
            TestHookBindings.registerProgress(in: registry, session: session)
        }
        registry.type("TrainingHistory", doc: "")
            .method("plot(width: Int = 800, height: Int = 350, title: String? = nil) throws -> Figure",
                    doc: "The training curves as a figure: the loss on the left, each validation metric on the right, per epoch.") { this, args in
                let history = try TrainingHistory.fromScript(this)
                var title: String?
                if case let .string(s)? = args.optional(2) { title = s }
                return try history.plot(width: args.int(0), height: args.int(1), title: title).scriptValue
            }
    }
}
