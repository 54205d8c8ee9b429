struct P { var x = 0 }
print(P() == P()) // expect error: referencing operator function '==' on 'Equatable' requires that 'P' conform to 'Equatable'
