// inout parameters: the callee's final value is written back to the & argument.
func bump(_ x: inout Int, by k: Int = 1) { x += k }
var n = 5
bump(&n)
bump(&n, by: 10)
print(n) // expect: 16

func fill(_ a: inout [Int], _ k: Int) {
    for i in 0..<k { a.append(i) }
}
var arr: [Int] = []
fill(&arr, 4)
print(arr) // expect: [0, 1, 2, 3]

// An element, a nested element and a dictionary value as the argument.
var grid = [[1, 2], [3, 4]]
bump(&grid[1][0], by: 100)
bump(&arr[0])
var counts = ["a": 1]
bump(&counts["a"]!)
print(grid, arr[0], counts) // expect: [[1, 2], [103, 4]] 1 ["a": 2]

// Recursion on one array, sorted in place.
func quicksort(_ a: inout [Int], _ lo: Int, _ hi: Int) {
    if lo >= hi { return }
    let pivot = a[hi]
    var i = lo
    for j in lo..<hi where a[j] < pivot {
        a.swapAt(i, j)
        i += 1
    }
    a.swapAt(i, hi)
    quicksort(&a, lo, i - 1)
    quicksort(&a, i + 1, hi)
}
var xs = [5, 3, 9, 1, 7, 2, 8]
quicksort(&xs, 0, xs.count - 1)
print(xs) // expect: [1, 2, 3, 5, 7, 8, 9]

// Inside a function, with locals; an inout parameter passed on; a returned value too.
func normalize(_ v: inout [Double]) -> Double {
    let total = v.reduce(0, +)
    for i in v.indices { v[i] /= total }
    return total
}
func run() {
    var weights = [1.0, 3.0]
    let t = normalize(&weights)
    print(t, weights) // expect: 4.0 [0.25, 0.75]
}
run()
func twice(_ x: inout Int) {
    bump(&x)
    bump(&x)
}
var m = 0
twice(&m)
print(m) // expect: 2

// A closure in the callee sees the parameter; the final value is written back.
func accumulate(_ total: inout Int, _ items: [Int]) {
    items.forEach { total += $0 }
}
var sum = 0
accumulate(&sum, [1, 2, 3])
print(sum) // expect: 6
