/// The one owner of script calls' slots: a stack of `Value`s that every call pushes its
/// frame's slots onto and pops them from, with the call depth and its limit. Frames nest
/// strictly and slots never outlive their call (closures capture cells), so a call allocates
/// nothing for its slots. Popped slots are reset to `.void`, so pushed slots start as `.void`.
///
/// Its `var`s change on every call: the runtime holds it `@exclusivity(unchecked)` (see `Cell`).
struct SlotStack {
    /// Slots available to all running calls together.
    static let capacity = 1 << 16
    private let base: UnsafeMutablePointer<Value>
    private var top = 0
    /// Script calls now running.
    var depth = 0
    /// Deepest allowed nesting of script calls (see `Interpreter.maxCallDepth`).
    var maxDepth = 1000

    init() {
        base = .allocate(capacity: SlotStack.capacity)
        base.initialize(repeating: .void, count: SlotStack.capacity)
    }

    /// Frees the storage (called once, by the owning runtime's `deinit`).
    func deallocate() {
        base.deinitialize(count: SlotStack.capacity)
        base.deallocate()
    }

    /// Whether a call needing `n` slots fits under the depth limit and in the stack.
    @inline(__always)
    func canPush(_ n: Int) -> Bool {
        top + n <= SlotStack.capacity && depth < maxDepth
    }

    /// Enters a call: `n` slots of `.void` from the stack (after `canPush`).
    @inline(__always)
    mutating func push(_ n: Int) -> UnsafeMutablePointer<Value> {
        depth += 1
        let slots = base + top
        top += n
        return slots
    }

    /// Enters a call that `canPush` refused for lack of room (the depth limit is the
    /// caller's to check): its slots come from the heap.
    mutating func pushOnHeap(_ n: Int) -> UnsafeMutablePointer<Value> {
        depth += 1
        let slots = UnsafeMutablePointer<Value>.allocate(capacity: n)
        slots.initialize(repeating: .void, count: n)
        return slots
    }

    /// Leaves the call that `push` entered.
    @inline(__always)
    mutating func pop(_ slots: UnsafeMutablePointer<Value>, _ n: Int) {
        depth -= 1
        SlotStack.clear(slots, n)
        top -= n
    }

    /// Leaves the call that `pushOnHeap` entered.
    mutating func popFromHeap(_ slots: UnsafeMutablePointer<Value>, _ n: Int) {
        depth -= 1
        slots.deinitialize(count: n)
        slots.deallocate()
    }

    /// Resets `n` slots to `.void`; scalars are overwritten without a call to destroy them.
    @inline(__always)
    static func clear(_ slots: UnsafeMutablePointer<Value>, _ n: Int) {
        for i in 0..<n {
            switch slots[i] {
            case .int, .double, .bool, .void: (slots + i).initialize(to: .void)
            default: slots[i] = .void
            }
        }
    }
}
