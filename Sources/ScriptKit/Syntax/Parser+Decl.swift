/// Type declarations: `struct`, `class`, `enum`, `protocol`, `extension` and their members.
extension Parser {
    mutating func typeDeclaration() throws -> TypeDecl {
        while peek.isKeyword("final") { advanceToken() }
        let keyword = advanceToken()
        guard let kind = TypeDecl.Kind(rawValue: keyword.text) else {
            throw fail("expected 'struct', 'class', 'enum', 'protocol' or 'extension'", at: keyword)
        }
        let name = try expectIdent(kind == .extensionDecl ? "the name of the type to extend" : "a type name")
        // A type declared inside another is `Outer.Inner`.
        let qualified = kind == .extensionDecl ? name.text : (enclosingTypes.last.map { $0 + "." } ?? "") + name.text
        var genericParameters: [String] = []
        if peek.isPunct("<") {
            guard kind != .extensionDecl && kind != .protocolType else {
                throw fail("generic parameters are not allowed on '\(kind.rawValue)' declarations")
            }
            advanceToken()
            repeat {
                genericParameters.append(try expectIdent("a generic parameter name").text)
                if matchPunct(":") { _ = try typeRef() }   // a constraint: checked loosely
            } while matchPunct(",")
            try expectPunct(">", "'>' to close the generic parameters")
        }
        var inherited: [String] = []
        if matchPunct(":") {
            repeat { inherited.append(try typeRef().description) } while matchPunct(",")
        }
        if peek.isKeyword("where") { throw fail("'where' clauses on type declarations are not supported") }
        try expectPunct("{", "'{' to start the body of '\(name.text)'")
        try nestDeclaration()
        defer { exitDeclaration() }
        enclosingTypes.append(qualified)
        defer { enclosingTypes.removeLast() }
        var members: [MemberDecl] = []
        while !peek.isPunct("}") {
            if peek.kind == .eof { throw fail("expected '}' to close the body of '\(name.text)'") }
            if matchPunct(";") { continue }
            members += try member(of: kind, typeName: qualified)
        }
        advanceToken()
        let decl = TypeDecl(kind: kind, name: qualified, inherited: inherited, members: members, location: keyword.location)
        decl.genericParameters = genericParameters
        return decl
    }

    /// One member declaration (a `case` line may declare several).
    private mutating func member(of kind: TypeDecl.Kind, typeName: String) throws -> [MemberDecl] {
        var isStatic = false, isMutating = false, isOverride = false
        while true {
            if peek.isKeyword("static") || (peek.isKeyword("class") && (peekAt(1).isKeyword("func") || peekAt(1).isKeyword("var"))) {
                advanceToken(); isStatic = true
            } else if peek.isKeyword("mutating") { advanceToken(); isMutating = true }
            else if peek.isKeyword("override") { advanceToken(); isOverride = true }
            else if peek.isKeyword("final") || ["private", "fileprivate", "public", "internal", "open", "lazy", "nonmutating", "indirect"].contains(peek.text) && peek.kind == .identifier && (peekAt(1).kind == .keyword || peekAt(1).kind == .identifier || peekAt(1).isPunct("(")) {
                advanceToken()
                // `private(set)`
                if peek.isPunct("(") && peekAt(1).text == "set" && peekAt(2).isPunct(")") {
                    advanceToken(); advanceToken(); advanceToken()
                }
            } else if peek.isPunct("@") { advanceToken(); _ = try expectIdent("an attribute name") }
            else { break }
        }
        let t = peek
        if t.isKeyword("case") {
            guard kind == .enumType else { throw fail("enum 'case' is not allowed outside of an enum") }
            advanceToken()
            var cases: [MemberDecl] = []
            repeat {
                let name = try expectIdent("a case name")
                var labels: [String?] = [], types: [TypeRef] = []
                if peek.isPunct("(") && !peek.spaceBefore {
                    advanceToken()
                    repeat {
                        if peek.kind == .identifier && peekAt(1).isPunct(":") {
                            labels.append(advanceToken().text); advanceToken()
                        } else {
                            labels.append(nil)
                        }
                        types.append(try typeRef())
                    } while matchPunct(",")
                    try expectPunct(")", "')' to close the associated values")
                }
                var raw: Expr? = nil
                if matchPunct("=") { raw = try expression() }
                cases.append(.enumCase(EnumCaseDecl(name: name.text, labels: labels, types: types, rawValue: raw, location: name.location)))
            } while matchPunct(",")
            return cases
        }
        if t.isKeyword("func") {
            let decl: FunctionDecl
            if kind == .protocolType {
                decl = try functionRequirement()
            } else {
                decl = try functionDecl()
            }
            decl.isStatic = isStatic
            decl.isMutating = isMutating
            decl.isOverride = isOverride
            return [.method(decl)]
        }
        if t.kind == .identifier && t.text == "init" {
            let before = closureCount
            advanceToken()
            var failable = false
            if peek.isPunct("?") && !peek.spaceBefore { advanceToken(); failable = true }
            let parameters = try parameterList()
            var throwsKind = ThrowsKind.none
            if peek.isKeyword("throws") { advanceToken(); throwsKind = .throwing }
            let body: [Stmt] = kind == .protocolType && !peek.isPunct("{") ? [] : try parseBlock()
            let decl = FunctionDecl(name: "init", parameters: parameters, returnType: nil, body: body,
                                    location: t.location, isClosure: false)
            decl.throwsKind = throwsKind
            decl.hasNestedFunctions = closureCount > before
            return [.initializer(decl, isFailable: failable)]
        }
        if t.isKeyword("let") || t.isKeyword("var") {
            advanceToken()
            // `var rows: Int, cols: Int` declares two properties.
            var properties = [try property(t, isStatic: isStatic, in: kind)]
            while matchPunct(",") { properties.append(try property(t, isStatic: isStatic, in: kind)) }
            return properties
        }
        if t.isKeyword("struct") || t.isKeyword("class") || t.isKeyword("enum") {
            // Hoisted to the top level as `Outer.Inner`, with `Inner` an alias of it, so the
            // enclosing type's members name it bare, as Swift allows.
            let inner = try typeDeclaration()
            let bare = String(inner.name.split(separator: ".").last ?? "")
            if let other = nestedTypeOwners[bare], other != typeName {
                record(fail("'\(other)' already nests a type named '\(bare)': nested types of the same name in two types are not supported yet; rename one", at: t).error)
                return []
            }
            nestedTypeOwners[bare] = typeName
            hoisted.append(.typeDecl(inner))
            hoisted.append(.typeAlias(bare, .named(inner.name), inner.location))
            return []
        }
        if t.isKeyword("typealias") {
            throw fail("a typealias inside a type is not supported; declare it at the top level")
        }
        if t.kind == .identifier && t.text == "subscript" {
            guard kind != .protocolType else { throw fail("'subscript' requirements in protocols are not supported") }
            return try subscriptDecl(isStatic: isStatic)
        }
        throw fail("expected a member declaration ('var', 'let', 'func', 'init'\(kind == .enumType ? ", 'case'" : "")), found '\(t.text)'")
    }

    /// `subscript(params) -> T { getter }` or `{ get { } set { } }`: a method named
    /// `subscript` (what `value[args]` calls) and, with a setter, a mutating method named
    /// `subscript(set)` of the same parameters plus the new value. Subscript parameters take
    /// no argument labels unless they write one (`subscript(row r: Int)`).
    private mutating func subscriptDecl(isStatic: Bool) throws -> [MemberDecl] {
        let keyword = advanceToken()
        guard !isStatic else { throw fail("static subscripts are not supported", at: keyword) }
        let before = closureCount
        var parameters = try parameterList()
        for i in parameters.indices where parameters[i].label == parameters[i].name { parameters[i].label = nil }
        try expectPunct("->", "'->' and the element type of the subscript")
        let element = try typeRef()
        try expectPunct("{", "'{' to start the subscript's body")
        var getter: [Stmt] = []
        var setter: (name: String, body: [Stmt])? = nil
        if peek.kind == .identifier && (peek.text == "get" || peek.text == "set") && peekAt(1).isPunct("{") {
            while peek.kind == .identifier && (peek.text == "get" || peek.text == "set") {
                if advanceToken().text == "get" {
                    getter = try parseBlock()
                } else {
                    var name = "newValue"
                    if matchPunct("(") { name = try expectIdent("the setter's parameter name").text; try expectPunct(")", "')'") }
                    setter = (name, try parseBlock())
                }
            }
            try expectPunct("}", "'}' to close the subscript")
        } else {
            while !peek.isPunct("}") {
                if peek.kind == .eof { throw fail("expected '}' to close the subscript") }
                if matchPunct(";") { continue }
                getter.append(try parseStatement())
            }
            advanceToken()
        }
        let nested = closureCount > before
        let get = FunctionDecl(name: "subscript", parameters: parameters, returnType: element, body: getter,
                               location: keyword.location, isClosure: false)
        get.hasNestedFunctions = nested
        var members: [MemberDecl] = [.method(get)]
        if let setter {
            let value = Parameter(label: nil, name: setter.name, type: element, defaultValue: nil, location: keyword.location)
            let set = FunctionDecl(name: "subscript(set)", parameters: parameters + [value], returnType: nil, body: setter.body,
                                   location: keyword.location, isClosure: false)
            set.isMutating = true
            set.hasNestedFunctions = nested
            members.append(.method(set))
        }
        return members
    }

    /// One property after `let`/`var` (the `keyword` token), up to a `,` or the line's end.
    private mutating func property(_ keyword: Token, isStatic: Bool, in kind: TypeDecl.Kind) throws -> MemberDecl {
        let name = try expectIdent("a property name")
        var type: TypeRef? = nil
        if matchPunct(":") { type = try typeRef() }
        let property = PropertyDecl(name: name.text, isConstant: keyword.text == "let", isStatic: isStatic, type: type,
                                    value: nil, location: name.location)
        if matchPunct("=") {
            property.value = try expression(noTrailingClosure: true)
            if peek.isPunct("{") && !peek.newlineBefore {
                throw fail("property observers ('willSet', 'didSet') are not supported yet")
            }
        } else if peek.isPunct("{") {
            try accessors(property, inProtocol: kind == .protocolType)
        } else if type == nil {
            throw fail("type annotation missing in pattern")
        }
        return .property(property)
    }

    /// `{ expr }`, `{ get { } set { } }` or a protocol's `{ get set }`.
    private mutating func accessors(_ p: PropertyDecl, inProtocol: Bool) throws {
        let before = closureCount
        defer { p.accessorsHaveClosures = closureCount > before }
        let open = advanceToken()
        if peek.kind == .identifier && (peek.text == "willSet" || peek.text == "didSet") {
            throw fail("property observers ('\(peek.text)') are not supported yet")
        }
        if peek.kind == .identifier && (peek.text == "get" || peek.text == "set") {
            var getter: [Stmt]? = nil
            while peek.kind == .identifier && (peek.text == "get" || peek.text == "set") {
                let which = advanceToken().text
                if which == "get" {
                    getter = peek.isPunct("{") ? try parseBlock() : nil
                } else {
                    var name = "newValue"
                    if matchPunct("(") { name = try expectIdent("the setter's parameter name").text; try expectPunct(")", "')'") }
                    if peek.isPunct("{") { p.setter = (name, try parseBlock()) }
                }
            }
            try expectPunct("}", "'}' to close the accessors")
            if inProtocol || getter == nil {
                p.isRequirement = true
            }
            p.getter = getter
            _ = open
            return
        }
        var body: [Stmt] = []
        while !peek.isPunct("}") {
            if peek.kind == .eof { throw fail("expected '}' to close the computed property") }
            if matchPunct(";") { continue }
            body.append(try parseStatement())
        }
        advanceToken()
        p.getter = body
    }

    /// `func name(params) -> T` without a body, in a protocol.
    private mutating func functionRequirement() throws -> FunctionDecl {
        let keyword = advanceToken()
        let name = try expectIdent("a function name")
        let parameters = try parameterList()
        var throwsKind = ThrowsKind.none
        if peek.isKeyword("throws") { advanceToken(); throwsKind = .throwing }
        var returnType: TypeRef? = nil
        if matchPunct("->") { returnType = try typeRef() }
        let decl = FunctionDecl(name: name.text, parameters: parameters, returnType: returnType, body: [],
                                location: keyword.location, isClosure: false)
        decl.throwsKind = throwsKind
        return decl
    }
}
