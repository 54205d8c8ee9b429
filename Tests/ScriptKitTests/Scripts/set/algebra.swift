let a: Set = [1, 2, 3, 4]
let b: Set<Int> = [3, 4, 5]
print(a.union(b).sorted()) // expect: [1, 2, 3, 4, 5]
print(a.intersection(b).sorted()) // expect: [3, 4]
print(a.subtracting(b).sorted()) // expect: [1, 2]
print(a.symmetricDifference(b).sorted()) // expect: [1, 2, 5]
print(a.union([9, 9]).count, a.intersection([1, 7]).sorted()) // expect: 5 [1]
print(Set([1, 2]).isSubset(of: a), a.isSubset(of: b), a.isSuperset(of: [1]), a.isDisjoint(with: [8])) // expect: true false true true
print(a.isStrictSubset(of: a), Set([3]).isStrictSubset(of: b)) // expect: false true
var c = a
c.formUnion(b)
c.subtract([1])
print(c.sorted(), a.count) // expect: [2, 3, 4, 5] 4
c.formIntersection([2, 5, 6])
print(c.sorted()) // expect: [2, 5]
c.formSymmetricDifference([5, 6])
print(c.sorted()) // expect: [2, 6]
// Jaccard similarity of two users' items.
let u1: Set = ["m1", "m2", "m3"], u2: Set = ["m2", "m3", "m4", "m5"]
let jaccard = Double(u1.intersection(u2).count) / Double(u1.union(u2).count)
print(jaccard) // expect: 0.4
