func bump(_ x: inout Int) { x += 1 }
func plain(_ x: Int) -> Int { x }
func add(_ a: inout Int, _ b: inout Int) { a += b }
let k = 3
var v = 1
var xs = [1, 2, 3]
var s = "text"
// cell
bump(&k) // expect error: cannot pass immutable value as inout argument: 'k' is a 'let' constant
// cell
bump(&5) // expect error: cannot pass immutable value as inout argument: literals are not mutable
// cell
bump(v) // expect error: passing value of type 'Int' to an inout parameter requires explicit '&'
// cell
_ = plain(&v) // expect error: '&' used with non-inout argument of type 'Int'
// cell
let r = &v // expect error: '&' may only be used to pass an argument to inout parameter
// cell
add(&v, &v) // expect error: inout arguments are not allowed to alias each other
// cell
swap(&xs[0], &xs[2]) // expect error: overlapping accesses to 'xs', but modification requires exclusive access; consider calling MutableCollection.swapAt(_:_:)
// cell
func f(_ x: Int) { x = 2 } // expect error: cannot assign to value: 'x' is a 'let' constant
// cell
swap(&v, &s) // expect error: cannot swap values of different types 'Int' and 'String'
print(v, s)
// cell
print(v, s) // expect: 1 text
