import Foundation

/// Character: what iterating a String yields. Properties classify it as Swift's do.
extension Registry {
    static func character(_ v: Value) -> Character {
        switch v {
        case .character(let c): return c
        case .string(let s): return s.first ?? " "
        default: return " "
        }
    }

    func addCharacterType() {
        let character = type("Character", doc: "One user-perceived character (an extended grapheme cluster).")
        character.initializer("init(_ text: String)", doc: "The single character of text; an error for any other length.") { args in
            let text = args.string(0)
            guard text.count == 1, let c = text.first else {
                throw BindingError("can't form a Character from a String containing \(text.isEmpty ? "no characters" : "more than one extended grapheme cluster")")
            }
            return .character(c)
        }
        let c = Registry.character
        let tests: [(String, String, (Character) -> Bool)] = [
            ("isLetter", "Whether it is a letter.", { $0.isLetter }),
            ("isNumber", "Whether it is a number (digits, fractions, numerals).", { $0.isNumber }),
            ("isWholeNumber", "Whether it is a whole number (0-9 and other scripts' digits).", { $0.isWholeNumber }),
            ("isWhitespace", "Whether it is whitespace (space, tab, newline...).", { $0.isWhitespace }),
            ("isNewline", "Whether it is a line separator.", { $0.isNewline }),
            ("isUppercase", "Whether it is upper case.", { $0.isUppercase }),
            ("isLowercase", "Whether it is lower case.", { $0.isLowercase }),
            ("isPunctuation", "Whether it is punctuation.", { $0.isPunctuation }),
            ("isSymbol", "Whether it is a symbol.", { $0.isSymbol }),
            ("isASCII", "Whether it is an ASCII character.", { $0.isASCII }),
            ("isHexDigit", "Whether it is a hexadecimal digit.", { $0.isHexDigit }),
            ("isCased", "Whether it changes under case conversion.", { $0.isCased }),
        ]
        for (name, doc, test) in tests {
            character.property("\(name): Bool", doc: doc) { this in .bool(test(c(this))) }
        }
        character
            .property("asciiValue: UInt8?", doc: "The ASCII code, or nil for non-ASCII characters.") { this in
                .optional(c(this).asciiValue.map { .int(Int($0)) })
            }
            .property("wholeNumberValue: Int?", doc: "The digit's value, or nil.") { this in
                .optional(c(this).wholeNumberValue.map { .int($0) })
            }
            .property("hexDigitValue: Int?", doc: "The hexadecimal digit's value, or nil.") { this in
                .optional(c(this).hexDigitValue.map { .int($0) })
            }
            .method("uppercased() -> String", doc: "The character in upper case.") { this, _ in .string(c(this).uppercased()) }
            .method("lowercased() -> String", doc: "The character in lower case.") { this, _ in .string(c(this).lowercased()) }
            .property("description: String", doc: "The character as a String.") { this in .string(String(c(this))) }
    }
}
