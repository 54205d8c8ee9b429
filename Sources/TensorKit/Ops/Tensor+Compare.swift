/// Masks (tensors of 0 and 1) and selection with `where`. Masks carry no gradient.
extension Tensor {
    /// 1 where the element is greater than `value`, else 0.
    public func greater(than value: Float) -> Tensor { mask { $0 > value } }
    /// 1 where the element is less than `value`, else 0.
    public func less(than value: Float) -> Tensor { mask { $0 < value } }
    /// 1 where the element equals `value`, else 0.
    public func equal(to value: Float) -> Tensor { mask { $0 == value } }

    /// 1 where `self > other` elementwise (with broadcasting), else 0.
    /// - Throws: if the shapes cannot broadcast.
    public func greater(than other: Tensor) throws -> Tensor {
        (try (self - other).detached()).greater(than: 0)
    }

    /// 1 where `self < other` elementwise (with broadcasting), else 0.
    /// - Throws: if the shapes cannot broadcast.
    public func less(than other: Tensor) throws -> Tensor {
        (try (self - other).detached()).less(than: 0)
    }

    func mask(_ test: (Float) -> Bool) -> Tensor {
        let out = Tensor(uninitializedShape: shape)
        let a = storage.pointer, o = out.storage.pointer
        for i in 0..<count { o[i] = test(a[i]) ? 1 : 0 }
        return out
    }

    /// `a` where `condition` is non-zero, else `b`, elementwise with broadcasting of all
    /// three (differentiable with respect to `a` and `b`).
    /// - Throws: if the shapes cannot broadcast.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let shape = try Shape.broadcast(Shape.broadcast(condition.shape, a.shape, "where"), b.shape, "where")
        let c = condition.expanded(to: shape), x = a.expanded(to: shape), y = b.expanded(to: shape)
        let out = Tensor(uninitializedShape: shape)
        let cp = c.storage.pointer, xp = x.storage.pointer, yp = y.storage.pointer, o = out.storage.pointer
        for i in 0..<out.count { o[i] = cp[i] != 0 ? xp[i] : yp[i] }
        let mask = c.mask { $0 != 0 }
        return record(out, .select(mask: mask, aShape: a.shape, bShape: b.shape), [a, b])
    }

    /// This tensor broadcast to `shape` (a copy; `shape` must be a valid broadcast target).
    func expanded(to target: [Int]) -> Tensor {
        if shape == target { return detached() }
        let out = Tensor(uninitializedShape: target)
        let a = storage.pointer, o = out.storage.pointer
        Broadcast.forEachRow(out: target, a: shape, b: shape) { oa, sa, _, _, oo, n in
            for i in 0..<n { o[oo + i] = a[oa + i * sa] }
        }
        return out
    }

    /// The gradient `g` summed over the axes along which a tensor of `target` shape was
    /// broadcast to `g`'s shape.
    func summed(to target: [Int]) throws -> Tensor {
        if shape == target { return self }
        var g = self
        let lead = rank - target.count
        for _ in 0..<lead { g = try g.sum(axis: 0) }
        for (ax, d) in target.enumerated() where d == 1 && g.shape[ax] != 1 {
            g = try g.sum(axis: ax, keepDims: true)
        }
        return g
    }
}
