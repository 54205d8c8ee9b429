/// Recursive-descent parser: one method per grammar rule. A statement that fails to parse is
/// recorded and skipped (`synchronize`), so one pass reports every syntax error of a chunk.
struct Parser {
    struct Failure: Error {
        var error: LocatedError
    }

    private var tokens: [Token]
    private var current = 0
    private(set) var errors: [LocatedError] = []
    /// Nesting budget spent so far. A bracket, block or closure costs `nestingCost`; each link
    /// of an operator or postfix chain (`a + b + c`, `x.f().g`) costs 1, because the syntax
    /// tree (and so compiling, running and freeing it) recurses once per link.
    private var depth = 0
    private static let nestingCost = 8
    private static let maxDepth = 160 * nestingCost
    /// Set while parsing `if`/`while`/`for`/`switch` heads, where `{` starts the body.
    var noTrailing = false
    /// Counts closure literals and nested functions (their enclosing function boxes its locals).
    var closureCount = 0
    /// How many closure literals and function bodies enclose the current position.
    var functionDepth = 0
    /// The names read or written inside closure literals and function bodies: the only
    /// top-level locals a closure can capture (the others live in plain slots).
    var namesInFunctions: Set<String> = []
    /// Highest `$n` used directly in each closure being parsed.
    var dollarStack: [Int] = []
    /// Set inside `case let .name(...)`, where the payload's names bind.
    var bindsNames = false
    /// The qualified names of the type bodies being parsed (`Outer`, `Outer.Inner`).
    var enclosingTypes: [String] = []
    /// Declarations of nested types found while parsing a statement, with the aliases that
    /// let their enclosing type name them bare: emitted before that statement at top level.
    var hoisted: [Stmt] = []
    /// The enclosing type of each nested type's bare name seen so far.
    var nestedTypeOwners: [String: String] = [:]

    var position: Int {
        get { current }
        set { current = newValue }
    }
    var depthValue: Int { depth }
    var errorsFound: Bool { !errors.isEmpty }
    mutating func depthOffset(_ d: Int) { depth = d }

    @discardableResult
    mutating func advanceToken() -> Token { advance() }
    mutating func parseBlock() throws -> [Stmt] { try block() }
    mutating func matchKeywordToken(_ k: String) -> Bool { matchKeyword(k) }
    mutating func expectPunct(_ p: String, _ what: String) throws { try expect(p, what) }
    mutating func parseCasePattern() throws -> CasePattern { try casePattern() }
    mutating func parseStatement() throws -> Stmt { try statementRecovering() ?? .block([], peek.location) }
    mutating func nestDeclaration() throws { try nest() }
    mutating func exitDeclaration() { depth -= Parser.nestingCost }
    mutating func matchPunct(_ p: String) -> Bool { match(p) }
    mutating func expectIdent(_ what: String) throws -> Token { try expectIdentifier(what) }
    mutating func nestExpr() throws { try nest() }
    mutating func exitExpr() { depth -= Parser.nestingCost }
    /// Spends one unit of the nesting budget on a chain link (released by `endChain`).
    mutating func chainLink() throws {
        if depth + 1 > Parser.maxDepth { throw fail("expression too long or nested too deeply (limit \(Parser.maxDepth / Parser.nestingCost) levels)") }
        depth += 1
    }
    mutating func endChain(_ links: Int) { depth -= links }

    /// A statement inside a closure body (errors propagate to the enclosing statement).
    mutating func closureStatement() throws -> Stmt {
        let s = try statement()
        if peek.kind != .eof && !peek.newlineBefore && !peek.isPunct(";") && !peek.isPunct("}") {
            throw fail("consecutive statements on a line must be separated by ';'")
        }
        return s
    }

    init(tokens: [Token]) {
        self.tokens = tokens.isEmpty
            ? [Token(kind: .eof, text: "end of input", location: SourceLocation(line: 1, column: 1))]
            : tokens
    }

    /// Parses a whole chunk.
    /// `capturedNames`: the names used inside closures and functions (see `namesInFunctions`).
    static func parse(_ text: String, source: Int = 0) -> (statements: [Stmt], errors: [LocatedError], capturedNames: Set<String>) {
        let (tokens, lexErrors) = Lexer.tokenize(text, source: source)
        var parser = Parser(tokens: tokens)
        let statements = parser.parseProgram()
        let lexLocations = Set(lexErrors.map { $0.location })
        let errors = (lexErrors + parser.errors.filter { !lexLocations.contains($0.location) }).sorted {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
        return (statements, errors, parser.namesInFunctions)
    }

    mutating func parseProgram() -> [Stmt] {
        var statements: [Stmt] = []
        while !atEnd {
            if match(";") { continue }
            if peek.isPunct("}") {
                record(LocatedError(message: "extraneous '}' at top level", location: peek.location))
                advance()
                continue
            }
            let s = statementRecovering()
            statements += hoisted
            hoisted = []
            if let s { statements.append(s) }
        }
        return statements
    }

    // MARK: - Token helpers

    var peek: Token { tokens[current] }
    private var previous: Token { tokens[max(current - 1, 0)] }
    private var atEnd: Bool { peek.kind == .eof }

    func peekAt(_ n: Int) -> Token { tokens[min(current + n, tokens.count - 1)] }

    @discardableResult
    private mutating func advance() -> Token {
        let t = tokens[current]
        if current < tokens.count - 1 { current += 1 }
        return t
    }

    private mutating func match(_ punct: String) -> Bool {
        if peek.isPunct(punct) { advance(); return true }
        return false
    }

    private mutating func matchKeyword(_ k: String) -> Bool {
        if peek.isKeyword(k) { advance(); return true }
        return false
    }

    func fail(_ message: String, at token: Token? = nil) -> Failure {
        let t = token ?? peek
        return Failure(error: LocatedError(message: message, location: t.location, atEnd: t.kind == .eof))
    }

    private func describe(_ t: Token) -> String {
        switch t.kind {
        case .eof: return "end of input"
        case .string: return "string literal"
        default: return "'\(t.text)'"
        }
    }

    @discardableResult
    private mutating func expect(_ punct: String, _ what: String) throws -> Token {
        if peek.isPunct(punct) { return advance() }
        throw fail("expected \(what), found \(describe(peek))")
    }

    private mutating func expectIdentifier(_ what: String) throws -> Token {
        if peek.kind == .identifier { return advance() }
        throw fail("expected \(what), found \(describe(peek))")
    }

    mutating func record(_ e: LocatedError) {
        if let last = errors.last, last.location == e.location { return }
        errors.append(e)
    }

    private mutating func nest() throws {
        if depth + Parser.nestingCost > Parser.maxDepth {
            throw fail("expression or block nested too deeply (limit \(Parser.maxDepth / Parser.nestingCost) levels)")
        }
        depth += Parser.nestingCost
    }

    // MARK: - Statements

    private mutating func statementRecovering() -> Stmt? {
        let start = current
        do {
            let s = try statement()
            if !atEnd && !peek.newlineBefore && !peek.isPunct(";") && !peek.isPunct("}") {
                throw fail("consecutive statements on a line must be separated by ';'")
            }
            return s
        } catch let f as Failure {
            record(f.error)
            synchronize(from: start)
            return nil
        } catch {
            return nil
        }
    }

    /// Skips to the start of the next statement: the next line at the same brace depth.
    private mutating func synchronize(from start: Int) {
        if current == start { advance() }
        var braces = 0
        while !atEnd {
            let t = peek
            if braces <= 0 && t.newlineBefore && current > start {
                if t.isPunct("}") { return }
                return
            }
            if t.isPunct("{") { braces += 1 }
            if t.isPunct("}") {
                if braces == 0 { return }
                braces -= 1
            }
            if t.isPunct(";") && braces == 0 { advance(); return }
            advance()
        }
    }

    private mutating func block() throws -> [Stmt] {
        try expect("{", "'{'")
        try nest()
        defer { depth -= Parser.nestingCost }
        var body: [Stmt] = []
        while !peek.isPunct("}") {
            if atEnd { throw fail("expected '}' to close the block") }
            if match(";") { continue }
            if let s = statementRecovering() { body.append(s) }
        }
        advance()
        return body
    }

    private mutating func statement() throws -> Stmt {
        let t = peek
        if t.kind == .identifier && peekAt(1).isPunct(":")
            && (peekAt(2).isKeyword("for") || peekAt(2).isKeyword("while") || peekAt(2).isKeyword("repeat")
                || peekAt(2).isKeyword("switch")) {
            advance(); advance()
            return try labeled(t.text)
        }
        while peek.isPunct("@") { advance(); _ = try expectIdentifier("an attribute name") }
        // `indirect enum Tree { ... }`: enum payloads are boxed anyway, so the word changes nothing.
        if t.kind == .identifier && t.text == "indirect" && peekAt(1).isKeyword("enum") {
            advance()
            return .typeDecl(try typeDeclaration())
        }
        if t.kind == .keyword {
            switch t.text {
            case "let", "var": return try declaration()
            case "func": return .function(try functionDecl())
            case "if": advance(); return try ifStatement(t.location)
            case "guard": return try guardStatement()
            case "for", "while", "repeat", "switch": return try labeled(nil)
            case "break", "continue":
                advance()
                var label: String? = nil
                if peek.kind == .identifier && !peek.newlineBefore { label = advance().text }
                return t.text == "break" ? .breakStmt(label: label, t.location) : .continueStmt(label: label, t.location)
            case "fallthrough": advance(); return .fallthroughStmt(t.location)
            case "return":
                advance()
                if atEnd || peek.newlineBefore || peek.isPunct("}") || peek.isPunct(";") {
                    return .returnStmt(nil, t.location)
                }
                return .returnStmt(try expression(), t.location)
            case "import":
                advance()
                var name = try expectIdentifier("a module name").text
                while match(".") { name += "." + (try expectIdentifier("a module name").text) }
                return .importStmt(name, t.location)
            case "do":
                advance()
                let body = try block()
                var clauses: [CatchClause] = []
                while peek.isKeyword("catch") {
                    let c = advance()
                    var pattern: CasePattern? = nil
                    var guardExpr: Expr? = nil
                    var castType: TypeRef? = nil
                    if !peek.isPunct("{") {
                        noTrailing = true
                        defer { noTrailing = false }
                        if (peek.isKeyword("let") || peek.isKeyword("var")) && peekAt(1).kind == .identifier && peekAt(2).isKeyword("as") {
                            advance()
                            let name = advance()
                            advance()
                            pattern = .binding(name.text, name.location)
                            castType = try typeRef()
                        } else if matchKeyword("is") {
                            pattern = .wildcard
                            castType = try typeRef()
                        } else {
                            pattern = try casePattern()
                        }
                        if matchKeyword("where") { guardExpr = try expression(noTrailingClosure: true) }
                    }
                    clauses.append(CatchClause(pattern: pattern, guardExpr: guardExpr, castType: castType, body: try block(), location: c.location))
                }
                if clauses.count == 1, clauses[0].pattern == nil, clauses[0].guardExpr == nil {
                    return .doCatch(body, catchBody: clauses[0].body, t.location)
                }
                if clauses.isEmpty { return .doCatch(body, catchBody: nil, t.location) }
                return .doCatchClauses(body, clauses, t.location)
            case "struct", "class", "enum", "protocol", "extension", "final":
                return .typeDecl(try typeDeclaration())
            case "typealias":
                advance()
                let name = try expectIdentifier("a type alias name")
                try expect("=", "'=' after the type alias name")
                return .typeAlias(name.text, try typeRef(), t.location)
            case "throw":
                advance()
                return .throwStmt(try expression(), t.location)
            case "static", "mutating", "override":
                throw fail("'\(t.text)' may only be used on a member of a type")
            case "defer":
                advance()
                return .deferStmt(try block(), t.location)
            default: break
            }
        }
        if t.kind == .identifier, Parser.unsupportedDeclarations.contains(t.text),
           peekAt(1).kind == .identifier, !peekAt(1).newlineBefore {
            throw fail("'\(t.text)' declarations are not supported yet")
        }
        let e = try expression()
        if peek.kind == .punct, ["=", "+=", "-=", "*=", "/=", "%="].contains(peek.text) {
            let op = advance()
            let value = try expression()
            return .assign(target: e, op: BinaryOperator(rawValue: String(op.text.dropLast())), value: value, op.location)
        }
        return .expr(e)
    }

    /// `for case pattern in sequence where condition { body }`, read as a loop over every
    /// element whose body starts with `guard case pattern = element, condition else { continue }`.
    private mutating func forCase(label: String?, at location: SourceLocation) throws -> Stmt {
        let pattern = try casePattern()
        guard matchKeyword("in") else { throw fail("expected 'in' after for-case pattern") }
        let sequence = try expression(noTrailingClosure: true)
        var conditions: [Condition] = [.casePattern(pattern, .name("for case element", location), location)]
        if matchKeyword("where") { conditions.append(.expr(try expression(noTrailingClosure: true))) }
        let body = try block()
        let skip = Stmt.guardStmt(conditions, [.continueStmt(label: nil, location)], location)
        return .forIn(label: label, .name("for case element", location), sequence, whereClause: nil, [skip] + body, location)
    }

    private mutating func labeled(_ label: String?) throws -> Stmt {
        let t = advance()
        switch t.text {
        case "for":
            if matchKeyword("case") { return try forCase(label: label, at: t.location) }
            let pattern = try bindingPattern()
            guard matchKeyword("in") else { throw fail("expected 'in' after for-in pattern") }
            let sequence = try expression(noTrailingClosure: true)
            var whereClause: Expr? = nil
            if matchKeyword("where") { whereClause = try expression(noTrailingClosure: true) }
            let body = try block()
            return .forIn(label: label, pattern, sequence, whereClause: whereClause, body, t.location)
        case "while":
            let conditions = try conditionList()
            let body = try block()
            return .whileStmt(label: label, conditions, body, t.location)
        case "repeat":
            let body = try block()
            guard matchKeyword("while") else { throw fail("expected 'while' after 'repeat' block") }
            return .repeatWhile(label: label, body, try expression(), t.location)
        case "switch":
            return try switchStatement(label, t.location)
        default:
            throw fail("expected a loop after label", at: t)
        }
    }

    private mutating func declaration() throws -> Stmt {
        let keyword = advance()
        let isConstant = keyword.text == "let"
        var decls: [Stmt] = []
        repeat {
            let location = peek.location
            let pattern = try bindingPattern()
            var type: TypeRef? = nil
            if match(":") { type = try typeRef() }
            var value: Expr? = nil
            if match("=") { value = try expression() }
            if value == nil && type == nil {
                throw fail("type annotation missing in pattern")
            }
            decls.append(.declaration(isConstant: isConstant, pattern: pattern, type: type, value: value, location))
        } while match(",")
        return decls.count == 1 ? decls[0] : .block(decls, keyword.location)
    }

    private mutating func bindingPattern() throws -> BindingPattern {
        try nest()
        defer { depth -= Parser.nestingCost }
        if match("(") {
            var items: [BindingPattern] = []
            if !peek.isPunct(")") {
                repeat { items.append(try bindingPattern()) } while match(",")
            }
            try expect(")", "')' to close the tuple pattern")
            return .tuple(items)
        }
        if matchKeyword("let") || matchKeyword("var") { return try bindingPattern() }
        let name = try expectIdentifier("a name")
        return name.text == "_" ? .wildcard : .name(name.text, name.location)
    }

    mutating func typeRef() throws -> TypeRef {
        try nest()
        defer { depth -= Parser.nestingCost }
        // `@escaping` and `@Sendable` change nothing here: every closure may escape.
        while peek.isPunct("@"), ["escaping", "Sendable"].contains(peekAt(1).text) { advance(); advance() }
        var base: TypeRef
        if match("[") {
            let element = try typeRef()
            if match(":") {
                let value = try typeRef()
                try expect("]", "']' to close the dictionary type")
                base = .dictionary(element, value)
            } else {
                try expect("]", "']' to close the array type")
                base = .array(element)
            }
        } else if match("(") {
            var items: [TypeRef] = []
            var labels: [String?] = []
            if !peek.isPunct(")") {
                repeat {
                    if peek.kind == .identifier && peekAt(1).isPunct(":") {
                        labels.append(advance().text)
                        advance()
                    } else {
                        labels.append(nil)
                    }
                    if peek.isKeyword("inout") { advance() }   // `(inout Int) -> Void`
                    items.append(try typeRef())
                } while match(",")
            }
            try expect(")", "')' to close the tuple type")
            if peek.isKeyword("throws") { advance() }
            if match("->") {
                base = .function(items, try typeRef())
            } else {
                base = items.count == 1 ? items[0] : .tuple(items, labels: labels.contains { $0 != nil } ? labels : [])
            }
        } else {
            var name = try expectIdentifier("a type").text
            while peek.isPunct(".") && peekAt(1).kind == .identifier && !peek.spaceBefore {
                advance(); name += "." + advance().text
            }
            if peek.isPunct("<") && !peek.spaceBefore {
                advance()
                var args: [TypeRef] = []
                repeat { args.append(try typeRef()) } while match(",")
                try expect(">", "'>' to close the generic arguments")
                if name == "Array", args.count == 1 { name = "[\(args[0])]"; base = .array(args[0]) }
                else if name == "Dictionary", args.count == 2 { base = .dictionary(args[0], args[1]) }
                else if name == "Optional", args.count == 1 { base = .optional(args[0]) }
                else if ["Set", "Range", "ClosedRange"].contains(name), args.count == 1 { base = .generic(name, args) }
                else { base = .named(name) }
            } else {
                base = .named(name)
            }
        }
        while (peek.isPunct("?") || peek.isPunct("!")) && !peek.spaceBefore {
            advance()
            base = .optional(base)
        }
        return base
    }

    mutating func functionDecl() throws -> FunctionDecl {
        let keyword = advance()
        // `static func < (a: T, b: T) -> Bool` in a type: an operator implementation.
        let operatorNames: Set<String> = ["+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">="]
        let name = peek.kind == .punct && operatorNames.contains(peek.text) ? advance() : try expectIdentifier("a function name")
        var genericNames: [String] = []
        var genericConstraints: [String: TypeRef] = [:]
        if peek.isPunct("<") {
            advance()
            repeat {
                let generic = try expectIdentifier("a generic parameter name").text
                genericNames.append(generic)
                if match(":") {
                    genericConstraints[generic] = try typeRef()
                    while match("&") { _ = try typeRef() }
                }
            } while match(",")
            try expect(">", "'>' to close the generic parameters")
        }
        let parameters = try parameterList()
        var throwsKind = ThrowsKind.none
        if peek.isKeyword("throws") { advance(); throwsKind = .throwing }
        else if peek.isKeyword("rethrows") { advance(); throwsKind = .rethrowing }
        var returnType: TypeRef? = nil
        if match("->") { returnType = try typeRef() }
        closureCount += 1
        let before = closureCount
        functionDepth += 1
        defer { functionDepth -= 1 }
        let body = try block()
        let decl = FunctionDecl(name: name.text, parameters: parameters, returnType: returnType, body: body,
                                location: keyword.location, isClosure: false)
        decl.hasNestedFunctions = closureCount > before
        decl.throwsKind = throwsKind
        decl.genericNames = genericNames
        decl.genericConstraints = genericConstraints
        return decl
    }

    /// `(label name: Type = default, ...)` as in function declarations and registry signatures.
    mutating func parameterList() throws -> [Parameter] {
        try expect("(", "'(' to start the parameter list")
        var parameters: [Parameter] = []
        if !peek.isPunct(")") {
            repeat {
                let first = peek.kind == .keyword && peekAt(1).kind == .identifier ? advance() : try expectIdentifier("a parameter name")
                var label: String? = first.text == "_" ? nil : first.text
                var name = first.text
                if peek.kind == .identifier {
                    name = advance().text
                }
                if first.text == "_" && name == "_" { label = nil }
                try expect(":", "':' and a type after parameter '\(name)'")
                let isInout = peek.isKeyword("inout")
                if isInout { advance() }
                let type = try typeRef()
                var variadic = false
                if match("...") { variadic = true }
                var defaultValue: Expr? = nil
                if match("=") { defaultValue = try expression() }
                parameters.append(Parameter(label: label, name: name, type: type, defaultValue: defaultValue,
                                            isVariadic: variadic, location: first.location, isInout: isInout))
            } while match(",")
        }
        try expect(")", "')' to close the parameter list")
        return parameters
    }

    private mutating func conditionList() throws -> [Condition] {
        var conditions: [Condition] = []
        repeat {
            if peek.isKeyword("let") || peek.isKeyword("var") {
                let keyword = advance()
                let name = try expectIdentifier("a name to bind")
                if match(":") { _ = try typeRef() }
                let value: Expr
                if match("=") {
                    value = try expression(noTrailingClosure: true)
                } else {
                    value = .name(name.text, name.location)
                    if functionDepth > 0 { namesInFunctions.insert(name.text) }
                }
                conditions.append(.optionalBinding(name: name.text, isVar: keyword.text == "var", value: value, name.location))
            } else if peek.isKeyword("case") {
                let c = advance()
                let pattern = try casePattern()
                try expect("=", "'=' after the case pattern")
                conditions.append(.casePattern(pattern, try expression(noTrailingClosure: true), c.location))
            } else {
                conditions.append(.expr(try expression(noTrailingClosure: true)))
            }
        } while match(",")
        return conditions
    }

    private mutating func ifStatement(_ location: SourceLocation) throws -> Stmt {
        let conditions = try conditionList()
        let thenBody = try block()
        var elseBody: [Stmt]? = nil
        if matchKeyword("else") {
            if peek.isKeyword("if") {
                let t = advance()
                try nest()
                defer { depth -= Parser.nestingCost }
                elseBody = [try ifStatement(t.location)]
            } else {
                elseBody = try block()
            }
        }
        return .ifStmt(conditions, thenBody, elseBody, location)
    }

    private mutating func guardStatement() throws -> Stmt {
        let t = advance()
        let conditions = try conditionList()
        guard matchKeyword("else") else { throw fail("expected 'else' after 'guard' condition") }
        return .guardStmt(conditions, try block(), t.location)
    }

    private mutating func switchStatement(_ label: String?, _ location: SourceLocation) throws -> Stmt {
        let subject = try expression(noTrailingClosure: true)
        try expect("{", "'{' after switch subject")
        var cases: [SwitchCase] = []
        while !peek.isPunct("}") {
            if atEnd { throw fail("expected '}' to close the switch") }
            let t = peek
            var patterns: [CasePattern] = []
            var guardExpr: Expr? = nil
            if matchKeyword("default") {
                try expect(":", "':' after 'default'")
            } else if matchKeyword("case") {
                repeat { patterns.append(try casePattern()) } while match(",")
                if matchKeyword("where") { guardExpr = try expression() }
                try expect(":", "':' after case patterns")
            } else {
                throw fail("expected 'case' or 'default' in switch, found \(describe(peek))")
            }
            var body: [Stmt] = []
            while !peek.isKeyword("case") && !peek.isKeyword("default") && !peek.isPunct("}") && !atEnd {
                if match(";") { continue }
                if let s = statementRecovering() { body.append(s) }
            }
            if body.isEmpty {
                throw fail("'\(patterns.isEmpty ? "default" : "case")' label in a 'switch' must have at least one executable statement", at: t)
            }
            cases.append(SwitchCase(patterns: patterns, guardExpr: guardExpr, body: body, location: t.location))
        }
        advance()
        return .switchStmt(label: label, subject, cases, location)
    }

    private mutating func casePattern() throws -> CasePattern {
        try nest()
        defer { depth -= Parser.nestingCost }
        if peek.kind == .identifier && peek.text == "_" { advance(); return .wildcard }
        if peek.isKeyword("is") {
            let t = advance()
            return .cast(nil, try typeRef(), t.location)
        }
        if matchKeyword("let") || matchKeyword("var") {
            return try bindingCasePattern()
        }
        if peek.isPunct("(") {
            let save = current
            let t = advance()
            var items: [CasePattern] = []
            if !peek.isPunct(")") {
                repeat { items.append(try casePattern()) } while match(",")
            }
            if match(")") && items.count != 1 { return .tuple(items, t.location) }
            current = save
        }
        if let p = try enumCasePattern() { return p }
        return .value(try expression())
    }

    /// `.name`, `.name(patterns)`, `Type.name(patterns)`: nil (consuming nothing) when the
    /// tokens ahead are not an enum case with payload patterns (a plain `.name` or
    /// `Type.name` stays an expression, compared with `==`).
    private mutating func enumCasePattern() throws -> CasePattern? {
        let save = current
        var typeName: String? = nil
        if peek.kind == .identifier, peekAt(1).isPunct("."), peekAt(2).kind == .identifier,
           peek.text.first?.isUppercase == true {
            typeName = advance().text
        }
        guard peek.isPunct("."), peekAt(1).kind == .identifier else { current = save; return nil }
        let dot = advance()
        let name = advance()
        guard peek.isPunct("(") && !peek.spaceBefore else {
            if typeName == nil && (peek.isPunct(":") || peek.isPunct(",") || peek.isPunct("=") || peek.isKeyword("where")
                                   || peek.isPunct("{")) {
                return .enumCase(type: nil, name: name.text, nil, dot.location)
            }
            current = save
            return nil
        }
        advance()
        var items: [CasePattern] = []
        if !peek.isPunct(")") {
            repeat {
                // Payload labels (`.point(x: let a, y: _)`) are accepted and ignored.
                if peek.kind == .identifier && peekAt(1).isPunct(":") { advance(); advance() }
                items.append(bindsNames ? try bindingCasePattern() : try casePattern())
            } while match(",")
        }
        try expect(")", "')' to close the case pattern")
        return .enumCase(type: typeName, name: name.text, items, dot.location)
    }

    private mutating func bindingCasePattern() throws -> CasePattern {
        try nest()
        defer { depth -= Parser.nestingCost }
        // `case let .circle(r)`: every name in the payload binds.
        if peek.isPunct(".") || (peek.kind == .identifier && peekAt(1).isPunct(".")) {
            bindsNames = true
            defer { bindsNames = false }
            if let p = try enumCasePattern() { return p }
        }
        if peek.isPunct("(") {
            let t = advance()
            var items: [CasePattern] = []
            repeat { items.append(try bindingCasePattern()) } while match(",")
            try expect(")", "')' to close the tuple pattern")
            return .tuple(items, t.location)
        }
        let name = try expectIdentifier("a name to bind")
        let bound: CasePattern = name.text == "_" ? .wildcard : .binding(name.text, name.location)
        // `let x as Int`: a type-casting pattern.
        if peek.isKeyword("as") {
            let t = advance()
            return .cast(bound, try typeRef(), t.location)
        }
        // `let x?` matches a non-nil optional: `.some(let x)`.
        if peek.isPunct("?") && !peek.spaceBefore {
            advance()
            return .enumCase(type: nil, name: "some", [bound], name.location)
        }
        return bound
    }
}

extension Parser {
    /// Declaration words the language does not parse yet: `enum Color { ... }` gets a clear
    /// message instead of "consecutive statements on a line...".
    static let unsupportedDeclarations: Set<String> = ["enum", "class", "protocol", "extension", "typealias", "actor"]
}
