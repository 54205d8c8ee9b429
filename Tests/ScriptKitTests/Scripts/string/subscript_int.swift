let s = "abc"
print(s[0]) // expect error: cannot subscript a value of type 'String' with an argument of type 'Int'; use Array(s)[i]
