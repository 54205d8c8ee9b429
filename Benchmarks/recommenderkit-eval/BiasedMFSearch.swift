import Foundation
import RecommenderKit

/// `recommenderkit-eval mf-search`: a grid over SGD biased MF settings, each scored by its
/// best validation RMSE on 10% of fold 1's training part (seed `seed`), so no test fold is
/// looked at. Lists are comma-separated: `--factors 100,200 --lr 0.01 --decay 0.95,1
/// --reg 0.08,0.1 --bias-reg 0.01,same --epochs 80`.
func searchBiasedMF(seed: UInt64, dataRoot: URL?, option: (String) -> String?) throws {
    func floats(_ name: String, _ fallback: String) throws -> [Float?] {
        try (option(name) ?? fallback).split(separator: ",").map { s in
            if s == "same" { return nil }
            guard let v = Float(s) else { throw ModelError("mf-search", "\(name) expects numbers (or 'same'), got '\(s)'") }
            return v
        }
    }
    let factors = try (option("--factors") ?? "200").split(separator: ",").map { s -> Int in
        guard let v = Int(s), v > 0 else { throw ModelError("mf-search", "--factors expects positive integers, got '\(s)'") }
        return v
    }
    let rates = try floats("--lr", "0.01"), decays = try floats("--decay", "1"), regs = try floats("--reg", "0.1")
    let biasRegs = try floats("--bias-reg", "same")
    guard let epochs = Int(option("--epochs") ?? "80"), epochs > 0 else { throw ModelError("mf-search", "--epochs expects a positive integer") }
    let data = try MovieLens.load("ml-100k", dataRoot: dataRoot)
    let inner = try data.ratings.kFold(5, seed: seed)[0].train.randomSplit(testRatio: 0.1, seed: seed)
    print("validation RMSE on 10% of fold 1's training part (the test folds are not used), patience 5")
    print(pad("factors", 9) + pad("lr", 8) + pad("decay", 7) + pad("reg", 7) + pad("bias reg", 10) + pad("RMSE", 9) + pad("epoch", 7) + "s")
    for k in factors {
        for lr in rates { for decay in decays { for reg in regs { for biasReg in biasRegs {
            let c = BiasedMF.Configuration.sgd(factors: k, epochs: epochs, learningRate: lr ?? 0.01, regularization: reg ?? 0.1,
                                               learningRateDecay: decay ?? 1, biasRegularization: biasReg)
            let start = Date()
            let history = try BiasedMF(c).fit(inner.train, validation: inner.test, options: FitOptions(patience: 5))
            print(pad("\(k)", 9) + pad("\(c.learningRate)", 8) + pad("\(c.learningRateDecay)", 7) + pad("\(c.regularization)", 7)
                  + pad(biasReg.map { "\($0)" } ?? "same", 10) + pad(String(format: "%.4f", history.bestValue ?? .nan), 9)
                  + pad("\(history.bestEpoch ?? 0)", 7) + String(format: "%.1f", Date().timeIntervalSince(start)))
        }}}}
    }
}

/// `recommenderkit-eval svdpp-search`: SVD++ settings scored like `mf-search` (best
/// validation RMSE on 10% of fold 1's training part). Lists are comma-separated:
/// `--factors 20,50 --lr 0.007 --reg 0.02,0.05 --bias-reg 0.005 --decay 1 --epochs 60`.
func searchSVDpp(seed: UInt64, dataRoot: URL?, option: (String) -> String?) throws {
    func list<T>(_ name: String, _ fallback: String, _ parse: (Substring) -> T?) throws -> [T] {
        try (option(name) ?? fallback).split(separator: ",").map { s in
            guard let v = parse(s) else { throw ModelError("svdpp-search", "\(name): cannot read '\(s)'") }
            return v
        }
    }
    let factors = try list("--factors", "20", { Int($0) }), rates = try list("--lr", "0.007", { Float($0) })
    let regs = try list("--reg", "0.02", { Float($0) }), biasRegs = try list("--bias-reg", "0.005", { Float($0) })
    let decays = try list("--decay", "1", { Float($0) })
    guard let epochs = Int(option("--epochs") ?? "60"), epochs > 0 else { throw ModelError("svdpp-search", "--epochs expects a positive integer") }
    let data = try MovieLens.load("ml-100k", dataRoot: dataRoot)
    let inner = try data.ratings.kFold(5, seed: seed)[0].train.randomSplit(testRatio: 0.1, seed: seed)
    print("SVD++: validation RMSE on 10% of fold 1's training part (the test folds are not used), patience 5")
    print(pad("factors", 9) + pad("lr", 8) + pad("decay", 7) + pad("reg", 7) + pad("bias reg", 10) + pad("RMSE", 9) + pad("epoch", 7) + "s")
    for k in factors { for lr in rates { for decay in decays { for reg in regs { for biasReg in biasRegs {
        let c = SVDpp.Configuration(factors: k, epochs: epochs, learningRate: lr, regularization: reg,
                                    biasRegularization: biasReg, learningRateDecay: decay)
        let start = Date()
        let history = try SVDpp(c).fit(inner.train, validation: inner.test, options: FitOptions(patience: 5))
        print(pad("\(k)", 9) + pad("\(lr)", 8) + pad("\(decay)", 7) + pad("\(reg)", 7) + pad("\(biasReg)", 10)
              + pad(String(format: "%.4f", history.bestValue ?? .nan), 9) + pad("\(history.bestEpoch ?? 0)", 7)
              + String(format: "%.1f", Date().timeIntervalSince(start)))
    }}}}}
}
