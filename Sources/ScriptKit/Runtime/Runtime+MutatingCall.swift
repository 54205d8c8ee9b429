/// Calls of a declared type's `mutating` members. The member is a function whose first
/// parameter is `inout self`: the receiver is moved into it (so a uniquely referenced struct
/// box is changed in place, without a copy) and moved back when the call ends, also on error.
extension Runtime {
    func callMutating(_ function: Value, _ receiver: inout Value, _ arguments: [Value],
                      at location: SourceLocation) throws -> Value {
        guard case .function(let f) = function, let script = f.script,
              script.prototype.labels.count == arguments.count + 1 else {
            throw LocatedError(message: "this member is used before its declaration has run", location: location)
        }
        let p = script.prototype
        var moved = receiver
        receiver = .void
        defer { receiver = moved }
        return try withFrame(script, location) { frame in
            defer {
                switch p.targets[0] {
                case .slot(let s): moved = frame.slots[s]; frame.slots[s] = .void
                case .cell(let c): moved = frame.cells[c].value; frame.cells[c].value = .void
                }
            }
            var first = moved
            moved = .void
            store(first, p.targets[0], frame)
            first = .void
            for (i, value) in arguments.enumerated() {
                var v = value
                if let t = p.parameterTypes[i + 1] {
                    v = try coerce(v, to: t, what: "argument '\(p.parameterNames[i + 1])' of '\(p.signatureName)'", at: location)
                }
                store(v, p.targets[i + 1], frame)
            }
            return try runBody(p, frame, location)
        }
    }
}
