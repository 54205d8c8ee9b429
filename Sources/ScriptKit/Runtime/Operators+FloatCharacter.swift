/// Operators on `Float` and `Character` values. A number literal next to a Float takes the
/// Float type (`f * 2`, `f + 0.5`); a one-character string literal next to a Character is
/// that Character (`c == "a"`, `c >= "a"`).
extension Runtime {
    /// The result, or nil when these operands do not combine (the caller reports it).
    func floatOrCharacterBinary(_ op: BinaryOperator, _ a: Value, _ b: Value, leftLiteral: Bool, rightLiteral: Bool,
                                _ location: SourceLocation) throws -> Value? {
        switch (a, b) {
        case (.float(let x), .float(let y)): return try floatBinary(op, x, y, location)
        case (.float(let x), .int(let y)) where rightLiteral: return try floatBinary(op, x, Float(y), location)
        case (.float(let x), .double(let y)) where rightLiteral: return try floatBinary(op, x, Float(y), location)
        case (.int(let x), .float(let y)) where leftLiteral: return try floatBinary(op, Float(x), y, location)
        case (.double(let x), .float(let y)) where leftLiteral: return try floatBinary(op, Float(x), y, location)
        case (.character, .character), (.character, .string), (.string, .character):
            guard let c = Runtime.compare(a, b) else { return nil }
            return op.compare(c, 0).map(Value.bool)
        default:
            return nil
        }
    }

    func floatBinary(_ op: BinaryOperator, _ x: Float, _ y: Float, _ location: SourceLocation) throws -> Value {
        try floatingBinary(op, x, y, location, named: "Float", Value.float)
    }
}

extension Compiler {
    /// Whether `e` is a number literal, which takes the type of the other operand of a binary
    /// operator (an Int literal next to a Double, any number literal next to a Float).
    static func isNumberLiteral(_ e: Expr) -> Bool {
        switch e {
        case .int, .double: return true
        default: return false
        }
    }
}

extension Value {
    /// A Character and a String (a literal standing for a Character), either way round.
    static func isCharacterAndText(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.character, .string), (.string, .character): return true
        default: return false
        }
    }
}
