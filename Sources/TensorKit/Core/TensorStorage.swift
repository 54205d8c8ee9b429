/// The heap buffer behind a `Tensor`: a fixed count of Float32 values, 64-byte aligned so
/// BLAS and SIMD loops see aligned rows. Shared between tensor copies until one of them
/// writes (copy-on-write in `Tensor.withUnsafeMutableBufferPointer`).
@usableFromInline
final class TensorStorage {
    @usableFromInline let pointer: UnsafeMutablePointer<Float>
    @usableFromInline let count: Int

    /// An uninitialised buffer of `count` floats (callers fill every element).
    @usableFromInline
    init(uninitializedCount count: Int) {
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * 4, alignment: 64)
        pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
    }

    /// A buffer of `count` copies of `value`.
    convenience init(count: Int, repeating value: Float) {
        self.init(uninitializedCount: count)
        pointer.initialize(repeating: value, count: count)
    }

    /// A copy of `other`.
    convenience init(copying other: TensorStorage) {
        self.init(uninitializedCount: other.count)
        pointer.initialize(from: other.pointer, count: other.count)
    }

    /// A buffer holding `scalars`.
    convenience init(_ scalars: [Float]) {
        self.init(uninitializedCount: scalars.count)
        scalars.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { pointer.initialize(from: base, count: scalars.count) }
        }
    }

    deinit { UnsafeMutableRawPointer(pointer).deallocate() }
}
