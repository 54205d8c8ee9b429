/// The element types of the safetensors format that TensorKit reads, with their byte
/// widths and how one element becomes a value.
enum SafetensorsDType: String {
    case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"
    case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8", u8 = "U8", bool = "BOOL"

    /// Bytes per element.
    var width: Int {
        switch self {
        case .f64, .i64: return 8
        case .f32, .i32: return 4
        case .f16, .bf16, .i16: return 2
        case .i8, .u8, .bool: return 1
        }
    }

    /// True for the integer and boolean types (read exactly, as `Int64`).
    var isInteger: Bool {
        switch self {
        case .f64, .f32, .f16, .bf16: return false
        default: return true
        }
    }

    /// Element `i` at `base` (little-endian) as a Float32; F64 is rounded, the others exact.
    func float(_ base: UnsafeRawPointer, _ i: Int) -> Float {
        switch self {
        case .f64: return Float(Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
        case .f32: return Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
        case .f16: return SafetensorsDType.halfToFloat(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
        case .bf16: return Float(bitPattern: UInt32(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) << 16)
        default: return Float(integer(base, i))
        }
    }

    /// Element `i` at `base` (little-endian) of an integer or boolean type, exactly.
    func integer(_ base: UnsafeRawPointer, _ i: Int) -> Int64 {
        switch self {
        case .i64: return Int64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self))
        case .i32: return Int64(Int32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)))
        case .i16: return Int64(Int16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self)))
        case .i8: return Int64(base.load(fromByteOffset: i, as: Int8.self))
        case .u8, .bool: return Int64(base.load(fromByteOffset: i, as: UInt8.self))
        default: return Int64(float(base, i))
        }
    }

    /// IEEE 754 binary16 to binary32 (exact: every half value is a float).
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign: UInt32 = UInt32(h & 0x8000) << 16
        let exponent = Int((h >> 10) & 0x1f), mantissa = UInt32(h & 0x3ff)
        switch exponent {
        case 0:   // zero or subnormal: mantissa · 2^-24
            let v = Float(mantissa) * 0x1p-24
            return sign != 0 ? -v : v
        case 31:  // infinity or NaN
            return Float(bitPattern: sign | 0x7f80_0000 | mantissa << 13)
        default:
            return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | mantissa << 13)
        }
    }
}
