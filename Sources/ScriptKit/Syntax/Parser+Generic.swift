/// Postfix `a...` and generic type names used as values (`Set<Int>()`).
extension Parser {
    /// Whether `next`, the token after a `...` written against its operand, ends a one-sided
    /// range `a...` (as in `xs[1...]`, `case 5...:`, `zip(1..., xs)`) rather than starting
    /// the upper bound of `a...b`.
    func endsPostfixRange(_ next: Token) -> Bool {
        if next.kind == .eof || next.newlineBefore { return true }
        return next.isPunct("]") || next.isPunct(")") || next.isPunct(",") || next.isPunct(":")
            || next.isPunct("}") || next.isPunct(";") || next.isPunct("{")
    }

    /// `Name<T, ...>` directly followed by `(` or `.`, after the identifier `name` was read:
    /// a generic type used as a value. Nil (nothing consumed) when the `<` is a comparison.
    mutating func genericTypeArguments(_ name: Token) throws -> Expr? {
        guard name.text.first?.isUppercase == true, peek.isPunct("<"), !peek.spaceBefore else { return nil }
        let start = position
        advanceToken()
        var args: [TypeRef] = []
        repeat {
            guard let t = try? typeRef() else { position = start; return nil }
            args.append(t)
        } while matchPunct(",")
        guard peek.isPunct(">"), peekAt(1).isPunct("(") || peekAt(1).isPunct("."), !peekAt(1).spaceBefore else {
            position = start
            return nil
        }
        advanceToken()
        return .genericType(name.text, args, name.location)
    }
}
