struct Circle {
    var r = 1.0
    var area: Double { r * r * 3 }
}
var c = Circle()
c.area = 2 // expect error: cannot assign to property: 'area' is a get-only property
