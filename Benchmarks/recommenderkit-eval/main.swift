// recommenderkit-eval: trains and evaluates RecommenderKit's models on real ML-100K under
// published protocols and prints mean ± std over seeds beside the reference numbers.
// Usage (release build):
//   swift run -c release recommenderkit-eval topn [--protocol A|B|all] [--seeds N]
//       [--models pop,itemknn,ease,mult-vae,mult-dae] [--epochs N] [--data DIR]
//       [--recbole-split DIR NAME] [--with-recbole DIR]
//   swift run -c release recommenderkit-eval speed [--steps N] [--epochs N] [--data DIR]
//   swift run -c release recommenderkit-eval rating [--folds N] [--seed N] [--models LIST] [--data DIR] [--tune]
//   swift run -c release recommenderkit-eval course [--seeds N] [--max-epochs N] [--kg] [--skip-vae] [--data DIR]
//   swift run -c release recommenderkit-eval analysis [--check] [--data DIR]
// --with-recbole DIR writes each protocol-A split as RecBole benchmark files under DIR and
// runs RecBole 1.2.1 (Benchmarks/recommenderkit-eval/recbole_topn.py) on the same splits, for the
// models of --recbole-models (default pop,itemknn,ease: RecBole's Mult-VAE/DAE train at about
// 15 s an epoch on 2 CPU cores here, an hour per seed; add mult-vae,mult-dae to run them too).
import Foundation
import RecommenderKit

var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(2)
}

setvbuf(stdout, nil, _IOLBF, 0)
if arguments.first == "speed" {
    do {
        try runSpeed(steps: Int(option("--steps") ?? "5") ?? 5, epochs: Int(option("--epochs") ?? "5") ?? 5,
                     dataRoot: option("--data").map { URL(fileURLWithPath: $0) })
    } catch { fail("\(error)") }
    exit(0)
}
if arguments.first == "course" {
    guard let seeds = Int(option("--seeds") ?? "3"), seeds >= 1 else { fail("--seeds must be a positive integer") }
    guard let maxEpochs = Int(option("--max-epochs") ?? "100"), maxEpochs >= 1 else { fail("--max-epochs must be a positive integer") }
    do {
        try runCourse(seeds: seeds, maxEpochs: maxEpochs, knowledgeGraph: arguments.contains("--kg"), skipVAE: arguments.contains("--skip-vae"),
                      dataRoot: option("--data").map { URL(fileURLWithPath: $0) })
    } catch { fail("\(error)") }
    exit(0)
}
if arguments.first == "analysis" {
    do {
        try runAnalysis(check: arguments.contains("--check"), dataRoot: option("--data").map { URL(fileURLWithPath: $0) })
    } catch { fail("\(error)") }
    exit(0)
}
if let mode = arguments.first, let run = networkModes[mode] {
    do { try run(option, arguments) } catch { fail("\(error)") }
    exit(0)
}
if arguments.first == "rating" {
    let only = option("--models").map { Set($0.lowercased().split(separator: ",").map(String.init)) }
    let models = ratingModels(only: only)
    guard !models.isEmpty else { fail("--models names none of the rating models (bias, biasedmf-als, biasedmf-sgd, biasedmf-sgd-tuned, biasedmf-sgd-small-init, svd++, svd++-tuned, itemknnratings[-baseline|-shrunk], userknnratings[-baseline])") }
    guard let folds = Int(option("--folds") ?? "5"), folds >= 2 else { fail("--folds must be an integer >= 2") }
    guard let seed = UInt64(option("--seed") ?? "1") else { fail("--seed must be a non-negative integer") }
    do {
        if arguments.contains("--tune") {
            try tuneBiasedMF(seed: seed, dataRoot: option("--data").map { URL(fileURLWithPath: $0) })
            exit(0)
        }
        try runRating(folds: folds, seed: seed, models: models, dataRoot: option("--data").map { URL(fileURLWithPath: $0) })
    } catch { fail("\(error)") }
    exit(0)
}
guard arguments.first == "topn" else {
    fail("usage: recommenderkit-eval course [--seeds N] [--max-epochs N] [--kg] [--skip-vae] | recommenderkit-eval analysis [--check] | recommenderkit-eval rating [--folds N] [--seed N] [--models LIST] | recommenderkit-eval speed [--steps N] [--epochs N] | recommenderkit-eval topn [--protocol A|B|all] [--seeds N] [--models LIST] [--epochs N] [--data DIR] [--recbole-split DIR NAME] [--with-recbole DIR [--recbole-models LIST]]")
}
let protocolChoice = (option("--protocol") ?? "all").uppercased()
guard ["A", "B", "ALL"].contains(protocolChoice) else { fail("--protocol must be A, B or all, got \(protocolChoice)") }
let seedCount = Int(option("--seeds") ?? "3") ?? 0
guard seedCount >= 1 else { fail("--seeds must be a positive integer") }
let epochs = option("--epochs").map { Int($0) ?? 0 }
if let e = epochs, e < 1 { fail("--epochs must be a positive integer") }
let only = option("--models").map { Set($0.lowercased().split(separator: ",").map(String.init)) }
let models = topNModels(epochs: epochs, only: only)
guard !models.isEmpty else { fail("--models names none of pop, itemknn, ease, mult-vae, mult-dae") }

do {
    let dataRoot = option("--data").map { URL(fileURLWithPath: $0) }
    let data = try MovieLens.load("ml-100k", dataRoot: dataRoot)
    var protocols: [TopNProtocol] = []
    if protocolChoice != "B" { protocols.append(recBoleProtocol(data.ratings)) }
    if protocolChoice != "A" { protocols.append(try liangProtocol(data.ratings)) }
    if let i = arguments.firstIndex(of: "--recbole-split") {
        guard i + 2 < arguments.count else { fail("--recbole-split needs DIR and NAME") }
        protocols.append(try recBoleFilesProtocol(directory: URL(fileURLWithPath: arguments[i + 1]), name: arguments[i + 2]))
    }
    print("recommenderkit-eval topn: ML-100K, \(seedCount) seed(s), \(ProcessInfo.processInfo.activeProcessorCount) cores")
    let recBole = option("--with-recbole").map { URL(fileURLWithPath: $0, isDirectory: true) }
    let recBoleModels = Set((option("--recbole-models") ?? "pop,itemknn,ease").lowercased().split(separator: ",").map(String.init))
    for p in protocols { try runProtocol(p, models: models, seeds: seedCount, recBole: recBole, recBoleModels: recBoleModels) }
} catch {
    fail("\(error)")
}
