// Methods of declared types take `inout` parameters: `&` arguments are written back, a
// mutating method changes its receiver too, and the receiver is evaluated once.
struct Counter {
    var total = 0
    func add(_ x: Int, into sink: inout [Int]) { sink.append(x + total) }
    mutating func bump(_ by: inout Int) {
        total += by
        by = 0
    }
}
var c = Counter(total: 10)
var sink: [Int] = []
c.add(1, into: &sink)
c.add(2, into: &sink)
var step = 5
c.bump(&step)
print(sink, c.total, step) // expect: [11, 12] 15 0
var counters = [Counter(total: 1), Counter(total: 2)]
var more = 3
counters[1].bump(&more)
print(counters.map(\.total), more) // expect: [1, 5] 0
final class Log {
    var lines: [String] = []
    func drain(into out: inout [String]) {
        out += lines
        lines = []
    }
}
let log = Log()
log.lines = ["a", "b"]
var out: [String] = ["x"]
log.drain(into: &out)
print(out, log.lines) // expect: ["x", "a", "b"] []
func makeCounter() -> Counter {
    print("made")
    return Counter(total: 1)
}
var s2: [Int] = []
makeCounter().add(3, into: &s2) // expect: made
print(s2) // expect: [4]
