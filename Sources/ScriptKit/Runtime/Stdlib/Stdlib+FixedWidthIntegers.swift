/// `Int32`, `Int64`, `UInt64`, `UInt32` and `UInt8`: library rows take them (`seed: UInt64`,
/// `[Int32]` indices), and scripts hold them as Ints. Their initializers convert as Swift's
/// do, with Swift's range checks as errors, so `UInt64(seed)` reads the same in a notebook
/// and in a compiled program.
extension Registry {
    /// The fixed-width integer type names and their ranges, as Ints.
    static let fixedWidthIntegers: [(name: String, min: Int, max: Int)] = [
        ("Int32", Int(Int32.min), Int(Int32.max)),
        ("Int64", Int(Int64.min), Int(Int64.max)),
        ("UInt64", 0, Int.max),
        ("UInt32", 0, Int(UInt32.max)),
        ("UInt8", 0, Int(UInt8.max)),
    ]

    /// Their names: annotations and row signatures that use them mean Int in scripts.
    static let fixedWidthIntegerNames = Set(fixedWidthIntegers.map(\.name))

    func addFixedWidthIntegerTypes() {
        for (name, lo, hi) in Registry.fixedWidthIntegers {
            func checked(_ v: Int) throws -> Value {
                guard v >= lo && v <= hi else { throw BindingError("\(v) is out of range for \(name) (\(lo)...\(hi))") }
                return .int(v)
            }
            type(name, doc: "A fixed-width integer of library APIs, held as an Int in scripts (range \(lo)...\(hi)).")
                .initializer("init(_ x: Int)", doc: "The same integer; an error when out of range.") { args in try checked(args.int(0)) }
                .initializer("init(_ x: Double)", doc: "Truncates toward zero; an error when out of range or not finite.") { args in
                    let d = args.double(0)
                    guard let v = Int(exactly: d.rounded(.towardZero)) else {
                        throw BindingError("Double value \(d) cannot be converted to \(name) because it is \(d.isFinite ? "outside the representable range" : "infinite or NaN")")
                    }
                    return try checked(v)
                }
                .initializer("init(_ text: String) -> Int?", doc: "Parses an integer; nil when the text is not one or out of range.") { args in
                    guard let v = Int(args.string(0)), v >= lo && v <= hi else { return .optional(nil) }
                    return .optional(.int(v))
                }
                .staticProperty("max: Int", doc: "The largest value.") { .int(hi) }
                .staticProperty("min: Int", doc: "The smallest value.") { .int(lo) }
        }
    }
}
