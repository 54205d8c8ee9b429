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
    /// only formally: this waits for the thread to finish.) When no such thread can be made
    /// (an address-space limit, `ulimit -v`, leaves no room for its stack), `body` runs on
    /// the calling thread instead of waiting for a thread that never starts.
    static func run<T>(_ body: @escaping () -> T) -> T {
        let box = Box<T>()
        let job = Unmanaged.passRetained(Job { box.value = body() })
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        #if os(Linux)
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, job.toOpaque())
        #else
        var thread: pthread_t?
        let status = pthread_create(&thread, &attributes, { raw in
            Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, job.toOpaque())
        #endif
        guard status == 0 else {
            job.release()
            return body()
        }
        #if os(Linux)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
        return box.value ?? body()
    }

    /// The work a large-stack thread does, passed to it as an unmanaged reference.
    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
}
