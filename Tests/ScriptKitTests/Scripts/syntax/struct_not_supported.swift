struct Point { var x: Int } // expect error: 'struct' declarations are not supported yet
