struct Box {
    var items = [1, 2]
    subscript(i: Int) -> Int {
        get { items[i] }
        set { items[i] = newValue }
    }
}
let b = Box()
b[0] = 5 // expect error: cannot assign through subscript: 'b' is a 'let' constant
