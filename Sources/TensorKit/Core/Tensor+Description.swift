import Foundation

/// PyTorch-style printing: `tensor([[1., 2.], [3., 4.]], shape: [2, 2])`. Tensors with
/// more than 1000 elements show the first and last three entries of each axis around `...`.
extension Tensor: CustomStringConvertible, CustomDebugStringConvertible {
    /// The elements (or a head and tail of them) followed by the shape.
    public var description: String {
        let summarize = count > 1000
        let p = storage.pointer
        // Pick one number format for every shown value, as PyTorch does.
        var shownIndices: [Int] = []
        collect(axis: 0, offset: 0, summarize: summarize, into: &shownIndices)
        let values = shownIndices.map { p[$0] }
        let format = Tensor.numberFormat(for: values)
        let texts = values.map { format($0) }
        let width = texts.map(\.count).max() ?? 0
        var next = 0
        let indent = "tensor(".count
        var body = ""
        render(axis: 0, offset: 0, summarize: summarize, indent: indent, width: width,
               texts: texts, next: &next, into: &body)
        var suffix = ", shape: \(shape)"
        if node != nil { suffix += ", requiresGrad: true" }
        return "tensor(" + body + suffix + ")"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    private func shownRange(_ n: Int, _ summarize: Bool) -> [Int] {
        summarize && n > 6 ? Array(0..<3) + Array((n - 3)..<n) : Array(0..<n)
    }

    private func collect(axis: Int, offset: Int, summarize: Bool, into out: inout [Int]) {
        if axis == rank { out.append(offset); return }
        let inner = shape[(axis + 1)...].reduce(1, *)
        for i in shownRange(shape[axis], summarize) {
            collect(axis: axis + 1, offset: offset + i * inner, summarize: summarize, into: &out)
        }
    }

    private func render(axis: Int, offset: Int, summarize: Bool, indent: Int, width: Int,
                        texts: [String], next: inout Int, into out: inout String) {
        if axis == rank {
            let t = texts[next]
            out += String(repeating: " ", count: width - t.count) + t
            next += 1
            return
        }
        let n = shape[axis]
        let inner = shape[(axis + 1)...].reduce(1, *)
        let shown = shownRange(n, summarize)
        let newlines = String(repeating: "\n", count: Swift.max(1, rank - axis - 1))
        let pad = String(repeating: " ", count: indent + 1)
        out += "["
        for (k, i) in shown.enumerated() {
            if k > 0 {
                out += axis == rank - 1 ? ", " : "," + newlines + pad
            }
            if summarize && n > 6 && k == 3 {
                out += axis == rank - 1 ? "..., " : "...," + newlines + pad
            }
            render(axis: axis + 1, offset: offset + i * inner, summarize: summarize,
                   indent: indent + 1, width: width, texts: texts, next: &next, into: &out)
        }
        out += "]"
    }

    /// Integers print as `3.`, moderate values with four decimals, others in scientific form.
    static func numberFormat(for values: [Float]) -> (Float) -> String {
        let finite = values.filter(\.isFinite)
        let maxAbs = finite.map { Swift.abs($0) }.max() ?? 0
        let minAbs = finite.filter { $0 != 0 }.map { Swift.abs($0) }.min() ?? 0
        func special(_ v: Float) -> String? {
            if v.isNaN { return "nan" }
            if v.isInfinite { return v > 0 ? "inf" : "-inf" }
            return nil
        }
        if finite.allSatisfy({ $0 == $0.rounded() }) && maxAbs < 1e8 {
            return { v in special(v) ?? String(format: "%.0f.", Double(v)) }
        }
        if maxAbs >= 1e5 || (minAbs > 0 && minAbs < 1e-4) {
            return { v in special(v) ?? String(format: "%.4e", Double(v)) }
        }
        return { v in special(v) ?? String(format: "%.4f", Double(v)) }
    }
}
