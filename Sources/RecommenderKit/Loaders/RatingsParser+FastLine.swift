/// The fused fast path of `RatingsParser`: one pass over a line that parses numbers while it
/// looks for the delimiters, instead of finding each field and then reading it again.
///
/// It accepts only the plain case: a single-byte delimiter, ids that are canonical decimal
/// integers, a rating of digits with an optional fraction, a timestamp of digits, and a line
/// that ends in `\n` or at the end of the file. Anything else (a CR, a sign, an exponent, a
/// textual id, a missing or extra field) returns nil without moving the scanner, and the
/// general per-field code parses that line, so results and error messages are unchanged.
extension RatingsParser {
    /// The parsed values of one line.
    struct ParsedLine {
        var user: Int32, item: Int32, rating: Float, time: Int64
    }

    /// Size of the table of one-decimal ratings (`0.0` ... `102.3`) that `fastLine` reads.
    static let tenthsCount = 1024

    /// `Float(Double(m) / 10)` for every m below `tenthsCount`: exactly what the general path
    /// computes for a rating written with one decimal.
    static func tenthsTable() -> [Float] { (0..<tenthsCount).map { Float(Double($0) / 10) } }

    /// Parses the line at the scanner's position, or returns nil (scanner untouched).
    @inline(__always)
    static func fastLine(_ s: inout ByteScanner, _ userIDs: inout IDInterner, _ itemIDs: inout IDInterner,
                         delimiter d: UInt8, fieldCount n: Int, user userField: Int, item itemField: Int,
                         rating ratingField: Int, time timeField: Int, tenths: UnsafePointer<Float>) -> ParsedLine? {
        let bytes = s.bytes, end = bytes.count
        var p = s.position
        var u: Int32 = 0, it: Int32 = 0, r: Float = 1, t: Int64 = 0
        var pendingUser = -1, pendingItem = -1
        for f in 0..<n {
            let start = p
            if f == userField || f == itemField || f == timeField {
                var v = 0
                while p < end, bytes[p] &- 48 < 10 { v = v &* 10 &+ Int(bytes[p] &- 48); p += 1 }
                let digits = p - start
                guard digits > 0, digits <= 9 || (f == timeField && digits <= 18) else { return nil }
                if f != timeField {
                    guard digits == 1 || bytes[start] != 48, v < Int(IDInterner.denseLimit) else { return nil }
                    if f == userField { pendingUser = v } else { pendingItem = v }
                } else {
                    t = Int64(v)
                }
            } else if f == ratingField {
                var mantissa = 0, digits = 0, scale = 0
                while p < end, bytes[p] &- 48 < 10 { mantissa = mantissa &* 10 &+ Int(bytes[p] &- 48); digits += 1; p += 1 }
                if p < end && bytes[p] == 46 {
                    p += 1
                    while p < end, bytes[p] &- 48 < 10 {
                        mantissa = mantissa &* 10 &+ Int(bytes[p] &- 48); digits += 1; scale += 1; p += 1
                    }
                }
                guard digits > 0, digits <= 18 else { return nil }
                if scale == 1 && mantissa < tenthsCount {
                    r = tenths[mantissa]         // "4.5" and friends: no division per row
                } else {
                    var divisor = 1.0            // exact powers of ten, as the general path computes them
                    for _ in 0..<scale { divisor *= 10 }
                    r = Float(scale == 0 ? Double(mantissa) : Double(mantissa) / divisor)
                }
            } else {
                while p < end, bytes[p] != d, bytes[p] != 10, bytes[p] != 13 { p += 1 }
            }
            if f < n - 1 {
                guard p < end, bytes[p] == d else { return nil }
                p += 1
            } else {
                guard p == end || bytes[p] == 10 else { return nil }
            }
        }
        // Intern only once the whole line is known to be plain, so a fallback sees no side effects.
        if pendingUser >= 0 { u = userIDs.intern(canonical: pendingUser) }
        if pendingItem >= 0 { it = itemIDs.intern(canonical: pendingItem) }
        s.setPosition(p < end ? p + 1 : p, extraLines: p < end ? 1 : 0)
        return ParsedLine(user: u, item: it, rating: r, time: t)
    }
}
