let chars = Array("hello")
print(chars.filter { $0 != "l" }, String(chars.filter { $0 != "l" })) // expect: ["h", "e", "o"] heo
for (i, c) in "hey".enumerated() { print(i, c) }
// expect: 0 h
// expect: 1 e
// expect: 2 y
print("banana".filter { $0 == "a" }.count, "a b".contains(" "), "abc".allSatisfy { $0.isLetter }) // expect: 3 true true
