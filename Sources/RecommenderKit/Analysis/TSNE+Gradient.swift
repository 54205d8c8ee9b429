import Foundation

/// The gradient of KL(P || Q) with respect to the embedding,
/// `∂C/∂y_i = 4 Σ_j (p_ij − q_ij) (y_i − y_j) / (1 + |y_i − y_j|²)`, exactly or by Barnes-Hut.
enum TSNEGradient {
    /// Dense P [n, n] and the embedding's dimension.
    case exact([Float], dimensions: Int)
    /// Sparse neighbour P and θ; 2-D.
    case barnesHut(TSNEAffinities, theta: Float)

    /// The gradient at `y` (row-major [n, dims]) with P multiplied by `exaggeration`, and
    /// KL(exaggeration · P || Q) when `withKL` (NaN otherwise).
    func evaluate(_ y: [Float], exaggeration: Float, withKL: Bool) -> ([Float], Double) {
        switch self {
        case .exact(let p, let dims): return TSNEGradient.exact(p, dims, y, exaggeration, withKL)
        case .barnesHut(let p, let theta): return TSNEGradient.barnesHut(p, theta, y, exaggeration, withKL)
        }
    }

    private static func exact(_ p: [Float], _ dims: Int, _ y: [Float], _ exaggeration: Float,
                              _ withKL: Bool) -> ([Float], Double) {
        let n = y.count / dims
        var q = [Float](repeating: 0, count: n * n)
        var grad = [Float](repeating: 0, count: y.count)
        var z = 0.0, kl = 0.0
        q.withUnsafeMutableBufferPointer { q in
            y.withUnsafeBufferPointer { y in
                for i in 0..<n {
                    var rowSum: Float = 0
                    for j in (i + 1)..<max(n, i + 1) {
                        var d2: Float = 0
                        for a in 0..<dims { let v = y[i * dims + a] - y[j * dims + a]; d2 += v * v }
                        let w = 1 / (1 + d2)
                        q[i * n + j] = w; q[j * n + i] = w
                        rowSum += w
                    }
                    z += 2 * Double(rowSum)
                }
                let invZ = Float(1 / z)
                p.withUnsafeBufferPointer { p in
                    grad.withUnsafeMutableBufferPointer { grad in
                        for i in 0..<n {
                            for j in 0..<n where j != i {
                                let w = q[i * n + j], pij = exaggeration * p[i * n + j]
                                let coefficient = 4 * (pij - w * invZ) * w
                                for a in 0..<dims { grad[i * dims + a] += coefficient * (y[i * dims + a] - y[j * dims + a]) }
                                if withKL, pij > 0 { kl += Double(pij) * log(Double(pij) / max(Double(w * invZ), 1e-12)) }
                            }
                        }
                    }
                }
            }
        }
        return (grad, withKL ? kl : .nan)
    }

    private static func barnesHut(_ p: TSNEAffinities, _ theta: Float, _ y: [Float], _ exaggeration: Float,
                                  _ withKL: Bool) -> ([Float], Double) {
        let n = p.count
        let nodes = y.withUnsafeBufferPointer { QuadTree($0, n: n) }.flattened(theta: theta)
        // Points in Z-order: consecutive points take similar paths through the tree.
        let order = y.withUnsafeBufferPointer { QuadTree.zOrder($0, n: n) }
        // Fixed chunks (not one per core) so the sums, and the result, do not depend on the machine.
        let groups = (n + QuadTree.groupSize - 1) / QuadTree.groupSize
        let chunks = min(16, groups)
        var repulsive = [Float](repeating: 0, count: 2 * n), attractive = [Float](repeating: 0, count: 2 * n)
        var zParts = [Double](repeating: 0, count: chunks)
        repulsive.withUnsafeMutableBufferPointer { rep in
            attractive.withUnsafeMutableBufferPointer { att in
                zParts.withUnsafeMutableBufferPointer { zp in
                    let rep = rep, att = att, zp = zp
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        var zSum = 0.0
                        nodes.withUnsafeBufferPointer { nodes in
                        order.withUnsafeBufferPointer { order in
                        y.withUnsafeBufferPointer { y in
                            // Repulsion: eight points at a time, consecutive in Z-order.
                            for g in (chunk * groups / chunks)..<((chunk + 1) * groups / chunks) {
                                let members = order[(g * QuadTree.groupSize)..<min(n, (g + 1) * QuadTree.groupSize)]
                                zSum += QuadTree.repulsion(group: members, y, nodes: nodes, into: rep)
                            }
                            p.offsets.withUnsafeBufferPointer { offsets in
                                p.columns.withUnsafeBufferPointer { columns in
                                    p.values.withUnsafeBufferPointer { values in
                                        for i in (chunk * n / chunks)..<((chunk + 1) * n / chunks) {
                                            let xi = y[2 * i], yi = y[2 * i + 1]
                                            var ax: Float = 0, ay: Float = 0
                                            for e in offsets[i]..<offsets[i + 1] {
                                                let j = Int(columns[e])
                                                let dx = xi - y[2 * j], dy = yi - y[2 * j + 1]
                                                let w = exaggeration * values[e] / (1 + dx * dx + dy * dy)
                                                ax += w * dx; ay += w * dy
                                            }
                                            att[2 * i] = ax; att[2 * i + 1] = ay
                                        }
                                    }
                                }
                            }
                        }
                        }
                        }
                        zp[chunk] = zSum
                    }
                }
            }
        }
        let z = zParts.reduce(0, +)
        let invZ = Float(1 / z)
        var grad = [Float](repeating: 0, count: 2 * n)
        for e in grad.indices { grad[e] = 4 * (attractive[e] - repulsive[e] * invZ) }
        var kl = Double.nan
        if withKL {
            kl = 0
            for i in 0..<n {
                for e in p.offsets[i]..<p.offsets[i + 1] {
                    let j = Int(p.columns[e])
                    let dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1]
                    let pij = Double(exaggeration * p.values[e])
                    let qij = Double(1 / (1 + dx * dx + dy * dy)) / z
                    kl += pij * log(max(pij, 1e-12) / max(qij, 1e-12))
                }
            }
        }
        return (grad, kl)
    }
}
