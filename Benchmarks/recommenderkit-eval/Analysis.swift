import Foundation
import RecommenderKit
import TensorKit

/// The analysis tools on real data: the 1,682 ML-100K item factors of biased MF (ALS, 50
/// factors, all ratings) go through PCA, k-means (k = 10, 10 restarts) and t-SNE (2-D,
/// perplexity 30, Barnes-Hut, and exact on the first 500 items and on the 943 user factors),
/// each timed. With `check`,
/// the same inputs go to scikit-learn (`analysis_check.py` beside this file), which prints
/// its k-means inertia, PCA explained variance and the trustworthiness of its t-SNE and of
/// ours, and the bars are checked: t-SNE trustworthiness within 0.02 of scikit-learn's,
/// k-means inertia at most 1% above scikit-learn's, the 1,682-item t-SNE under 5 s.
func runAnalysis(check: Bool, dataRoot: URL?) throws {
    let data = try MovieLens.load("ml-100k", dataRoot: dataRoot)
    let mf = try BiasedMF(.als())
    try mf.fit(data.ratings)
    guard let factors = try mf.state()["itemFactors"] else { throw ModelError("analysis", "BiasedMF has no item factors") }
    let n = factors.shape[0]
    print("recommenderkit-eval analysis: ML-100K item factors of BiasedMF-ALS, \(n) items x \(factors.shape[1]), \(ProcessInfo.processInfo.activeProcessorCount) cores")

    var start = Date()
    let pca = try PCA(fitting: factors, components: 2)
    print(String(format: "PCA (2 components): explained variance ratio %.4f, %.4f (%.3f s)",
                 pca.explainedVarianceRatio[0], pca.explainedVarianceRatio[1], Date().timeIntervalSince(start)))

    start = Date()
    let km = try KMeans(fitting: factors, configuration: .init(clusters: 10, restarts: 10, seed: 0))
    print(String(format: "k-means (k = 10, 10 restarts): inertia %.4f after %d iterations (%.3f s)",
                 km.inertia, km.iterations, Date().timeIntervalSince(start)))

    start = Date()
    var cpu = cpuSeconds()
    let tsne = try TSNE(.init(seed: 0))
    var lastKL = Double.nan
    let embedding = try tsne.embed(factors) { lastKL = $0.klDivergence }
    let tsneSeconds = Date().timeIntervalSince(start), tsneCPU = cpuSeconds() - cpu
    let trust = try trustworthiness(original: factors, embedding: embedding, neighbours: 5)
    print(String(format: "t-SNE Barnes-Hut (%d items, 1000 iterations): %.2f s wall, %.2f s CPU over all threads (bar 5 s wall: %@), KL %.4f, trustworthiness(5) %.4f",
                 n, tsneSeconds, tsneCPU, tsneSeconds < 5 ? "ok" : "MISSED", lastKL, trust))

    let small = try factors.rows(0..<500)
    start = Date()
    cpu = cpuSeconds()
    let exact = try TSNE(.init(method: .exact, seed: 0)).embed(small)
    let exactSeconds = Date().timeIntervalSince(start), exactCPU = cpuSeconds() - cpu
    let exactTrust = try trustworthiness(original: small, embedding: exact, neighbours: 5)
    print(String(format: "t-SNE exact (500 items): %.2f s wall, %.2f s CPU, trustworthiness(5) %.4f", exactSeconds, exactCPU, exactTrust))
    // 943 rows: exact (the automatic choice up to 1,000 rows) with P dense over ~900k pairs.
    guard let users = try mf.state()["userFactors"] else { throw ModelError("analysis", "BiasedMF has no user factors") }
    start = Date()
    let exactUsers = try TSNE(.init(method: .exact, seed: 0)).embed(users)
    let usersTrust = try trustworthiness(original: users, embedding: exactUsers, neighbours: 5)
    print(String(format: "t-SNE exact (%d users): %.2f s wall, trustworthiness(5) %.4f, spread: %@", users.shape[0],
                 Date().timeIntervalSince(start), usersTrust, spreadSummary(exactUsers)))
    print("t-SNE Barnes-Hut (1682 items) spread: \(spreadSummary(embedding))")
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
    print("(machine load average \(load) on \(ProcessInfo.processInfo.activeProcessorCount) cores while measuring)")

    guard check else { return }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("recommenderkit-analysis-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try writeMatrix(factors, dir.appendingPathComponent("x.txt"))
    try writeMatrix(embedding, dir.appendingPathComponent("tsne.txt"))
    try writeMatrix(exact, dir.appendingPathComponent("tsne_exact.txt"))
    try writeMatrix(users, dir.appendingPathComponent("users.txt"))
    try writeMatrix(exactUsers, dir.appendingPathComponent("tsne_users_exact.txt"))
    let output = try runPython("analysis_check.py", [dir.path], hint: "is scikit-learn installed? pip install scikit-learn")
    var reference: [String: Double] = [:]
    for line in output.split(separator: "\n") {
        let f = line.split(separator: " ")
        if f.count == 2, let v = Double(f[1]) { reference[String(f[0])] = v }
    }
    guard let skInertia = reference["kmeans_inertia"], let skTrust = reference["sklearn_tsne_trust"],
          let oursTrust = reference["ours_tsne_trust"], let skExactTrust = reference["sklearn_tsne_exact_trust"],
          let oursExactTrust = reference["ours_tsne_exact_trust"],
          let skUsersTrust = reference["sklearn_tsne_users_exact_trust"], let oursUsersTrust = reference["ours_tsne_users_exact_trust"] else {
        throw ModelError("analysis_check.py", "unexpected output:\n\(output)")
    }
    print("\nscikit-learn \(reference["sklearn_version"].map { String($0) } ?? "") on the same inputs:")
    print(String(format: "PCA explained variance ratio %.4f, %.4f", reference["pca_ratio_1"] ?? .nan, reference["pca_ratio_2"] ?? .nan))
    print(String(format: "k-means inertia: scikit-learn %.4f, ours %.4f (%+.2f%%; bar +1%%: %@)", skInertia, km.inertia,
                 (km.inertia / skInertia - 1) * 100, km.inertia <= skInertia * 1.01 ? "ok" : "MISSED"))
    print(String(format: "t-SNE Barnes-Hut trustworthiness(5): scikit-learn %.4f (%.2f s), ours %.4f by scikit-learn's function (%.4f by ours); difference %.4f (bar 0.02: %@)",
                 skTrust, reference["sklearn_tsne_seconds"] ?? .nan, oursTrust, trust, abs(oursTrust - skTrust),
                 abs(oursTrust - skTrust) <= 0.02 ? "ok" : "MISSED"))
    print(String(format: "t-SNE exact (500 items) trustworthiness(5): scikit-learn %.4f, ours %.4f; difference %.4f (bar 0.02: %@)",
                 skExactTrust, oursExactTrust, abs(oursExactTrust - skExactTrust), abs(oursExactTrust - skExactTrust) <= 0.02 ? "ok" : "MISSED"))
    print(String(format: "t-SNE exact (%d users) trustworthiness(5): scikit-learn %.4f, ours %.4f; difference %.4f (bar 0.02: %@)",
                 users.shape[0], skUsersTrust, oursUsersTrust, abs(oursUsersTrust - skUsersTrust),
                 abs(oursUsersTrust - skUsersTrust) <= 0.02 ? "ok" : "MISSED"))
}

/// The median and maximum distance of a 2-D embedding's points from their centroid: a
/// collapsed map has a median far below its maximum (or both near 0).
func spreadSummary(_ y: Tensor) -> String {
    let n = y.shape[0], v = y.scalars
    let cx = (0..<n).map { v[2 * $0] }.reduce(0, +) / Float(n), cy = (0..<n).map { v[2 * $0 + 1] }.reduce(0, +) / Float(n)
    let r = (0..<n).map { ((v[2 * $0] - cx) * (v[2 * $0] - cx) + (v[2 * $0 + 1] - cy) * (v[2 * $0 + 1] - cy)).squareRoot() }.sorted()
    return String(format: "median radius %.3g, max radius %.3g", r[n / 2], r[n - 1])
}

/// CPU seconds used by this process so far, all threads.
func cpuSeconds() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }

/// Writes a [n, d] matrix as whitespace-separated text, one row per line.
func writeMatrix(_ t: Tensor, _ url: URL) throws {
    let d = t.shape[1], v = t.scalars
    var text = ""
    for i in 0..<t.shape[0] {
        text += (0..<d).map { String(v[i * d + $0]) }.joined(separator: " ") + "\n"
    }
    try text.write(to: url, atomically: true, encoding: .utf8)
}
