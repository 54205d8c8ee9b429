var xs = [5, 3, 8, 1]
print(xs.sorted(), xs.reversed()) // expect: [1, 3, 5, 8] [1, 8, 3, 5]
print(xs.map { $0 * 10 }, xs.filter { $0 > 3 }) // expect: [50, 30, 80, 10] [5, 8]
print(xs.reduce(0, +), xs.min()!, xs.max()!) // expect: 17 1 8
print(xs.contains(3), xs.contains { $0 > 7 }, xs.first { $0 < 4 }!) // expect: true true 3
print(xs.firstIndex(of: 8)!, xs.prefix(2), xs.suffix(2)) // expect: 2 [5, 3] [8, 1]
print(xs.enumerated().map { "\($0.offset):\($0.element)" }.joined(separator: " ")) // expect: 0:5 1:3 2:8 3:1
xs.sort()
print(xs) // expect: [1, 3, 5, 8]
xs.insert(0, at: 0)
let last = xs.removeLast()
print(xs, last, xs.remove(at: 1)) // expect: [0, 1, 3, 5] 8 1
print([[1, 2], [3]].flatMap { $0 }, ["1", "x"].compactMap { Int($0) }) // expect: [1, 2, 3] [1]
print(Array(repeating: 0, count: 3), Array(1...3), [Int]()) // expect: [0, 0, 0] [1, 2, 3] []
print(xs.indices, xs.isEmpty, xs.dropFirst(), xs.allSatisfy { $0 >= 0 }) // expect: 0..<3 false [3, 5] true
print([1.5, 2].map { $0 * 2 }) // expect: [3.0, 4.0]
var names = ["b", "a"]
names.sort(by: >)
print(names, ["x": 1].keys) // expect: ["b", "a"] ["x"]
print(xs[1..<3]) // expect: [3, 5]
var weights: [Double] = []
weights.append(1)
weights.insert(2, at: 0)
print(weights) // expect: [2.0, 1.0]
