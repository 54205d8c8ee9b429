var n = 0
while n < 3 { n += 1 }
print(n) // expect: 3
repeat { n -= 1 } while n > 0
print(n) // expect: 0
var i = 0
while true {
    i += 1
    if i == 2 { continue }
    if i > 4 { break }
    print(i)
}
// expect: 1
// expect: 3
// expect: 4
