let b = true
let v = b ? 1 : "one" // expect error: result values in '? :' expression have mismatching types 'Int' and 'String'
