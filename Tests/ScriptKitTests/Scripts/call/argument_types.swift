// Fast calls still convert and check arguments and results against declared types.
func half(_ x: Double) -> Double { x / 2 }
print(half(3)) // expect: 1.5
func maybe(_ x: Int) -> Int? { x > 0 ? x : nil }
print(maybe(2)) // expect: Optional(2)
print(half(1) + half(2)) // expect: 1.5
func bad(_ x: Int) -> Int { let s: Any = "s"; return s } // expect error: cannot convert value of type 'String' to expected type 'Int' (return value of 'bad(_:)')
print(bad(1))
