import Foundation
import ScriptKit

/// The worker's main loop (`swiftnb worker`, started by `WorkerSession`): one `Session`,
/// requests read from the socket on fd 3 and answered in order, outputs streamed through
/// an `OutputBuffer`. SIGINT asks the running cell to stop (the supervisor's interrupt).
/// The worker ends when the supervisor closes the socket or is gone.
public enum WorkerServer {
    /// The socket the supervisor passes.
    static let channelFD: Int32 = 3
    nonisolated(unsafe) static var target: Interpreter?

    /// Serves requests until the supervisor goes away; returns the exit status.
    /// `memoryLimit` (bytes) is how much address space the cells may add (`limitAddressSpace`).
    /// With `inputFromSupervisor`, a cell's `readLine()` asks the supervisor for each line
    /// (`WorkerEvent.inputRequest`) instead of reading this process's standard input.
    public static func serve(figuresDirectory: String, figureStem: String, memoryLimit: Int?,
                             inputFromSupervisor: Bool = false) -> Int32 {
        guard fcntl(channelFD, F_SETFD, FD_CLOEXEC) == 0 else {
            FileHandle.standardError.write(Data("swiftnb worker: no channel on fd 3 (this mode is started by swiftnb run and swiftnb repl)\n".utf8))
            return 2
        }
        watchParent()
        let session = Session(figuresDirectory: figuresDirectory, figureStem: figureStem)
        if let memoryLimit, let problem = limitAddressSpace(growth: memoryLimit) {
            FileHandle.standardError.write(Data("swiftnb worker: cannot set the memory limit: \(problem)\n".utf8))
            return 2
        }
        let channel = FrameChannel(fd: channelFD)
        let buffer = OutputBuffer(channel: channel)
        OutputBuffer.installCrashFlush()
        session.onOutput = { buffer.append($0, isResult: false) }
        session.onResult = { items in items.forEach { buffer.append($0, isResult: true) } }
        session.onProgress = { buffer.append(progress: $0) }
        if inputFromSupervisor {
            session.interpreter.input = { requestLine(channel: channel, buffer: buffer) }
        }
        target = session.interpreter
        installSignalHandler({ _ in WorkerServer.target?.requestInterrupt() }, for: [SIGINT])
        while true {
            let body: [UInt8]
            do {
                guard let frame = try channel.receive() else { return 0 }
                body = frame
            } catch {
                return 0
            }
            let answer: WorkerEvent?
            do {
                answer = try handle(WorkerRequest(body), session: session, buffer: buffer)
            } catch {
                FileHandle.standardError.write(Data("swiftnb worker: \(error)\n".utf8))
                return 3
            }
            if let answer {
                do { try channel.send(answer.encoded()) } catch { return 0 }
            }
        }
    }

    /// A line for `readLine()` from the supervisor: what the cell printed so far goes out
    /// first (it is usually the prompt), then the request; the cell waits for the answer.
    /// Nil (end of input) when the supervisor is gone or answers anything else.
    private static func requestLine(channel: FrameChannel, buffer: OutputBuffer) -> String? {
        buffer.flush()
        do {
            try channel.send(WorkerEvent.inputRequest.encoded())
            guard let body = try channel.receive(), case let .input(line) = try WorkerRequest(body) else { return nil }
            return line
        } catch {
            return nil
        }
    }

    private static func handle(_ request: WorkerRequest, session: Session, buffer: OutputBuffer) -> WorkerEvent? {
        switch request {
        case let .execute(source, origin, cellName, firstLine, context):
            let result = session.execute(source, origin: origin, cellName: cellName, firstLine: firstLine, context: context)
            buffer.flush()
            return .finished(error: result.error, duration: result.duration, resultIndex: result.resultIndex)
        case let .define(name, value):
            session.defineConstant(name, value: value)
            return nil
        case let .complete(word, line):
            return .strings(session.completions(word: word, line: line))
        case let .help(name):
            return .text(session.help(name))
        case .variables:
            return .text(session.variablesText())
        case let .isIncomplete(source):
            return .flag(session.isIncomplete(source))
        case .input:
            return nil   // an answer that came after its cell ended: nothing waits for it
        }
    }

    /// Room kept above the worker's start-up address space besides the cells' own: the
    /// interpreter's 512 MiB large-stack thread (made for each cell) and malloc's arenas.
    static let reserve = (512 + 128) << 20

    /// Limits the address space (`setrlimit(RLIMIT_AS)`) to what the worker holds now (its
    /// libraries, OpenBLAS's buffers; about 1 GiB, more on machines with many cores) plus
    /// `reserve` plus `growth`, so that `--memory-limit 2G` means 2 GiB for the cells on any
    /// machine. Returns the reason when it cannot.
    static func limitAddressSpace(growth: Int) -> String? {
        var current = 0
        #if os(Linux)
        // /proc/self/statm: the first field is the address space in pages.
        if let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
           let pages = Int(text.split(separator: " ").first ?? "") {
            current = pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        }
        #endif
        let (total, overflow) = (current + reserve).addingReportingOverflow(growth)
        var limit = rlimit(rlim_cur: rlim_t(overflow ? Int.max : total), rlim_max: rlim_t(overflow ? Int.max : total))
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_AS.rawValue)
        #else
        let resource = RLIMIT_AS
        #endif
        return setrlimit(resource, &limit) == 0 ? nil : String(cString: strerror(errno))
    }

    /// Ends the worker when its supervisor is gone (killed with SIGKILL, say), even while a
    /// cell runs: a thread checks the parent every half second.
    private static func watchParent() {
        let parent = getppid()
        let thread = Thread {
            while true {
                usleep(500_000)
                if getppid() != parent { _exit(0) }
            }
        }
        thread.name = "swiftnb worker watchdog"
        thread.start()
    }
}
