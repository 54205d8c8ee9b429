struct Movie { var title: String }
let title = \Movie.title // expect error: a key path is supported only where a function is expected (as in 'xs.map(\.name)'); write a closure such as '{ $0.name }'
