print(sqrt("x")) // expect error: no 'sqrt(_:)' accepts arguments of type (String); candidates: sqrt(_ x: Double) -> Double; sqrt(_ x: Float) -> Float
