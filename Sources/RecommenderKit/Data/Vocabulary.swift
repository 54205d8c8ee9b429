/// A two-way mapping between raw ids (as written in the data files) and dense indices
/// `0..<count`, in first-seen order.
public struct Vocabulary: Equatable, Sendable {
    /// The raw ids; `ids[i]` is the raw id of dense index `i`.
    public private(set) var ids: [String]
    private var indexOf: [String: Int32]

    /// An empty vocabulary.
    public init() {
        ids = []
        indexOf = [:]
    }

    /// A vocabulary over the given raw ids, in order. Repeated ids keep their first index.
    public init(_ ids: [String]) {
        self.init()
        for id in ids { _ = insert(id) }
    }

    /// The number of distinct ids.
    public var count: Int { ids.count }

    /// The dense index of `id`, adding it at the end when it is new.
    @discardableResult
    public mutating func insert(_ id: String) -> Int32 {
        if let i = indexOf[id] { return i }
        let i = Int32(ids.count)
        ids.append(id)
        indexOf[id] = i
        return i
    }

    /// The dense index of a raw id, or nil when the id is unknown.
    public func index(of id: String) -> Int? {
        indexOf[id].map(Int.init)
    }

    /// The raw id of a dense index, or nil when the index is out of range.
    public func id(at index: Int) -> String? {
        index >= 0 && index < ids.count ? ids[index] : nil
    }

    /// A vocabulary holding only the given dense indices, in the given order.
    public func subset(_ indices: [Int32]) -> Vocabulary {
        Vocabulary(indices.map { ids[Int($0)] })
    }
}
