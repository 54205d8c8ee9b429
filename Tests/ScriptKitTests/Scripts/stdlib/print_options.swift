print(1, 2, 3, separator: "-") // expect: 1-2-3
print("no newline", terminator: "")
print("") // expect: no newline
debugPrint("quoted", 1) // expect: "quoted" 1
print(["a", "b"], [1.0]) // expect: ["a", "b"] [1.0]
print(Optional("s") as Any) // expect: Optional("s")
