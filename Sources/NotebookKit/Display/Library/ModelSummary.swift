import Foundation
import TensorKit

/// A model summary in the manner of Keras's `model.summary()`: one row per layer with its
/// type, output shape and parameter count, and the total; then the model's configuration.
///
/// The layers are read from what a fitted model saves (`state()`: dotted names such as
/// `encoder.0.weight` with their tensors), so every model summarises the same way: a group
/// `weight` [in, out] + `bias` is a `Linear`, a lone 2-D `weight` an `Embedding`, `weight`,
/// `bias`, `running_mean` and `running_var` a `BatchNorm1d`; any other tensor (a closed-form
/// model's item-item weights, bias terms, factor tables) is a row of its own with its shape.
/// Output shapes put `batch` first.
struct ModelSummary {
    /// One row of the layer table.
    struct Row: Equatable {
        var name: String
        var type: String
        var shape: String
        var parameters: Int
    }

    /// The model's name (the caption).
    var name: String
    /// The layers (or tensors), in order; empty for an unfitted model.
    var rows: [Row]
    /// Whether the model has been fitted (or loaded).
    var isFitted: Bool
    /// The configuration's fields as (name, value) pairs.
    var configuration: [(String, String)]

    /// The summary of a model saving `state` (nil when unfitted), with the stored
    /// properties of `configuration` (or the given `settings`) as its settings. `rank` orders
    /// the layer groups (smaller first; ties by name with numbers compared as numbers).
    init(name: String, state: [String: Tensor]?, configuration: Any? = nil, settings: [(String, String)] = [],
         rank: (String) -> [Int] = ModelSummary.defaultRank) {
        self.name = name
        isFitted = state != nil
        self.configuration = (configuration.map(ModelSummary.fields) ?? []) + settings
        guard let state else { rows = []; return }
        var groups: [String: [String: Tensor]] = [:]
        for (key, tensor) in state {
            let parts = key.split(separator: ".")
            let group = parts.count > 1 ? parts.dropLast().joined(separator: ".") : key
            let leaf = parts.count > 1 ? String(parts.last!) : ""
            groups[group, default: [:]][leaf] = tensor
        }
        var rows: [Row] = []
        for group in groups.keys.sorted(by: { ModelSummary.ordered($0, $1, rank) }) {
            rows += ModelSummary.rows(group: group, tensors: groups[group]!)
        }
        self.rows = rows
    }

    /// The total number of parameters (values, for closed-form tables).
    var totalParameters: Int { rows.reduce(0) { $0 + $1.parameters } }

    /// The layer table (with a total row) and the configuration table.
    var items: [DisplayItem] {
        var items: [DisplayItem] = []
        if isFitted {
            let table = rows.map { [$0.name, $0.type, $0.shape, DisplayNumber.count($0.parameters)] }
                + [["total", "", "", DisplayNumber.count(totalParameters)]]
            items.append(.table(DisplayTable(columns: ["layer", "type", "output shape", "parameters"], rows: table,
                                             caption: name)))
        } else {
            items.append(.text("\(name) (not fitted: its layers are made by fit or load)\n"))
        }
        if !configuration.isEmpty {
            items.append(.table(DisplayTable(columns: ["setting", "value"], rows: configuration.map { [$0.0, $0.1] },
                                             caption: "Configuration")))
        }
        return items
    }

    /// The rows of one group of tensors: one layer when it looks like one, else one row per
    /// tensor.
    static func rows(group: String, tensors: [String: Tensor]) -> [Row] {
        let keys = Set(tensors.keys)
        let count = tensors.values.reduce(0) { $0 + $1.count }
        if let w = tensors["weight"], w.shape.count == 2 {
            if keys == ["weight", "bias"] || keys == ["weight"] && group.lowercased().contains("linear") {
                return [Row(name: group, type: "Linear", shape: "(batch, \(w.shape[1]))", parameters: count)]
            }
            if keys == ["weight"] {
                return [Row(name: group, type: "Embedding", shape: "(batch, \(w.shape[1]))", parameters: count)]
            }
        }
        if keys == ["weight", "bias", "running_mean", "running_var"], let w = tensors["weight"] {
            let trainable = (tensors["weight"]?.count ?? 0) + (tensors["bias"]?.count ?? 0)
            return [Row(name: group, type: "BatchNorm1d", shape: "(batch, \(w.count))", parameters: trainable)]
        }
        return keys.sorted().map { key in
            let t = tensors[key]!
            return Row(name: key.isEmpty ? group : group + "." + key, type: "tensor",
                       shape: "[" + t.shape.map(String.init).joined(separator: ", ") + "]", parameters: t.count)
        }
    }

    /// The default order, name part by name part: `embedding` and `encoder` before `decoder`
    /// (`autoencoder.encoder.1` before `autoencoder.decoder.0`), then by name.
    static func defaultRank(_ group: String) -> [Int] {
        let order = ["embedding", "reduce", "autoencoder", "encoder", "decoder"]
        return group.split(separator: ".").map { order.firstIndex(of: String($0)) ?? order.count }
    }

    /// `a` before `b`: by rank, then by name with runs of digits compared as numbers.
    static func ordered(_ a: String, _ b: String, _ rank: (String) -> [Int]) -> Bool {
        let ra = rank(a), rb = rank(b)
        if ra != rb { return ra.lexicographicallyPrecedes(rb) }
        return a.compare(b, options: .numeric) == .orderedAscending
    }

    /// The stored properties of a configuration value, formatted.
    static func fields(_ value: Any) -> [(String, String)] {
        Mirror(reflecting: value).children.compactMap { child in
            guard let label = child.label else { return nil }
            return (label, format(child.value))
        }
    }

    private static func format(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.first.map { format($0.value) } ?? "nil"
        }
        if mirror.displayStyle == .enum, mirror.children.isEmpty { return "." + String(describing: value) }
        if let array = value as? [Any] { return "[" + array.map(format).joined(separator: ", ") + "]" }
        return String(describing: value)
    }
}
