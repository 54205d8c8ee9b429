// Barnes-Hut t-SNE: Laurens van der Maaten, "Accelerating t-SNE using Tree-Based
// Algorithms", JMLR 15, 2014 (the 2-D quadtree; the summary test max-width / distance <
// θ as scikit-learn's `_barnes_hut_tsne`).
import Foundation

/// A quadtree over 2-D points that stores, per cell, the number of points and their centre
/// of mass: the summary the Barnes-Hut repulsive forces use. Built anew every iteration.
struct QuadTree {
    private(set) var centreX: [Float] = [], centreY: [Float] = [], halfWidth: [Float] = []
    private(set) var massX: [Float] = [], massY: [Float] = [], count: [Int32] = []
    /// The first of a cell's four children (−1 for a leaf).
    private(set) var firstChild: [Int32] = []

    /// The tree of the points (x[i], y[i]).
    init(_ y: UnsafeBufferPointer<Float>, n: Int) {
        var minX = Float.infinity, maxX = -Float.infinity, minY = Float.infinity, maxY = -Float.infinity
        for i in 0..<n {
            minX = min(minX, y[2 * i]); maxX = max(maxX, y[2 * i])
            minY = min(minY, y[2 * i + 1]); maxY = max(maxY, y[2 * i + 1])
        }
        let half = max(maxX - minX, maxY - minY) / 2 * (1 + 1e-3) + 1e-5
        let capacity = 4 * n + 1
        for a in [\QuadTree.centreX, \.centreY, \.halfWidth, \.massX, \.massY] { self[keyPath: a].reserveCapacity(capacity) }
        addCell((minX + maxX) / 2, (minY + maxY) / 2, half)
        for i in 0..<n { insert(y[2 * i], y[2 * i + 1]) }
    }

    private mutating func addCell(_ cx: Float, _ cy: Float, _ half: Float) {
        centreX.append(cx); centreY.append(cy); halfWidth.append(half)
        massX.append(0); massY.append(0); count.append(0); firstChild.append(-1)
    }

    private func quadrant(_ cell: Int, _ x: Float, _ y: Float) -> Int {
        Int(firstChild[cell]) + (x >= centreX[cell] ? 1 : 0) + (y >= centreY[cell] ? 2 : 0)
    }

    private mutating func insert(_ x: Float, _ y: Float) {
        var cell = 0, depth = 0
        while true {
            let c = Float(count[cell])
            if firstChild[cell] >= 0 {
                massX[cell] = (massX[cell] * c + x) / (c + 1); massY[cell] = (massY[cell] * c + y) / (c + 1)
                count[cell] += 1
                cell = quadrant(cell, x, y); depth += 1
                continue
            }
            // A leaf: empty, or holding points that all sit at its centre of mass.
            if count[cell] == 0 || (massX[cell] == x && massY[cell] == y) || depth > 64 {
                massX[cell] = (massX[cell] * c + x) / (c + 1); massY[cell] = (massY[cell] * c + y) / (c + 1)
                count[cell] += 1
                return
            }
            // Split the leaf and push its points down one level, then continue there.
            let h = halfWidth[cell] / 2, cx = centreX[cell], cy = centreY[cell]
            firstChild[cell] = Int32(centreX.count)
            for q in 0..<4 { addCell(cx + (q & 1 == 1 ? h : -h), cy + (q & 2 == 2 ? h : -h), h) }
            let old = quadrant(cell, massX[cell], massY[cell])
            massX[old] = massX[cell]; massY[old] = massY[cell]; count[old] = count[cell]
        }
    }

    /// The unnormalised repulsion of point (x, y): Σ_j q_ij² (y_i − y_j) and Σ_j q_ij with
    /// q_ij = 1 / (1 + |y_i − y_j|²), over every other point, a cell whose width over
    /// distance is below `theta` counting as its points at their centre of mass.
    func repulsion(_ x: Float, _ y: Float, theta: Float, stack: inout [Int32]) -> (fx: Float, fy: Float, z: Float) {
        var fx: Float = 0, fy: Float = 0, z: Float = 0
        stack.removeAll(keepingCapacity: true)
        stack.append(0)
        let theta2 = theta * theta
        while let top = stack.popLast() {
            let cell = Int(top)
            let n = count[cell]
            if n == 0 { continue }
            let dx = x - massX[cell], dy = y - massY[cell]
            let d2 = dx * dx + dy * dy
            let width = 2 * halfWidth[cell]
            if firstChild[cell] < 0 || width * width < theta2 * d2 {
                // A leaf at distance 0 holds the point itself (and its duplicates).
                let m = Float(d2 == 0 ? n - 1 : n)
                let q = 1 / (1 + d2)
                z += m * q
                let mq2 = m * q * q
                fx += mq2 * dx; fy += mq2 * dy
            } else {
                let f = firstChild[cell]
                stack.append(f); stack.append(f + 1); stack.append(f + 2); stack.append(f + 3)
            }
        }
        return (fx, fy, z)
    }
}
