// Generic structs, classes and enums: parameters stand for any type (checked loosely), values
// print with their type arguments as Swift prints them.
struct Box<T> {
    var value: T
    func map<U>(_ f: (T) -> U) -> Box<U> { Box<U>(value: f(value)) }
}
let b = Box(value: 5)
let s = b.map { "n\($0)" }
print(b, s, s.value.count) // expect: Box<Int>(value: 5) Box<String>(value: "n5") 2
struct Pair<A, B> {
    let first: A
    let second: B
}
print(Pair(first: Box(value: 1), second: [Box(value: "z")])) // expect: Pair<Box<Int>, Array<Box<String>>>(first: main.Box<Swift.Int>(value: 1), second: [main.Box<Swift.String>(value: "z")])
struct Stack<Element> {
    var items: [Element] = []
    mutating func push(_ x: Element) { items.append(x) }
    mutating func pop() -> Element? { items.popLast() }
    var top: Element? { items.last }
}
var st = Stack<String>()
st.push("a")
st.push("b")
print(st, st.top!, st.pop()!, st.items) // expect: Stack<String>(items: ["a", "b"]) b b ["a"]
enum Tree<V> {
    case leaf
    indirect case node(Tree<V>, V, Tree<V>)
}
func insert<V: Comparable>(_ t: Tree<V>, _ v: V) -> Tree<V> {
    switch t {
    case .leaf: return .node(.leaf, v, .leaf)
    case let .node(l, x, r): return v < x ? .node(insert(l, v), x, r) : .node(l, x, insert(r, v))
    }
}
func inorder<V>(_ t: Tree<V>) -> [V] {
    switch t {
    case .leaf: return []
    case let .node(l, x, r): return inorder(l) + [x] + inorder(r)
    }
}
var tree = Tree<Int>.leaf
for v in [5, 2, 8, 1] { tree = insert(tree, v) }
print(inorder(tree)) // expect: [1, 2, 5, 8]
final class Node<T> {
    let value: T
    var next: Node<T>?
    init(_ value: T) { self.value = value }
}
let n1 = Node(1), n2 = Node(2)
n1.next = n2
print(n1.next!.value + n1.value) // expect: 3
print(n1, [Node("a")]) // expect: main.Node<Swift.Int> [main.Node<Swift.String>]
