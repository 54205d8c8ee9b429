let a = "outer"
do {
    let a = "inner"
    print(a) // expect: inner
}
print(a) // expect: outer
