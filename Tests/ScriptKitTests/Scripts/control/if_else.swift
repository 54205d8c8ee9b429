let x = 7
if x > 10 {
    print("big")
} else if x > 5 {
    print("medium") // expect: medium
} else {
    print("small")
}
if x == 7, x % 2 == 1 { print("odd seven") } // expect: odd seven
let s = x > 3 ? "yes" : "no"
print(s) // expect: yes
if !(x < 0) && (x > 0 || false) { print("positive") } // expect: positive
