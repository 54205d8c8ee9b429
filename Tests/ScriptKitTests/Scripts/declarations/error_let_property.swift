struct User { let id: Int }
var u = User(id: 1)
u.id = 2 // expect error: cannot assign to property: 'id' is a 'let' constant
