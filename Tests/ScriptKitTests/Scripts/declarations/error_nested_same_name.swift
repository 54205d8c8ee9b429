struct A { enum Kind { case x } }
struct B { enum Kind { case y } } // expect error: 'A' already nests a type named 'Kind': nested types of the same name in two types are not supported yet; rename one
