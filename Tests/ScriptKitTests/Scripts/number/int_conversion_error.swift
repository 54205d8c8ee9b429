let d = Double.infinity
print(Int(d)) // expect error: Int(_:): Double value inf cannot be converted to Int because it is infinite or NaN
