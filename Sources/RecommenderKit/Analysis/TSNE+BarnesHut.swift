// Barnes-Hut t-SNE: Laurens van der Maaten, "Accelerating t-SNE using Tree-Based
// Algorithms", JMLR 15, 2014 (the 2-D quadtree; the summary test max-width / distance <
// θ as scikit-learn's `_barnes_hut_tsne`).
import Foundation

/// A quadtree over 2-D points that stores, per cell, the number of points and their centre
/// of mass: the summary the Barnes-Hut repulsive forces use. Built anew every iteration.
struct QuadTree {
    /// One cell: its square (centre, half width), its points' centre of mass and count,
    /// and the first of its four children (−1 for a leaf).
    struct Cell {
        var centreX: Float, centreY: Float, halfWidth: Float
        var massX: Float = 0, massY: Float = 0
        var count: Int32 = 0
        var firstChild: Int32 = -1
    }

    private(set) var cells: [Cell] = []

    /// The tree of the points (y[2i], y[2i + 1]).
    init(_ y: UnsafeBufferPointer<Float>, n: Int) {
        var minX = Float.infinity, maxX = -Float.infinity, minY = Float.infinity, maxY = -Float.infinity
        for i in 0..<n {
            minX = min(minX, y[2 * i]); maxX = max(maxX, y[2 * i])
            minY = min(minY, y[2 * i + 1]); maxY = max(maxY, y[2 * i + 1])
        }
        let half = max(maxX - minX, maxY - minY) / 2 * (1 + 1e-3) + 1e-5
        cells.reserveCapacity(4 * n + 1)
        cells.append(Cell(centreX: (minX + maxX) / 2, centreY: (minY + maxY) / 2, halfWidth: half))
        for i in 0..<n { insert(y[2 * i], y[2 * i + 1]) }
    }

    private static func quadrant(_ c: Cell, _ x: Float, _ y: Float) -> Int {
        Int(c.firstChild) + (x >= c.centreX ? 1 : 0) + (y >= c.centreY ? 2 : 0)
    }

    private mutating func insert(_ x: Float, _ y: Float) {
        var index = 0, depth = 0
        while true {
            var c = cells[index]
            let n = Float(c.count)
            if c.firstChild >= 0 || c.count == 0 || (c.massX == x && c.massY == y) || depth > 64 {
                // Internal cell, empty leaf, or a leaf of points at this very spot: add the point.
                c.massX = (c.massX * n + x) / (n + 1); c.massY = (c.massY * n + y) / (n + 1)
                c.count += 1
                cells[index] = c
                guard c.firstChild >= 0 else { return }
                index = QuadTree.quadrant(c, x, y); depth += 1
                continue
            }
            // Split the leaf: its points move one level down, then the new point follows.
            let h = c.halfWidth / 2
            c.firstChild = Int32(cells.count)
            for q in 0..<4 {
                cells.append(Cell(centreX: c.centreX + (q & 1 == 1 ? h : -h), centreY: c.centreY + (q & 2 == 2 ? h : -h), halfWidth: h))
            }
            cells[index] = c
            let old = QuadTree.quadrant(c, c.massX, c.massY)
            cells[old].massX = c.massX; cells[old].massY = c.massY; cells[old].count = c.count
        }
    }

    /// The unnormalised repulsion of point (x, y): Σ_j q_ij² (y_i − y_j) and Σ_j q_ij with
    /// q_ij = 1 / (1 + |y_i − y_j|²), over every other point, a cell whose width over
    /// distance is below `theta` counting as its points at their centre of mass. `stack`
    /// is scratch space of at least 4 · 65 + 1 entries.
    func repulsion(_ x: Float, _ y: Float, theta: Float, stack: UnsafeMutablePointer<Int32>) -> (fx: Float, fy: Float, z: Float) {
        cells.withUnsafeBufferPointer { cells in
            var fx: Float = 0, fy: Float = 0, z: Float = 0
            var top = 1
            stack[0] = 0
            let theta2 = theta * theta
            while top > 0 {
                top -= 1
                let c = cells[Int(stack[top])]
                if c.count == 0 { continue }
                let dx = x - c.massX, dy = y - c.massY
                let d2 = dx * dx + dy * dy
                let width = 2 * c.halfWidth
                if c.firstChild < 0 || width * width < theta2 * d2 {
                    // A leaf at distance 0 holds the point itself (and its duplicates).
                    let m = Float(d2 == 0 ? c.count - 1 : c.count)
                    let q = 1 / (1 + d2)
                    z += m * q
                    let mq2 = m * q * q
                    fx += mq2 * dx; fy += mq2 * dy
                } else {
                    let f = c.firstChild
                    stack[top] = f; stack[top + 1] = f + 1; stack[top + 2] = f + 2; stack[top + 3] = f + 3
                    top += 4
                }
            }
            return (fx, fy, z)
        }
    }
}
