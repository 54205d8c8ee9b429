class Animal {
    var name: String
    init(name: String) { self.name = name }
    func describe() -> String { "an animal called \(name)" }
}
class Dog: Animal {
    var breed: String
    init(name: String, breed: String) {
        self.breed = breed
        super.init(name: name)
    }
    override func describe() -> String { super.describe() + ", a \(breed)" }
}
class Puppy: Dog {
    override func describe() -> String { "young " + super.describe() }
}
let d = Dog(name: "Rex", breed: "collie")
print(d.describe())
let p = Puppy(name: "Bo", breed: "pug")
print(p.describe(), p.name)
let all: [Animal] = [d, p, Animal(name: "Generic")]
for a in all { print(a.describe()) }
// expect: an animal called Rex, a collie
// expect: young an animal called Bo, a pug Bo
// expect: an animal called Rex, a collie
// expect: young an animal called Bo, a pug
// expect: an animal called Generic
