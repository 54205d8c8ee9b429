/// Declared types become registry rows, like host types: the type checker, `:help`,
/// completion and calls see them the same way. Rows call script functions through
/// `MemberSlot`s that the declaration fills when it runs.
extension Registry {
    /// Registers the rows of every type declaration at the top level of a chunk. Returns
    /// what undoes the registrations (a chunk that fails to compile declares nothing) and
    /// the errors found (redeclarations, unknown superclasses, misplaced members).
    func declare(_ statements: [Stmt]) -> (undo: [() -> Void], errors: [LocatedError]) {
        var undo: [() -> Void] = []
        var errors: [LocatedError] = []
        for s in statements {
            if case .typeAlias(let name, let ref, let l) = s {
                if typeAliases[name] != nil || types[name] != nil {
                    errors.append(LocatedError(message: "invalid redeclaration of '\(name)'", location: l))
                    continue
                }
                typeAliases[name] = ref
                undo.append { [unowned self] in self.typeAliases[name] = nil }
            }
            guard case .typeDecl(let d) = s else { continue }
            do { try declare(d, undo: &undo) } catch let e as LocatedError { errors.append(e) } catch {}
        }
        return (undo, errors)
    }

    private func declare(_ d: TypeDecl, undo: inout [() -> Void]) throws {
        if d.kind != .extensionDecl { shadowLibraryType(d.name, undo: &undo) }
        switch d.kind {
        case .protocolType:
            guard types[d.name] == nil else { throw redeclaration(d) }
            protocols.insert(d.name)
            let binding = type(d.name, doc: "protocol \(d.name)")
            undo.append { [unowned self] in self.types[d.name] = nil; self.protocols.remove(d.name) }
            try addMembers(d.members, to: binding, info: nil, typeName: d.name, undo: &undo)
        case .extensionDecl:
            guard let binding = types[d.name] else {
                throw LocatedError(message: "cannot find type '\(d.name)' in scope", location: d.location)
            }
            try addMembers(d.members, to: binding, info: scriptTypes[d.name], typeName: d.name, undo: &undo)
            if protocols.contains(d.name) {
                // Default implementations reach the types that already conform.
                for (name, info) in scriptTypes where info.conformances.contains(d.name) {
                    if let t = types[name] { inheritMembers(from: binding, into: t) }
                }
            }
        case .structType, .classType, .enumType:
            guard types[d.name] == nil else { throw redeclaration(d) }
            let kind: ScriptTypeInfo.Kind = d.kind == .structType ? .structure : d.kind == .classType ? .object : .enumeration
            let info = ScriptTypeInfo(name: d.name, kind: kind)
            info.genericParameters = d.genericParameters
            let binding = type(d.name, doc: "\(d.kind.rawValue) \(d.name)")
            scriptTypes[d.name] = info
            undo.append { [unowned self] in self.types[d.name] = nil; self.scriptTypes[d.name] = nil }
            for parent in d.inherited {
                info.conformances.insert(parent)
                if kind == .object, let superInfo = scriptTypes[parent], superInfo.kind == .object {
                    info.superclass = superInfo
                    for (f, t) in zip(superInfo.fieldNames, superInfo.fieldTypes) { info.addField(f, type: t) }
                    info.fieldDefaults = superInfo.fieldDefaults
                    info.conformances.formUnion(superInfo.conformances)
                    info.fieldIsConstant = superInfo.fieldIsConstant
                    if let sb = types[parent] {
                        inheritMembers(from: sb, into: binding)
                        addSuperMembers(of: d.name, from: sb, into: binding)
                    }
                }
            }
            if kind == .enumeration { try addCases(d, info: info, binding: binding) }
            try addMembers(d.members, to: binding, info: info, typeName: d.name, undo: &undo)
            addInitializers(d, info: info, binding: binding)
            for p in info.conformances where protocols.contains(p) {
                if let pb = types[p] { inheritMembers(from: pb, into: binding) }
            }
        }
    }

    /// A notebook's own type may take the name of a library type (`enum DataError: Error`,
    /// `protocol Recommender`), as a module's declaration shadows an imported one in Swift:
    /// the library's binding is set aside for the rest of the session (restored if the
    /// chunk fails to compile). A type the notebook declared itself stays a redeclaration.
    private func shadowLibraryType(_ name: String, undo: inout [() -> Void]) {
        guard let library = types[name], scriptTypes[name] == nil, !protocols.contains(name) else { return }
        types[name] = nil
        undo.append { [unowned self] in self.types[name] = library }
    }

    private func redeclaration(_ d: TypeDecl) -> LocatedError {
        LocatedError(message: "invalid redeclaration of '\(d.name)'", location: d.location)
    }

    /// `super.m(...)` inside class `name`: rows named `super(name).m` that run the superclass's
    /// `m` on the same instance (they are inherited with the rest, so each level of a deeper
    /// hierarchy reaches its own superclass). `super(name).init` runs the superclass's `init`
    /// body on the instance being initialized.
    private func addSuperMembers(of name: String, from superBinding: TypeBinding, into binding: TypeBinding) {
        for (m, rows) in superBinding.methods where !m.hasPrefix("super(") {
            binding.methods["super(\(name)).\(m)"] = rows
        }
        for (p, row) in superBinding.properties where !p.hasPrefix("super(") {
            binding.properties["super(\(name)).\(p)"] = row
        }
        var inits: [Overload] = []
        for i in superBinding.initializers {
            guard let slot = i.memberSlot else { continue }
            var signature = i.signature
            signature.name = "super(\(name)).init"
            signature.returnType = nil
            inits.append(Overload(signature: signature, doc: "super.init", body: .method { this, args in
                _ = try Registry.callSlot(slot, [this] + args.values)
                return .void
            }, owner: name))
        }
        if !inits.isEmpty { binding.methods["super(\(name)).init"] = inits }
    }

    /// Copies rows the type does not define itself (a superclass's, a protocol extension's).
    private func inheritMembers(from source: TypeBinding, into target: TypeBinding) {
        for (n, o) in source.methods where target.methods[n] == nil && o.contains(where: { $0.isImplemented }) {
            target.methods[n] = o
        }
        for (n, o) in source.properties where target.properties[n] == nil && o.isImplemented { target.properties[n] = o }
        for (n, o) in source.staticMethods where target.staticMethods[n] == nil { target.staticMethods[n] = o }
    }

    // MARK: - Members

    private func addMembers(_ members: [MemberDecl], to binding: TypeBinding, info: ScriptTypeInfo?, typeName: String,
                            undo: inout [() -> Void]) throws {
        let isProtocol = protocols.contains(typeName) && info == nil
        for m in members {
            switch m {
            case .property(let p):
                let t = p.type ?? Registry.literalType(p.value) ?? .named("Any")
                let signature = Signature(name: p.name, parameters: [], returnType: t)
                let slot = MemberSlot()
                memberSlots[ObjectIdentifier(p)] = slot
                if p.isStatic && p.getter != nil {
                    binding.staticProperties[p.name] = Overload(signature: signature, doc: "static computed property",
                                                                body: .staticProperty { try Registry.callSlot(slot, []) }, owner: typeName)
                } else if p.isStatic {
                    binding.staticProperties[p.name] = Overload(signature: signature, doc: "static \(p.name)",
                                                                body: .staticProperty { slot.staticValue }, owner: typeName)
                    if !p.isConstant && p.getter == nil { binding.staticVariables[p.name] = slot }
                } else if p.getter != nil {
                    binding.properties[p.name] = Overload(signature: signature, doc: "computed property", body: .property { this in
                        try Registry.callSlot(slot, [this])
                    }, owner: typeName)
                } else if isProtocol || p.isRequirement {
                    let row = Overload(signature: signature, doc: "requirement", body: .property { _ in
                        throw BindingError("'\(p.name)' is a requirement of protocol '\(typeName)' without an implementation")
                    }, owner: typeName)
                    row.isRequirement = true
                    binding.properties[p.name] = row
                } else if let info {
                    guard info.kind != .enumeration else {
                        throw LocatedError(message: "enums must not contain stored properties", location: p.location)
                    }
                    if info.fieldIndex[p.name] != nil {
                        throw LocatedError(message: "invalid redeclaration of '\(p.name)'", location: p.location)
                    }
                    info.addField(p.name, type: p.type)
                    info.fieldDefaults.append(p.value == nil ? nil : slot)
                    info.fieldIsConstant.append(p.isConstant)
                    let index = info.fieldNames.count - 1
                    binding.properties[p.name] = Overload(signature: signature, doc: "stored property", body: .property { this in
                        guard let o = this.scriptObject, index < o.fields.count else { return .void }
                        return o.fields[index]
                    }, owner: typeName)
                } else {
                    throw LocatedError(message: "extensions must not contain stored properties", location: p.location)
                }
                if p.setter != nil, let info, !p.isStatic, p.getter != nil {
                    info.computedWithSetter[p.name] = slot
                }
                if p.name == "description", let info, !p.isStatic, p.getter != nil {
                    info.describe = { v in try Registry.callSlot(slot, [v]).description }
                }
            case .method(let f):
                let slot = MemberSlot()
                memberSlots[ObjectIdentifier(f)] = slot
                var signature = Registry.signature(of: f)
                if f.isStatic, let first = f.name.first, !first.isLetter && first != "_" {
                    let op = f.name
                    binding.operators[op] = (doc: "static func \(op)", body: { a, b in try Registry.callSlot(slot, [a, b]) })
                    undo.append { binding.operators[op] = nil }
                    continue
                }
                if f.isStatic {
                    binding.staticMethods[f.name, default: []].append(Overload(signature: signature, doc: "static func", body: .function { args in
                        try Registry.callSlot(slot, args.values)
                    }, owner: typeName))
                    continue
                }
                if f.body.isEmpty && isProtocol {
                    signature.name = f.name
                    let row = Overload(signature: signature, doc: "requirement", body: .method { _, _ in
                        throw BindingError("'\(f.name)' is a requirement of protocol '\(typeName)' without an implementation")
                    }, owner: typeName)
                    row.isRequirement = true
                    binding.methods[f.name, default: []].append(row)
                    continue
                }
                let row: Overload
                if f.isMutating {
                    row = Overload(signature: signature, doc: "mutating func", body: .mutatingMethod { this, args in
                        try args.runtime.callMutating(slot.function, &this, args.values, at: args.location)
                    }, owner: typeName)
                    row.memberSlot = slot
                } else {
                    row = Overload(signature: signature, doc: "func", body: .method { this, args in
                        try Registry.callSlot(slot, [this] + args.values)
                    }, owner: typeName)
                    row.memberSlot = slot
                }
                // A method of the same name and labels replaces the inherited one (`override`).
                var rows = (binding.methods[f.name] ?? []).filter { $0.signature.swiftName != signature.swiftName }
                rows.append(row)
                binding.methods[f.name] = rows
            case .initializer(let f, let failable):
                guard let info else {
                    if isProtocol { continue }
                    throw LocatedError(message: "initializers in extensions are not supported", location: f.location)
                }
                let slot = MemberSlot()
                memberSlots[ObjectIdentifier(f)] = slot
                var signature = Registry.signature(of: f)
                signature.name = typeName
                if failable { signature.returnType = .optional(.named(typeName)) }
                let row = Overload(signature: signature, doc: "init", body: .function { args in
                    let blank = try Registry.blank(info)
                    let r = try Registry.callSlot(slot, [blank] + args.values)
                    if failable, !r.isOptional { return .optional(r) }
                    return r
                }, owner: "")
                row.memberSlot = slot
                binding.initializers.append(row)
                info.hasCustomInit = true
            case .enumCase(let c):
                if info?.kind != .enumeration {
                    throw LocatedError(message: "enum 'case' is not allowed outside of an enum", location: c.location)
                }
            }
        }
    }

    // MARK: - Enums

    private func addCases(_ d: TypeDecl, info: ScriptTypeInfo, binding: TypeBinding) throws {
        let rawType = d.inherited.first { ["Int", "String", "Double", "Character"].contains($0) }
        var nextRaw = 0
        var cases: [EnumCaseDecl] = []
        for m in d.members { if case .enumCase(let c) = m { cases.append(c) } }
        for c in cases {
            if info.caseIndex[c.name] != nil {
                throw LocatedError(message: "invalid redeclaration of '\(c.name)'", location: c.location)
            }
            let index = info.cases.count
            info.caseIndex[c.name] = index
            info.cases.append(ScriptTypeInfo.Case(name: c.name, labels: c.labels))
            if let rawType {
                var raw: Value
                if let e = c.rawValue {
                    guard let v = Signature.constantValue(e) else {
                        throw LocatedError(message: "raw value for enum case must be a literal", location: e.location)
                    }
                    raw = v
                } else if rawType == "String" {
                    raw = .string(c.name)
                } else if rawType == "Int" {
                    raw = .int(nextRaw)
                } else {
                    throw LocatedError(message: "enum case '\(c.name)' must declare a raw value when the preceding raw value is not an integer", location: c.location)
                }
                if rawType == "Double", case .int(let i) = raw { raw = .double(Double(i)) }
                if case .int(let i) = raw { nextRaw = i + 1 }
                info.rawValues.append(raw)
            } else if let e = c.rawValue {
                throw LocatedError(message: "enum case cannot have a raw value if the enum does not have a raw type", location: e.location)
            }
            let type = TypeRef.named(d.name)
            if c.types.isEmpty {
                let value = Value.native(ScriptObject(type: info, fields: [], caseIndex: index))
                binding.staticProperties[c.name] = Overload(signature: Signature(name: c.name, parameters: [], returnType: type),
                                                            doc: "case \(c.name)", body: .staticProperty { value }, owner: d.name)
            } else {
                let params = zip(c.labels, c.types).enumerated().map { i, lt in
                    Signature.Parameter(label: lt.0, name: lt.0 ?? "_\(i)", type: lt.1, defaultValue: nil, isVariadic: false)
                }
                binding.staticMethods[c.name] = [Overload(signature: Signature(name: c.name, parameters: params, returnType: type),
                                                          doc: "case \(c.name)", body: .function { args in
                    .native(ScriptObject(type: info, fields: args.values, caseIndex: index))
                }, owner: d.name)]
            }
        }
        if let rawType {
            binding.properties["rawValue"] = Overload(signature: Signature(name: "rawValue", parameters: [], returnType: .named(rawType)),
                                                      doc: "The case's raw value.", body: .property { this in
                guard let o = this.scriptObject, o.caseIndex >= 0, o.caseIndex < info.rawValues.count else { return .void }
                return info.rawValues[o.caseIndex]
            }, owner: d.name)
            let p = Signature.Parameter(label: "rawValue", name: "rawValue", type: .named(rawType), defaultValue: nil, isVariadic: false)
            binding.initializers.append(Overload(signature: Signature(name: d.name, parameters: [p], returnType: .optional(.named(d.name))),
                                                 doc: "The case with this raw value, or nil.", body: .function { args in
                guard let i = info.rawValues.firstIndex(of: args[0]) else { return .optional(nil) }
                return .optional(.native(ScriptObject(type: info, fields: [], caseIndex: i)))
            }, owner: ""))
        }
        if d.inherited.contains("CaseIterable") {
            let all = Value.array(info.cases.indices.map { .native(ScriptObject(type: info, fields: [], caseIndex: $0)) })
            binding.staticProperties["allCases"] = Overload(signature: Signature(name: "allCases", parameters: [], returnType: .array(.named(d.name))),
                                                            doc: "Every case, in declaration order.", body: .staticProperty { all }, owner: d.name)
        }
    }

    // MARK: - Initializers

    /// The memberwise initializer of a struct (when it declares no `init`), or a class's `init()`.
    private func addInitializers(_ d: TypeDecl, info: ScriptTypeInfo, binding: TypeBinding) {
        guard info.kind != .enumeration, !info.hasCustomInit else { return }
        var stored: [PropertyDecl] = []
        for m in d.members { if case .property(let p) = m, !p.isStatic, p.getter == nil { stored.append(p) } }
        if info.kind == .object {
            // A subclass that declares no `init` inherits its superclass's (Swift's rule when
            // its own stored properties all have defaults), making instances of itself.
            if let superInfo = info.superclass, let superBinding = types[superInfo.name],
               info.fieldDefaults.dropFirst(superInfo.fieldNames.count).allSatisfy({ $0 != nil }) {
                for i in superBinding.initializers {
                    guard let slot = i.memberSlot else { continue }
                    var signature = i.signature
                    signature.name = d.name
                    if signature.returnType != nil { signature.returnType = .optional(.named(d.name)) }
                    let row = Overload(signature: signature, doc: "inherited init", body: .function { args in
                        try Registry.callSlot(slot, [try Registry.blank(info)] + args.values)
                    }, owner: "")
                    row.memberSlot = slot
                    binding.initializers.append(row)
                }
                if !binding.initializers.isEmpty { return }
            }
            if info.fieldDefaults.allSatisfy({ $0 != nil }) {
                binding.initializers.append(Overload(signature: Signature(name: d.name, parameters: [], returnType: nil),
                                                     doc: "init()", body: .function { _ in try Registry.blank(info) }, owner: ""))
            }
            return
        }
        // Memberwise: every `var`, and every `let` without a default, in order.
        var params: [Signature.Parameter] = []
        var fieldOfParam: [Int] = []
        for p in stored where !(p.isConstant && p.value != nil) {
            let t = p.type ?? Registry.literalType(p.value) ?? .named("Any")
            // A default comes from the property's own initial value (computed by the blank
            // instance); the marker only says that the argument may be left out.
            params.append(Signature.Parameter(label: p.name, name: p.name, type: t,
                                              defaultValue: p.value.map { Registry.useDefault(shownAs: $0) }, isVariadic: false))
            fieldOfParam.append(info.fieldIndex[p.name] ?? 0)
        }
        if fieldOfParam == Array(0..<info.fieldNames.count), params.allSatisfy({ $0.defaultValue == nil }) {
            info.memberwiseTypes = params.map(\.type)
        }
        binding.initializers.append(Overload(signature: Signature(name: d.name, parameters: params, returnType: nil),
                                             doc: "memberwise init", body: .function { args in
            let blank = try Registry.blank(info)
            guard let o = blank.scriptObject else { return blank }
            for (i, f) in fieldOfParam.enumerated() where i < args.count {
                if case .native(let n) = args[i], n is DefaultMarker { continue }
                o.fields[f] = args[i]
            }
            return blank
        }, owner: ""))
    }

    /// A new instance with every stored property at its default (`.void` where none).
    static func blank(_ info: ScriptTypeInfo) throws -> Value {
        var fields: [Value] = []
        fields.reserveCapacity(info.fieldDefaults.count)
        for d in info.fieldDefaults {
            if let d, case .function = d.makeDefault {
                fields.append(try callSlotFunction(d.makeDefault, []))
            } else {
                fields.append(.void)
            }
        }
        return .native(ScriptObject(type: info, fields: fields))
    }

    // MARK: - Helpers

    /// Stands for "the property's own initial value" as a memberwise argument's default;
    /// `:help` shows the value it stands for.
    final class DefaultMarker: NativeObject, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
        var typeName: String { "default" }
    }

    /// The marker for a property whose initial value is `e`.
    static func useDefault(shownAs e: Expr) -> Value {
        .native(DefaultMarker(Signature.constantValue(e).map { $0.debugDescription } ?? "default"))
    }

    static func callSlot(_ slot: MemberSlot, _ values: [Value]) throws -> Value {
        try callSlotFunction(slot.function, values)
    }

    static func callSlotFunction(_ f: Value, _ values: [Value]) throws -> Value {
        guard case .function(let fn) = f, let rt = Runtime.current else {
            throw BindingError("this member is used before its declaration has run")
        }
        return try rt.call(fn, values, at: rt.callLocation)
    }

    /// A declaration's signature as a row (`self` is not a parameter).
    static func signature(of f: FunctionDecl) -> Signature {
        let params = f.parameters.map { p in
            Signature.Parameter(label: p.label, name: p.name, type: p.type ?? .named("Any"),
                                defaultValue: p.defaultValue.flatMap { Signature.constantValue($0) }, isVariadic: p.isVariadic,
                                isInout: p.isInout)
        }
        return Signature(name: f.name, parameters: params, returnType: f.returnType, throwing: f.throwsKind == .throwing,
                         rethrowing: f.throwsKind == .rethrowing, genericNames: f.genericNames)
    }

    /// The type a literal default implies (`var count = 0` is an Int).
    static func literalType(_ e: Expr?) -> TypeRef? {
        switch e {
        case .int?: return .named("Int")
        case .double?: return .named("Double")
        case .string?, .interpolated?: return .named("String")
        case .bool?: return .named("Bool")
        case .array(let items, _)?: return literalType(items.first).map { .array($0) }
        default: return nil
        }
    }
}
