/// What one call site remembers between calls: the one cache of every kind of script call
/// (by name, of a function value, of a `mutating` method, with `&` arguments, and a closure
/// that `map` or `sorted(by:)` calls repeatedly).
///
/// - The function bound for direct calls: its identity and a `DirectPlan`, so that a call
///   of the same function again evaluates its arguments straight into the callee's slots
///   (`Runtime.callBound`).
/// - For a `mutating` method: the receiver's type and the member slot the method lives in.
/// - For the general path: how the call's labels map onto the last callee's parameters.
///
/// Lifetime: everything the site binds is kept alive in `kept`; the call path reads only
/// identities (compared, never dereferenced), unmanaged references borrowed with
/// `_withUnsafeGuaranteedRef`, and the captures pointer, so a call retains and releases
/// nothing of the site's. While a call through the site runs (`active > 0`), a rebinding by
/// a nested call (a redefinition) keeps the earlier objects too.
///
/// Its `var`s are read on every call: `@exclusivity(unchecked)` spares each read a dynamic
/// exclusivity check (see `Cell`); compiled code never overlaps two accesses.
final class CallSiteCache {
    /// The function value bound for direct calls (compared, never dereferenced).
    @exclusivity(unchecked) private(set) var identity: ObjectIdentifier? = nil
    @exclusivity(unchecked) private(set) var plan: Unmanaged<DirectPlan> = .passUnretained(CallSiteCache.noPlan)
    @exclusivity(unchecked) private(set) var function: Unmanaged<Function>? = nil
    @exclusivity(unchecked) private(set) var captures: UnsafeMutablePointer<Cell> = Runtime.noCells
    /// The function value last seen here that cannot be called directly (a native function,
    /// variadic or captured parameters...): it goes straight to the general path. Should the
    /// identity be reused by another function, that one just takes the general path, which
    /// is always correct.
    @exclusivity(unchecked) private(set) var fallback: ObjectIdentifier? = nil
    /// A prototype whose calls from here cannot be direct.
    private weak var unplannable: FunctionPrototype? = nil
    /// Calls through this site now running.
    @exclusivity(unchecked) private var active = 0
    @exclusivity(unchecked) private var kept: [AnyObject] = []

    /// The prototype `mapping` and `variadic` were made for (strong: prototypes live as long
    /// as the code that calls them anyway).
    @exclusivity(unchecked) private(set) var mappedPrototype: FunctionPrototype? = nil
    /// For each parameter of `mappedPrototype`: the argument index, -1 for the default, or
    /// -2 for the variadic one (whose arguments are `variadic`).
    @exclusivity(unchecked) private(set) var mapping: [Int] = []
    @exclusivity(unchecked) private(set) var variadic: [Int] = []

    /// For a `mutating` method's site: the receiver's type bound (compared only) and the
    /// member slot holding the method, whose current function must still be the bound one.
    @exclusivity(unchecked) private(set) var receiverType: ObjectIdentifier? = nil
    @exclusivity(unchecked) private var method: Unmanaged<MemberSlot>? = nil
    /// Set when a mutating site met a receiver or method it cannot call directly.
    @exclusivity(unchecked) var disabled = false

    static let noPlan = DirectPlan(FunctionPrototype(
        name: "", labels: [], parameterNames: [], parameterTypes: [], targets: [],
        variadicIndex: nil, location: SourceLocation(line: 1, column: 1)), argumentCount: 0)!

    // MARK: - Direct calls

    /// Binds `fn` for direct calls with `labels`, when it is a script function whose
    /// parameters take them one to one in slots (defaults may trail); false, remembering
    /// `fn` as a fallback, when it is not. Throws nothing: a label error is the general
    /// path's to report.
    func prepare(_ fn: Function, labels: [String?], at location: SourceLocation) -> Bool {
        prepare(fn) { p in
            guard (try? map(p, labels, at: location)) != nil else { return nil }
            return DirectPlan(p, mapping: mapping)
        }
    }

    /// `prepare` for calls from native code (`map`, `sorted(by:)`), which pass `arity`
    /// arguments by position, without labels.
    func preparePositional(_ fn: Function, arity: Int) -> Bool {
        prepare(fn) { p in DirectPlan(p, argumentCount: arity) }
    }

    private func prepare(_ fn: Function, _ makePlan: (FunctionPrototype) -> DirectPlan?) -> Bool {
        guard let script = fn.script else {
            fallback = ObjectIdentifier(fn)
            return false
        }
        let p = script.prototype
        if p === unplannable {
            fallback = ObjectIdentifier(fn)
            return false
        }
        var plan = self.plan.takeUnretainedValue()
        if plan.prototype !== p {
            guard let made = makePlan(p), !made.hasCells else {
                unplannable = p
                fallback = ObjectIdentifier(fn)
                return false
            }
            plan = made
        }
        install(fn, script, plan)
        return true
    }

    /// Remembers `fn` (a script function) with `plan` for the next calls.
    private func install(_ fn: Function, _ script: ScriptFunction, _ plan: DirectPlan) {
        if active == 0 { kept.removeAll(keepingCapacity: true) }
        kept.append(fn)
        kept.append(plan)
        identity = ObjectIdentifier(fn)
        function = .passUnretained(fn)
        self.plan = .passUnretained(plan)
        captures = script.captures
    }

    /// Runs `body` while a call through the site is active (see `active`).
    @inline(__always)
    func whileActive<T>(_ body: () throws -> T) rethrows -> T {
        active += 1
        defer { active -= 1 }
        return try body()
    }

    // MARK: - Argument mapping

    /// Matches call-site labels to `p`'s parameters as Swift does (in order, defaults
    /// skippable), once per prototype: fills `mapping` and `variadic`.
    func map(_ p: FunctionPrototype, _ labels: [String?], at l: SourceLocation) throws {
        if mappedPrototype === p { return }
        mappedPrototype = nil
        var mapping: [Int] = []
        var variadic: [Int] = []
        var ai = 0
        let name = p.signatureName
        for (pi, label) in p.labels.enumerated() {
            if p.variadicIndex == pi {
                if ai < labels.count && labelFits(labels[ai], label) {
                    repeat { variadic.append(ai); ai += 1 } while ai < labels.count && labels[ai] == nil
                }
                mapping.append(-2)
                continue
            }
            if ai < labels.count && labelFits(labels[ai], label) {
                mapping.append(ai)
                ai += 1
            } else if p.defaults[pi] != nil {
                mapping.append(-1)
            } else if ai < labels.count {
                let have = labels[ai].map { "'\($0):'" } ?? "no label"
                let want = label.map { "'\($0):'" } ?? "no label"
                throw LocatedError(message: "incorrect argument label in call to '\(name)' (have \(have), expected \(want))", location: l)
            } else {
                throw LocatedError(message: "missing argument for parameter '\(label ?? p.parameterNames[pi])' in call to '\(name)'", location: l)
            }
        }
        if ai < labels.count {
            throw LocatedError(message: "extra argument\(labels[ai].map { " '\($0):'" } ?? "") in call to '\(name)'", location: l)
        }
        self.mapping = mapping
        self.variadic = variadic
        mappedPrototype = p
    }

    // MARK: - Mutating methods

    /// Binds the site to the method in `slot` called on receivers of `type`, when its
    /// parameters (self first) all live in slots; otherwise the site stays on the general
    /// path for good.
    func bindMutating(_ type: ScriptTypeInfo, _ slot: MemberSlot, argumentCount: Int) {
        guard !disabled, receiverType == nil else { return }
        guard case .function(let fn) = slot.function, let script = fn.script,
              script.prototype.labels.count == argumentCount + 1,
              let plan = DirectPlan(script.prototype, argumentCount: argumentCount + 1, inoutSelf: true),
              !plan.hasCells else {
            disabled = true
            return
        }
        install(fn, script, plan)
        kept.append(type)
        kept.append(slot)
        receiverType = ObjectIdentifier(type)
        method = .passUnretained(slot)
    }

    /// Whether the site is bound to a mutating method and still in use.
    var isBoundMutating: Bool { receiverType != nil && !disabled }

    /// Whether `receiver` is a value of the bound type and the method is still the bound one.
    @inline(__always)
    func matchesMutating(_ receiver: Value) -> Bool {
        guard let method, case .native(let n) = receiver, let o = Value.asScriptObject(n),
              ObjectIdentifier(o.type) == receiverType else { return false }
        return method._withUnsafeGuaranteedRef { s in
            if case .function(let fn) = s.function { return ObjectIdentifier(fn) == identity }
            return false
        }
    }
}

extension Runtime {
    /// Calls the function `site` is bound to, `fill` evaluating the arguments straight into
    /// its parameter slots; `general` when the slot stack is full or the depth limit reached
    /// (the general path reports the depth error).
    @inline(__always)
    func callBound<Fill: ArgumentFill>(_ site: CallSiteCache, _ fill: Fill, _ caller: Frame, _ l: SourceLocation,
                                       orElse general: () throws -> Value) throws -> Value {
        try site.plan._withUnsafeGuaranteedRef { plan in
            guard stack.canPush(plan.slotCount) else { return try general() }
            return try site.whileActive {
                try enter(plan, site.captures, l) { slots in try fill.fill(plan, slots, caller, self, l) }
            }
        }
    }
}
