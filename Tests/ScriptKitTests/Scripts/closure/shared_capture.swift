var log: [String] = []
func make() -> (() -> Void, () -> Int) {
    var n = 0
    let inc = { n += 1 }
    let get = { n }
    return (inc, get)
}
let (inc, get) = make()
inc(); inc()
print(get()) // expect: 2
