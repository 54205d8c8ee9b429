func describe(_ n: Int) -> String {
    switch n {
    case 0: return "zero"
    case 1, 2, 3: return "few"
    case 4..<10: return "several"
    case let x where x < 0: return "negative \(x)"
    default: return "many"
    }
}
print(describe(0), describe(2), describe(5), describe(-3), describe(100)) // expect: zero few several negative -3 many
let s = "b"
switch s {
case "a": print("A")
case "b": print("B") // expect: B
default: break
}
let p = (1, 0)
switch p {
case (0, 0): print("origin")
case (_, 0): print("on x axis") // expect: on x axis
default: print("elsewhere")
}
switch 5 {
case 5:
    print("five") // expect: five
    fallthrough
case 6:
    print("six too") // expect: six too
default:
    print("no")
}
let grade = 0.75
switch grade {
case 0.9...1.0: print("A")
case 0.7..<0.9: print("B") // expect: B
default: print("C")
}
