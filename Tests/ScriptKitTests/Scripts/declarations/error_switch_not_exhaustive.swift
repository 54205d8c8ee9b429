enum Color { case red, green, blue }
let c = Color.red
switch c { // expect error: switch must be exhaustive; add a 'default:' case or the missing cases: .blue
case .red: print("r")
case .green: print("g")
}
