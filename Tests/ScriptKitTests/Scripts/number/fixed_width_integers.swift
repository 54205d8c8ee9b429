let seed = 7
let s = UInt64(seed)
let t: Int32 = Int32(5)
print(s, t, UInt8(200), Int32.max)
print(UInt64("12") ?? 0)
// expect: 7 5 200 2147483647
// expect: 12
let bad = UInt64(-1) // expect error: UInt64(_:): -1 is out of range for UInt64 (0...9223372036854775807)
