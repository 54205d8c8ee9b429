// Static vars change through Type.name and, inside static members, by their bare name.
struct User {
    let id: Int
    static var count = 0
    static let prefix = "u"
    static func make() -> User { count += 1; return User(id: count) }
    static var label: String { prefix + String(count) }
}
let a = User.make(), b = User.make()
User.count += 10
print(a.id, b.id, User.count, User.label)
indirect enum Tree {
    case leaf(Int)
    case node(Tree, Tree)
    var sum: Int {
        switch self {
        case .leaf(let v): return v
        case .node(let l, let r): return l.sum + r.sum
        }
    }
}
print(Tree.node(.leaf(1), .node(.leaf(2), .leaf(3))).sum)
// expect: 1 2 12 u12
// expect: 6
