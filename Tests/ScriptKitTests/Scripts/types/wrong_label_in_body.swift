func area(width: Int, height: Int) -> Int { width * height }
func twice() -> Int {
    return area(width: 2, depth: 3) * 2 // expect error: incorrect argument label in call (have 'width:depth:', expected 'width:height:')
}
