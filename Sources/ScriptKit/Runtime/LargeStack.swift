import Foundation

/// Runs script work on a thread with a large native stack.
///
/// Every recursion a script can drive is bounded (parser nesting, call depth), but the bounds
/// must hold on whatever thread the host calls from, in debug builds too, and freeing a deeply
/// nested value recurses in the Swift runtime itself. A dedicated thread with a 512 MiB stack
/// (address space only; pages are committed as they are touched) makes the margins generous.
enum LargeStack {
    static let size = 512 << 20

    final class Box<T> {
        var value: T?
        init(_ value: T? = nil) { self.value = value }
    }

    /// Calls `body` on a fresh large-stack thread and waits for it; rethrows its error.
    static func run<T>(_ body: @escaping () throws -> T) throws -> T {
        try run { () -> Result<T, Error> in Result { try body() } }.get()
    }

    /// Calls `body` on a fresh large-stack thread and returns its result. (`body` escapes
    /// only formally: this waits for the thread to finish.)
    static func run<T>(_ body: @escaping () -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return box.value ?? body()
    }
}
