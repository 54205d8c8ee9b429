/// The embedding API: runs chunks of script (notebook cells, REPL lines) in one persistent
/// global scope.
///
/// The pipeline of `run` reads like jlox's: lex and parse (every syntax error reported),
/// resolve names to slots and compile to closures (every unknown name reported), then run.
public final class Interpreter {
    let runtime: Runtime
    private var sources: [(origin: String, lines: [String], firstLine: Int, context: String?)] = []
    private var globalTable: [String: GlobalVariable] = [:]
    /// The static types of the globals, as the type checker knows them.
    private var globalTypes: [String: TypedName] = [:]
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
        get { runtime.stack.maxDepth }
        set { runtime.stack.maxDepth = max(1, newValue) }
    }

    // MARK: - Running

    /// Runs a chunk in the persistent global scope and returns the value of its last
    /// statement when that is an expression (nil when it is not, or is Void).
    ///
    /// - Parameters:
    ///   - origin: names the chunk in diagnostics, e.g. "cell 3", or the file it is in.
    ///   - firstLine: the line of the file the chunk starts on (diagnostics count from it).
    ///   - context: said after each message when `origin` is a file, e.g. "cell 3".
    /// - Throws: `ScriptError` with every syntax, name or type error, or the runtime error.
    @discardableResult
    public func run(_ source: String, origin: String, firstLine: Int = 1, context: String? = nil) throws -> Value? {
        try LargeStack.run { try self.runHere(source, origin: origin, firstLine: firstLine, context: context) }
    }

    private func runHere(_ source: String, origin: String, firstLine: Int, context: String?) throws -> Value? {
        runtime.interruptFlag.pointee = 0
        let previous = Runtime.current
        Runtime.current = runtime
        defer { Runtime.current = previous }
        let index = addSource(source, origin: origin, firstLine: firstLine, context: context)
        let (statements, syntaxErrors, capturedNames) = Parser.parse(source, source: index)
        if !syntaxErrors.isEmpty { throw ScriptError(diagnostics: syntaxErrors.map(diagnostic)) }
        let chunk = compile(statements, capturedNames: capturedNames, globals: globalTable, types: globalTypes)
        if !chunk.errors.isEmpty {
            chunk.undo.reversed().forEach { $0() }
            throw ScriptError(diagnostics: chunk.errors.map(diagnostic))
        }
        for (name, global) in chunk.newGlobals {
            if globalTable[name] == nil { globalOrder.append(name) }
            globalTable[name] = global
        }
        globalTypes.merge(chunk.newTypes) { _, new in new }
        runtime.stack.depth = 0
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
        } catch let e as ThrownError {
            throw ScriptError(diagnostics: [diagnostic(LocatedError(message: e.uncaughtMessage, location: e.location))])
        }
    }

    /// Parses and resolves without running: every syntax error, or else every unknown name
    /// and bad assignment. Names defined by earlier `run`s are known.
    public func check(_ source: String, origin: String) -> [Diagnostic] {
        LargeStack.run { self.checkHere(source, origin: origin) }
    }

    private func checkHere(_ source: String, origin: String) -> [Diagnostic] {
        let index = addSource(source, origin: origin)
        let (statements, syntaxErrors, capturedNames) = Parser.parse(source, source: index)
        if !syntaxErrors.isEmpty { return syntaxErrors.map(diagnostic) }
        let chunk = compile(statements, capturedNames: capturedNames, globals: globalTable, types: globalTypes)
        chunk.undo.reversed().forEach { $0() }
        return chunk.errors.map(diagnostic)
    }

    /// One chunk of a program checked as a whole (see `check(_:skipping:)`).
    public struct SourceChunk {
        public var source: String
        public var origin: String
        public var firstLine: Int
        public var context: String?

        /// A chunk named `origin`, starting on line `firstLine` of it, described by `context`.
        public init(source: String, origin: String, firstLine: Int = 1, context: String? = nil) {
            self.source = source
            self.origin = origin
            self.firstLine = firstLine
            self.context = context
        }
    }

    /// Parses, resolves and type-checks a sequence of chunks (a notebook's cells) without
    /// running any: each sees the declarations of the chunks before it. Returns the
    /// diagnostics of each chunk, in order (empty where it is fine). A chunk listed in
    /// `skipping` (a cell expected to fail) is checked but its errors are not reported.
    public func check(_ chunks: [SourceChunk], skipping: Set<Int> = []) -> [[Diagnostic]] {
        LargeStack.run {
            var globals = self.globalTable
            var types = self.globalTypes
            var result: [[Diagnostic]] = []
            var undo: [() -> Void] = []
            defer { undo.reversed().forEach { $0() } }
            for (i, c) in chunks.enumerated() {
                let index = self.addSource(c.source, origin: c.origin, firstLine: c.firstLine, context: c.context)
                let (statements, syntaxErrors, capturedNames) = Parser.parse(c.source, source: index)
                if !syntaxErrors.isEmpty {
                    result.append(skipping.contains(i) ? [] : syntaxErrors.map(self.diagnostic))
                    continue
                }
                let chunk = self.compile(statements, capturedNames: capturedNames, globals: globals, types: types)
                undo += chunk.undo
                result.append(skipping.contains(i) ? [] : chunk.errors.map(self.diagnostic))
                // Declarations count even in a chunk with errors, so that later chunks do
                // not repeat its errors as unknown names.
                for (name, g) in chunk.newGlobals { globals[name] = g }
                types.merge(chunk.newTypes) { _, new in new }
            }
            return result
        }
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
        globalTypes[name] = TypedName(type: ScriptType(of: value), isConstant: constant)
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
        var newTypes: [String: TypedName]
        /// Undoes the chunk's type declarations in the registry (when it is not run).
        var undo: [() -> Void]
    }

    /// Type-checks, resolves and compiles a chunk against the given globals.
    private func compile(_ statements: [Stmt], capturedNames: Set<String>, globals: [String: GlobalVariable],
                         types: [String: TypedName]) -> Chunk {
        let (undo, declarationErrors) = registry.declare(statements)
        let checker = TypeChecker(registry: registry, globals: types)
        let statements = checker.check(statements)
        let resolver = Resolver(globals: globals, capturedNames: capturedNames)
        let compiler = Compiler(runtime: runtime, resolver: resolver)
        compiler.assignmentsThroughClass = checker.classRoots
        var body = statements
        var last: Eval? = nil
        var lastExpr: Expr? = nil
        if case .expr(let e)? = statements.last {
            body.removeLast()
            lastExpr = e
        }
        let code = compiler.block(body, newScope: false)
        if let lastExpr { last = compiler.expr(lastExpr) }
        // Where the compiler and the checker both object to the same spot, one message is
        // enough: the checker's (it knows the types).
        let checkerLocations = Set(checker.errors.map(\.location))
        let errors = (declarationErrors + checker.errors + compiler.errors.filter { !checkerLocations.contains($0.location) }).sorted {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
        return Chunk(body: code, last: last, slotCount: resolver.scope.slotCount, cellCount: resolver.scope.cellCount,
                     errors: errors, newGlobals: resolver.newGlobals, newTypes: checker.declaredGlobals, undo: undo)
    }

    private func addSource(_ source: String, origin: String, firstLine: Int = 1, context: String? = nil) -> Int {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        sources.append((origin, lines, firstLine, context))
        return sources.count - 1
    }

    func diagnostic(_ e: LocatedError) -> Diagnostic {
        let loc = e.location
        guard loc.source >= 0 && loc.source < sources.count else {
            return Diagnostic(origin: "script", line: loc.line, column: loc.column, message: e.message, sourceLine: "")
        }
        let (origin, lines, firstLine, context) = sources[loc.source]
        let text = loc.line >= 1 && loc.line <= lines.count ? lines[loc.line - 1] : ""
        return Diagnostic(origin: origin, line: loc.line + firstLine - 1, column: loc.column, message: e.message,
                          sourceLine: text.hasSuffix("\r") ? String(text.dropLast()) : text, context: context)
    }
}
