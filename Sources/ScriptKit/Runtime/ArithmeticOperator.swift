/// The arithmetic operators of compound assignment (`+=`, `-=`, `*=`, `/=`), decided once at
/// compile time so that the running code switches on a small enum instead of comparing the
/// operator's spelling on every execution.
enum ArithmeticOperator {
    case add, subtract, multiply, divide

    /// `op` when it is `+`, `-`, `*` or `/`; nil for any other.
    init?(_ op: BinaryOperator) {
        switch op {
        case .add: self = .add
        case .subtract: self = .subtract
        case .multiply: self = .multiply
        case .divide: self = .divide
        default: return nil
        }
    }

    /// `a op b` on Doubles (IEEE semantics, as Swift: no error for division by zero).
    @inline(__always)
    func apply(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        }
    }

    /// `a op b` on Ints with overflow reported; nil for division (whose errors the general
    /// path words).
    @inline(__always)
    func apply(_ a: Int, _ b: Int) -> (partialValue: Int, overflow: Bool)? {
        switch self {
        case .add: return a.addingReportingOverflow(b)
        case .subtract: return a.subtractingReportingOverflow(b)
        case .multiply: return a.multipliedReportingOverflow(by: b)
        case .divide: return nil
        }
    }
}
