func pair(_ a: Int, _ b: Double) -> Double { Double(a) + b }
print(pair(1, "x")) // expect error: cannot convert value of type 'String' to expected argument type 'Double'
