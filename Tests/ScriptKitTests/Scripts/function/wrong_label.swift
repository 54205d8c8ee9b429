func area(width: Int, height: Int) -> Int { width * height }
print(area(width: 2, depth: 3)) // expect error: incorrect argument label in call (have 'width:depth:', expected 'width:height:')
