do {
    let x = [1][3]
    print(x)
} catch {
    print("caught:", error) // expect: caught: index 3 out of range for array of count 1
}
let r = try? Int("x")
print(r) // expect: nil
import Foundation
