struct Counter {
    var n = 0
    mutating func tick() { n += 1 }
}
let c = Counter()
c.tick() // expect error: cannot use mutating member on immutable value: 'c' is a 'let' constant
