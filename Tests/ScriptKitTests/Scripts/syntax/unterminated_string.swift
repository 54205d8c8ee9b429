let s = "abc // expect error: unterminated string literal
print(1)
