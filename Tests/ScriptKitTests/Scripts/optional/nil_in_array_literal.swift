// An array literal with nil among its elements is an array of optionals, as in Swift.
let a = [1, nil, 3]
print(a, a.compactMap { $0 }, [nil, 2.5], [1, nil, 3].compactMap { $0 }.reduce(0, +))
let b = ["x", nil]
print(b.count, b[0] ?? "-", b[1] ?? "-")
// expect: [Optional(1), nil, Optional(3)] [1, 3] [nil, Optional(2.5)] 4
// expect: 2 x -
