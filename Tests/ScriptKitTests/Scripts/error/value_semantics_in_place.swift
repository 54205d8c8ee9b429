// Appending in place must keep value semantics: copies made before are unchanged.
var a = [1, 2]
let b = a
a.append(3)
a += [4]
print(a, b) // expect: [1, 2, 3, 4] [1, 2]
var s = "x"
let t = s
s += "y"
print(s, t) // expect: xy x
func grow(_ n: Int) -> ([Int], [Int]) {
    var xs: [Int] = []
    var snapshot: [Int] = []
    for i in 0..<n {
        xs.append(i)
        if i == 1 { snapshot = xs }
    }
    return (xs, snapshot)
}
print(grow(4)) // expect: ([0, 1, 2, 3], [0, 1])
var total = 0
for x in a { total += x }
print(total) // expect: 10
var big = Int.max - 1
big += 1
print(big) // expect: 9223372036854775807
big += 1 // expect error: arithmetic overflow: 9223372036854775807 + 1 does not fit in Int
