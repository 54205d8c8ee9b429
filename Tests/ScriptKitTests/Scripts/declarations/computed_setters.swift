struct Temperature {
    var celsius: Double
    var fahrenheit: Double {
        get { celsius * 9 / 5 + 32 }
        set { celsius = (newValue - 32) * 5 / 9 }
    }
}
var t = Temperature(celsius: 100)
print(t.fahrenheit)
t.fahrenheit = 32
print(t.celsius, t)
t.fahrenheit += 18
print(t.celsius)
final class Box {
    var stored = 1
    var doubled: Int {
        get { stored * 2 }
        set(v) { stored = v / 2 }
    }
}
let b = Box()
b.doubled = 10
print(b.stored, b.doubled)
final class Counter {
    var count = 0
    func inc() { count += 1 }
}
let c = Counter()
c.inc()
c.inc()
print(c.count)
// expect: 212.0
// expect: 0.0 Temperature(celsius: 0.0)
// expect: 10.0
// expect: 5 10
// expect: 2
