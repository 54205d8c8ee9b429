var s: Set = [1, 2]
// cell
s.append(3) // expect error: value of type 'Set<Int>' has no member 'append'
// cell
print(s[0]) // expect error: cannot subscript a value of type 'Set<Int>' with (Int)
// cell
let letter: Character = "ab" // expect error: cannot convert value of type 'String' to specified type 'Character'
