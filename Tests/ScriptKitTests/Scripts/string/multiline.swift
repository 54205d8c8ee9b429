let text = """
    Line one
      indented \(1 + 1)
    last
    """
print(text)
// expect: Line one
// expect:   indented 2
// expect: last
