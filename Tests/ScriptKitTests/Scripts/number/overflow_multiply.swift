var x = 3
for _ in 0..<100 { x = x * x } // expect error: arithmetic overflow: 1853020188851841 * 1853020188851841 does not fit in Int
