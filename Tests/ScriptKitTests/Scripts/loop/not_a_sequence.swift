let x = 5
for i in x { print(i) } // expect error: for-in loop requires 'Int' to conform to 'Sequence'
