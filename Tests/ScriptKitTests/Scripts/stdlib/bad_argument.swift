print(sqrt("x")) // expect error: no exact matches in call to global function 'sqrt'
