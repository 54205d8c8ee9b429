let r = 0..<5
print(r, 1...3, r.count, r.contains(4)) // expect: 0..<5 1...3 5 true
print(r.map { $0 * 2 }, (1...3).reduce(0, +)) // expect: [0, 2, 4, 6, 8] 6
print(Array(r.reversed())) // expect: [4, 3, 2, 1, 0]
