let n = 3
for i in 5..<n { print(i) } // expect error: range requires lowerBound <= upperBound, got 5..<3
