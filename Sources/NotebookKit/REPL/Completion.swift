import Foundation
import ScriptKit

/// Tab completion for the REPL, through the interpreter: variables, bound names, members
/// after `.`, argument labels inside a call; and for the `:` commands, the command names,
/// bound names after `:help` (`Tensor.ma` gives members) and file paths after `:load`,
/// `:run` and `:save`.
///
/// readline splits words at punctuation (`:`, `.`, `/` among others), so `word` is the
/// text after the last such character and each candidate replaces only that part.
public enum Completion {
    /// The REPL's commands, completed at the start of a line.
    static let commands = [":help", ":vars", ":history", ":load", ":run", ":save", ":quit"]
    /// The commands whose argument is a file path.
    static let fileCommands: Set<String> = [":load", ":run", ":save"]

    /// Candidates for `word`, the word under the cursor, given `line`, the text up to the cursor.
    public static func candidates(word: String, line: String, session: Session) -> [String] {
        let context = String(line.dropLast(word.count))
        let leading = line.drop { $0 == " " }
        if leading.hasPrefix(":") {
            return commandCandidates(word: word, line: String(leading), context: context, session: session)
        }
        // An argument label completes with the space Swift style puts after its colon.
        return session.interpreter.completions(prefix: word, context: context).map { $0.hasSuffix(":") ? $0 + " " : $0 }
    }

    /// Completion inside a `:` command line.
    static func commandCandidates(word: String, line: String, context: String, session: Session) -> [String] {
        guard let space = line.firstIndex(of: " ") else {
            // The command name itself: `word` is ":he" (whole) or "he" (after readline's ':' break).
            let typed = line
            let matches = commands.filter { $0.hasPrefix(typed) }
            return word.hasPrefix(":") ? matches : matches.map { String($0.dropFirst()) }
        }
        let command = String(line[..<space])
        let argument = String(line[line.index(after: space)...].drop { $0 == " " })
        if command == ":help" || command == ":h" {
            return helpCandidates(word: word, argument: argument, session: session)
        }
        if fileCommands.contains(command) {
            return fileCandidates(word: word, path: argument)
        }
        return []
    }

    /// Bound names for `:help NAME`; after `Type.` the type's members.
    static func helpCandidates(word: String, argument: String, session: Session) -> [String] {
        let registry = session.interpreter.registry
        if let dot = argument.lastIndex(of: ".") {
            guard let type = registry.binding(of: String(argument[..<dot])) else { return [] }
            let members = Set(type.memberNames + type.staticMemberNames)
            return members.filter { $0.hasPrefix(word) }.sorted()
        }
        return registry.names.filter { $0.hasPrefix(word) }
    }

    /// Files and folders whose path starts with `path`; each candidate replaces `word`, the
    /// tail of `path` after its last break character. Folders end with "/".
    static func fileCandidates(word: String, path: String) -> [String] {
        let folder: String, stem: String
        if let slash = path.lastIndex(of: "/") {
            folder = String(path[...slash])
            stem = String(path[path.index(after: slash)...])
        } else {
            folder = ""
            stem = path
        }
        guard stem.hasSuffix(word) else { return [] }
        let typedBeforeWord = stem.dropLast(word.count)
        let base = folder.isEmpty ? "." : folder
        let expanded = (base as NSString).expandingTildeInPath
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: expanded) else { return [] }
        return names.filter { $0.hasPrefix(stem) && (stem.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isFolder: ObjCBool = false
            let full = (expanded as NSString).appendingPathComponent(name)
            let suffix = FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) && isFolder.boolValue ? "/" : ""
            return String(name.dropFirst(typedBeforeWord.count)) + suffix
        }
    }
}
