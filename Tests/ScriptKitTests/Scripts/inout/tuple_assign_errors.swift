var t = (1, 2)
let k = 5
// cell
(t.0, t.1) = (1, 2, 3) // expect error: cannot assign value of type '(Int, Int, Int)' to type '(Int, Int)'
// cell
(t.0, k) = (3, 4) // expect error: cannot assign to value: 'k' is a 'let' constant
