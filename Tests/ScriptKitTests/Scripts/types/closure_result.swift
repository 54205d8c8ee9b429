let f: (Int) -> String = { x in x * 2 } // expect error: cannot convert value of type 'Int' to closure result type 'String'
