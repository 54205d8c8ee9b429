struct Point { var x: Double }
let p = Point(x: "a") // expect error: cannot convert value of type 'String' to expected argument type 'Double'
