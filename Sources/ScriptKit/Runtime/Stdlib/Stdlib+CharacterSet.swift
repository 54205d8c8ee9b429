import Foundation

/// A Foundation `CharacterSet` held by a script value.
final class CharacterSetValue: NativeObject, CustomStringConvertible {
    let set: CharacterSet
    init(_ set: CharacterSet) { self.set = set }
    var typeName: String { "CharacterSet" }
    var description: String { "CharacterSet" }
}

/// CharacterSet, for `trimmingCharacters(in: .whitespaces)` and
/// `components(separatedBy: .newlines)` (implicit members resolve against it).
extension Registry {
    static func characterSet(_ v: Value) -> CharacterSet {
        v.native(as: CharacterSetValue.self)?.set ?? CharacterSet()
    }

    func addCharacterSetType() {
        let type = self.type("CharacterSet", doc: "A set of Unicode scalars, such as .whitespaces, for trimming and splitting text.")
        type.initializer("init(charactersIn text: String)", doc: "The characters of text.") { args in
            .native(CharacterSetValue(CharacterSet(charactersIn: args.string(0))))
        }
        let sets: [(String, String, CharacterSet)] = [
            ("whitespaces", "Spaces and tabs.", .whitespaces),
            ("whitespacesAndNewlines", "Spaces, tabs and line breaks.", .whitespacesAndNewlines),
            ("newlines", "Line breaks.", .newlines),
            ("decimalDigits", "Decimal digits.", .decimalDigits),
            ("letters", "Letters.", .letters),
            ("lowercaseLetters", "Lower-case letters.", .lowercaseLetters),
            ("uppercaseLetters", "Upper-case letters.", .uppercaseLetters),
            ("alphanumerics", "Letters and digits.", .alphanumerics),
            ("punctuationCharacters", "Punctuation.", .punctuationCharacters),
            ("symbols", "Symbols.", .symbols),
        ]
        for (name, doc, set) in sets {
            let value = Value.native(CharacterSetValue(set))
            type.staticProperty("\(name): CharacterSet", doc: doc) { value }
        }
        type.method("contains(_ c: Character) -> Bool", doc: "Whether every Unicode scalar of c is in the set.") { this, args in
            let set = Registry.characterSet(this)
            return .bool(Registry.character(args[0]).unicodeScalars.allSatisfy(set.contains))
        }
        type.method("union(_ other: CharacterSet) -> CharacterSet", doc: "The characters of either set.") { this, args in
            .native(CharacterSetValue(Registry.characterSet(this).union(Registry.characterSet(args[0]))))
        }
        type.property("inverted: CharacterSet", doc: "Every character not in the set.") { this in
            .native(CharacterSetValue(Registry.characterSet(this).inverted))
        }

        self.type("String", doc: "Text.")
            .method("trimmingCharacters(in set: CharacterSet) -> String", doc: "The string without leading and trailing characters of the set (.whitespaces, .whitespacesAndNewlines...).") { this, args in
                guard case .string(let s) = this else { return this }
                return .string(s.trimmingCharacters(in: Registry.characterSet(args[0])))
            }
            .method("components(separatedBy separators: CharacterSet) -> [String]", doc: "The pieces between characters of the set.") { this, args in
                guard case .string(let s) = this else { return .array([]) }
                return .array(s.components(separatedBy: Registry.characterSet(args[0])).map { .string($0) })
            }
    }
}
