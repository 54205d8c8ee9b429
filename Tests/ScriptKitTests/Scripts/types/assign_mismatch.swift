var n = 1
n = "two" // expect error: cannot assign value of type 'String' to type 'Int'
