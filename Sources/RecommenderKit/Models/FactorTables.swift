import TensorKit

/// Latent-factor tables (one row of `k` factors per user or item, row-major Float) as the
/// factor models save and load them in safetensors.
enum FactorTables {
    /// The table as a [rows, k] tensor.
    static func tensor(_ table: [Float], k: Int) throws -> Tensor {
        try Tensor(shape: [table.count / k, k], scalars: table)
    }

    /// The table saved under `key`, which must be a finite [rows, k] tensor.
    static func restore(_ state: [String: Tensor], key: String, rows: Int, k: Int, model: String) throws -> [Float] {
        guard let f = state[key], f.shape == [rows, k], f.scalars.allSatisfy(\.isFinite) else {
            throw ModelError("\(model).load", "'\(key)' should be a finite [\(rows), \(k)] table, got \(state[key].map { "\($0.shape)" } ?? "nothing") (another configuration?)")
        }
        return f.scalars
    }
}
