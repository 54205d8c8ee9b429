var xs: [Int] = []
xs.removeLast() // expect error: Array.removeLast(): can't remove last element from an empty array
