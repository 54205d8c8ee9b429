// An operator passed where a function of one pair is expected takes the pair's two values.
let w = [0.5, 2.0], x = [4.0, 3.0]
print(zip(w, x).map(*), zip(w, x).map(*).reduce(0, +), zip([1, 2], [3, 4]).map(+))
// expect: [2.0, 6.0] 8.0 [4, 6]
