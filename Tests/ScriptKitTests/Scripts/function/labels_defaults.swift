func greet(_ name: String, greeting: String = "Hello", punctuation p: String = "!") -> String {
    return "\(greeting), \(name)\(p)"
}
print(greet("Ann")) // expect: Hello, Ann!
print(greet("Bob", greeting: "Hi")) // expect: Hi, Bob!
print(greet("Cy", punctuation: "?")) // expect: Hello, Cy?
func area(width w: Double, height h: Double) -> Double { w * h }
print(area(width: 2, height: 3.5)) // expect: 7.0
