func forever(_ n: Int) -> Int {
    return forever(n + 1) + 1 // expect error: maximum recursion depth (1000) exceeded in call to 'forever(_:)'
}
print(forever(0))
