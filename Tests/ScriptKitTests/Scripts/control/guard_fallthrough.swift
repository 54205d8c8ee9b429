func f(_ x: Int) {
    guard x > 0 else { // expect error: 'guard' body must not fall through; end it with 'return', 'break' or 'continue'
        print("no")
    }
}
