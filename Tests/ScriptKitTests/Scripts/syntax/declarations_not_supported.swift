enum Direction { case north, south } // expect error: 'enum' declarations are not supported yet
// cell
class Node { var next: Node? = nil } // expect error: 'class' declarations are not supported yet
// cell
protocol Shape { func area() -> Double } // expect error: 'protocol' declarations are not supported yet
