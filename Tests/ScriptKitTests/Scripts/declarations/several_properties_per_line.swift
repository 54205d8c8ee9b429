// One 'var' or 'let' may declare several properties.
struct Grid {
    var rows: Int, cols: Int
    let fill = 0.0, name = "grid"
}
let g = Grid(rows: 2, cols: 3)
print(g.rows * g.cols, g.fill, g.name)
// expect: 6 0.0 grid
