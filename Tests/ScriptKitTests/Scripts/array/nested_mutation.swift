var grid = [[0, 0], [0, 0]]
grid[1][0] = 5
grid[0].append(9)
print(grid) // expect: [[0, 0, 9], [5, 0]]
var copy = grid
copy[0][0] = 1
print(grid[0][0], copy[0][0]) // expect: 0 1
