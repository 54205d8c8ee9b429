let n = 1
if n { print("x") } // expect error: type 'Int' cannot be used as a boolean; test for '!= 0' instead
