import Foundation

/// One worker process: the same executable started as `swiftnb worker`, in its own process
/// group (so the terminal's Ctrl-C reaches only the supervisor, which decides what to do),
/// with the protocol's socket on fd 3, /dev/null (or this process's standard input) on
/// fd 0, and fds 1 and 2 on a pipe that `StderrTail` reads.
final class WorkerProcess {
    /// The worker's process id.
    let pid: pid_t
    /// The protocol channel.
    let channel: FrameChannel
    /// The worker's standard error.
    let stderr: StderrTail
    private var exitStatus: Int32?

    /// Starts a worker running `executable` with `arguments` (after the executable's name).
    ///
    /// - Throws: `WorkerStartError` with the system's reason.
    init(executable: String, arguments: [String], inheritsStandardInput: Bool = false) throws {
        var pair: [Int32] = [-1, -1]
        #if os(Linux)
        let streamType = Int32(SOCK_STREAM.rawValue)
        #else
        let streamType = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, streamType, 0, &pair) == 0 else { throw WorkerStartError.failed("socketpair") }
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&errPipe) == 0 else {
            let error = WorkerStartError.failed("pipe")
            close(pair[0]); close(pair[1])
            throw error
        }
        // Every descriptor here is closed on exec; the child gets its copies through dup2
        // (moved above 9 first, so that no dup2 is onto itself, which would keep the flag).
        func high(_ fd: Int32) -> Int32 {
            let moved = fcntl(fd, F_DUPFD_CLOEXEC, 10)
            close(fd)
            return moved
        }
        let mine = high(pair[0]), theirs = high(pair[1])
        let errRead = high(errPipe[0]), errWrite = high(errPipe[1])

        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if !inheritsStandardInput { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
        posix_spawn_file_actions_adddup2(&actions, errWrite, 1)
        posix_spawn_file_actions_adddup2(&actions, errWrite, 2)
        posix_spawn_file_actions_adddup2(&actions, theirs, 3)

        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGPIPE, SIGQUIT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)

        var environment = ProcessInfo.processInfo.environment
        // A crash should say its last words fast; the Swift runtime's symbolicated backtrace
        // takes seconds. Whoever wants it sets SWIFT_BACKTRACE themselves.
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(theirs)
        close(errWrite)
        guard status == 0 else {
            close(mine); close(errRead)
            throw WorkerStartError.system("posix_spawn \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        channel = FrameChannel(fd: mine)
        stderr = StderrTail(fd: errRead)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = reap(waiting: true)
        }
        close(channel.fd)
    }

    /// Sends `signal` to the worker (a no-op once it has been reaped).
    func signal(_ signal: Int32) {
        if exitStatus == nil { kill(pid, signal) }
    }

    /// The raw wait status once the worker has exited; with `waiting`, blocks until it has.
    func reap(waiting: Bool) -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, waiting ? 0 : WNOHANG)
            if r == pid {
                exitStatus = status
                return status
            }
            if r < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// Waits for the worker to end (up to `seconds`, then kills it) and tells how it ended:
    /// the signal that killed it, else its exit status.
    func waitForEnd(seconds: Double) -> (signal: Int32?, status: Int32) {
        let deadline = Date().addingTimeInterval(seconds)
        var raw = reap(waiting: false)
        while raw == nil && Date() < deadline {
            usleep(2_000)
            raw = reap(waiting: false)
        }
        if raw == nil {
            kill(pid, SIGKILL)
            raw = reap(waiting: true)
        }
        let status = raw ?? 0
        let termination = status & 0x7f
        if termination == 0 { return (nil, (status >> 8) & 0xff) }
        return (termination, 0)
    }

    /// This program's own executable, to start as a worker.
    static var currentExecutable: String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}

/// A worker that could not be started.
public enum WorkerStartError: Error, CustomStringConvertible {
    /// A system call failed.
    case system(String)

    /// The failure of system call `what`, with the reason `errno` gives now.
    static func failed(_ what: String) -> WorkerStartError {
        .system("\(what): \(String(cString: strerror(errno)))")
    }

    public var description: String {
        switch self {
        case let .system(what): return what
        }
    }
}
