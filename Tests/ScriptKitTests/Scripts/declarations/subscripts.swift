// Subscripts of declared types: get-only, get/set, labelled, on structs (value semantics) and classes.
struct Matrix {
    let rows: Int, cols: Int
    var values: [Double]
    init(rows: Int, cols: Int) { self.rows = rows; self.cols = cols; values = Array(repeating: 0, count: rows * cols) }
    subscript(r: Int, c: Int) -> Double {
        get { values[r * cols + c] }
        set { values[r * cols + c] = newValue }
    }
    subscript(row r: Int) -> [Double] { Array(values[(r * cols)..<((r + 1) * cols)]) }
}
var m = Matrix(rows: 2, cols: 3)
m[0, 1] = 5
m[1, 2] += 2.5
m[1, 2] *= 2
print(m[0, 1], m[1, 2], m[row: 1], m.values)
let copy = m
m[0, 0] = 9
print(copy[0, 0], m[0, 0])
class Grid {
    var cells: [String: Int] = [:]
    subscript(key: String) -> Int {
        get { cells[key] ?? 0 }
        set { cells[key] = newValue }
    }
}
let g = Grid()
g["a"] += 3
g["a"] += 1
print(g["a"], g["b"])
// expect: 5.0 5.0 [0.0, 0.0, 5.0] [0.0, 5.0, 0.0, 0.0, 0.0, 5.0]
// expect: 0.0 9.0
// expect: 4 0
