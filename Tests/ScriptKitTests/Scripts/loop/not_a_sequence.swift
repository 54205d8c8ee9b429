let x = 5
for i in x { print(i) } // expect error: for-in loop requires a sequence; 'Int' is not one
