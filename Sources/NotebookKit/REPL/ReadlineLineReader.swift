import CReadline
import FileKit
import Foundation

/// Line editing, history and tab completion through GNU readline.
///
/// readline calls completion through C function pointers that cannot capture, so the one
/// active reader is kept in a global; there is only one terminal per process.
public final class ReadlineLineReader: LineReader {
    nonisolated(unsafe) static var active: ReadlineLineReader?
    nonisolated(unsafe) static var candidates: [String] = []

    private let historyPath: String
    /// Given the word being completed and the whole line so far, returns the candidates.
    let completer: (String, String) -> [String]

    /// A reader that loads and saves history at `historyPath` and completes with `completer`.
    public init(historyPath: String, completer: @escaping (String, String) -> [String]) {
        self.historyPath = historyPath
        self.completer = completer
        ReadlineLineReader.active = self
        using_history()
        stifle_history(Int32(ReadlineLineReader.historyLimit))
        for entry in ReadlineLineReader.loadHistory(historyPath) { add_history(entry) }
        // Words break at these characters; `.` is one so that `xs.co<TAB>` completes members.
        rl_basic_word_break_characters = ReadlineLineReader.breakCharacters
        // readline must not install its own signal handlers; Interrupts does Ctrl-C.
        rl_catch_signals = 0
        rl_getc_function = { stream in ReadlineLineReader.nextKey(stream) }
        rl_attempted_completion_function = { text, _, _ in
            rl_attempted_completion_over = 1
            // No space after a completed word: a function name is followed by "(".
            rl_completion_append_character = 0
            let word = text.map { String(cString: $0) } ?? ""
            let line = rl_line_buffer.map { String(cString: $0) } ?? ""
            let cursor = Int(rl_point)
            let before = String(line.utf8.prefix(cursor)).map { String($0) } ?? line
            ReadlineLineReader.candidates = ReadlineLineReader.active?.completer(word, before) ?? []
            if ReadlineLineReader.candidates.isEmpty { return nil }
            return rl_completion_matches(text) { _, state in
                if state == 0 { ReadlineLineReader.index = 0 }
                guard ReadlineLineReader.index < ReadlineLineReader.candidates.count else { return nil }
                let next = ReadlineLineReader.candidates[ReadlineLineReader.index]
                ReadlineLineReader.index += 1
                return strdup(next)
            }
        }
    }

    nonisolated(unsafe) static var index = 0
    static let breakCharacters: UnsafePointer<CChar> = {
        let s = " \t\n\"\\'`@$><=;|&{(,.[+-*/%!?:)]}"
        return UnsafePointer(strdup(s)!)
    }()

    /// Called once, the first time readline waits for a key (the first prompt is then on the
    /// screen): work that can wait until the user sees the prompt, such as starting the
    /// worker process.
    public var whenFirstWaiting: (() -> Void)?

    /// True when the last `readLine` ended with Ctrl-C: the line is to be discarded.
    public private(set) var lineWasCancelled = false

    public func readLine(prompt: String) -> String? {
        Interrupts.cancelRequested = false
        let raw = CReadline.readline(prompt)
        lineWasCancelled = Interrupts.cancelRequested
        Interrupts.cancelRequested = false
        guard let raw else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// readline's key source: one byte from the terminal, waiting in poll() so that a
    /// Ctrl-C (which sets `Interrupts.cancelRequested`) ends the wait. On Ctrl-C the line is
    /// shown with `^C` after it and accepted (readline prints the newline); `readLine` then
    /// reports it as cancelled.
    static func nextKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
        let fd = stream.map { fileno($0) } ?? STDIN_FILENO
        if let first = active?.whenFirstWaiting {
            active?.whenFirstWaiting = nil
            first()
        }
        while true {
            if Interrupts.cancelRequested {
                rl_point = rl_end
                rl_redisplay()
                _ = "^C".withCString { write(STDOUT_FILENO, $0, 2) }
                return 10  // newline: accept-line
            }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            // A timeout as well, in case the signal lands between the check and the wait.
            let ready = poll(&p, 1, 250)
            if ready < 0 && errno != EINTR { return EOF }
            if ready <= 0 { continue }
            var byte: UInt8 = 0
            let n = read(fd, &byte, 1)
            if n == 1 { return Int32(byte) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            return EOF
        }
    }

    public func addHistory(_ entry: String) {
        let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return }
        add_history(entry)
    }

    public func saveHistory() {
        var entries: [String] = []
        for i in 0..<Int(history_length) {
            if let entry = history_get(history_base + Int32(i)), let line = entry.pointee.line {
                entries.append(String(cString: line))
            }
        }
        try? AtomicFile.write(ReadlineLineReader.encodeHistory(entries), to: historyPath)
    }

    /// How many entries the history keeps.
    static let historyLimit = 2000
    /// Stands for a newline inside a multi-line entry in the history file, so that an entry
    /// stays one line there and comes back whole (readline's own file splits it into lines).
    static let newlineMark: Character = "\u{1}"

    /// The history file's text: one entry per line, newlines inside entries marked.
    static func encodeHistory(_ entries: [String]) -> String {
        entries.suffix(historyLimit).map { $0.replacingOccurrences(of: "\n", with: String(newlineMark)) + "\n" }.joined()
    }

    /// The entries of a history file (empty when there is none).
    static func loadHistory(_ path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return decodeHistory(String(decoding: data, as: UTF8.self))
    }

    /// Entries from a history file's text.
    static func decodeHistory(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.replacingOccurrences(of: String(newlineMark), with: "\n") }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
