import XCTest
@testable import RecommenderKit
import TensorKit

/// PCA, k-means, t-SNE and trustworthiness: known answers, determinism, bad input.
final class AnalysisTests: XCTestCase {
    /// Points drawn along known axes with known variances: PCA finds the axes and the
    /// variances (the covariance is diag(9, 1) rotated by 30°).
    func testPCARecoversAKnownCovariance() throws {
        var rng = SeededGenerator(seed: 1)
        let angle = Float.pi / 6, c = cos(angle), s = sin(angle)
        var rows: [[Float]] = []
        for _ in 0..<4000 {
            let a = 3 * rng.nextNormal(), b = rng.nextNormal()
            rows.append([c * a - s * b + 5, s * a + c * b - 2])
        }
        let pca = try PCA(fitting: try Tensor(rows), components: 2)
        XCTAssertEqual(pca.mean[0], 5, accuracy: 0.15)
        XCTAssertEqual(pca.explainedVariance[0], 9, accuracy: 0.5)
        XCTAssertEqual(pca.explainedVariance[1], 1, accuracy: 0.08)
        XCTAssertEqual(pca.explainedVarianceRatio[0], 0.9, accuracy: 0.01)
        let axis = pca.components.scalars
        XCTAssertEqual(abs(axis[0] * c + axis[1] * s), 1, accuracy: 1e-3)     // first axis along (cos, sin)
        XCTAssertEqual(axis[0] * axis[2] + axis[1] * axis[3], 0, accuracy: 1e-5)
        let projected = try pca.transform(try Tensor(rows))
        XCTAssertEqual(projected.shape, [4000, 2])
    }

    func testSymmetricEigenOfASmallMatrix() throws {
        let (values, vectors) = try Tensor([[2, 1, 0], [1, 2, 0], [0, 0, 5]]).symmetricEigen()
        XCTAssertEqual(values[0], 5, accuracy: 1e-5); XCTAssertEqual(values[1], 3, accuracy: 1e-5); XCTAssertEqual(values[2], 1, accuracy: 1e-5)
        let v = vectors.scalars
        XCTAssertEqual(abs(v[2]), 1, accuracy: 1e-5)
        XCTAssertEqual(abs(v[3]), 0.70710677, accuracy: 1e-5)
        XCTAssertEqual(v[3], v[4], accuracy: 1e-5)
        XCTAssertThrowsError(try Tensor([[1, 2, 3]]).symmetricEigen())
    }

    /// Three far-apart blobs: k-means finds them exactly, whatever the restart.
    func testKMeansFindsSeparatedBlobs() throws {
        var rng = SeededGenerator(seed: 2)
        let centres: [[Float]] = [[0, 0, 0], [10, 10, 0], [-10, 5, 8]]
        var rows: [[Float]] = [], truth: [Int] = []
        for i in 0..<150 {
            let k = i % 3
            rows.append(centres[k].map { $0 + 0.3 * rng.nextNormal() }); truth.append(k)
        }
        let x = try Tensor(rows)
        let km = try KMeans(fitting: x, configuration: .init(clusters: 3, restarts: 3, seed: 7))
        // Same partition as the truth, up to the cluster names.
        for i in 0..<150 { for j in 0..<150 { XCTAssertEqual(km.labels[i] == km.labels[j], truth[i] == truth[j]) } }
        // Inertia ≈ 150 points × 3 dims × 0.09.
        XCTAssertEqual(km.inertia, 150 * 3 * 0.09, accuracy: 10)
        XCTAssertEqual(try km.predict(try Tensor([[9.5, 10.2, 0.1]])), [km.labels[1]])
        let again = try KMeans(fitting: x, configuration: .init(clusters: 3, restarts: 3, seed: 7))
        XCTAssertEqual(again.labels, km.labels)
        XCTAssertEqual(again.inertia, km.inertia)
        XCTAssertEqual(km.restartInertias.count, 3)
    }

    func testKMeansRejectsBadInput() throws {
        let x = try Tensor([[0, 1], [1, 0]])
        XCTAssertThrowsError(try KMeans(fitting: x, configuration: .init(clusters: 3)))
        XCTAssertThrowsError(try KMeans(fitting: x, configuration: .init(clusters: 1, restarts: 0)))
        XCTAssertThrowsError(try KMeans(fitting: try Tensor([[0, .nan]]), configuration: .init(clusters: 1)))
        XCTAssertThrowsError(try PCA(fitting: x, components: 3))
    }

    /// Four tight 10-D clusters: both t-SNE methods keep them apart (every point's nearest
    /// embedded neighbours are from its own cluster), deterministically.
    func testTSNESeparatesClustersDeterministically() throws {
        var rng = SeededGenerator(seed: 3)
        var rows: [[Float]] = [], truth: [Int] = []
        for i in 0..<80 {
            let k = i % 4
            rows.append((0..<10).map { d in (d == k ? 8 : 0) + rng.nextNormal() * 0.5 }); truth.append(k)
        }
        let x = try Tensor(rows)
        for method in [TSNE.Method.exact, .barnesHut(theta: 0.5)] {
            var reports = 0
            let tsne = try TSNE(.init(perplexity: 10, iterations: 400, method: method, seed: 1))
            let y = try tsne.embed(x) { _ in reports += 1 }
            XCTAssertEqual(y.shape, [80, 2])
            XCTAssertEqual(reports, 8)
            let e = y.scalars
            for i in 0..<80 {
                let nearest = (0..<80).filter { $0 != i }.min { a, b in
                    pow(e[2 * a] - e[2 * i], 2) + pow(e[2 * a + 1] - e[2 * i + 1], 2)
                        < pow(e[2 * b] - e[2 * i], 2) + pow(e[2 * b + 1] - e[2 * i + 1], 2)
                }!
                XCTAssertEqual(truth[nearest], truth[i], "\(method): point \(i)")
            }
            XCTAssertGreaterThan(try trustworthiness(original: x, embedding: y, neighbours: 5), 0.9)
            XCTAssertEqual(try tsne.embed(x), y, "\(method) is not deterministic")
        }
    }

    /// The flattened quadtree's repulsion against the sums over every pair: equal with θ = 0
    /// (every leaf visited; a duplicate point counts, the point itself does not), within a
    /// few percent with θ = 0.5; the grouped walk against the single-point one.
    func testBarnesHutRepulsionMatchesTheDirectSums() throws {
        var rng = SeededGenerator(seed: 5)
        var y = (0..<120).map { _ in 3 * rng.nextNormal() }
        y[2] = y[0]; y[3] = y[1]                       // point 1 sits on point 0
        let n = y.count / 2
        let tree = y.withUnsafeBufferPointer { QuadTree($0, n: n) }
        for theta: Float in [0, 0.5] {
            let nodes = tree.flattened(theta: theta)
            for i in [0, 1, 7, 59] {
                var fx = 0.0, fy = 0.0, z = 0.0
                for j in 0..<n where j != i {
                    let dx = Double(y[2 * i] - y[2 * j]), dy = Double(y[2 * i + 1] - y[2 * j + 1])
                    let q = 1 / (1 + dx * dx + dy * dy)
                    z += q; fx += q * q * dx; fy += q * q * dy
                }
                let got = nodes.withUnsafeBufferPointer { QuadTree.repulsion(y[2 * i], y[2 * i + 1], nodes: $0) }
                let tolerance = theta == 0 ? 1e-4 : 0.05
                XCTAssertEqual(Double(got.z), z, accuracy: tolerance * z, "θ \(theta), point \(i)")
                XCTAssertEqual(Double(got.fx), fx, accuracy: tolerance * (abs(fx) + abs(fy)), "θ \(theta), point \(i)")
                XCTAssertEqual(Double(got.fy), fy, accuracy: tolerance * (abs(fx) + abs(fy)), "θ \(theta), point \(i)")
            }
            // The grouped walk: the same forces for every member of a group of 8 (and of a
            // last, shorter group), within the same tolerance.
            let order = y.withUnsafeBufferPointer { QuadTree.zOrder($0, n: n) }
            XCTAssertEqual(Set(order), Set((0..<Int32(n))))
            var grouped = [Float](repeating: .nan, count: 2 * n)
            var zGroups = 0.0
            for g in stride(from: 0, to: n, by: QuadTree.groupSize) {
                zGroups += y.withUnsafeBufferPointer { y in nodes.withUnsafeBufferPointer { nodes in grouped.withUnsafeMutableBufferPointer { out in
                    QuadTree.repulsion(group: order[g..<min(n, g + QuadTree.groupSize)], y, nodes: nodes, into: out)
                }}}
            }
            var zSingle = 0.0
            for i in 0..<n {
                let single = nodes.withUnsafeBufferPointer { QuadTree.repulsion(y[2 * i], y[2 * i + 1], nodes: $0) }
                zSingle += Double(single.z)
                let scale = Double(abs(single.fx) + abs(single.fy)) + 1e-6
                XCTAssertEqual(Double(grouped[2 * i]), Double(single.fx), accuracy: (theta == 0 ? 1e-4 : 0.05) * scale, "θ \(theta), point \(i)")
                XCTAssertEqual(Double(grouped[2 * i + 1]), Double(single.fy), accuracy: (theta == 0 ? 1e-4 : 0.05) * scale, "θ \(theta), point \(i)")
            }
            XCTAssertEqual(zGroups, zSingle, accuracy: (theta == 0 ? 1e-4 : 0.02) * zSingle)
        }
    }

    /// Two far-apart groups: P between them is the floor (scikit-learn's 2.2e-16), not Float's
    /// epsilon 1.2e-7, and P sums to 1. (Over a dense P of ~900 rows the larger floor added up
    /// to an all-pairs attraction that early exaggeration made stronger than the repulsion.)
    func testTSNEAffinitiesOfFarPairsAreNearlyZero() throws {
        let rows: [[Float]] = (0..<12).map { i in [Float(i % 6) * 0.1 + (i < 6 ? 0 : 50), 0] }
        let p = try TSNEAffinities.compute(try Tensor(rows), neighbours: 11, perplexity: 3)
        var total = 0.0
        for i in 0..<12 {
            for e in p.offsets[i]..<p.offsets[i + 1] {
                total += Double(p.values[e])
                if (i < 6) != (Int(p.columns[e]) < 6) { XCTAssertLessThan(p.values[e], 1e-12) }
            }
        }
        XCTAssertEqual(total, 1, accuracy: 1e-5)
    }

    func testTSNERejectsBadInputAndStopsWhenCancelled() throws {
        XCTAssertThrowsError(try TSNE(.init(perplexity: 0)))
        XCTAssertThrowsError(try TSNE(.init(dimensions: 3, method: .barnesHut(theta: 0.5))))
        let x = try Tensor((0..<10).map { i in [Float(i), Float(i % 3)] })
        XCTAssertThrowsError(try TSNE(.init(perplexity: 30)).embed(x))      // perplexity >= rows
        let token = CancellationToken()
        token.cancel()
        XCTAssertThrowsError(try TSNE(.init(perplexity: 3)).embed(x, cancellation: token))
    }

    func testTrustworthinessKnownValues() throws {
        let x = try Tensor((0..<20).map { i in [Float(i), Float(i * i % 7)] })
        XCTAssertEqual(try trustworthiness(original: x, embedding: x, neighbours: 3), 1, accuracy: 1e-12)
        // A line embedded in reverse order keeps every neighbourhood.
        let line = try Tensor((0..<12).map { [Float($0)] }), reversed = try Tensor((0..<12).map { [Float(11 - $0)] })
        XCTAssertEqual(try trustworthiness(original: line, embedding: reversed, neighbours: 2), 1, accuracy: 1e-12)
        XCTAssertThrowsError(try trustworthiness(original: line, embedding: x, neighbours: 2))
    }
}
