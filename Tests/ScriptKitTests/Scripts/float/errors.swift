let f: Float = 1.5
let d = 2.0
// cell
print(f + d) // expect error: binary operator '+' cannot be applied to operands of type 'Float' and 'Double'
// cell
print(f % 2) // expect error: '%' is unavailable: For floating point numbers use truncatingRemainder instead
