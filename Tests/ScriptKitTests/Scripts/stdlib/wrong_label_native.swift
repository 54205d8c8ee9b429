print(stride(from: 0, upTo: 3, by: 1)) // expect error: incorrect argument label in call to 'stride(from:to:by:)' (have 'upTo:', expected 'to:')
