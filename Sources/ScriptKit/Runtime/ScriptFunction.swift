/// A closure: a prototype plus the cells it captured.
final class ScriptFunction {
    let prototype: FunctionPrototype
    let captures: UnsafeMutablePointer<Cell>
    let captureCount: Int

    init(prototype: FunctionPrototype, captures: UnsafeMutablePointer<Cell>, captureCount: Int) {
        self.prototype = prototype
        self.captures = captures
        self.captureCount = captureCount
    }

    deinit {
        captures.deinitialize(count: captureCount)
        captures.deallocate()
    }
}
