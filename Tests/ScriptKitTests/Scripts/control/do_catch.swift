// `catch` handles what `throw` and throwing calls throw. A fault such as an index out of
// range is not an error a program can catch: as Swift traps, it stops the cell.
do {
    let x = [1][3] // expect error: index 3 out of range for array of count 1
    print(x)
} catch {
    print("caught:", error)
}
// cell
let r = try? Int("x")
print(r) // expect: nil
import Foundation
