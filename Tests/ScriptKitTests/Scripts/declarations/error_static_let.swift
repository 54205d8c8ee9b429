struct User {
    static let prefix = "u"
}
User.prefix = "v" // expect error: cannot assign to property: 'prefix' is a 'let' constant
