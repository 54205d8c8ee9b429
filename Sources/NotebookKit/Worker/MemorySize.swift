import Foundation

/// Memory sizes as `--memory-limit` takes them: bytes, or a number with K, M, G or T
/// (powers of 1024; `MiB`/`GB` spellings too).
public enum MemorySize {
    /// The size in bytes; nil when `text` is not a positive size.
    public static func parse(_ text: String) -> Int? {
        var t = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where t.hasSuffix(suffix) && t.count > suffix.count {
            t.removeLast(suffix.count)
            break
        }
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var scale = 1
        if let last = t.last, let unit = units[last] {
            scale = unit
            t.removeLast()
        }
        guard let value = Double(t), value.isFinite, value > 0 else { return nil }
        let bytes = value * Double(scale)
        guard bytes >= 1, bytes < 9e18 else { return nil }
        return Int(bytes)
    }

    /// `512 MiB`, `2 GiB`, or bytes.
    public static func describe(_ bytes: Int) -> String {
        for (unit, size) in [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= size {
            let value = Double(bytes) / Double(size)
            return value == value.rounded() ? "\(Int(value)) \(unit)" : String(format: "%.1f", value) + " " + unit
        }
        return "\(bytes) bytes"
    }
}
