// Swift's Set iterates in a random order: print sorted().
let s: Set = [3, 1, 2, 3]
print(s.sorted(), s.count, s.contains(2), s.contains(7), s.isEmpty) // expect: [1, 2, 3] 3 true false false
var t = Set<Int>()
t.insert(5)
t.insert(1)
let r = t.insert(5)
print(r.inserted, r.memberAfterInsert, t.count) // expect: false 5 2
print(t.remove(1) as Any, t.remove(42) as Any, t.sorted()) // expect: Optional(1) nil [5]
var u: Set<Double> = [1, 2]
u.insert(0.5)
print(u.sorted()) // expect: [0.5, 1.0, 2.0]
let e: Set<String> = []
print(e, e.isEmpty, [Set([7])]) // expect: [] true [Set([7])]
print(Set("hello").count, Set(1...4).count, Set([1, 1, 2]) == Set([2, 1])) // expect: 4 4 true

// Iteration and Array's members on the elements.
var total = 0
for x in s { total += x }
print(total, s.map { $0 * 10 }.sorted(), s.filter { $0 > 1 }.sorted(), s.reduce(0, +)) // expect: 6 [10, 20, 30] [2, 3] 6
print(s.min()!, s.max()!, s.sorted(by: >)) // expect: 1 3 [3, 2, 1]

var seen = Set<String>()
var firstRepeat = ""
for w in ["a", "b", "a", "c"] {
    if seen.contains(w) { firstRepeat = w; break }
    seen.insert(w)
}
print(firstRepeat) // expect: a
