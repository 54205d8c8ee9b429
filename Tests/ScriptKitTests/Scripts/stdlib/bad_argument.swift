print(sqrt("x")) // expect error: cannot convert value of type 'String' to expected argument type 'Double'
