/// Key-path expressions and initializer references used as functions: `xs.map(\.value)`
/// (SE-0249), `words.map(String.init)`.
extension Parser {
    /// `Type.init` not called: the closure `{ Type($0) }` (an initializer of one unlabeled
    /// value, the form `map` and `compactMap` take).
    mutating func initializerReference(_ type: Expr, at location: SourceLocation) -> Expr {
        closureCount += 1
        let parameter = Parameter(label: nil, name: "$0", type: nil, location: location)
        let call = Expr.call(type, [Argument(label: nil, value: .name("$0", location), location: location)], location)
        return .closure(FunctionDecl(name: "closure", parameters: [parameter], returnType: nil, body: [.expr(call)],
                                     location: location, isClosure: true))
    }

    /// `\Root.member.member` or `\.member...`, read as the closure `{ $0.member.member }`
    /// (typed `(Root) -> ...` when the root is written). Key paths as values of their own
    /// (`KeyPath`, `x[keyPath:]`) are not supported.
    mutating func keyPathExpression() throws -> Expr {
        let backslash = advanceToken()
        var root: TypeRef? = nil
        if peek.kind == .identifier, peek.text.first?.isUppercase == true, !peek.spaceBefore {
            root = .named(advanceToken().text)
        }
        var body: Expr = .name("$0", backslash.location)
        var components = 0
        while peek.isPunct("."), !peek.spaceBefore {
            advanceToken()
            let t = peek
            if t.kind == .integer {
                advanceToken()
                body = .tupleIndex(body, t.intValue, t.location)
            } else {
                let name = try expectIdent("a property name in the key path")
                body = .member(body, name.text, name.location)
            }
            components += 1
        }
        guard components > 0 else {
            throw fail("expected '.' and a property name after '\\\(root.map { "\($0)" } ?? "")' in a key path")
        }
        closureCount += 1
        let parameter = Parameter(label: nil, name: "$0", type: root, location: backslash.location)
        let decl = FunctionDecl(name: "closure", parameters: [parameter], returnType: nil, body: [.expr(body)],
                                location: backslash.location, isClosure: true)
        decl.isKeyPath = true
        return .closure(decl)
    }
}
