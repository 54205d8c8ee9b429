var xs = [1, 2, 3]
xs.append(4)
xs += [5]
xs[0] = 10
print(xs, xs.count, xs.first!, xs.last!) // expect: [10, 2, 3, 4, 5] 5 10 5
print(xs[1..<3], xs[1...2]) // expect: [2, 3] [2, 3]
