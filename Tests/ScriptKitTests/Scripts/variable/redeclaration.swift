func f() {
    let a = 1
    let a = 2 // expect error: invalid redeclaration of 'a'
    print(a)
}
