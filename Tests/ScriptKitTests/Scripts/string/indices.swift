import Foundation
let line = "name: Ada Lovelace"
let colon = line.firstIndex(of: ":")!
let key = line[..<colon]
let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
print(key, value, line[line.index(line.startIndex, offsetBy: 2)...]) // expect: name Ada Lovelace me: Ada Lovelace
let words = "hello world"
if let space = words.firstIndex(of: " ") {
    print(words[..<space], words[words.index(after: space)...], words.distance(from: words.startIndex, to: space)) // expect: hello world 5
}
print(line.lastIndex(of: "a") != nil, words[words.startIndex..<words.endIndex]) // expect: true hello world
// cell
print(words.index(after: words.endIndex)) // expect error: String.index(after:): cannot advance past endIndex
