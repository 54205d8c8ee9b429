// Each runtime error kind stops its cell with a located message; the next cell still runs.
print(nope) // expect error: cannot find 'nope' in scope
// cell
func area(width: Int, height: Int) -> Int { width * height }
print(area(w: 2, height: 3)) // expect error: incorrect argument label in call (have 'w:height:', expected 'width:height:')
// cell
let i = 1
let d = 2.5
print(i + d) // expect error: binary operator '+' cannot be applied to operands of type 'Int' and 'Double'
// cell
let xs = [1, 2, 3]
print(xs[3]) // expect error: index 3 out of range for array of count 3
// cell
let missing: Int? = nil
print(missing!) // expect error: unexpectedly found nil while unwrapping an Optional value
// cell
print(Int.max * 2) // expect error: arithmetic overflow: 9223372036854775807 * 2 does not fit in Int
// cell
let zero = 0
print(10 / zero) // expect error: division by zero
// cell
let n = 3
n(1) // expect error: cannot call value of non-function type 'Int'
// cell
func down(_ k: Int) -> Int { down(k - 1) } // expect error: maximum recursion depth (1000) exceeded in call to 'down(_:)'
print(down(0))
// cell
print("still running") // expect: still running
