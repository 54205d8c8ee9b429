var a: Int? = nil
print(a ?? 0) // expect: 0
a = 4
print(a!, a) // expect: 4 Optional(4)
if let v = a { print("has", v) } // expect: has 4
if let a { print("shorthand", a) } // expect: shorthand 4
let words: [String]? = ["x", "yy"]
print(words?.count, words?.first?.count) // expect: Optional(2) Optional(1)
let none: [Int]? = nil
print(none?.count) // expect: nil
print(["a": [1, 2]]["a"]?.count ?? -1) // expect: 2
print(Int("7") ?? 0, Int("q") ?? 0) // expect: 7 0
print(a == nil, a != nil) // expect: false true
