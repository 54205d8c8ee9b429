// The example in README.md's ScriptKit section (keep the two in sync).
let ratings = [("ana", 4.5), ("bo", 3.0), ("cy", 5.0)]
var best: [String: Double] = [:]
for (name, score) in ratings where score >= 4 {
    best[name] = score
}
func mean(_ xs: [Double], default value: Double = 0) -> Double {
    xs.isEmpty ? value : xs.reduce(0, +) / Double(xs.count)
}
let scores = ratings.map { $0.1 }
print("mean \(mean(scores)), top: \(best.keys.sorted())") // expect: mean 4.166666666666667, top: ["ana", "cy"]
let counts = [3, 0, 7]
switch counts.max() ?? 0 {
case 0: print("none")
case 1...5: print("few")
default: print("many") // expect: many
}
if let s = best["cy"] { print("cy: \(s)") } // expect: cy: 5.0
print(best["bo"] ?? 0) // expect: 0.0
print(counts[3]) // expect error: index 3 out of range for array of count 3
