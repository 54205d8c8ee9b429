// 'as?' gives nil when the value is not of the type; 'as!' is a runtime error then.
class Animal { func sound() -> String { "..." } }
class Dog: Animal { override func sound() -> String { "woof" }; func fetch() -> String { "ball" } }
protocol Named { var name: String { get } }
struct Cat: Named { let name: String }
let zoo: [Animal] = [Animal(), Dog()]
for a in zoo {
    if let d = a as? Dog { print("dog", d.fetch()) } else { print("not a dog", a.sound()) }
    print(a is Dog, (a as? Dog)?.fetch() ?? "-")
}
let things: [Any] = [1, "two", 3.0, Cat(name: "Tom"), [1, 2]]
for t in things {
    if let i = t as? Int { print("int", i) }
    else if let s = t as? String { print("string", s) }
    else if let d = t as? Double { print("double", d) }
    else if let n = t as? Named { print("named", n.name) }
    else { print("other", t as? [Int] ?? []) }
}
let ints = things.compactMap { $0 as? Int }
print(ints, (things[0] as! Int) + 1)
let maybe: Any? = nil
print(maybe as? Int as Any)
let d = zoo[1] as! Dog
print(d.fetch())
let a: Animal = Animal()
let forced = a as! Dog // expect error: could not cast value of type 'Animal' to 'Dog'
// expect: not a dog ...
// expect: false -
// expect: dog ball
// expect: true ball
// expect: int 1
// expect: string two
// expect: double 3.0
// expect: named Tom
// expect: other [1, 2]
// expect: [1] 2
// expect: nil
// expect: ball
