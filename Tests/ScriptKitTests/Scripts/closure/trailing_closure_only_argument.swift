func twice(_ body: () -> Int) -> Int { body() * 2 }
let a = twice { 21 }
print(a)
func apply(_ f: (Int) -> Int) -> Int { f(5) }
print(apply { $0 + 1 }, twice { 3 } + 1)
if a > 1 { print("yes") }
let xs = [3, 1, 2]
for x in xs where x > 1 { print(x) }
switch a { case 42: print("42"); default: break }
// expect: 42
// expect: 6 7
// expect: yes
// expect: 3
// expect: 2
// expect: 42
