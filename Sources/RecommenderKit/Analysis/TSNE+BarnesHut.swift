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

    /// One non-empty cell in depth-first order, as the force loop reads it: the centre of
    /// mass, the squared cell width over θ² (a cell farther than that is summarised), the
    /// point count, and the index just past the cell's subtree (so a leaf's is its own + 1).
    struct Node {
        var x: Float, y: Float, widthSquaredOverTheta2: Float, count: Float
        var skip: Int32
    }

    /// The non-empty cells in depth-first order with their skip indices, for `theta`: the
    /// traversal of `repulsion` then needs no stack and reads the array front to back.
    func flattened(theta: Float) -> [Node] {
        var nodes: [Node] = []
        nodes.reserveCapacity(cells.count)
        cells.withUnsafeBufferPointer { cells in
            func append(_ index: Int) {
                let c = cells[index]
                guard c.count > 0 else { return }
                let me = nodes.count
                let w = 2 * c.halfWidth
                nodes.append(Node(x: c.massX, y: c.massY, widthSquaredOverTheta2: theta > 0 ? w * w / (theta * theta) : .infinity,
                                  count: Float(c.count), skip: 0))
                if c.firstChild >= 0 { for q in 0..<4 { append(Int(c.firstChild) + q) } }
                nodes[me].skip = Int32(nodes.count)
            }
            append(0)
        }
        return nodes
    }

    /// The unnormalised repulsion of point (x, y): Σ_j q_ij² (y_i − y_j) and Σ_j q_ij with
    /// q_ij = 1 / (1 + |y_i − y_j|²), over every other point, a cell whose width over
    /// distance is below θ counting as its points at their centre of mass. `nodes` is
    /// `flattened(theta:)`: a cell that is summarised (or a leaf) jumps past its subtree,
    /// any other steps into its first child, the next node.
    static func repulsion(_ x: Float, _ y: Float, nodes: UnsafeBufferPointer<Node>) -> (fx: Float, fy: Float, z: Float) {
        var fx: Float = 0, fy: Float = 0, z: Float = 0
        var j = 0
        let end = nodes.count
        while j < end {
            let c = nodes[j]
            let dx = x - c.x, dy = y - c.y
            let d2 = dx * dx + dy * dy
            let next = Int(c.skip)
            if next == j + 1 || c.widthSquaredOverTheta2 < d2 {
                // A leaf at distance 0 holds the point itself (and its duplicates).
                let m = d2 == 0 ? c.count - 1 : c.count
                let q = 1 / (1 + d2)
                z += m * q
                let mq2 = m * q * q
                fx += mq2 * dx; fy += mq2 * dy
                j = next
            } else {
                j += 1
            }
        }
        return (fx, fy, z)
    }

    /// How many points `repulsion(group:_:nodes:into:)` walks the tree for at once.
    static let groupSize = 8

    /// The repulsion of up to `groupSize` points at once, written to `out[2i]`, `out[2i + 1]`
    /// for each member i (as `repulsion(_:_:nodes:)` gives it), and the sum of their Σ_j q_ij.
    /// One walk serves the group: a cell is summarised when its width over θ is below the
    /// distance from the group's bounding box to its centre of mass, which implies the
    /// per-point test for every member (so no member is approximated more coarsely than
    /// alone); the arithmetic runs in eight SIMD lanes. Points close together (consecutive
    /// in `zOrder`) make small boxes and few extra steps.
    static func repulsion<Members: Collection<Int32>>(group members: Members, _ y: UnsafeBufferPointer<Float>,
                                                      nodes: UnsafeBufferPointer<Node>,
                                                      into out: UnsafeMutableBufferPointer<Float>) -> Double {
        precondition(!members.isEmpty && members.count <= groupSize)
        var px = SIMD8<Float>(), py = SIMD8<Float>()
        var lane = 0
        for i in members { px[lane] = y[2 * Int(i)]; py[lane] = y[2 * Int(i) + 1]; lane += 1 }
        while lane < 8 { px[lane] = px[0]; py[lane] = py[0]; lane += 1 }   // padding, ignored below
        let lowX = px.min(), highX = px.max(), lowY = py.min(), highY = py.max()
        var fx = SIMD8<Float>(), fy = SIMD8<Float>(), z = SIMD8<Float>()
        let one = SIMD8<Float>(repeating: 1)
        var j = 0
        let end = nodes.count
        while j < end {
            let c = nodes[j]
            let next = Int(c.skip)
            let gx = max(lowX - c.x, 0, c.x - highX), gy = max(lowY - c.y, 0, c.y - highY)
            if next == j + 1 || c.widthSquaredOverTheta2 < gx * gx + gy * gy {
                let dx = px - c.x, dy = py - c.y
                let d2 = dx * dx + dy * dy
                // A leaf at distance 0 holds the point itself (and its duplicates).
                let m = SIMD8<Float>(repeating: c.count).replacing(with: c.count - 1, where: d2 .== 0)
                let q = one / (one + d2)
                z += m * q
                let mq2 = m * q * q
                fx += mq2 * dx; fy += mq2 * dy
                j = next
            } else {
                j += 1
            }
        }
        var total = 0.0
        for (lane, i) in members.enumerated() {
            out[2 * Int(i)] = fx[lane]; out[2 * Int(i) + 1] = fy[lane]
            total += Double(z[lane])
        }
        return total
    }

    /// The indices of the points (y[2i], y[2i + 1]) sorted along a Z-order (Morton) curve over
    /// their bounding box at 16 bits per axis, ties by index.
    static func zOrder(_ y: UnsafeBufferPointer<Float>, n: Int) -> [Int32] {
        var minX = Float.infinity, maxX = -Float.infinity, minY = Float.infinity, maxY = -Float.infinity
        for i in 0..<n {
            minX = min(minX, y[2 * i]); maxX = max(maxX, y[2 * i])
            minY = min(minY, y[2 * i + 1]); maxY = max(maxY, y[2 * i + 1])
        }
        func cell(_ v: Float, _ low: Float, _ high: Float) -> UInt64 {
            let t = (v - low) / max(high - low, 1e-30) * 65535
            return t.isFinite ? UInt64(min(max(t, 0), 65535)) : 0
        }
        func spread(_ v: UInt64) -> UInt64 {        // bit b of v moves to bit 2b
            var x = v & 0xFFFF
            x = (x | (x << 8)) & 0x00FF_00FF
            x = (x | (x << 4)) & 0x0F0F_0F0F
            x = (x | (x << 2)) & 0x3333_3333
            x = (x | (x << 1)) & 0x5555_5555
            return x
        }
        var keys = (0..<n).map { i in
            ((spread(cell(y[2 * i], minX, maxX)) | (spread(cell(y[2 * i + 1], minY, maxY)) << 1)) << 32) | UInt64(i)
        }
        keys.sort()
        return keys.map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
    }
}
