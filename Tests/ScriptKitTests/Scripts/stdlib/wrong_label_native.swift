print(stride(from: 0, upTo: 3, by: 1)) // expect error: no exact matches in call to global function 'stride'
