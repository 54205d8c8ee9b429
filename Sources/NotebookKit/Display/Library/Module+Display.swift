import TensorKit

/// TensorKit's layers show as a Keras-like summary: one row per leaf layer (depth first, in
/// the order of `children`), its type, output shape (batch first; a layer without weights
/// keeps its input's width) and parameter count, then the total.
enum ModuleSummary {
    /// The summary table of `module`.
    static func table(_ module: Module) -> DisplayTable {
        var rows: [[String]] = []
        var width: Int?
        func visit(_ m: Module, name: String) {
            if !m.children.isEmpty {
                for (childName, child) in m.children { visit(child, name: name.isEmpty ? childName : name + "." + childName) }
                return
            }
            let own = m.ownParameters.reduce(0) { $0 + $1.parameter.value.count }
            switch m {
            case let linear as Linear: width = linear.weight.value.shape[1]
            case let embedding as Embedding: width = embedding.weight.value.shape[1]
            case let norm as BatchNorm1d: width = norm.gamma.value.count
            default: break
            }
            let shape = width.map { "(batch, \($0))" } ?? "(batch, ...)"
            rows.append([name.isEmpty ? "0" : name, typeName(m), shape, String(own)])
        }
        visit(module, name: "")
        rows.append(["total", "", "", String(module.parameterCount)])
        return DisplayTable(columns: ["layer", "type", "output shape", "parameters"], rows: rows, caption: typeName(module))
    }

    /// The layer's type name; an activation with its function (`Activation(relu)`).
    static func typeName(_ m: Module) -> String {
        if let a = m as? Activation { return "Activation(\(a.function))" }
        if let d = m as? Dropout { return "Dropout(\(d.rate))" }
        return String(describing: type(of: m))
    }
}

extension Sequential: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        [.table(ModuleSummary.table(self))]
    }
}

extension Linear: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        [.table(ModuleSummary.table(self))]
    }
}

extension Embedding: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        [.table(ModuleSummary.table(self))]
    }
}

extension BatchNorm1d: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        [.table(ModuleSummary.table(self))]
    }
}
