import Foundation
let words = ["apple", "avocado", "banana", "cherry", "blueberry"]
let byLetter = Dictionary(grouping: words, by: { $0.first! })
print(byLetter.keys.sorted(), byLetter["b"]!) // expect: ["a", "b", "c"] ["banana", "blueberry"]
let byLength = Dictionary(grouping: [1, 2, 3, 4, 5, 6]) { $0 % 3 }
print(byLength[0]!, byLength[1]!) // expect: [3, 6] [1, 4]

let counts = "abracadabra".reduce(into: [:]) { acc, ch in acc[ch, default: 0] += 1 }
print(counts["a"]!, counts["r"]!) // expect: 5 2
print([1, 2, 3].reduce(into: 0) { $0 += $1 }) // expect: 6
let evens = (1...6).reduce(into: [Int]()) { out, x in if x % 2 == 0 { out.append(x) } }
print(evens) // expect: [2, 4, 6]

print([[Double]](repeating: [Double](repeating: 0, count: 2), count: 2)) // expect: [[0.0, 0.0], [0.0, 0.0]]
print([Int](repeating: 7, count: 3), [String](repeating: "-", count: 2), Array<Double>(repeating: 1, count: 2)) // expect: [7, 7, 7] ["-", "-"] [1.0, 1.0]
var grid = [[Double]](repeating: [Double](repeating: 0, count: 3), count: 2)
grid[1][2] += 5
print(grid[1][2] / 2) // expect: 2.5

print([1, 2, 1].lastIndex(of: 1)!, [1, 2, 3].firstIndex(where: { $0 > 1 })!, [5, 6].lastIndex(where: { $0 > 9 }) as Any) // expect: 2 1 nil
let big = 1e300
print(Int(exactly: 2.5) as Any, Int(exactly: 2.0) as Any, Int(exactly: big) as Any) // expect: nil Optional(2) nil

let some: Int? = 3, none: Int? = nil
print(some.map { $0 * 2 } as Any, none.map { $0 + 1 } as Any) // expect: Optional(6) nil
print(Optional("7").flatMap { Int($0) } as Any, Optional("x").flatMap { Int($0) } as Any) // expect: Optional(7) nil

var fns: [() -> Int] = []
fns.append { 42 }
fns.append { fns.count }
print(fns[0](), fns[1]()) // expect: 42 2

print("  hi \n".trimmingCharacters(in: .whitespacesAndNewlines) + "|", " x ".trimmingCharacters(in: .whitespaces) + "|") // expect: hi| x|
print("a,b;c".components(separatedBy: CharacterSet(charactersIn: ",;"))) // expect: ["a", "b", "c"]

var total = 0.0
for k in 0..<4 { total += Double(k) }
print(total, Int(3.9), Int(-2.5), Float(2.5), String(42), Double("1.5")!) // expect: 6.0 3 -2 2.5 42 1.5
