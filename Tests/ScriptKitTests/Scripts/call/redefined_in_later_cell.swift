// A function redefined in a later cell is what earlier callers call from then on.
func step(_ n: Int) -> Int { n + 1 }
func twice(_ n: Int) -> Int { step(step(n)) }
func once(_ n: Int) -> Int { step(n) } // expect error: incorrect argument label in call to 'step(by:)' (have no label, expected 'by:')
func again(_ n: Int) -> Int { step(n) } // expect error: cannot call value of non-function type 'Int'
print(twice(0)) // expect: 2
// cell
func step(_ n: Int) -> Int { n * 10 }
print(twice(1)) // expect: 100
// cell
func step(by n: Int) -> Int { n }
print(once(1))
// cell
let step = 5
print(again(1))
// cell
func step(_ n: Int, _ k: Int = 3) -> Int { n + k }
print(twice(1)) // expect: 7
// cell
func step(_ n: Int) -> Int { n - 1 }
print(twice(1)) // expect: -1
