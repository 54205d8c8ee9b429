/// The embedding API: runs chunks of script (notebook cells, REPL lines) in one persistent
/// global scope.
///
/// The pipeline of `run` reads like jlox's: lex and parse (every syntax error reported),
/// resolve names to slots and compile to closures (every unknown name reported), then run.
public final class Interpreter {
    let runtime: Runtime
    private var sources: [(origin: String, lines: [String])] = []
    private var globalTable: [String: GlobalVariable] = [:]
    var globalOrder: [String] = []

    /// Creates an interpreter over `registry` (the standard library by default).
    public init(registry: Registry = Registry.standard()) {
        runtime = Runtime(registry: registry)
    }

    deinit {
        // Values can nest deeply (`a = [a]` in a loop); free them where the stack is large.
        let box = LargeStack.Box(globalTable)
        globalTable = [:]
        LargeStack.run { box.value = nil }
    }

    /// The registry scripts call into.
    public var registry: Registry { runtime.registry }

    /// Where `print` writes (default: standard output).
    public var output: (String) -> Void {
        get { runtime.output }
        set { runtime.output = newValue }
    }

    /// Where `readLine()` reads: returns the next line without its newline, or nil at the end
    /// of input (default: standard input).
    public var input: () -> String? {
        get { runtime.input }
        set { runtime.input = newValue }
    }

    /// Deepest allowed nesting of script function calls; deeper recursion is a runtime error
    /// (never a native stack overflow). Default 1000.
    public var maxCallDepth: Int {
        get { runtime.maxDepth }
        set { runtime.maxDepth = max(1, newValue) }
    }

    // MARK: - Running

    /// Runs a chunk in the persistent global scope and returns the value of its last
    /// statement when that is an expression (nil when it is not, or is Void).
    ///
    /// - Parameter origin: names the chunk in diagnostics, e.g. "cell 3".
    /// - Throws: `ScriptError` with every syntax or name error, or the runtime error.
    @discardableResult
    public func run(_ source: String, origin: String) throws -> Value? {
        try LargeStack.run { try self.runHere(source, origin: origin) }
    }

    private func runHere(_ source: String, origin: String) throws -> Value? {
        runtime.interruptFlag.pointee = 0
        let index = addSource(source, origin: origin)
        let (statements, syntaxErrors, hasClosures) = Parser.parse(source, source: index)
        if !syntaxErrors.isEmpty { throw ScriptError(diagnostics: syntaxErrors.map(diagnostic)) }
        let chunk = compile(statements, hasClosures: hasClosures)
        if !chunk.errors.isEmpty { throw ScriptError(diagnostics: chunk.errors.map(diagnostic)) }
        for (name, global) in chunk.newGlobals {
            if globalTable[name] == nil { globalOrder.append(name) }
            globalTable[name] = global
        }
        runtime.depth = 0
        let slots = UnsafeMutablePointer<Value>.allocate(capacity: chunk.slotCount)
        slots.initialize(repeating: .void, count: chunk.slotCount)
        let cells = UnsafeMutablePointer<Cell>.allocate(capacity: chunk.cellCount)
        cells.initialize(repeating: Cell.placeholder, count: chunk.cellCount)
        let captures = UnsafeMutablePointer<Cell>.allocate(capacity: 0)
        defer {
            slots.deinitialize(count: chunk.slotCount); slots.deallocate()
            cells.deinitialize(count: chunk.cellCount); cells.deallocate()
            captures.deallocate()
        }
        let frame = Frame(slots: slots, cells: cells, captures: captures)
        do {
            _ = try chunk.body(frame)
            guard let last = chunk.last else { return nil }
            let v = try last(frame)
            if case .void = v { return nil }
            return v
        } catch let e as LocatedError {
            throw ScriptError(diagnostics: [diagnostic(e)])
        } catch let e as Interrupted {
            throw ScriptError(diagnostics: [diagnostic(LocatedError(message: "interrupted", location: e.location))],
                              isInterrupt: true)
        } catch is OptionalChainNil {
            return nil
        }
    }

    /// Parses and resolves without running: every syntax error, or else every unknown name
    /// and bad assignment. Names defined by earlier `run`s are known.
    public func check(_ source: String, origin: String) -> [Diagnostic] {
        LargeStack.run { self.checkHere(source, origin: origin) }
    }

    private func checkHere(_ source: String, origin: String) -> [Diagnostic] {
        let index = addSource(source, origin: origin)
        let (statements, syntaxErrors, hasClosures) = Parser.parse(source, source: index)
        if !syntaxErrors.isEmpty { return syntaxErrors.map(diagnostic) }
        return compile(statements, hasClosures: hasClosures).errors.map(diagnostic)
    }

    /// True when `source` fails to parse only because it ends too early (an open bracket,
    /// string or block): a REPL should read a continuation line.
    public func isIncomplete(_ source: String) -> Bool {
        let (_, errors, _) = Parser.parse(source)
        guard let first = errors.first else { return false }
        return errors.contains { $0.atEnd } && (first.atEnd || errors.allSatisfy { $0.atEnd })
    }

    /// Asks the running chunk to stop. Thread-safe; loops and calls check it, and the chunk
    /// fails with an "interrupted" error while the session stays intact.
    public func requestInterrupt() {
        runtime.interruptFlag.pointee = 1
    }

    // MARK: - Globals

    /// The session's globals in definition order.
    public var globals: [(name: String, value: Value, isConstant: Bool)] {
        globalOrder.compactMap { n in globalTable[n].map { (n, $0.cell.value, $0.isConstant) } }
    }

    /// The value of global `name`, if defined.
    public func global(_ name: String) -> Value? {
        globalTable[name]?.cell.value
    }

    /// Defines or replaces a global (for parameters and host-provided values).
    public func define(_ name: String, value: Value, constant: Bool) {
        if let g = globalTable[name] {
            g.cell.value = value
            g.isConstant = constant
        } else {
            globalTable[name] = GlobalVariable(cell: Cell(value), isConstant: constant)
            globalOrder.append(name)
        }
    }

    // MARK: - Internals

    struct Chunk {
        var body: Exec
        var last: Eval?
        var slotCount: Int
        var cellCount: Int
        var errors: [LocatedError]
        var newGlobals: [(String, GlobalVariable)]
    }

    private func compile(_ statements: [Stmt], hasClosures: Bool) -> Chunk {
        let resolver = Resolver(globals: globalTable, topLevelBoxes: hasClosures)
        let compiler = Compiler(runtime: runtime, resolver: resolver)
        var body = statements
        var last: Eval? = nil
        var lastExpr: Expr? = nil
        if case .expr(let e)? = statements.last {
            body.removeLast()
            lastExpr = e
        }
        let code = compiler.block(body, newScope: false)
        if let lastExpr { last = compiler.expr(lastExpr) }
        let errors = compiler.errors.sorted {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
        return Chunk(body: code, last: last, slotCount: resolver.scope.slotCount, cellCount: resolver.scope.cellCount,
                     errors: errors, newGlobals: resolver.newGlobals)
    }

    private func addSource(_ source: String, origin: String) -> Int {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        sources.append((origin, lines))
        return sources.count - 1
    }

    func diagnostic(_ e: LocatedError) -> Diagnostic {
        let loc = e.location
        guard loc.source >= 0 && loc.source < sources.count else {
            return Diagnostic(origin: "script", line: loc.line, column: loc.column, message: e.message, sourceLine: "")
        }
        let (origin, lines) = sources[loc.source]
        let text = loc.line >= 1 && loc.line <= lines.count ? lines[loc.line - 1] : ""
        return Diagnostic(origin: origin, line: loc.line, column: loc.column, message: e.message,
                          sourceLine: text.hasSuffix("\r") ? String(text.dropLast()) : text)
    }
}
