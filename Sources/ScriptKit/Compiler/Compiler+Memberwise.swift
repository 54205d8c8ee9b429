/// `Particle(x: 0, v: 1)`: a declared struct's memberwise initializer called with exactly its
/// labels builds the instance directly (each argument checked against its property's type),
/// without binding the arguments to the initializer's row on every call.
extension Compiler {
    /// The call's code, or nil when `name` is not such a struct or the labels differ.
    func memberwiseCall(_ name: String, _ args: [Argument], _ l: SourceLocation) -> Eval? {
        guard let info = registry.scriptTypes[name], info.kind == .structure, let types = info.memberwiseTypes,
              registry.types[name]?.initializers.count == 1,
              args.map(\.label) == info.fieldNames.map({ Optional($0) }) else { return nil }
        let rt = runtime
        let codes = args.map { EvalCode(run: expr($0.value)) }
        let fieldNames = info.fieldNames
        return { f in
            var fields: [Value] = []
            fields.reserveCapacity(codes.count)
            for i in 0..<codes.count {
                let v = try codes[i].run(f)
                fields.append(try rt.coerce(v, to: types[i], what: "argument '\(fieldNames[i])' of '\(name)'", at: l))
            }
            return .native(ScriptObject(type: info, fields: fields))
        }
    }
}
