let count = 3
let ratio = 0.5
if false {
    print(count + ratio) // expect error: binary operator '+' cannot be applied to operands of type 'Int' and 'Double'
}
