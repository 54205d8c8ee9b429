print(missing) // expect error: cannot find 'missing' in scope
let z = alsoMissing + 1 // expect error: cannot find 'alsoMissing' in scope
