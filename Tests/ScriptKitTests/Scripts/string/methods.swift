let s = "Hello, World"
print(s.count, s.isEmpty, "".isEmpty) // expect: 12 false true
print(s.uppercased(), s.lowercased()) // expect: HELLO, WORLD hello, world
print(s.hasPrefix("Hell"), s.hasSuffix("x"), s.contains("lo, W")) // expect: true false true
print(s.split(separator: ",")) // expect: ["Hello", " World"]
print("a,b,,c".split(separator: ",")) // expect: ["a", "b", "c"]
print("a-b-c".components(separatedBy: "-")) // expect: ["a", "b", "c"]
print(s.replacingOccurrences(of: "l", with: "L")) // expect: HeLLo, WorLd
print(String(s.reversed()), s.prefix(4), s.first!) // expect: dlroW ,olleH Hell H
print(String(repeating: "ab", count: 3)) // expect: ababab
print(String(42) + String(describing: 1.5)) // expect: 421.5
print(Array("abc")) // expect: ["a", "b", "c"]
var t = "x"
t.append("y")
print(t) // expect: xy
