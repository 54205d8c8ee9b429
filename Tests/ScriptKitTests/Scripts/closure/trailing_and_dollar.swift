let xs = [3, 1, 2]
print(xs.sorted { $0 > $1 }) // expect: [3, 2, 1]
print(xs.map { $0 * 2 }) // expect: [6, 2, 4]
print(xs.sorted(by: <)) // expect: [1, 2, 3]
let total = xs.reduce(0) { acc, x in acc + x }
print(total) // expect: 6
let named = xs.filter { (x: Int) -> Bool in x > 1 }
print(named) // expect: [3, 2]
print([1, 2].map { x in "n\(x)" }) // expect: ["n1", "n2"]
