import Foundation
import RecommenderKit
import ScriptKit
import TensorKit

/// Conversions the model, training, analysis and fetch rows share: tensors, URLs, states
/// as named tensors, and checks that turn a would-be trap into a `BindingError`.
enum ModelSupport {
    /// The `Tensor` in `value` (a library box; the TensorKit rows box tensors the same way
    /// once their `TensorObject` is gone).
    static func tensor(_ value: Value, _ what: String) throws -> Tensor {
        if let t = value.host(Tensor.self) { return t }
        throw BindingError("\(what): expected Tensor, got \(value.typeName)")
    }

    /// Argument `i` as a `Tensor`.
    static func tensor(_ args: Arguments, _ i: Int, _ what: String) throws -> Tensor {
        try tensor(args[i], what)
    }

    /// Argument `i` as an optional `Tensor`.
    static func optionalTensor(_ args: Arguments, _ i: Int, _ what: String) throws -> Tensor? {
        guard let v = args.optional(i) else { return nil }
        return try tensor(v, what)
    }

    /// Argument `i` as a `[String: Tensor]` state.
    static func state(_ args: Arguments, _ i: Int, _ what: String) throws -> [String: Tensor] {
        guard case .dictionary(let d)? = args[i].unwrapped else {
            throw BindingError("\(what): expected [String: Tensor], got \(args[i].typeName)")
        }
        var out: [String: Tensor] = [:]
        for (k, v) in zip(d.keys, d.values) { out[try String.fromScript(k)] = try tensor(v, what) }
        return out
    }

    /// Argument `i` as a `URL`.
    static func url(_ args: Arguments, _ i: Int, _ what: String) throws -> URL {
        try args.get(i, as: URL.self)
    }

    /// Argument `i` as an optional `URL`.
    static func optionalURL(_ args: Arguments, _ i: Int, _ what: String) throws -> URL? {
        try args.get(i, as: URL?.self)
    }

    /// Throws unless `users` and `items` pair up.
    static func checkPairs(_ users: [Int], _ items: [Int], _ what: String) throws {
        guard users.count == items.count else {
            throw BindingError("\(what): users and items must have the same length, got \(users.count) and \(items.count)")
        }
    }

    /// Scored items as a script array.
    static func scored(_ items: [ScoredItem]) -> Value { items.scriptValue }
}
