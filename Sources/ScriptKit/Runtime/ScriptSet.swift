/// A set of script values. Swift's `Set` iterates in an order that changes from run to run;
/// this one keeps a deterministic order (insertion order, disturbed only by removals), so a
/// notebook prints the same thing every time.
public struct ScriptSet {
    /// The elements, each once.
    public private(set) var elements: [Value] = []
    private var index: [Value: Int] = [:]

    /// An empty set.
    public init() {}

    /// The distinct elements of `values`, in first-occurrence order.
    public init<S: Sequence>(_ values: S) where S.Element == Value {
        for v in values { insert(v) }
    }

    /// Number of elements.
    public var count: Int { elements.count }

    /// Whether `v` is an element.
    public func contains(_ v: Value) -> Bool { index[v] != nil }

    /// Adds `v`; false when it was already there.
    /// - Complexity: O(1) on average.
    @discardableResult
    public mutating func insert(_ v: Value) -> Bool {
        if index[v] != nil { return false }
        index[v] = elements.count
        elements.append(v)
        return true
    }

    /// Removes `v` and returns the element that was stored, or nil.
    /// - Complexity: O(1) on average (the last element takes the removed one's place).
    @discardableResult
    public mutating func remove(_ v: Value) -> Value? {
        guard let i = index.removeValue(forKey: v) else { return nil }
        let removed = elements[i]
        let last = elements.removeLast()
        if i < elements.count {
            elements[i] = last
            index[last] = i
        }
        return removed
    }

    /// Removes everything.
    public mutating func removeAll() {
        elements = []
        index = [:]
    }
}

extension Value {
    /// Moves a set out, leaving `.void`, so that inserting into it does not copy its storage
    /// (see `takeString`).
    @inline(never)
    mutating func takeSet() -> ScriptSet? {
        guard case .set(let x) = self else { return nil }
        self = .void
        return x
    }
}

extension Value {
    /// Whether `v` is the collection `t` declares (an array for `[T]`, a dictionary for
    /// `[K: V]`, a set for `Set<T>`), without looking at the elements.
    static func sameCollectionKind(_ v: Value, _ t: TypeRef) -> Bool {
        switch (v, t) {
        case (.array, .array), (.dictionary, .dictionary), (.set, .generic("Set", _)), (.set, .named("Set")): return true
        default: return false
        }
    }
}
