var total = 10
func bump() { total += 1 }
// cell
bump()
print(total) // expect: 11
// cell
let total2 = total * 2
print(total2) // expect: 22
// cell
print(nope) // expect error: cannot find 'nope' in scope
// cell
print("still alive") // expect: still alive
