import Foundation
// `.name` takes its type from the parameter or the annotation.
print("  a b \t".trimmingCharacters(in: .whitespaces) + "|") // expect: a b|
print("line1\nline2".components(separatedBy: .newlines)) // expect: ["line1", "line2"]
let top: Double = .infinity
let eps: Double = .ulpOfOne
print(top > 1e308, eps < 1e-10, String(format: "%.3f", Float(0.1))) // expect: true true 0.100
// cell
print(.pi) // expect error: cannot infer contextual base in reference to member 'pi'
