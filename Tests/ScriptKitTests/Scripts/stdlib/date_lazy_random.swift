import Foundation
// Timing a cell with Date, a lazy chain, and random integers in a closed range.
let start = Date()
let epoch = Date(timeIntervalSince1970: 0)
let later = epoch.addingTimeInterval(90.5)
let elapsed: TimeInterval = Date().timeIntervalSince(start)
print(epoch, later.timeIntervalSince(epoch), later.timeIntervalSince1970, elapsed >= 0, start.timeIntervalSinceNow <= 0)
print(Array((1...10).lazy.map { $0 * $0 }.filter { $0 % 3 == 0 }), [1, 2, 3].lazy.map { $0 + 1 }.reduce(0, +))
let r = Int.random(in: 3...3), s = Int.random(in: 0..<1), d = Double.random(in: 0..<1)
print(r, s, d >= 0 && d < 1)
// expect: 1970-01-01 00:00:00 +0000 90.5 90.5 true true
// expect: [9, 36, 81] 9
// expect: 3 0 true
