let x = 99999999999999999999 // expect error: integer literal '99999999999999999999' overflows when stored into 'Int'
