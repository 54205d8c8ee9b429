// A range of Doubles or Strings is not a sequence: a loop over one is a compile error, as in Swift.
for x in 0.0..<1.0 { print(x) } // expect error: referencing instance method 'next()' on 'Range' requires that 'Double' conform to 'SignedInteger'
// cell
let letters = "a"..."c"
for c in letters { print(c) } // expect error: referencing instance method 'next()' on 'ClosedRange' requires that 'String' conform to 'SignedInteger'
