import Foundation
import ScriptKit

/// A `CellEngine` whose cells run in a worker process (`swiftnb worker`), so that a native
/// crash, a hang or a runaway allocation in a cell costs the session's state but never the
/// report, the terminal or the REPL's history, which stay here in the supervisor.
///
/// Requests and answers travel as frames over a socket pair (`WorkerRequest`,
/// `WorkerEvent`); the worker's stderr is passed through and its last lines are kept for
/// crash messages. While a cell runs, `execute` waits on the socket and on `InterruptPipe`
/// (Ctrl-C, SIGTERM): the first interrupt is sent to the worker as SIGINT (the interpreter's
/// cooperative interruption); a second within `WorkerOptions.doublePressWindow`, or a cell
/// that is still running `interruptGrace` seconds later (`progressInterruptGrace` when its
/// progress bar was moving: library work between two checks), gets the worker killed. `--timeout`
/// interrupts the cell the same way and kills the worker if it does not stop.
public final class WorkerSession: CellEngine {
    public var onOutput: ((DisplayItem) -> Void)?
    public var onResult: (([DisplayItem]) -> Void)?
    public var onProgress: ((ProgressSnapshot) -> Void)?
    /// Called after each batch of output items has been passed to `onOutput` and before
    /// waiting for more: a terminal writer that buffers what `onOutput` gives it writes it
    /// out here, one system call per batch instead of one per printed line.
    public var onBatchEnd: (() -> Void)?
    /// Reads a line for a cell's `readLine()` (the REPL reads its terminal or pipe); nil is
    /// the end of input. Without it a cell's `readLine()` gets nil.
    public var onInput: (() -> String?)?
    /// Called when the worker turns out to have died between cells (found by a request); a
    /// fresh one has been started and the session's state is gone.
    public var onIdleLoss: ((WorkerFailure) -> Void)?
    /// How workers are started and limited.
    public let options: WorkerOptions
    private var process: WorkerProcess?

    /// Starts a worker, or with `startNow` false leaves that to the first request or to
    /// `startIfNeeded()` (the REPL starts it once its first prompt is on the screen, so the
    /// worker's start-up does not compete with the supervisor's for the CPU).
    ///
    /// - Throws: `WorkerStartError` when it cannot be started.
    public init(options: WorkerOptions, startNow: Bool = true) throws {
        self.options = options
        InterruptPipe.open()
        if startNow { process = try WorkerProcess(executable: options.executable, arguments: options.arguments,
                                                       inheritsStandardInput: options.inheritsStandardInput) }
    }

    /// The running worker's process id (nil between a loss and the next request).
    public var workerPID: Int32? { process?.pid }

    /// Starts a fresh worker if the last one was lost (a no-op otherwise).
    ///
    /// - Throws: `WorkerStartError`.
    public func startIfNeeded() throws {
        if process == nil { process = try WorkerProcess(executable: options.executable, arguments: options.arguments,
                                                       inheritsStandardInput: options.inheritsStandardInput) }
    }

    // MARK: - Running cells

    public func execute(_ source: String, origin: String, cellName: String?, firstLine: Int, context: String?) -> Session.Execution {
        checkIdleDeath()
        do { try startIfNeeded() } catch {
            return lost(.couldNotStart("\(error)"), source: source, origin: origin, firstLine: firstLine, context: context, outputs: [], duration: 0, stderr: [])
        }
        guard let process else { return lost(.couldNotStart("no process"), source: source, origin: origin, firstLine: firstLine, context: context, outputs: [], duration: 0, stderr: []) }
        process.stderr.mark()
        let started = Date()
        var outputs: [DisplayItem] = []
        var results: [DisplayItem] = []
        do {
            try process.channel.send(WorkerRequest.execute(source: source, origin: origin, cellName: cellName,
                                                         firstLine: firstLine, context: context).encoded())
        } catch {
            return ended(process, killedFor: nil, source: source, origin: origin, firstLine: firstLine, context: context, outputs: outputs, started: started)
        }
        let deadline = options.timeout.map { started.addingTimeInterval($0) }
        var timedOut = false
        var firstInterrupt: Date?
        var lastProgress = Date.distantPast
        // After Ctrl-C, a cell whose progress bar moved within the usual grace is in library
        // work that polls for interrupts between steps (a training batch): it gets longer.
        func grace() -> Double {
            if timedOut { return WorkerOptions.timeoutGrace }
            let reporting = firstInterrupt.map { lastProgress.timeIntervalSince($0) > -WorkerOptions.interruptGrace } ?? false
            return reporting ? WorkerOptions.progressInterruptGrace : WorkerOptions.interruptGrace
        }
        var lastSignal = Date.distantPast
        var killedFor: WorkerFailure?
        while true {
            // Time-outs: the --timeout deadline, the grace after an interrupt, re-sending it.
            var wake = Date.distantFuture
            if let deadline, !timedOut { wake = min(wake, deadline) }
            if let firstInterrupt, killedFor == nil {
                wake = min(wake, firstInterrupt.addingTimeInterval(grace()))
                wake = min(wake, lastSignal.addingTimeInterval(0.25))
            }
            var fds = [pollfd(fd: process.channel.fd, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: InterruptPipe.readFD, events: Int16(POLLIN), revents: 0)]
            let milliseconds = wake == .distantFuture ? -1 : max(0, Int32(min(wake.timeIntervalSinceNow * 1000 + 1, 60_000)))
            let ready = poll(&fds, 2, milliseconds)
            if ready < 0 && errno != EINTR { break }
            let now = Date()
            if fds[1].revents != 0, InterruptPipe.drain() > 0, killedFor == nil {
                if let first = firstInterrupt, now.timeIntervalSince(first) < WorkerOptions.doublePressWindow {
                    killedFor = .killedAfterInterrupt
                    process.signal(SIGKILL)
                } else {
                    if firstInterrupt == nil { firstInterrupt = now }
                    lastSignal = now
                    process.signal(SIGINT)
                }
            }
            if let deadline, !timedOut, now >= deadline, killedFor == nil {
                timedOut = true
                firstInterrupt = now
                lastSignal = now
                process.signal(SIGINT)
            }
            if let first = firstInterrupt, killedFor == nil {
                if now.timeIntervalSince(first) >= grace() {
                    killedFor = timedOut ? .timedOut(seconds: options.timeout ?? 0, stateKept: false) : .killedAfterInterrupt
                    process.signal(SIGKILL)
                } else if now.timeIntervalSince(lastSignal) >= 0.25 {
                    // The interrupt may have landed before the chunk started; say it again.
                    lastSignal = now
                    process.signal(SIGINT)
                }
            }
            guard fds[0].revents != 0 else { continue }
            do {
                if try !process.channel.fill() { break }
                defer { onBatchEnd?() }
                while let body = try process.channel.nextFrame() {
                    switch try WorkerEvent(body) {
                    case let .outputs(items):
                        for (item, isResult) in items {
                            if isResult { results.append(item); continue }
                            outputs.append(item)
                            onOutput?(item)
                        }
                    case let .progress(snapshot):
                        lastProgress = Date()
                        onProgress?(snapshot)
                    case .inputRequest:
                        onBatchEnd?()   // the prompt the cell printed shows before the wait
                        let line = onInput?() ?? nil
                        try process.channel.send(WorkerRequest.input(line).encoded())
                    case let .finished(error, duration, resultIndex):
                        if !results.isEmpty {
                            outputs += results
                            if let onResult { onResult(results) } else { results.forEach { onOutput?($0) } }
                        }
                        var execution = Session.Execution(outputs: outputs, error: error, duration: duration, resultIndex: resultIndex)
                        if timedOut, var e = error, e.isInterrupt, let seconds = options.timeout {
                            // The timeout's interrupt stopped the cell where it was: say why.
                            let failure = WorkerFailure.timedOut(seconds: seconds, stateKept: true)
                            for i in e.diagnostics.indices {
                                e.diagnostics[i].message = failure.message(memoryLimit: nil, stderrLine: nil)
                            }
                            e.isInterrupt = false
                            execution.error = e
                            execution.failure = failure
                        }
                        return execution
                    default:
                        throw WireError(message: "an answer while a cell ran")
                    }
                }
            } catch {
                if killedFor == nil { killedFor = .protocolError("\(error)") }
                process.signal(SIGKILL)
                break
            }
        }
        outputs += results
        return ended(process, killedFor: killedFor, source: source, origin: origin, firstLine: firstLine, context: context, outputs: outputs, started: started)
    }

    /// The worker ended during a chunk: reaps it, collects its last stderr lines and builds
    /// the chunk's located error. The next request starts a fresh worker.
    private func ended(_ process: WorkerProcess, killedFor: WorkerFailure?, source: String, origin: String,
                       firstLine: Int, context: String?, outputs: [DisplayItem], started: Date) -> Session.Execution {
        let end = process.waitForEnd(seconds: 2)
        process.stderr.waitForEnd(seconds: 0.5)
        let stderr = process.stderr.lines()
        self.process = nil
        let failure = killedFor ?? (end.signal.map { WorkerFailure.crashed(signal: $0) } ?? .exited(status: end.status))
        return lost(failure, source: source, origin: origin, firstLine: firstLine, context: context, outputs: outputs,
                    duration: Date().timeIntervalSince(started), stderr: stderr)
    }

    private func lost(_ failure: WorkerFailure, source: String, origin: String, firstLine: Int = 1, context: String? = nil,
                      outputs: [DisplayItem],
                      duration: Double, stderr: [String]) -> Session.Execution {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let lineIndex = lines.firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0
        let text = lines.isEmpty ? "" : String(lines[lineIndex])
        let column = (text.firstIndex { $0 != " " && $0 != "\t" }).map { text.distance(from: text.startIndex, to: $0) + 1 } ?? 1
        let headline = stderr.last { $0.contains("Fatal error") } ?? stderr.last { $0.localizedCaseInsensitiveContains("error") }
            ?? stderr.last
        let message = failure.message(memoryLimit: options.memoryLimit, stderrLine: headline)
        let diagnostic = Diagnostic(origin: origin, line: lineIndex + firstLine, column: column, message: message,
                                    sourceLine: text, context: context)
        let error = ScriptError(diagnostics: [diagnostic], isInterrupt: failure == .killedAfterInterrupt)
        var execution = Session.Execution(outputs: outputs, error: error, duration: duration, resultIndex: nil)
        execution.failure = failure
        execution.workerStderr = stderr
        return execution
    }

    /// A worker that died between cells is noticed here, before a request goes to it.
    private func checkIdleDeath() {
        guard let process, process.reap(waiting: false) != nil else { return }
        let end = process.waitForEnd(seconds: 0)
        self.process = nil
        onIdleLoss?(end.signal.map { .crashed(signal: $0) } ?? .exited(status: end.status))
    }

    // MARK: - Requests

    /// Sends `request` and returns the answer; a worker found dead is replaced and asked
    /// again once. Nil when no worker answers.
    private func ask(_ request: WorkerRequest) -> WorkerEvent? {
        for _ in 0..<2 {
            checkIdleDeath()
            guard (try? startIfNeeded()) != nil, let process else { return nil }
            do {
                try process.channel.send(request.encoded())
                if let body = try process.channel.receive() { return try WorkerEvent(body) }
            } catch {}
            process.signal(SIGKILL)
            let end = process.waitForEnd(seconds: 2)
            self.process = nil
            onIdleLoss?(end.signal.map { .crashed(signal: $0) } ?? .exited(status: end.status))
        }
        return nil
    }

    public func defineConstant(_ name: String, value: Value) {
        guard let process, let body = try? WorkerRequest.define(name: name, value: value).encoded() else { return }
        try? process.channel.send(body)
    }

    public func completions(word: String, line: String) -> [String] {
        if case let .strings(list)? = ask(.complete(word: word, line: line)) { return list }
        return []
    }

    public func help(_ name: String) -> String? {
        if case let .text(text)? = ask(.help(name: name)) { return text }
        return nil
    }

    public func variablesText() -> String {
        if case let .text(text?)? = ask(.variables) { return text }
        return "(no variables)\n"
    }

    public func isIncomplete(_ source: String) -> Bool {
        if case let .flag(flag)? = ask(.isIncomplete(source: source)) { return flag }
        return false
    }
}
