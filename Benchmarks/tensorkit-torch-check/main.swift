// tensorkit-torch-check: computes the cases of `tensorkit_vs_pytorch.py` with TensorKit.
// Reads the cases (inputs as JSON) from the file named by the first argument and writes,
// for each case, its output and the gradient of every input as JSON to standard output.
// Run it through the Python script, which compares the numbers with PyTorch's.
import Foundation
import TensorKit

/// One tensor of the JSON file: `{"shape": [...], "data": [...]}`, with NaN and the
/// infinities written as the strings "nan", "inf" and "-inf" (JSON has no literal for them).
func tensor(_ any: Any?) throws -> Tensor {
    guard let d = any as? [String: Any], let shape = d["shape"] as? [Int], let data = d["data"] as? [Any] else {
        throw TensorError("tensorkit-torch-check", "expected {shape, data}")
    }
    return try Tensor(shape: shape, scalars: data.map { ($0 as? NSNumber)?.floatValue ?? Float($0 as? String ?? "nan") ?? .nan })
}

/// JSON for a tensor, with NaN and the infinities as strings, as in the input.
func json(_ t: Tensor) -> [String: Any] {
    func value(_ v: Float) -> Any {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        return Double(v)
    }
    return ["shape": t.shape, "data": t.scalars.map(value)]
}

/// The forward function of a case, by op name; `p` holds its scalar parameters.
func forward(_ op: String, _ x: [Tensor], _ p: [String: Any]) throws -> Tensor {
    switch op {
    case "add": return try x[0] + x[1]
    case "sub": return try x[0] - x[1]
    case "mul": return try x[0] * x[1]
    case "div": return try x[0] / x[1]
    case "matmul": return try x[0].matmul(x[1])
    case "matmul_tt": return try x[0].matmul(x[1], transposeSelf: true, transposeOther: true)
    case "exp": return x[0].exp()
    case "log": return x[0].log()
    case "tanh": return x[0].tanh()
    case "sigmoid": return x[0].sigmoid()
    case "relu": return x[0].relu()
    case "sqrt": return x[0].sqrt()
    case "abs": return x[0].abs()
    case "pow3": return x[0].pow(3)
    case "clamp": return try x[0].clamped(-0.5, 0.5)
    case "sum": return x[0].sum()
    case "mean": return x[0].mean()
    case "sum_axis0": return try x[0].sum(axis: 0)
    case "mean_axis1": return try x[0].mean(axis: 1)
    case "max_axis1": return try x[0].max(axis: 1)
    case "min_axis0": return try x[0].min(axis: 0)
    case "max": return try x[0].max()
    case "min": return try x[0].min()
    case "argmax": return Tensor(scalar: Float(try x[0].argmax()))
    case "softmax": return try x[0].softmax()
    case "log_softmax": return try x[0].logSoftmax()
    case "transpose": return x[0].transposed()
    case "reshape": return try x[0].reshaped([-1, 2])
    case "rows": return try x[0].rows((p["indices"] as? [Int]) ?? [])
    case "concat1": return try Tensor.concatenate([x[0], x[1]], axis: 1)
    case "slice1": return try x[0].slice(axis: 1, 1..<3)
    case "where": return try Tensor.where(x[0].greater(than: 0), x[1], x[2])
    case "linear": return try Tensor.linear(x[0], weight: x[1], bias: x[2])
    case "mse": return try Loss.mse(x[0], x[1].detached())
    case "bce": return try Loss.bce(probabilities: x[0], targets: x[1].detached())
    case "bce_logits": return try Loss.bceWithLogits(x[0], targets: x[1].detached())
    case "multinomial_nll": return try Loss.multinomialNLL(logits: x[0], targets: x[1].detached())
    case "gaussian_kl": return try Loss.gaussianKL(mean: x[0], logVariance: x[1])
    case "batchnorm":
        let bn = try BatchNorm1d(x[0].shape[1])
        return try bn(x[0])
    default: throw TensorError("tensorkit-torch-check", "unknown op \(op)")
    }
}

/// Runs an optimizer case: `steps` updates of f(p) = Σ (p · c_k)² where parameter k gets a
/// gradient only at the steps listed in `active[k]`; returns the final parameters.
func optimize(_ op: String, _ x: [Tensor], _ p: [String: Any]) throws -> [Tensor] {
    let params = x.map { Parameter($0) }
    let active = (p["active"] as? [[Int]]) ?? []
    let steps = (p["steps"] as? Int) ?? 1
    let optimizer: Optimizer = op == "adam"
        ? try Adam(params, learningRate: 0.1, weightDecay: (p["weight_decay"] as? NSNumber)?.floatValue ?? 0)
        : try SGD(params, learningRate: 0.1, momentum: 0.9)
    for step in 0..<steps {
        optimizer.zeroGrad()
        var loss = Tensor(scalar: 0)
        for (k, param) in params.enumerated() where active[k].contains(step) {
            let scaled = param.value * Float(k + 1)
            loss = try loss + (scaled * scaled).sum()
        }
        if loss.requiresGrad { try loss.backward() }
        optimizer.step()
    }
    return params.map(\.value)
}

let casesURL = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "cases.json")
let cases = try JSONSerialization.jsonObject(with: Data(contentsOf: casesURL)) as? [[String: Any]] ?? []
var results: [[String: Any]] = []
for c in cases {
    let name = c["name"] as? String ?? "?", op = c["op"] as? String ?? "?"
    let params = c["params"] as? [String: Any] ?? [:]
    let inputs = try (c["inputs"] as? [Any] ?? []).map(tensor)
    do {
        if op == "adam" || op == "sgd" {
            results.append(["name": name, "outputs": try optimize(op, inputs, params).map(json)])
            continue
        }
        let leaves = inputs.map { $0.requiringGrad() }
        let out = try forward(op, leaves, params)
        var entry: [String: Any] = ["name": name, "outputs": [json(out)]]
        if c["grad"] as? Bool ?? true, out.requiresGrad {
            let seed = try c["seed"].map(tensor) ?? Tensor.ones(out.shape)
            try out.backward(seed: seed)
            entry["grads"] = leaves.map { leaf -> Any in
                if let g = leaf.grad { return json(g) }
                return NSNull()
            }
        }
        results.append(entry)
    } catch {
        results.append(["name": name, "error": "\(error)"])
    }
}
FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys]))
