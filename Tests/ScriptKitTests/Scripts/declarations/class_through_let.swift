class Box {
    var items: [Int] = []
    var count = 0
}
let b = Box()
b.items.append(3)
b.count += 1
print(b.items, b.count) // expect: [3] 1
