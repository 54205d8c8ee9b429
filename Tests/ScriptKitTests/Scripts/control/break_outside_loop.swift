break // expect error: 'break' is only allowed inside a loop or switch
