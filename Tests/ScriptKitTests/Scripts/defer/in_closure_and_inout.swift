func counter() -> () -> Int {
    var n = 0
    return {
        defer { n += 1 }
        return n
    }
}
let next = counter()
print(next(), next(), next()) // expect: 0 1 2
func scale(_ v: inout [Double], by k: Double) {
    v.indices.forEach { v[$0] *= k }
}
var vec = [1.0, 2.0]
scale(&vec, by: 3)
print(vec) // expect: [3.0, 6.0]
