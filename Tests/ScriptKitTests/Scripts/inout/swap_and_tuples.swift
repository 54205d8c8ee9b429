var x = 1, y = 2
swap(&x, &y)
print(x, y) // expect: 2 1

var a = ["p", "q"], b = ["r", "s"]
swap(&a[0], &b[1])
print(a, b) // expect: ["s", "q"] ["r", "p"]

// Tuple assignment: the right side first, then the targets left to right.
(x, y) = (y, x)
print(x, y) // expect: 1 2
var d = 0.5
(d, y) = (3, 7)
print(d / 2, y) // expect: 1.5 7
var fib = (0, 1)
for _ in 0..<10 { (fib.0, fib.1) = (fib.1, fib.0 + fib.1) }
print(fib.0) // expect: 55
var (p, q, r) = (1, 2, 3)
(p, (q, r)) = (r, (p, q))
print(p, q, r) // expect: 3 1 2
(_, q) = (100, 200)
print(q) // expect: 200
func minMax(_ v: [Int]) -> (Int, Int) { (v.min()!, v.max()!) }
var lo = 0, hi = 0
(lo, hi) = minMax([4, 9, 2])
print(lo, hi) // expect: 2 9
