/// A type annotation as written: `Int`, `[Double]`, `[String: Int]`, `Int?`, `(Int, Int)`,
/// `(Double) -> Double`.
indirect enum TypeRef: Equatable, CustomStringConvertible {
    case named(String)
    case array(TypeRef)
    case dictionary(TypeRef, TypeRef)
    case optional(TypeRef)
    /// Element types, with labels (nil where unlabeled; empty when none).
    case tuple([TypeRef], labels: [String?])
    case function([TypeRef], TypeRef)
    /// A generic type other than Array, Dictionary and Optional: `Set<Int>`, `Range<Int>`.
    case generic(String, [TypeRef])

    /// Whether a closure fits here (a function type, or `Function`/`Any`).
    var isFunction: Bool {
        switch self {
        case .function: return true
        case .named(let n): return n == "Function" || n == "Any"
        case .optional(let t): return t.isFunction
        default: return false
        }
    }

    var description: String {
        switch self {
        case .named(let n): return n
        case .array(let t): return "[\(t)]"
        case .dictionary(let k, let v): return "[\(k): \(v)]"
        case .optional(.function(let ps, let r)): return "(\(TypeRef.function(ps, r)))?"
        case .optional(let t): return "\(t)?"
        case .tuple(let ts, let labels):
            return "(" + ts.enumerated().map { i, t in
                (i < labels.count ? labels[i].map { "\($0): " } ?? "" : "") + t.description
            }.joined(separator: ", ") + ")"
        case .function(let ps, let r): return "(" + ps.map(\.description).joined(separator: ", ") + ") -> \(r)"
        case .generic(let n, let args): return n + "<" + args.map(\.description).joined(separator: ", ") + ">"
        }
    }
}

extension TypeRef {
    /// The annotation with each named type that `replacement` maps replaced (recursively
    /// inside arrays, dictionaries, optionals, tuples, functions and generic arguments).
    func replacingNames(_ replacement: (String) -> TypeRef?) -> TypeRef {
        switch self {
        case .named(let n): return replacement(n) ?? self
        case .array(let e): return .array(e.replacingNames(replacement))
        case .dictionary(let k, let v): return .dictionary(k.replacingNames(replacement), v.replacingNames(replacement))
        case .optional(let w): return .optional(w.replacingNames(replacement))
        case .tuple(let items, let labels): return .tuple(items.map { $0.replacingNames(replacement) }, labels: labels)
        case .function(let ps, let r): return .function(ps.map { $0.replacingNames(replacement) }, r.replacingNames(replacement))
        case .generic(let n, let args): return .generic(n, args.map { $0.replacingNames(replacement) })
        }
    }
}

/// The label a trailing closure carries: it matches whatever label its parameter has.
let trailingClosureLabel = "\u{1}trailing"

/// Whether a call-site label fits a parameter label.
@inline(__always)
func labelFits(_ given: String?, _ wanted: String?) -> Bool {
    given == wanted || given == trailingClosureLabel
}

/// One argument at a call site: `label: value` or an unlabeled value.
struct Argument {
    var label: String?
    var value: Expr
    var location: SourceLocation
}

/// A function or closure parameter.
struct Parameter {
    /// The argument label callers write (nil for `_` or closure parameters).
    var label: String?
    var name: String
    var type: TypeRef?
    var defaultValue: Expr?
    var isVariadic = false
    var location: SourceLocation
    /// `inout`: the callee's final value is written back to the caller's `&` argument.
    var isInout = false
}

/// `func name(params) -> Type { body }` or a closure literal.
final class FunctionDecl {
    var name: String
    var parameters: [Parameter]
    var returnType: TypeRef?
    var body: [Stmt]
    var location: SourceLocation
    /// True for `{ ... }` closure literals (they may use `$0`).
    var isClosure: Bool
    /// True when the body contains closures or nested functions (its locals then live in cells).
    var hasNestedFunctions = false
    /// `throws` or `rethrows` after the parameter list.
    var throwsKind: ThrowsKind = .none
    /// For methods: `mutating`, `static`, `override`.
    var isMutating = false
    var isStatic = false
    var isOverride = false
    /// Generic parameters (`func f<T: Comparable>`): fresh types at every call.
    var genericNames: [String] = []
    /// A closure written as a key path (`\\.name`): `{ $0.name }` where a function is expected.
    var isKeyPath = false
    /// Each generic parameter's first constraint (`Shape` in `<S: Shape>`), where it has one.
    var genericConstraints: [String: TypeRef] = [:]

    init(name: String, parameters: [Parameter], returnType: TypeRef?, body: [Stmt],
         location: SourceLocation, isClosure: Bool) {
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.body = body
        self.location = location
        self.isClosure = isClosure
    }

    /// Swift's name for the function, e.g. `topK(_:k:)`.
    var signatureName: String {
        name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }
}

/// Whether a function may throw: not at all, always, or only when a function argument does.
enum ThrowsKind {
    case none
    case throwing
    case rethrowing
}

/// A piece of an interpolated string literal.
enum InterpolationPart {
    case text(String)
    case expr(Expr)
}

/// Expressions, each carrying the location the errors about it point at.
indirect enum Expr {
    case int(Int, SourceLocation)
    case double(Double, SourceLocation)
    case string(String, SourceLocation)
    case interpolated([InterpolationPart], SourceLocation)
    case bool(Bool, SourceLocation)
    case nilLiteral(SourceLocation)
    case name(String, SourceLocation)
    case array([Expr], SourceLocation)
    case dictionary([(Expr, Expr)], SourceLocation)
    case tuple([(String?, Expr)], SourceLocation)
    case unary(PrefixOperator, Expr, SourceLocation)
    case binary(BinaryOperator, Expr, Expr, SourceLocation)
    case ternary(Expr, Expr, Expr, SourceLocation)
    case call(Expr, [Argument], SourceLocation)
    case member(Expr, String, SourceLocation)
    case implicitMember(String, SourceLocation)
    case tupleIndex(Expr, Int, SourceLocation)
    case subscriptAccess(Expr, [Argument], SourceLocation)
    case forceUnwrap(Expr, SourceLocation)
    /// `x?` inside an optional chain: nil ends the whole chain.
    case bindOptional(Expr, SourceLocation)
    /// The outermost expression of an optional chain; yields nil if any link was nil.
    case optionalChain(Expr, SourceLocation)
    case closure(FunctionDecl)
    /// An operator used as a function value: `sorted(by: >)`.
    case operatorRef(BinaryOperator, SourceLocation)
    case tryExpr(Expr, optional: Bool, SourceLocation)
    case cast(Expr, TypeRef, SourceLocation)
    /// `x as? T` (nil when `x` is not a `T`) or, `forced`, `x as! T` (a runtime error then).
    case conditionalCast(Expr, TypeRef, forced: Bool, SourceLocation)
    case typeCheck(Expr, TypeRef, SourceLocation)
    /// `try! x`: an error becomes a runtime error here instead of propagating.
    case forceTry(Expr, SourceLocation)
    /// `&x` passed to an `inout` parameter.
    case inoutArgument(Expr, SourceLocation)
    /// A one-sided range: `a...` (no upper bound), `..<b` or `...b` (no lower bound).
    case partialRange(lower: Expr?, upper: Expr?, closed: Bool, SourceLocation)
    /// A generic type used as a value, as in `Set<Int>()` or `Array<Double>(repeating: 0, count: 3)`.
    case genericType(String, [TypeRef], SourceLocation)

    var location: SourceLocation {
        switch self {
        case .int(_, let l), .double(_, let l), .string(_, let l), .interpolated(_, let l),
             .bool(_, let l), .nilLiteral(let l), .name(_, let l), .array(_, let l),
             .dictionary(_, let l), .tuple(_, let l), .unary(_, _, let l), .binary(_, _, _, let l),
             .ternary(_, _, _, let l), .call(_, _, let l), .member(_, _, let l), .implicitMember(_, let l),
             .tupleIndex(_, _, let l), .subscriptAccess(_, _, let l), .forceUnwrap(_, let l),
             .bindOptional(_, let l), .optionalChain(_, let l), .operatorRef(_, let l),
             .tryExpr(_, _, let l), .cast(_, _, let l), .conditionalCast(_, _, _, let l), .typeCheck(_, _, let l), .forceTry(_, let l),
             .inoutArgument(_, let l), .partialRange(_, _, _, let l), .genericType(_, _, let l):
            return l
        case .closure(let f):
            return f.location
        }
    }
}

/// The left side of a declaration or a `for` loop: a name, `_`, or a tuple of patterns.
indirect enum BindingPattern {
    case name(String, SourceLocation)
    case wildcard
    case tuple([BindingPattern])
}

/// A `case` pattern in a `switch`.
indirect enum CasePattern {
    case wildcard
    case binding(String, SourceLocation)
    case value(Expr)
    case tuple([CasePattern], SourceLocation)
    /// `.circle(let r)` or `Shape.circle(let r)`: an enum case with its payload's patterns
    /// (nil when the pattern names the case only).
    case enumCase(type: String?, name: String, [CasePattern]?, SourceLocation)
    /// `is T` (no inner pattern) or `let x as T`: matches a value of type T, bound as T.
    case cast(CasePattern?, TypeRef, SourceLocation)
}

/// One `case p1, p2 where cond:` clause; `patterns` is empty for `default`.
struct SwitchCase {
    var patterns: [CasePattern]
    var guardExpr: Expr?
    var body: [Stmt]
    var location: SourceLocation
}

/// One clause of an `if`, `guard` or `while` condition list.
enum Condition {
    case expr(Expr)
    /// `let name = value` (value nil for the `if let name` shorthand).
    case optionalBinding(name: String, isVar: Bool, value: Expr, SourceLocation)
    /// `case pattern = value`.
    case casePattern(CasePattern, Expr, SourceLocation)
}

/// One `catch pattern where cond { ... }` clause; `pattern` nil for a bare `catch`.
struct CatchClause {
    var pattern: CasePattern?
    var guardExpr: Expr?
    /// `catch let e as DataError`: the pattern binds only values of this type.
    var castType: TypeRef? = nil
    var body: [Stmt]
    var location: SourceLocation
}

/// Statements.
indirect enum Stmt {
    case expr(Expr)
    case declaration(isConstant: Bool, pattern: BindingPattern, type: TypeRef?, value: Expr?, SourceLocation)
    case function(FunctionDecl)
    /// `target = value`, or with `op` the compound `target op= value`.
    case assign(target: Expr, op: BinaryOperator?, value: Expr, SourceLocation)
    case ifStmt([Condition], [Stmt], [Stmt]?, SourceLocation)
    case guardStmt([Condition], [Stmt], SourceLocation)
    case whileStmt(label: String?, [Condition], [Stmt], SourceLocation)
    case repeatWhile(label: String?, [Stmt], Expr, SourceLocation)
    case forIn(label: String?, BindingPattern, Expr, whereClause: Expr?, [Stmt], SourceLocation)
    case switchStmt(label: String?, Expr, [SwitchCase], SourceLocation)
    case breakStmt(label: String?, SourceLocation)
    case continueStmt(label: String?, SourceLocation)
    case fallthroughStmt(SourceLocation)
    case returnStmt(Expr?, SourceLocation)
    case block([Stmt], SourceLocation)
    case doCatch([Stmt], catchBody: [Stmt]?, SourceLocation)
    case importStmt(String, SourceLocation)
    /// `struct`, `class`, `enum`, `protocol` or `extension`.
    case typeDecl(TypeDecl)
    /// `typealias Name = Type`.
    case typeAlias(String, TypeRef, SourceLocation)
    /// `throw value`.
    case throwStmt(Expr, SourceLocation)
    /// `do { } catch pattern { } catch { }`: clauses tried in order.
    case doCatchClauses([Stmt], [CatchClause], SourceLocation)
    /// `defer { body }`: runs when the enclosing scope exits, in reverse order of the defers.
    case deferStmt([Stmt], SourceLocation)
}

/// A type declaration: `struct`, `class`, `enum`, `protocol`, or an `extension` of a type.
final class TypeDecl {
    enum Kind: String {
        case structType = "struct"
        case classType = "class"
        case enumType = "enum"
        case protocolType = "protocol"
        case extensionDecl = "extension"
    }
    var kind: Kind
    var name: String
    /// What follows the colon: a superclass, protocols, an enum's raw type.
    var inherited: [String]
    var members: [MemberDecl]
    var location: SourceLocation
    /// `struct Stack<Element>`: the generic parameters' names (empty for most types). They
    /// are checked loosely: each stands for any type.
    var genericParameters: [String] = []

    init(kind: Kind, name: String, inherited: [String], members: [MemberDecl], location: SourceLocation) {
        self.kind = kind
        self.name = name
        self.inherited = inherited
        self.members = members
        self.location = location
    }
}

/// One member of a type declaration.
enum MemberDecl {
    case property(PropertyDecl)
    case method(FunctionDecl)
    /// `init(...) { ... }`; `isFailable` for `init?`.
    case initializer(FunctionDecl, isFailable: Bool)
    case enumCase(EnumCaseDecl)
}

/// `let x: Int = 0`, `var y = 1.0`, `var area: Double { ... }`, `static let shared = ...`.
final class PropertyDecl {
    var name: String
    var isConstant: Bool
    var isStatic: Bool
    var type: TypeRef?
    var value: Expr?
    /// The getter of a computed property (nil for stored ones).
    var getter: [Stmt]?
    /// The setter of a computed property, with its parameter name (`newValue` by default).
    var setter: (name: String, body: [Stmt])?
    /// In a protocol: `{ get }` or `{ get set }` requirements have no body.
    var isRequirement = false
    /// Whether the accessors contain closures (their locals then live in cells).
    var accessorsHaveClosures = false
    var location: SourceLocation

    init(name: String, isConstant: Bool, isStatic: Bool, type: TypeRef?, value: Expr?, location: SourceLocation) {
        self.name = name
        self.isConstant = isConstant
        self.isStatic = isStatic
        self.type = type
        self.value = value
        self.location = location
    }
}

/// `case circle(radius: Double)` or `case low = 1`.
struct EnumCaseDecl {
    var name: String
    /// The payload's labels (nil where unlabeled) and types; empty for a plain case.
    var labels: [String?]
    var types: [TypeRef]
    var rawValue: Expr?
    var location: SourceLocation
}
