/// A binary operator of the language. The parser decides it once from the source's
/// spelling; the checker, the compiler and the runtime switch on this enum, never on text.
/// `description` is the spelling, so messages interpolate an operator as Swift writes it.
enum BinaryOperator: String, CaseIterable, CustomStringConvertible {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case wrappingAdd = "&+", wrappingSubtract = "&-", wrappingMultiply = "&*"
    case bitAnd = "&", bitOr = "|", bitXor = "^", shiftLeft = "<<", shiftRight = ">>"
    case equal = "==", notEqual = "!=", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
    case identical = "===", notIdentical = "!=="
    case and = "&&", or = "||", nilCoalescing = "??"
    case halfOpenRange = "..<", closedRange = "..."

    /// The operator as Swift spells it (`+`, `..<`); what library and script types register
    /// their operator functions under.
    var spelling: String { rawValue }
    var description: String { rawValue }

    /// Binding strength, following Swift's precedence groups (higher binds tighter).
    var precedence: Int {
        switch self {
        case .or: return 2
        case .and: return 3
        case .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual, .identical, .notIdentical: return 4
        case .nilCoalescing: return 5
        case .halfOpenRange, .closedRange: return 7
        case .add, .subtract, .bitOr, .bitXor, .wrappingAdd, .wrappingSubtract: return 8
        case .multiply, .divide, .remainder, .bitAnd, .wrappingMultiply: return 9
        case .shiftLeft, .shiftRight: return 10
        }
    }

    /// `<`, `>`, `<=` or `>=`.
    var isOrdering: Bool {
        switch self {
        case .less, .greater, .lessOrEqual, .greaterOrEqual: return true
        default: return false
        }
    }

    /// `==` or `!=`.
    var isEquality: Bool { self == .equal || self == .notEqual }

    /// An operator that compares (equality, ordering, identity): its result is a Bool.
    var isComparison: Bool { isOrdering || isEquality || self == .identical || self == .notIdentical }

    /// `x op y` when the operator is `==`, `!=`, `<`, `>`, `<=` or `>=`; nil for any other.
    @inline(__always)
    func compare<T: Comparable>(_ x: T, _ y: T) -> Bool? {
        switch self {
        case .equal: return x == y
        case .notEqual: return x != y
        case .less: return x < y
        case .greater: return x > y
        case .lessOrEqual: return x <= y
        case .greaterOrEqual: return x >= y
        default: return nil
        }
    }
}

/// A prefix operator (`-x`, `!done`, `~bits`, `+x`), decided once by the parser like
/// `BinaryOperator`; `description` is its spelling.
enum PrefixOperator: String, CustomStringConvertible {
    case negate = "-", plus = "+", not = "!", bitNot = "~"

    /// The operator as Swift spells it; what library types register prefix operators under.
    var spelling: String { rawValue }
    var description: String { rawValue }
}
