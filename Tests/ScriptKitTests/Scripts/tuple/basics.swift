let t = (1, "a")
print(t.0, t.1, t) // expect: 1 a (1, "a")
let named = (min: 1, max: 9)
print(named.min, named.max, named) // expect: 1 9 (min: 1, max: 9)
func minMax(_ xs: [Int]) -> (min: Int, max: Int) { (xs.min()!, xs.max()!) }
let r = minMax([3, 7, 1])
print(r.min, r.max) // expect: 1 7
var p = (x: 1, y: 2)
p.x = 5
print(p) // expect: (x: 5, y: 2)
