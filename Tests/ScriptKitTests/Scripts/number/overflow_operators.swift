// The overflow operators wrap around (a linear congruential generator, a string hash).
var state = 42
for _ in 0..<3 { state = state &* 6364136223846793005 &+ 1442695040888963407; print(state) }
print(Int.max &+ 1 == Int.min, 5 &- 7, 3 &* 4 &+ 1)
var h = 17
for c in "abc" { h = h &* 31 &+ Int(c.asciiValue!) }
print(h)
// expect: -7964744663189004623
// expect: 4159066171780167020
// expect: 7615522811268512075
// expect: true -2 13
// expect: 602801
