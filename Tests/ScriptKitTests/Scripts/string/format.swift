print(String(format: "%.3f", 3.14159)) // expect: 3.142
print(String(format: "%5d|%-5d|%05d", 42, 42, 42)) // expect:    42|42   |00042
print(String(format: "%s has %d items (%.1f%%)", "cart", 3, 12.5)) // expect: cart has 3 items (12.5%)
print(String(format: "%e", 12345.678)) // expect: 1.234568e+04
print(String(format: "%x", 255)) // expect: ff
print(String(format: "%8.2f|", 2.0)) // expect:     2.00|
