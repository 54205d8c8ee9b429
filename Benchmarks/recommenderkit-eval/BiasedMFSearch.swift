import Foundation
import RecommenderKit

/// `recommenderkit-eval mf-search`: a grid over SGD biased MF settings, each scored by its
/// best validation RMSE on 10% of fold 1's training part (seed `seed`), so no test fold is
/// looked at. Lists are comma-separated: `--factors 100,200 --lr 0.01 --decay 0.95,1
/// --reg 0.08,0.1 --bias-reg 0.01,same --init-std 0.1,0.01 --epochs 80`.
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
    let biasRegs = try floats("--bias-reg", "same"), initStds = try floats("--init-std", "0.1")
    guard let epochs = Int(option("--epochs") ?? "80"), epochs > 0 else { throw ModelError("mf-search", "--epochs expects a positive integer") }
    let data = try MovieLens.load("ml-100k", dataRoot: dataRoot)
    let inner = try data.ratings.kFold(5, seed: seed)[0].train.randomSplit(testRatio: 0.1, seed: seed)
    print("validation RMSE on 10% of fold 1's training part (the test folds are not used), patience 5")
    print(pad("factors", 9) + pad("lr", 8) + pad("decay", 7) + pad("reg", 7) + pad("bias reg", 10) + pad("init", 7)
          + pad("RMSE", 9) + pad("epoch", 7) + "s")
    for k in factors {
        for lr in rates { for decay in decays { for reg in regs { for biasReg in biasRegs { for initStd in initStds {
            let c = BiasedMF.Configuration.sgd(factors: k, epochs: epochs, learningRate: lr ?? 0.01, regularization: reg ?? 0.1,
                                               initStd: initStd ?? 0.1, learningRateDecay: decay ?? 1, biasRegularization: biasReg)
            let start = Date()
            let history = try BiasedMF(c).fit(inner.train, validation: inner.test, options: FitOptions(patience: 5))
            print(pad("\(k)", 9) + pad("\(c.learningRate)", 8) + pad("\(c.learningRateDecay)", 7) + pad("\(c.regularization)", 7)
                  + pad(biasReg.map { "\($0)" } ?? "same", 10) + pad("\(c.initStd)", 7)
                  + pad(String(format: "%.4f", history.bestValue ?? .nan), 9)
                  + pad("\(history.bestEpoch ?? 0)", 7) + String(format: "%.1f", Date().timeIntervalSince(start)))
        }}}}}
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

/// `recommenderkit-eval knn-search`: item-kNN rating settings scored by RMSE on 10% of fold
/// 1's training part (seed `seed`), fitted on the other 90%, like `mf-search`. Lists are
/// comma-separated: `--neighbours 20,40 --centring baseline,entityMean --co-rated false,true
/// --shrinkage 0,100 --damping 5,25`.
func searchItemKNN(seed: UInt64, dataRoot: URL?, option: (String) -> String?) throws {
    func list<T>(_ name: String, _ fallback: String, _ parse: (Substring) -> T?) throws -> [T] {
        try (option(name) ?? fallback).split(separator: ",").map { s in
            guard let v = parse(s) else { throw ModelError("knn-search", "\(name): cannot read '\(s)'") }
            return v
        }
    }
    let neighbours = try list("--neighbours", "20", { Int($0) }), dampings = try list("--damping", "5", { Float($0) })
    let shrinkages = try list("--shrinkage", "0", { Float($0) }), coRated = try list("--co-rated", "false", { Bool(String($0)) })
    let centrings = try list("--centring", "baseline", { NeighbourhoodConfiguration.Centring(rawValue: String($0)) })
    let data = try MovieLens.load("ml-100k", dataRoot: dataRoot)
    let inner = try data.ratings.kFold(5, seed: seed)[0].train.randomSplit(testRatio: 0.1, seed: seed)
    print("ItemKNNRatings: validation RMSE on 10% of fold 1's training part (the test folds are not used)")
    print(pad("k", 5) + pad("centring", 12) + pad("co-rated", 10) + pad("shrinkage", 11) + pad("damping", 9) + pad("RMSE", 9) + "s")
    for k in neighbours { for centring in centrings { for co in coRated { for shrinkage in shrinkages { for damping in dampings {
        let start = Date()
        let model = try ItemKNNRatings(.init(neighbours: k, damping: damping, centring: centring, coRatedNorms: co, shrinkage: shrinkage))
        try model.fit(inner.train)
        let rmse = try model.evaluate(inner.test).rmse
        print(pad("\(k)", 5) + pad(centring.rawValue, 12) + pad("\(co)", 10) + pad("\(shrinkage)", 11) + pad("\(damping)", 9)
              + pad(String(format: "%.4f", rmse), 9) + String(format: "%.1f", Date().timeIntervalSince(start)))
    }}}}}
}
