class Node {
    var value: Int
    var next: Node?
    init(value: Int, next: Node? = nil) {
        self.value = value
        self.next = next
    }
    func total() -> Int { value + (next?.total() ?? 0) }
}
let list = Node(value: 1, next: Node(value: 2, next: Node(value: 3)))
print(list.total())
let alias = list
alias.value = 10
print(list.value, list === alias)
// expect: 6
// expect: 10 true
