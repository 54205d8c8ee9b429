import ScriptKit

/// What the supervising process asks its worker to do (one frame each, answered in order).
enum WorkerRequest {
    /// Run a chunk; answered by `outputs` frames as it prints, then `finished`.
    case execute(source: String, origin: String, cellName: String?, firstLine: Int, context: String?)
    /// Define a constant global (a `--param` override); not answered.
    case define(name: String, value: Value)
    /// Tab-completion candidates for `word` at the end of `line`; answered by `strings`.
    case complete(word: String, line: String)
    /// The `:help NAME` text; answered by `text` (nil when there is none).
    case help(name: String)
    /// The `:vars` listing; answered by `text`.
    case variables
    /// Whether the entry needs a continuation line; answered by `flag`.
    case isIncomplete(source: String)
    /// The answer to an `inputRequest`: the line the user typed (nil at the end of input).
    case input(String?)

    private enum Tag: UInt8 { case execute = 1, define, complete, help, variables, isIncomplete, input }

    /// The frame body.
    ///
    /// - Throws: `WireError` for a `define` value that is not an Int, Double, Bool or String.
    func encoded() throws -> [UInt8] {
        var w = WireWriter()
        switch self {
        case let .execute(source, origin, cellName, firstLine, context):
            w.byte(Tag.execute.rawValue); w.string(source); w.string(origin); w.optionalString(cellName)
            w.int(firstLine); w.optionalString(context)
        case let .define(name, value):
            w.byte(Tag.define.rawValue); w.string(name)
            switch value {
            case let .int(i): w.byte(0); w.int(i)
            case let .double(d): w.byte(1); w.double(d)
            case let .bool(b): w.byte(2); w.bool(b)
            case let .string(s): w.byte(3); w.string(s)
            default: throw WireError(message: "a \(value.typeName) cannot be sent to the notebook process")
            }
        case let .complete(word, line):
            w.byte(Tag.complete.rawValue); w.string(word); w.string(line)
        case let .help(name):
            w.byte(Tag.help.rawValue); w.string(name)
        case .variables:
            w.byte(Tag.variables.rawValue)
        case let .isIncomplete(source):
            w.byte(Tag.isIncomplete.rawValue); w.string(source)
        case let .input(line):
            w.byte(Tag.input.rawValue); w.optionalString(line)
        }
        return w.bytes
    }

    /// Decodes a frame body.
    init(_ body: [UInt8]) throws {
        var r = WireReader(body)
        guard let tag = Tag(rawValue: try r.byte()) else { throw WireError(message: "unknown request") }
        switch tag {
        case .execute:
            self = .execute(source: try r.string(), origin: try r.string(), cellName: try r.optionalString(),
                            firstLine: try r.int(), context: try r.optionalString())
        case .define:
            let name = try r.string()
            switch try r.byte() {
            case 0: self = .define(name: name, value: .int(try r.int()))
            case 1: self = .define(name: name, value: .double(try r.double()))
            case 2: self = .define(name: name, value: .bool(try r.bool()))
            case 3: self = .define(name: name, value: .string(try r.string()))
            case let k: throw WireError(message: "unknown value kind \(k)")
            }
        case .complete: self = .complete(word: try r.string(), line: try r.string())
        case .help: self = .help(name: try r.string())
        case .variables: self = .variables
        case .isIncomplete: self = .isIncomplete(source: try r.string())
        case .input: self = .input(try r.optionalString())
        }
        guard r.isAtEnd else { throw WireError(message: "trailing bytes after a request") }
    }
}

/// What the worker sends back.
enum WorkerEvent {
    /// Output items of the running chunk, in order; `isResult` marks the items of its
    /// displayed value (the last expression). Printed text is batched into few frames.
    case outputs([(item: DisplayItem, isResult: Bool)])
    /// The chunk ended: its error (nil when it ran through), seconds taken, and where in its
    /// outputs the displayed value begins.
    case finished(error: ScriptError?, duration: Double, resultIndex: Int?)
    /// Completion candidates.
    case strings([String])
    /// A text answer (`:help`, `:vars`); nil when there is none.
    case text(String?)
    /// A yes/no answer (`isIncomplete`).
    case flag(Bool)
    /// A progress bar's new state, sent while a chunk runs, in order with its outputs.
    case progress(ProgressSnapshot)
    /// The running chunk called `readLine()` (in a worker whose standard input is not the
    /// supervisor's): the supervisor reads a line and answers with an `input` request.
    case inputRequest

    private enum Tag: UInt8 { case outputs = 1, finished, strings, text, flag, progress, inputRequest }

    /// The frame body.
    func encoded() -> [UInt8] {
        var w = WireWriter()
        encode(into: &w)
        return w.bytes
    }

    /// Appends the frame body to `w`.
    func encode(into w: inout WireWriter) {
        switch self {
        case let .outputs(items):
            w.byte(Tag.outputs.rawValue)
            w.int(items.count)
            for (item, isResult) in items {
                w.bool(isResult)
                WorkerEvent.encode(item, into: &w)
            }
        case let .finished(error, duration, resultIndex):
            w.byte(Tag.finished.rawValue)
            w.bool(error != nil)
            if let error {
                w.bool(error.isInterrupt)
                w.int(error.diagnostics.count)
                for d in error.diagnostics {
                    w.string(d.origin); w.int(d.line); w.int(d.column); w.string(d.message); w.string(d.sourceLine)
                    w.optionalString(d.context)
                }
            }
            w.double(duration)
            w.int(resultIndex ?? -1)
        case let .strings(list):
            w.byte(Tag.strings.rawValue); w.strings(list)
        case let .text(text):
            w.byte(Tag.text.rawValue); w.optionalString(text)
        case let .flag(flag):
            w.byte(Tag.flag.rawValue); w.bool(flag)
        case let .progress(p):
            w.byte(Tag.progress.rawValue); w.int(p.id); w.string(p.title); w.int(p.total ?? -1); w.string(p.unit)
            w.int(p.completed); w.string(p.detail); w.double(p.elapsed); w.optionalString(p.summary)
        case .inputRequest:
            w.byte(Tag.inputRequest.rawValue)
        }
    }

    /// Appends a whole frame of `event` (length prefix and body) to `w`.
    static func appendFrame(_ event: WorkerEvent, to w: inout WireWriter) {
        let start = w.bytes.count
        for _ in 0..<4 { w.byte(0) }   // the length prefix, patched below
        event.encode(into: &w)
        w.patchUInt32(UInt32(w.bytes.count - start - 4), at: start)
    }

    /// Appends a whole `outputs` frame of one item (length prefix and body) to `w`, with no
    /// intermediate arrays: the worker does this for every printed line.
    static func appendOutputFrame(_ item: DisplayItem, isResult: Bool, to w: inout WireWriter) {
        let start = w.bytes.count
        for _ in 0..<4 { w.byte(0) }   // the length prefix, patched below
        w.byte(Tag.outputs.rawValue)
        w.int(1)
        w.bool(isResult)
        encode(item, into: &w)
        w.patchUInt32(UInt32(w.bytes.count - start - 4), at: start)
    }

    /// Decodes a frame body.
    init(_ body: [UInt8]) throws {
        var r = WireReader(body)
        guard let tag = Tag(rawValue: try r.byte()) else { throw WireError(message: "unknown event") }
        switch tag {
        case .outputs:
            let n = try r.count()
            var items: [(DisplayItem, Bool)] = []
            for _ in 0..<n {
                let isResult = try r.bool()
                items.append((try WorkerEvent.decodeItem(&r), isResult))
            }
            self = .outputs(items)
        case .finished:
            var error: ScriptError?
            if try r.bool() {
                let isInterrupt = try r.bool()
                let n = try r.count()
                var diagnostics: [Diagnostic] = []
                for _ in 0..<n {
                    diagnostics.append(Diagnostic(origin: try r.string(), line: try r.int(), column: try r.int(),
                                                  message: try r.string(), sourceLine: try r.string(),
                                                  context: try r.optionalString()))
                }
                error = ScriptError(diagnostics: diagnostics, isInterrupt: isInterrupt)
            }
            let duration = try r.double()
            let index = try r.int()
            self = .finished(error: error, duration: duration, resultIndex: index < 0 ? nil : index)
        case .strings: self = .strings(try r.strings())
        case .text: self = .text(try r.optionalString())
        case .flag: self = .flag(try r.bool())
        case .progress:
            let id = try r.int(), title = try r.string(), total = try r.int(), unit = try r.string()
            let completed = try r.int(), detail = try r.string(), elapsed = try r.double()
            self = .progress(ProgressSnapshot(id: id, title: title, total: total < 0 ? nil : total, unit: unit,
                                              completed: completed, detail: detail, elapsed: elapsed,
                                              summary: try r.optionalString()))
        case .inputRequest: self = .inputRequest
        }
        guard r.isAtEnd else { throw WireError(message: "trailing bytes after an event") }
    }

    private static func encode(_ item: DisplayItem, into w: inout WireWriter) {
        switch item {
        case let .text(s):
            w.byte(0); w.string(s)
        case let .table(t):
            w.byte(1); w.strings(t.columns); w.int(t.rows.count)
            for row in t.rows { w.strings(row) }
            w.optionalString(t.caption)
        case let .image(img):
            // The figure is a file the worker wrote atomically; only its path travels.
            w.byte(2); w.string(img.path); w.string(img.alt)
            w.int(img.displaySize?.width ?? -1); w.int(img.displaySize?.height ?? -1)
        }
    }

    private static func decodeItem(_ r: inout WireReader) throws -> DisplayItem {
        switch try r.byte() {
        case 0: return .text(try r.string())
        case 1:
            let columns = try r.strings()
            let n = try r.count()
            var rows: [[String]] = []
            for _ in 0..<n { rows.append(try r.strings()) }
            return .table(DisplayTable(columns: columns, rows: rows, caption: try r.optionalString()))
        case 2:
            let path = try r.string(), alt = try r.string()
            let width = try r.int(), height = try r.int()
            return .image(DisplayImage(path: path, alt: alt, displaySize: width < 0 ? nil : (width, height)))
        case let k: throw WireError(message: "unknown output kind \(k)")
        }
    }
}
