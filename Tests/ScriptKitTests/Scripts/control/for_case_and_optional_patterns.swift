// for-case loops and optional patterns (let x?).
enum Event { case click(Int), rating(Int, Double), skip }
let events: [Event] = [.click(3), .rating(4, 4.5), .skip, .rating(5, 2)]
for case let x? in [1, nil, 3] { print("x", x) }
for case .rating(let item, let stars) in events where stars > 3 { print("liked", item, stars) }
for case .click(let item) in events { print("clicked", item) }
var total = 0
outer: for case let n? in [1, nil, 2, 30] {
    if n > 10 { break outer }
    total += n
}
print(total)
let o2: Int? = 4
if case let v? = o2 { print("v", v) }
let pairs: [(Int, String?)] = [(1, "a"), (2, nil)]
for case let (n, s?) in pairs { print(n, s) }
switch o2 {
case let x?: print("some", x)
case nil: print("none")
}
// expect: x 1
// expect: x 3
// expect: liked 4 4.5
// expect: clicked 3
// expect: 3
// expect: v 4
// expect: 1 a
// expect: some 4
