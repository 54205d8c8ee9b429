func check(_ n: Int?) -> String {
    guard let v = n else { return "none" }
    guard v > 0 else { return "not positive" }
    return "ok \(v)"
}
print(check(nil)) // expect: none
print(check(-1)) // expect: not positive
print(check(5)) // expect: ok 5
