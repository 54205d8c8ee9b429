// A range of String positions subscripts a String to a piece of text (a Substring in Swift),
// so it converts with Int(...) -> Int? and has String's members.
let title = "Toy Story (1995)"
if let open = title.lastIndex(of: "("),
   let year = Int(title[title.index(after: open)..<title.index(title.endIndex, offsetBy: -1)]) {
    print(year, title[..<open].trimmingCharacters(in: .whitespaces)) // expect: 1995 Toy Story
}
let word = "recommender"
let start = word.index(word.startIndex, offsetBy: 2)
print(word[start...].uppercased(), word[..<start].count) // expect: COMMENDER 2
import Foundation
