var f: (Int) -> Int = { $0 }
f = { n in f(n + 1) } // expect error: maximum recursion depth (1000) exceeded in call to 'closure(_:)'
print(f(0))
