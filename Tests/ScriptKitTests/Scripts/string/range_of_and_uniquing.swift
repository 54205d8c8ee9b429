import Foundation
// Parsing a movie title with range(of:), and counting words with Dictionary(_:uniquingKeysWith:).
let title = "Toy Story (1995)"
if let paren = title.range(of: " (") {
    print(title[..<paren.lowerBound], title[paren.upperBound...].dropLast())
}
print(title.range(of: "zzz") == nil)
let words = "the cat the dog".split(separator: " ").map(String.init)
let counts = Dictionary(words.map { ($0, 1) }, uniquingKeysWith: +)
print(counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
// expect: Toy Story 1995
// expect: true
// expect: ["cat=1", "dog=1", "the=2"]
