struct Counter {
    var total = 0
    mutating func bump(_ by: inout Int) { total += by }
}
let fixed = Counter()
var step = 1
fixed.bump(&step) // expect error: cannot use mutating member on immutable value: 'fixed' is a 'let' constant
