let c: Character = "a"
print(c, [c], c.isLetter, c.isNumber, c.asciiValue!) // expect: a ["a"] true false 97
print(Character("Z").isUppercase, Character("z").isLowercase, Character(" ").isWhitespace) // expect: true true true
print("hello".first!, "hello".last!, Array("hi")) // expect: h o ["h", "i"]
for ch in "a1 !" { print(ch, ch.isLetter, ch.isNumber, ch.isWhitespace, ch.isPunctuation) }
// expect: a true false false false
// expect: 1 false true false false
// expect:   false false true false
// expect: ! false false false true
print(String(c), String(Array("abc").reversed()), c < "b", c == "a", c != "a") // expect: a cba true true false
print(Character("7").wholeNumberValue!, Character("é").asciiValue as Any, c.uppercased()) // expect: 7 nil A
var counts: [Character: Int] = [:]
for ch in "banana" { counts[ch, default: 0] += 1 }
print(counts["a"]!, counts.keys.sorted()) // expect: 3 ["a", "b", "n"]
var out = ""
for ch in "Hello, World" where ch.isUppercase { out.append(ch) }
print(out, "abc".map { $0.uppercased() }, "a-b".filter { $0 != "-" }) // expect: HW ["A", "B", "C"] ab
func classify(_ ch: Character) -> String {
    switch ch {
    case "a", "e", "i", "o", "u": return "vowel"
    case "a"..."z": return "consonant"
    default: return "other"
    }
}
print(classify("e"), classify("k"), classify("?")) // expect: vowel consonant other
print("hello".sorted(), "cab".contains("a"), "xyz".reduce(0) { n, _ in n + 1 }) // expect: ["e", "h", "l", "l", "o"] true 3
// cell
let bad = Character("ab") // expect error: Character(_:): can't form a Character from a String containing more than one extended grapheme cluster
