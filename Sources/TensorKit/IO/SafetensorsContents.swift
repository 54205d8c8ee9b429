/// An integer entry of a safetensors file (I64, I32, I16, I8, U8 or BOOL), kept exact:
/// PyTorch stores counters this way (`BatchNorm1d.num_batches_tracked` is I64).
public struct IntegerTensor: Equatable, Sendable {
    /// The size of each axis; `[]` for a scalar.
    public var shape: [Int]
    /// The elements in row-major order.
    public var values: [Int64]
    /// The dtype in the file, e.g. `"I64"`.
    public var dtype: String

    /// An integer tensor of `shape` holding `values` (from the file's `dtype`).
    public init(shape: [Int], values: [Int64], dtype: String) {
        self.shape = shape
        self.values = values
        self.dtype = dtype
    }
}

/// Everything in a safetensors file, as `Safetensors.read(from:)` returns it.
public struct SafetensorsContents {
    /// The floating-point entries as Float32 tensors: F32 as is, F16 and BF16 exactly,
    /// F64 rounded (each such entry is named in `notes`).
    public var tensors: [String: Tensor]
    /// The integer and boolean entries, exactly.
    public var integers: [String: IntegerTensor]
    /// The `__metadata__` strings of the header.
    public var metadata: [String: String]
    /// What reading changed, one line per entry (e.g. an F64 entry narrowed to Float32).
    public var notes: [String]
}
