/// State shared by the compiled code of one interpreter: call depth, the interrupt flag,
/// the output sink and the registry.
///
/// Its `var`s are touched on every call: `@exclusivity(unchecked)` spares each access a
/// dynamic exclusivity check (see `Cell`); compiled code never overlaps two accesses.
final class Runtime {
    /// The runtime running script code now (rows of declared types call back into it).
    nonisolated(unsafe) static var current: Runtime?
    /// Set from any thread by `requestInterrupt`; polled by loops and calls.
    let interruptFlag: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) var output: (String) -> Void = { print($0, terminator: "") }
    /// Where `readLine()` reads: the next line without its newline, nil at end of input.
    @exclusivity(unchecked) var input: () -> String? = { Swift.readLine(strippingNewline: true) }
    let registry: Registry
    /// Where the innermost native call came from (for errors thrown by host closures).
    @exclusivity(unchecked) var callLocation = SourceLocation(line: 1, column: 1)

    /// The slots of running script calls, and the call depth.
    @exclusivity(unchecked) var stack = SlotStack()

    init(registry: Registry) {
        self.registry = registry
        interruptFlag = .allocate(capacity: 1)
        interruptFlag.initialize(to: 0)
    }

    deinit {
        stack.deallocate()
        interruptFlag.deallocate()
    }

    @inline(__always)
    func checkInterrupt(_ location: SourceLocation) throws {
        if interruptFlag.pointee != 0 {
            interruptFlag.pointee = 0
            throw Interrupted(location: location)
        }
    }

    /// Calls any function value with positional arguments (used by the standard library
    /// for `map`, `filter`, `sorted(by:)`...).
    func call(_ function: Value, _ arguments: [Value], at location: SourceLocation) throws -> Value {
        guard case .function(let f) = function else {
            throw LocatedError(message: "cannot call value of non-function type '\(function.typeName)'", location: location)
        }
        return try call(f, arguments, at: location)
    }

    func call(_ f: Function, _ arguments: [Value], at location: SourceLocation) throws -> Value {
        if let script = f.script {
            return try invoke(script, arguments, at: location)
        }
        callLocation = location
        return try f.call(self, arguments)
    }

    /// Runs a script function with positional arguments (defaults fill missing ones).
    func invoke(_ function: ScriptFunction, _ arguments: [Value], at location: SourceLocation) throws -> Value {
        let p = function.prototype
        // A closure of several parameters given one tuple takes its elements (`{ k, v in }`).
        if arguments.count == 1, p.labels.count > 1, case .tuple(let items, _) = arguments[0], items.count == p.labels.count {
            return try invoke(function, items, at: location)
        }
        if let i = p.inoutIndices.first, i < arguments.count {
            throw LocatedError(message: "passing value of type '\(arguments[i].typeName)' to an inout parameter requires explicit '&'", location: location)
        }
        if arguments.count > p.labels.count && p.variadicIndex == nil {
            throw LocatedError(message: "extra argument in call to '\(p.signatureName)' (expected \(p.labels.count), got \(arguments.count))", location: location)
        }
        return try withFrame(function, location) { frame in
            for i in 0..<p.labels.count {
                var v: Value
                if i < arguments.count {
                    v = arguments[i]
                } else if let d = p.defaults[i] {
                    v = try d(frame)
                } else {
                    throw LocatedError(message: "missing argument for parameter '\(p.parameterNames[i])' in call to '\(p.signatureName)'", location: location)
                }
                if let t = p.parameterTypes[i] {
                    v = try coerce(v, to: t, what: "argument '\(p.parameterNames[i])' of '\(p.signatureName)'", at: location)
                }
                store(v, p.targets[i], frame)
            }
            return try runBody(p, frame, location)
        }
    }

    @inline(__always)
    func store(_ v: Value, _ target: LocalTarget, _ frame: Frame) {
        switch target {
        case .slot(let i): frame.slots[i] = v
        case .cell(let i): frame.cells[i] = Cell(v)
        }
    }

    @inline(__always)
    func runBody(_ p: FunctionPrototype, _ frame: Frame, _ location: SourceLocation) throws -> Value {
        switch try p.body(frame) {
        case .returned(let v):
            if let t = p.returnType {
                return try coerce(v, to: t, what: "return value of '\(p.signatureName)'", at: p.location)
            }
            return v
        default:
            return .void
        }
    }

    func coerceArgument(_ v: Value, _ p: FunctionPrototype, _ i: Int, _ location: SourceLocation) throws -> Value {
        guard let t = p.parameterTypes[i] else { return v }
        return try coerce(v, to: t, what: "argument '\(p.parameterNames[i])' of '\(p.signatureName)'", at: location)
    }

    /// The cells of frames that have none (never read or written).
    static let noCells = UnsafeMutablePointer<Cell>.allocate(capacity: 1)
    let noCells = Runtime.noCells

    /// Pushes the callee's frame around `body`, with the recursion depth check (the general
    /// path of calls: cells, variadics, defaults anywhere).
    @inline(__always)
    func withFrame(_ function: ScriptFunction, _ location: SourceLocation, _ body: (Frame) throws -> Value) throws -> Value {
        let p = function.prototype
        if stack.depth >= stack.maxDepth {
            throw LocatedError(message: "maximum recursion depth (\(stack.maxDepth)) exceeded in call to '\(p.signatureName)'", location: location)
        }
        if interruptFlag.pointee != 0 { try checkInterrupt(location) }
        let n = p.slotCount
        let onStack = stack.canPush(n)
        let slots = onStack ? stack.push(n) : stack.pushOnHeap(n)
        let cells = p.cellCount == 0 ? noCells : UnsafeMutablePointer<Cell>.allocate(capacity: p.cellCount)
        cells.initialize(repeating: Cell.placeholder, count: p.cellCount)
        defer {
            if onStack { stack.pop(slots, n) } else { stack.popFromHeap(slots, n) }
            if p.cellCount > 0 {
                cells.deinitialize(count: p.cellCount)
                cells.deallocate()
            }
        }
        return try body(Frame(slots: slots, cells: cells, captures: function.captures))
    }
}
