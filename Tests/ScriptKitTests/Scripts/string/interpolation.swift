let name = "World"
let n = 3
print("Hello, \(name)! \(n + 1) \(2.5) \([1, 2])") // expect: Hello, World! 4 2.5 [1, 2]
print("nested \("inner \(n)")") // expect: nested inner 3
print("tab\tquote\"backslash\\") // expect: tab	quote"backslash\
print("a" + "b", "ab" == "ab", "a" < "b") // expect: ab true true
var s = ""
for i in 0..<3 { s += "\(i)," }
print(s) // expect: 0,1,2,
let opt: Int? = 5
print("\(opt)") // expect: Optional(5)
