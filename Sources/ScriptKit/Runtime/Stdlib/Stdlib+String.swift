import Foundation

/// String: conversions, `String(format:)`, and members.
extension Registry {
    func addStringType() {
        let string = type("String", doc: "Text.")
        string.initializer("init(_ value: Any)", doc: "The value's description, as print shows it; the text of an array of Characters.") { args in
            if case .array(let items) = args[0], !items.isEmpty,
               items.allSatisfy({ if case .character = $0 { return true }; return false }) {
                return .string(String(items.map { Registry.character($0) }))
            }
            return .string(args[0].description)
        }
        .initializer("init(describing value: Any)", doc: "The value's description, as print shows it.") { args in
            .string(args[0].description)
        }
        .initializer("init(repeating text: String, count: Int)", doc: "The text repeated count times.") { args in
            let n = args.int(1)
            guard n >= 0 else { throw BindingError("count must not be negative, got \(n)") }
            let (bytes, overflow) = n.multipliedReportingOverflow(by: args.string(0).utf8.count)
            guard !overflow, bytes <= 1 << 30 else { throw BindingError("the result of \(n) repetitions is too large (limit 1 GiB)") }
            return .string(String(repeating: args.string(0), count: n))
        }
        .initializer("init(_ value: Int, radix: Int)", doc: "The integer written in the given base.") { args in
            let radix = args.int(1)
            guard (2...36).contains(radix) else { throw BindingError("radix must be between 2 and 36") }
            return .string(String(args.int(0), radix: radix))
        }
        .initializer("init(format: String, _ values: Any...)", doc: "printf-style formatting: %d %f %.2f %e %g %s %@ %x %%, widths and flags.") { args in
            .string(try StringFormatter.format(args.string(0), args.array(1)))
        }
        func s(_ v: Value) -> String { if case .string(let x) = v { return x }; return "" }
        string
            .property("count: Int", doc: "Number of characters.") { this in .int(s(this).count) }
            .property("isEmpty: Bool", doc: "Whether the string is empty.") { this in .bool(s(this).isEmpty) }
            .property("first: Character?", doc: "The first character, or nil.") { this in .optional(s(this).first.map { .character($0) }) }
            .property("last: Character?", doc: "The last character, or nil.") { this in .optional(s(this).last.map { .character($0) }) }
            .method("uppercased() -> String", doc: "The string in upper case.") { this, _ in .string(s(this).uppercased()) }
            .method("lowercased() -> String", doc: "The string in lower case.") { this, _ in .string(s(this).lowercased()) }
            .method("hasPrefix(_ prefix: String) -> Bool", doc: "Whether the string starts with prefix.") { this, args in .bool(s(this).hasPrefix(args.string(0))) }
            .method("hasSuffix(_ suffix: String) -> Bool", doc: "Whether the string ends with suffix.") { this, args in .bool(s(this).hasSuffix(args.string(0))) }
            .method("contains(_ other: String) -> Bool", doc: "Whether other occurs in the string.") { this, args in
                let o = args.string(0)
                return .bool(o.isEmpty || s(this).contains(o))
            }
            .method("split(separator: String, maxSplits: Int = -1, omittingEmptySubsequences: Bool = true) -> [String]",
                    doc: "The pieces between separators (a one-character string).") { this, args in
                let sep = args.string(0)
                guard sep.count == 1, let ch = sep.first else { throw BindingError("separator must be one character, got \"\(sep)\"") }
                let max = args.int(1) < 0 ? Int.max : args.int(1)
                return .array(s(this).split(separator: ch, maxSplits: max, omittingEmptySubsequences: args.bool(2)).map { .string(String($0)) })
            }
            .method("components(separatedBy separator: String) -> [String]", doc: "The pieces between occurrences of separator.") { this, args in
                let sep = args.string(0)
                guard !sep.isEmpty else { return .array([this]) }
                return .array(s(this).components(separatedBy: sep).map { .string($0) })
            }
            .method("replacingOccurrences(of target: String, with replacement: String) -> String", doc: "Every occurrence of target replaced.") { this, args in
                guard !args.string(0).isEmpty else { return this }
                return .string(s(this).replacingOccurrences(of: args.string(0), with: args.string(1)))
            }
            .method("reversed() -> String", doc: "The characters in reverse order.") { this, _ in .string(String(s(this).reversed())) }
            .method("prefix(_ n: Int) -> String", doc: "The first n characters.") { this, args in
                guard args.int(0) >= 0 else { throw BindingError("prefix length must not be negative") }
                return .string(String(s(this).prefix(args.int(0))))
            }
            .method("suffix(_ n: Int) -> String", doc: "The last n characters.") { this, args in
                guard args.int(0) >= 0 else { throw BindingError("suffix length must not be negative") }
                return .string(String(s(this).suffix(args.int(0))))
            }
            .method("dropFirst(_ n: Int = 1) -> String", doc: "Without the first n characters.") { this, args in
                .string(String(s(this).dropFirst(max(0, args.int(0)))))
            }
            .method("dropLast(_ n: Int = 1) -> String", doc: "Without the last n characters.") { this, args in
                .string(String(s(this).dropLast(max(0, args.int(0)))))
            }
            .method("padding(toLength n: Int, withPad pad: String, startingAt index: Int) -> String", doc: "Padded or truncated to n characters.") { this, args in
                guard !args.string(1).isEmpty, args.int(0) >= 0 else { throw BindingError("padding needs a non-empty pad and a length >= 0") }
                return .string(s(this).padding(toLength: args.int(0), withPad: args.string(1), startingAt: max(0, args.int(2))))
            }
            .method("map<T>(_ transform: (Element) throws -> T) rethrows -> [T]", doc: "The results of transform on each character.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .array(try s(this).map { try call0(.character($0)) })
            }
            .method("filter(_ isIncluded: (Element) throws -> Bool) rethrows -> String", doc: "The characters for which isIncluded is true.") { this, args in
                var out = ""
                let call0 = args.repeatedCall(0, arity: 1)
                for ch in s(this) where try Registry.truth(call0(.character(ch)), "filter") { out.append(ch) }
                return .string(out)
            }
            .mutatingMethod("append(_ c: Character)", doc: "Appends one character in place.") { this, args in
                guard var s = this.takeString() else { return .void }
                s += args[0].description
                this = .string(s)
                return .void
            }
            .mutatingMethod("append(_ other: String)", doc: "Appends other in place.") { this, args in
                guard var x = this.takeString() else { return .void }
                x += args.string(0)
                this = .string(x)
                return .void
            }
            .property("description: String", doc: "The string itself.") { this in this }
            .property("utf8Count: Int", doc: "Number of UTF-8 bytes.") { this in .int(s(this).utf8.count) }
    }

    static func truth(_ v: Value, _ what: String) throws -> Bool {
        if case .bool(let b) = v { return b }
        throw BindingError("the closure passed to \(what) must return Bool, got \(v.typeName)")
    }
}

/// printf-style formatting of script values, one conversion at a time.
enum StringFormatter {
    static func format(_ format: String, _ values: [Value]) throws -> String {
        var out = ""
        var chars = Array(format)
        var i = 0
        var next = 0
        chars.append("\0")
        while i < chars.count - 1 {
            let c = chars[i]
            guard c == "%" else { out.append(c); i += 1; continue }
            i += 1
            if chars[i] == "%" { out.append("%"); i += 1; continue }
            var spec = "%"
            while "-+ #0".contains(chars[i]) && chars[i] != "\0" { spec.append(chars[i]); i += 1 }
            while chars[i].isNumber { spec.append(chars[i]); i += 1 }
            if chars[i] == "." { spec.append("."); i += 1; while chars[i].isNumber { spec.append(chars[i]); i += 1 } }
            if spec.split(whereSeparator: { !$0.isNumber }).contains(where: { $0.count > 4 }) {
                throw BindingError("format width and precision must be at most 9999 in '\(spec)'")
            }
            while "lhqLzjt".contains(chars[i]) && chars[i] != "\0" { i += 1 }
            let conv = chars[i]
            i += 1
            guard next < values.count else { throw BindingError("format string needs more arguments than the \(values.count) given") }
            let v = values[next]
            next += 1
            switch conv {
            case "d", "i", "x", "X", "o", "u":
                guard case .int(let n) = v else { throw BindingError("%\(conv) expects an Int, got \(v.typeName)") }
                out += String(format: spec + "ll" + String(conv), n)
            case "f", "F", "e", "E", "g", "G":
                let d: Double
                switch v {
                case .double(let x): d = x
                case .float(let x): d = Double(x)
                case .int(let n): d = Double(n)
                default: throw BindingError("%\(conv) expects a Double, got \(v.typeName)")
                }
                out += String(format: spec + String(conv), d)
            case "s", "@":
                let text = v.description
                out += pad(text, spec)
            case "c":
                out += pad(v.description, spec)
            default:
                throw BindingError("unsupported format conversion '%\(conv)'")
            }
        }
        if next < values.count { throw BindingError("format string uses \(next) of the \(values.count) arguments given") }
        return out
    }

    private static func pad(_ text: String, _ spec: String) -> String {
        let flags = spec.dropFirst()
        let left = flags.contains("-")
        let digits = flags.filter { $0.isNumber || $0 == "." }
        let widthText = digits.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        var t = text
        if let dot = digits.firstIndex(of: "."), let p = Int(digits[digits.index(after: dot)...]) { t = String(t.prefix(p)) }
        guard let width = Int(widthText), width > t.count else { return t }
        let padding = String(repeating: " ", count: width - t.count)
        return left ? t + padding : padding + t
    }
}
