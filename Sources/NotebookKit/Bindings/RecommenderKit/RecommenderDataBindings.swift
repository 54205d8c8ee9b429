import RecommenderKit
import ScriptKit

/// Registry rows for RecommenderKit (see the rows for what they cover).
enum RecommenderDataBindings {
    /// Registers the rows; `session` shows progress bars and receives shown values (nil
    /// when only checking names).
    static func register(in registry: Registry, session: Session?) {
    }
}
