let a = (1 +
let b = 2 // expect error: expected an expression, found keyword 'let'
var = 3 // expect error: expected a name, found '='
print(b))) // expect error: consecutive statements on a line must be separated by ';'
let ok = 1
