import Foundation
import ScriptKit

/// A parameter of a notebook: a `let` in the cell tagged `parameters`, with its default.
public struct NotebookParameter {
    /// The constant's name.
    public var name: String
    /// Its default value (Int, Double, Bool or String).
    public var defaultValue: Value
    /// The line in the parameters cell.
    public var line: Int
}

/// Errors in `--param` overrides.
public enum ParameterError: Error, CustomStringConvertible, Equatable {
    /// `--param` text without `=`.
    case malformed(String)
    /// A name the parameters cell does not define.
    case unknown(name: String, known: [String])
    /// A value that does not read as the default's type.
    case badValue(name: String, value: String, expected: String, known: [String])
    /// The notebook has no parameters cell but overrides were given.
    case noParametersCell(names: [String])
    /// The parameters cell is not a list of `let name = literal` lines.
    case invalidCell(String)

    public var description: String {
        func list(_ known: [String]) -> String { known.isEmpty ? "none" : known.joined(separator: ", ") }
        switch self {
        case let .malformed(text):
            return "--param '\(text)': expected name=value"
        case let .unknown(name, known):
            return "unknown parameter '\(name)'; known parameters: \(list(known))"
        case let .badValue(name, value, expected, known):
            return "parameter '\(name)': '\(value)' is not a valid \(expected); known parameters: \(list(known))"
        case let .noParametersCell(names):
            return "unknown parameter '\(names.first ?? "")': the notebook has no cell tagged \"parameters\"; known parameters: none"
        case let .invalidCell(message):
            return "parameters cell: \(message)"
        }
    }
}

/// Reading a notebook's parameters and coercing `--param` overrides to their types.
public enum Parameters {
    /// The parameters the notebook's `parameters` cell declares (empty when it has none).
    public static func declared(in notebook: Notebook) throws -> [NotebookParameter] {
        guard let index = notebook.cells.firstIndex(where: { $0.kind == .code && $0.hasTag("parameters") }) else { return [] }
        let cell = notebook.cells[index]
        do {
            return try Interpreter.parameters(in: cell.source, origin: "cell \(index + 1)").map {
                NotebookParameter(name: $0.name, defaultValue: $0.value, line: $0.line)
            }
        } catch {
            throw ParameterError.invalidCell("\(error)")
        }
    }

    /// Splits `name=value` texts, keeping their order.
    public static func parseAssignments(_ texts: [String]) throws -> [(name: String, value: String)] {
        try texts.map { text in
            guard let eq = text.firstIndex(of: "="), eq != text.startIndex else { throw ParameterError.malformed(text) }
            let name = text[..<eq].trimmingCharacters(in: .whitespaces)
            return (name, String(text[text.index(after: eq)...]))
        }
    }

    /// Coerces each override to the type of the parameter's default.
    ///
    /// - Throws: `ParameterError` for unknown names and values that do not read as the type.
    public static func coerce(_ overrides: [(name: String, value: String)],
                              to declared: [NotebookParameter]) throws -> [(name: String, value: Value)] {
        let known = declared.map(\.name)
        return try overrides.map { override in
            guard let p = declared.first(where: { $0.name == override.name }) else {
                throw ParameterError.unknown(name: override.name, known: known)
            }
            guard let v = coerce(override.value, like: p.defaultValue) else {
                throw ParameterError.badValue(name: p.name, value: override.value,
                                              expected: p.defaultValue.typeName, known: known)
            }
            return (p.name, v)
        }
    }

    /// Reads `text` as a value of the same type as `example`; nil when it does not read.
    public static func coerce(_ text: String, like example: Value) -> Value? {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch example {
        case .int: return Int(t.replacingOccurrences(of: "_", with: "")).map(Value.int)
        case .double:
            guard let d = Double(t.replacingOccurrences(of: "_", with: "")), d.isFinite else { return nil }
            return .double(d)
        case .bool:
            switch t.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        case .string:
            if t.count >= 2, t.hasPrefix("\""), t.hasSuffix("\"") { return .string(String(t.dropFirst().dropLast())) }
            return .string(text)
        default:
            return nil
        }
    }

    /// A short stable hash of the overrides, for figure names of parameterized runs.
    public static func hash(_ overrides: [(name: String, value: String)]) -> String {
        let text = overrides.map { "\($0.name)=\($0.value)" }.joined(separator: "\n")
        return String(Hashing.sha256(Data(text.utf8)).prefix(8))
    }
}

extension ParameterError {
    /// The message prefixed with where to look: `path:LINE:` of the parameter's default (for a
    /// bad value) or of the parameters cell's marker (for an unknown name), else `path:`.
    public func located(in notebook: Notebook, path: String) -> String {
        guard let cell = notebook.parametersCell else { return "\(path): \(self)" }
        switch self {
        case .malformed, .invalidCell: return "\(path): \(self)"  // the latter carries its own cell:line:column
        default: break
        }
        var line = max(cell.firstBodyLine - 1, 1)
        if case let .badValue(name, _, _, _) = self,
           let p = (try? Parameters.declared(in: notebook))?.first(where: { $0.name == name }) {
            line = cell.firstBodyLine + p.line - 1
        }
        return "\(path):\(line): \(self)"
    }
}
