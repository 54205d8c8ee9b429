/// A parsed Swift-style signature such as `topK(_ x: Tensor, k: Int = 10) -> Tensor`
/// or, for properties, `shape: [Int]`.
struct Signature {
    struct Parameter {
        var label: String?
        var name: String
        var type: TypeRef
        var defaultValue: Value?
        var isVariadic: Bool
    }

    var name: String
    var parameters: [Parameter]
    var returnType: TypeRef?
    /// `throws`: callers must write `try`.
    var throwing = false
    /// `rethrows`: throws only when a function argument throws.
    var rethrowing = false
    /// The function's own generic parameters (`map<T>(...)`): fresh types at every call.
    var genericNames: [String] = []

    /// Whether a call with exactly these labels gives every parameter, in order (no
    /// defaults, variadics or trailing closures to sort out).
    func takesExactly(_ labels: [String?]) -> Bool {
        parameters.count == labels.count && !parameters.contains { $0.isVariadic }
            && zip(parameters, labels).allSatisfy { $0.label == $1 }
    }

    /// Swift's name: `topK(_:k:)`.
    var swiftName: String {
        name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }

    /// The signature as written, normalized.
    var text: String {
        let params = parameters.map { p -> String in
            var s = p.label == p.name ? p.name : "\(p.label ?? "_") \(p.name)"
            s += ": \(p.type)\(p.isVariadic ? "..." : "")"
            if let d = p.defaultValue { s += " = \(d.debugDescription)" }
            return s
        }
        let generics = genericNames.isEmpty ? "" : "<" + genericNames.joined(separator: ", ") + ">"
        let effect = throwing ? " throws" : rethrowing ? " rethrows" : ""
        return "\(name)\(generics)(\(params.joined(separator: ", ")))\(effect)" + (returnType.map { " -> \($0)" } ?? "")
    }

    /// Parses a function signature; `init(...)` and operator names are accepted.
    static func parse(_ text: String) throws -> Signature {
        let (tokens, errors) = Lexer.tokenize(text)
        if let e = errors.first { throw SignatureError(text: text, message: e.message) }
        guard let first = tokens.first else { throw SignatureError(text: text, message: "empty signature") }
        var rest = Array(tokens.dropFirst())
        var genericNames: [String] = []
        if rest.first?.isPunct("<") == true {
            guard let close = rest.firstIndex(where: { $0.isPunct(">") }) else {
                throw SignatureError(text: text, message: "expected '>' to close the generic parameters")
            }
            genericNames = rest[1..<close].filter { $0.kind == .identifier }.map(\.text)
            rest.removeSubrange(0...close)
        }
        var parser = Parser(tokens: rest)
        do {
            let parameters = try parser.parameterList()
            var throwing = false, rethrowing = false
            if parser.peek.isKeyword("throws") { parser.advanceToken(); throwing = true }
            else if parser.peek.isKeyword("rethrows") { parser.advanceToken(); rethrowing = true }
            var returnType: TypeRef? = nil
            if parser.matchPunct("->") { returnType = try parser.typeRef() }
            guard parser.peek.kind == .eof else { throw SignatureError(text: text, message: "unexpected '\(parser.peek.text)'") }
            var params: [Parameter] = []
            for p in parameters {
                var d: Value? = nil
                if let e = p.defaultValue {
                    guard let v = constantValue(e) else {
                        throw SignatureError(text: text, message: "default of '\(p.name)' must be a literal")
                    }
                    d = v
                }
                params.append(Parameter(label: p.label, name: p.name, type: p.type ?? .named("Any"),
                                        defaultValue: d, isVariadic: p.isVariadic))
            }
            return Signature(name: first.text, parameters: params, returnType: returnType, throwing: throwing,
                             rethrowing: rethrowing, genericNames: genericNames)
        } catch let f as Parser.Failure {
            throw SignatureError(text: text, message: f.error.message)
        }
    }

    /// Parses a property signature `name: Type`.
    static func parseProperty(_ text: String) throws -> Signature {
        let (tokens, errors) = Lexer.tokenize(text)
        if let e = errors.first { throw SignatureError(text: text, message: e.message) }
        guard tokens.count >= 3, tokens[0].kind == .identifier || tokens[0].kind == .keyword, tokens[1].isPunct(":") else {
            throw SignatureError(text: text, message: "expected 'name: Type'")
        }
        var parser = Parser(tokens: Array(tokens.dropFirst(2)))
        do {
            let type = try parser.typeRef()
            return Signature(name: tokens[0].text, parameters: [], returnType: type)
        } catch let f as Parser.Failure {
            throw SignatureError(text: text, message: f.error.message)
        }
    }

    static func constantValue(_ e: Expr) -> Value? {
        switch e {
        case .int(let v, _): return .int(v)
        case .double(let v, _): return .double(v)
        case .string(let s, _): return .string(s)
        case .bool(let b, _): return .bool(b)
        case .nilLiteral: return .optional(nil)
        case .array(let items, _):
            var out: [Value] = []
            for i in items { guard let v = constantValue(i) else { return nil }; out.append(v) }
            return .array(out)
        case .dictionary(let pairs, _) where pairs.isEmpty: return .dictionary(ScriptDictionary())   // `[:]`
        default: return nil
        }
    }
}

/// A malformed signature string given to the registry (a host programming error).
public struct SignatureError: Error, CustomStringConvertible {
    public var text: String
    public var message: String
    public var description: String { "bad signature '\(text)': \(message)" }
}
