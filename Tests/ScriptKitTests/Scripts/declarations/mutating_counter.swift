struct Counter {
    private(set) var count = 0
    mutating func tick() -> Int {
        count += 1
        return count
    }
}
var counter = Counter()
_ = counter.tick()
print(counter.tick(), counter)
// expect: 2 Counter(count: 2)
