/// Expression rules, lowest precedence first, following Swift's precedence groups.
extension Parser {
    /// What continues an expression after an operand: a binary operator, or a cast
    /// keyword (`as`, `is`).
    private enum Infix {
        case binary(BinaryOperator)
        case cast(String)
    }

    mutating func expression(noTrailingClosure: Bool = false) throws -> Expr {
        let saved = noTrailing
        noTrailing = noTrailingClosure
        defer { noTrailing = saved }
        return try ternary()
    }

    private mutating func ternary() throws -> Expr {
        let condition = try binary(minPrecedence: 2)
        if peek.isPunct("?") && peek.spaceBefore {
            try nestExpr()
            defer { exitExpr() }
            let q = advanceToken()
            let a = try ternary()
            guard peek.isPunct(":") else { throw fail("expected ':' after '? ...' in ternary expression") }
            advanceToken()
            let b = try ternary()
            return .ternary(condition, a, b, q.location)
        }
        return condition
    }

    /// A binary operator continues the expression unless it starts a new line as a prefix operator.
    private func binaryOperator() -> (Infix, Int)? {
        let t = peek
        guard t.kind == .punct, let op = BinaryOperator(rawValue: t.text) else {
            if t.kind == .keyword && (t.text == "as" || t.text == "is") { return (.cast(t.text), 6) }
            return nil
        }
        if t.newlineBefore && !t.spaceAfter { return nil }
        if !t.spaceBefore && t.spaceAfter && (t.text == "..." ) { return nil }
        return (.binary(op), op.precedence)
    }

    private mutating func binary(minPrecedence: Int) throws -> Expr {
        try nestExpr()
        defer { exitExpr() }
        let startsWithTry = peek.isKeyword("try")
        var left = try unary()
        // `try` covers the whole binary expression to its right, as in Swift: `try a + b`
        // (but `(try? a) ?? b` keeps its parentheses' meaning).
        var wrapTry: ((Expr) -> Expr)? = nil
        if startsWithTry, binaryOperator().map({ $0.1 >= minPrecedence }) == true {
            switch left {
            case .tryExpr(let inner, let optional, let l):
                left = inner
                wrapTry = { .tryExpr($0, optional: optional, l) }
            case .forceTry(let inner, let l):
                left = inner
                wrapTry = { .forceTry($0, l) }
            default: break
            }
        }
        var links = 0
        defer { endChain(links) }
        while let (infix, prec) = binaryOperator(), prec >= minPrecedence {
            try chainLink()
            links += 1
            let t = advanceToken()
            if case .cast(let op) = infix {
                var conditional: Bool? = nil   // `as?` (false) or `as!` (true)
                if op == "as" && !peek.spaceBefore && (peek.isPunct("?") || peek.isPunct("!")) {
                    conditional = advanceToken().text == "!"
                }
                let type = try typeRef()
                if let forced = conditional {
                    left = .conditionalCast(left, type, forced: forced, t.location)
                } else {
                    left = op == "as" ? .cast(left, type, t.location) : .typeCheck(left, type, t.location)
                }
                continue
            }
            guard case .binary(let op) = infix else { continue }
            // ?? is right-associative; comparisons are not associative (treated left).
            let right = try binary(minPrecedence: op == .nilCoalescing ? prec : prec + 1)
            left = .binary(op, left, right, t.location)
        }
        return wrapTry.map { $0(left) } ?? left
    }

    private mutating func unary() throws -> Expr {
        let t = peek
        if t.kind == .punct, let op = PrefixOperator(rawValue: t.text), !t.spaceAfter {
            advanceToken()
            try nestExpr()
            defer { exitExpr() }
            let operand = try unary()
            if op == .negate, case .int(let v, let l) = operand { return .int(-v, l) }
            if op == .negate, case .double(let v, let l) = operand { return .double(-v, l) }
            return .unary(op, operand, t.location)
        }
        if t.kind == .punct && (t.text == "..<" || t.text == "...") && !t.spaceAfter {
            advanceToken()
            try nestExpr()
            defer { exitExpr() }
            return .partialRange(lower: nil, upper: try unary(), closed: t.text == "...", t.location)
        }
        if t.isPunct("&") && !t.spaceAfter {
            advanceToken()
            try nestExpr()
            defer { exitExpr() }
            return .inoutArgument(try unary(), t.location)
        }
        if t.isKeyword("try") {
            advanceToken()
            var optional = false
            if peek.isPunct("?") && !peek.spaceBefore { advanceToken(); optional = true }
            else if peek.isPunct("!") && !peek.spaceBefore {
                advanceToken()
                return .forceTry(try unary(), t.location)
            }
            return .tryExpr(try unary(), optional: optional, t.location)
        }
        return try postfix()
    }

    private mutating func postfix() throws -> Expr {
        var e = try primary()
        // `withNoGrad { ... }`: a call whose only argument is a trailing closure.
        if case .name(let n, let l) = e, n != "self", n != "super", peek.isPunct("{"), !noTrailing, !peek.newlineBefore {
            e = try trailingClosure(.call(e, [], l), l)
        }
        var chained = false
        var links = 0
        defer { endChain(links) }
        while true {
            let t = peek
            if t.isPunct("(") || t.isPunct("[") || t.isPunct(".") || t.isPunct("!") || t.isPunct("?") {
                try chainLink()
                links += 1
            }
            if t.isPunct("(") && !t.newlineBefore {
                advanceToken()
                let args = try argumentList(close: ")")
                e = .call(e, args, t.location)
                e = try trailingClosure(e, t.location)
            } else if t.isPunct("[") && !t.newlineBefore {
                advanceToken()
                let args = try argumentList(close: "]")
                e = .subscriptAccess(e, args, t.location)
            } else if t.isPunct(".") {
                advanceToken()
                let name = peek
                if name.kind == .integer {
                    advanceToken()
                    e = .tupleIndex(e, name.intValue, name.location)
                } else if name.kind == .identifier || name.kind == .keyword {
                    advanceToken()
                    if name.text == "init", !(peek.isPunct("(") && !peek.spaceBefore), case .name = e {
                        // `xs.map(String.init)`: an initializer as a function of one value.
                        e = initializerReference(e, at: name.location)
                        continue
                    }
                    e = .member(e, name.text, name.location)
                    if peek.isPunct("{") && !noTrailing && !peek.newlineBefore {
                        e = try trailingClosure(.call(e, [], name.location), name.location)
                    }
                } else {
                    throw fail("expected a member name after '.'")
                }
            } else if t.isPunct("!") && !t.spaceBefore {
                advanceToken()
                e = .forceUnwrap(e, t.location)
            } else if t.isPunct("?") && !t.spaceBefore {
                advanceToken()
                e = .bindOptional(e, t.location)
                chained = true
            } else if t.isPunct("...") && !t.spaceBefore && endsPostfixRange(peekAt(1)) {
                advanceToken()
                e = .partialRange(lower: e, upper: nil, closed: true, t.location)
            } else if t.kind == .double && t.text.hasPrefix(".") {
                throw fail("unexpected number")
            } else {
                break
            }
        }
        return chained ? .optionalChain(e, e.location) : e
    }

    private mutating func trailingClosure(_ call: Expr, _ location: SourceLocation) throws -> Expr {
        guard peek.isPunct("{"), !noTrailing, !peek.newlineBefore, case .call(let callee, var args, let l) = call else {
            return call
        }
        let closure = try closureLiteral()
        args.append(Argument(label: trailingClosureLabel, value: closure, location: closure.location))
        return .call(callee, args, l)
    }

    private mutating func argumentList(close: String) throws -> [Argument] {
        let saved = noTrailing
        noTrailing = false
        defer { noTrailing = saved }
        var args: [Argument] = []
        if !peek.isPunct(close) {
            repeat {
                let start = peek
                var label: String? = nil
                if (start.kind == .identifier || start.kind == .keyword) && peekAt(1).isPunct(":") && start.text != "_" {
                    advanceToken(); advanceToken()
                    label = start.text
                }
                let value: Expr
                let t = peek
                if t.kind == .punct, let op = BinaryOperator(rawValue: t.text),
                   peekAt(1).isPunct(",") || peekAt(1).isPunct(close) {
                    advanceToken()
                    value = .operatorRef(op, t.location)
                } else {
                    value = try ternary()
                }
                args.append(Argument(label: label, value: value, location: start.location))
            } while matchPunct(",")
        }
        if !matchPunct(close) {
            throw fail("expected ',' or '\(close)' in argument list, found \(peek.kind == .eof ? "end of input" : "'\(peek.text)'")")
        }
        return args
    }

    private mutating func primary() throws -> Expr {
        let t = peek
        switch t.kind {
        case .integer: advanceToken(); return .int(t.intValue, t.location)
        case .double: advanceToken(); return .double(t.doubleValue, t.location)
        case .string:
            advanceToken()
            return try stringLiteral(t)
        case .identifier:
            advanceToken()
            if let generic = try genericTypeArguments(t) { return generic }
            if t.text.hasPrefix("$"), let n = Int(t.text.dropFirst()), !dollarStack.isEmpty {
                dollarStack[dollarStack.count - 1] = max(dollarStack[dollarStack.count - 1], n)
            }
            if functionDepth > 0 { namesInFunctions.insert(t.text) }
            return .name(t.text, t.location)
        case .keyword:
            switch t.text {
            case "true": advanceToken(); return .bool(true, t.location)
            case "false": advanceToken(); return .bool(false, t.location)
            case "nil": advanceToken(); return .nilLiteral(t.location)
            default: throw fail("expected an expression, found keyword '\(t.text)'")
            }
        case .punct:
            switch t.text {
            case "(": return try parenthesized()
            case "[": return try collectionLiteral()
            case "{": return try closureLiteral()
            case "\\": return try keyPathExpression()
            case ".":
                advanceToken()
                let name = try expectIdent("a member name after '.'")
                return .implicitMember(name.text, name.location)
            default: throw fail("expected an expression, found '\(t.text)'")
            }
        case .eof:
            throw fail("expected an expression, found end of input")
        }
    }

    private mutating func stringLiteral(_ t: Token) throws -> Expr {
        var parts: [InterpolationPart] = []
        for part in t.parts {
            switch part {
            case .text(let s): parts.append(.text(s))
            case .code(let tokens):
                var sub = Parser(tokens: tokens)
                sub.depthOffset(depthValue)
                sub.dollarStack = dollarStack
                sub.closureCount = closureCount
                sub.functionDepth = functionDepth
                let e = try sub.expression()
                dollarStack = sub.dollarStack
                closureCount = sub.closureCount
                namesInFunctions.formUnion(sub.namesInFunctions)
                if sub.errorsFound { throw Failure(error: sub.errors[0]) }
                if sub.peek.kind != .eof { throw sub.fail("expected ')' to end string interpolation") }
                parts.append(.expr(e))
            }
        }
        if parts.count == 1, case .text(let s) = parts[0] { return .string(s, t.location) }
        return .interpolated(parts, t.location)
    }

    private mutating func parenthesized() throws -> Expr {
        let open = advanceToken()
        let saved = noTrailing
        noTrailing = false
        defer { noTrailing = saved }
        var items: [(String?, Expr)] = []
        if matchPunct(")") { return .tuple([], open.location) }
        repeat {
            var label: String? = nil
            if peek.kind == .identifier && peekAt(1).isPunct(":") {
                label = advanceToken().text
                advanceToken()
            }
            items.append((label, try ternary()))
        } while matchPunct(",")
        guard matchPunct(")") else { throw fail("expected ')' to close the parenthesis, found \(peek.kind == .eof ? "end of input" : "'\(peek.text)'")") }
        if items.count == 1 && items[0].0 == nil { return items[0].1 }
        return .tuple(items, open.location)
    }

    private mutating func collectionLiteral() throws -> Expr {
        let open = advanceToken()
        let saved = noTrailing
        noTrailing = false
        defer { noTrailing = saved }
        try nestExpr()
        defer { exitExpr() }
        if matchPunct(":") {
            guard matchPunct("]") else { throw fail("expected ']' after '[:'") }
            return .dictionary([], open.location)
        }
        if matchPunct("]") { return .array([], open.location) }
        let first = try ternary()
        if matchPunct(":") {
            var pairs = [(first, try ternary())]
            while matchPunct(",") {
                if peek.isPunct("]") { break }
                let k = try ternary()
                guard matchPunct(":") else { throw fail("expected ':' in dictionary literal") }
                pairs.append((k, try ternary()))
            }
            guard matchPunct("]") else { throw fail("expected ']' to close the dictionary literal, found \(peek.kind == .eof ? "end of input" : "'\(peek.text)'")") }
            return .dictionary(pairs, open.location)
        }
        var items = [first]
        while matchPunct(",") {
            if peek.isPunct("]") { break }
            items.append(try ternary())
        }
        guard matchPunct("]") else { throw fail("expected ']' to close the array literal, found \(peek.kind == .eof ? "end of input" : "'\(peek.text)'")") }
        return .array(items, open.location)
    }

    /// `{ params in body }` or `{ body }` (using `$0`, `$1`, ...).
    mutating func closureLiteral() throws -> Expr {
        let open = advanceToken()
        try nestExpr()
        defer { exitExpr() }
        let saved = noTrailing
        noTrailing = false
        defer { noTrailing = saved }
        var parameters: [Parameter] = []
        var returnType: TypeRef? = nil
        let start = position
        if let params = try? closureSignature(returnType: &returnType) {
            parameters = params
        } else {
            position = start
            returnType = nil
        }
        closureCount += 1
        let before = closureCount
        functionDepth += 1
        defer { functionDepth -= 1 }
        dollarStack.append(-1)
        var body: [Stmt] = []
        while !peek.isPunct("}") {
            if peek.kind == .eof { dollarStack.removeLast(); throw fail("expected '}' to close the closure") }
            if matchPunct(";") { continue }
            do { body.append(try closureStatement()) } catch { dollarStack.removeLast(); throw error }
        }
        advanceToken()
        let dollars = dollarStack.removeLast()
        if parameters.isEmpty && dollars >= 0 {
            parameters = (0...dollars).map { Parameter(label: nil, name: "$\($0)", type: nil, location: open.location) }
        }
        let decl = FunctionDecl(name: "closure", parameters: parameters, returnType: returnType, body: body,
                                location: open.location, isClosure: true)
        decl.hasNestedFunctions = closureCount > before
        return .closure(decl)
    }

    private mutating func closureSignature(returnType: inout TypeRef?) throws -> [Parameter] {
        var params: [Parameter] = []
        if peek.isPunct("(") {
            advanceToken()
            if !peek.isPunct(")") {
                repeat {
                    let n = try expectIdent("a parameter name")
                    var type: TypeRef? = nil
                    var isInout = false
                    if matchPunct(":") {
                        if peek.isKeyword("inout") { advanceToken(); isInout = true }
                        type = try typeRef()
                    }
                    params.append(Parameter(label: nil, name: n.text, type: type, location: n.location, isInout: isInout))
                } while matchPunct(",")
            }
            guard matchPunct(")") else { throw fail("not a closure signature") }
        } else {
            repeat {
                let n = try expectIdent("a parameter name")
                params.append(Parameter(label: nil, name: n.text, type: nil, location: n.location))
            } while matchPunct(",")
        }
        if peek.isKeyword("throws") { advanceToken() }
        if matchPunct("->") { returnType = try typeRef() }
        guard peek.isKeyword("in") else { throw fail("not a closure signature") }
        advanceToken()
        return params
    }
}
