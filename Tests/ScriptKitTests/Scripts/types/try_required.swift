func load(_ path: String) throws -> String { path }
let text = load("a.csv") // expect error: call can throw but is not marked with 'try'
