func makeCounter() -> () -> Int {
    var c = 0
    return {
        c += 1
        return c
    }
}
let a = makeCounter()
let b = makeCounter()
print(a(), a(), b()) // expect: 1 2 1
var closures: [() -> Int] = []
for i in 0..<3 { closures.append({ i * 10 }) }
print(closures.map { $0() }) // expect: [0, 10, 20]
