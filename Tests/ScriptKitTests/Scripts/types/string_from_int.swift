let s: String = 5 // expect error: cannot convert value of type 'Int' to specified type 'String'
