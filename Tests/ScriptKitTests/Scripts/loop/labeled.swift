outer: for i in 0..<3 {
    for j in 0..<3 {
        if j == 1 { continue outer }
        if i == 2 { break outer }
        print(i, j)
    }
}
// expect: 0 0
// expect: 1 0
