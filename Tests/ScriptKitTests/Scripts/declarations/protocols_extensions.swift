protocol Animal {
    var name: String { get }
    func sound() -> String
}
extension Animal {
    func describe() -> String { "\(name) says \(sound())" }
}
struct Dog: Animal {
    let name: String
    func sound() -> String { "woof" }
}
struct Cat: Animal {
    var name = "Tom"
    func sound() -> String { "meow" }
}
let animals: [Animal] = [Dog(name: "Rex"), Cat()]
for a in animals { print(a.describe()) }
extension Int {
    func squared() -> Int { self * self }
}
print(7.squared())
typealias Score = Double
let s: Score = 3
print(s)
// expect: Rex says woof
// expect: Tom says meow
// expect: 49
// expect: 3.0
