let n = 3
switch n { // expect error: switch must be exhaustive; add a 'default:' case
case 1: print("one")
}
