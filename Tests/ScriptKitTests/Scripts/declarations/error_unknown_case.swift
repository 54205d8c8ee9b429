enum Color { case red }
let c: Color = .purple // expect error: type 'Color' has no member 'purple'
