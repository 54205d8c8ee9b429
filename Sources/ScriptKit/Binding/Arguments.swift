/// The checked arguments of a native call, in parameter order (defaults filled in,
/// variadic parameters gathered into an array). The registry has already checked every
/// argument against the signature, so the typed accessors cannot fail for declared types;
/// asked for another type they return a zero value.
public struct Arguments {
    /// One value per parameter of the signature.
    public let values: [Value]
    let runtime: Runtime
    let location: SourceLocation
    /// Where `inout` parameters' new values go (nil when the call passes no `&` argument).
    var writes: InoutWrites? = nil

    /// Number of parameters.
    public var count: Int { values.count }

    /// The value of parameter `i` (`.void` when out of range).
    public subscript(_ i: Int) -> Value { i >= 0 && i < values.count ? values[i] : .void }

    public func int(_ i: Int) -> Int {
        switch self[i].unwrapped { case .int(let v)?: return v; case .double(let d)?: return Int(exactly: d.rounded(.towardZero)) ?? 0; default: return 0 }
    }

    public func double(_ i: Int) -> Double {
        switch self[i].unwrapped { case .double(let v)?: return v; case .int(let v)?: return Double(v); default: return 0 }
    }

    public func bool(_ i: Int) -> Bool {
        if case .bool(let b)? = self[i].unwrapped { return b }
        return false
    }

    public func string(_ i: Int) -> String {
        switch self[i].unwrapped {
        case .string(let s)?: return s
        case let v?: return v.description
        case nil: return "nil"
        }
    }

    public func array(_ i: Int) -> [Value] {
        switch self[i].unwrapped {
        case .array(let a)?: return a
        case .set(let x)?: return x.elements
        // A range too large to list (argument checks reject it first) gives no elements.
        case .range(let l, let u, let c)?: return (try? Value.rangeElements(l, u, closed: c)) ?? []
        default: return []
        }
    }

    public func doubles(_ i: Int) -> [Double] {
        array(i).map { v in
            switch v { case .double(let d): return d; case .int(let n): return Double(n); default: return 0 }
        }
    }

    public func ints(_ i: Int) -> [Int] {
        array(i).map { v in if case .int(let n) = v { return n }; return 0 }
    }

    /// The value, or nil when the argument is nil.
    public func optional(_ i: Int) -> Value? { self[i].unwrapped }

    /// The host object of parameter `i`, if it is a `T`.
    public func native<T: NativeObject>(_ i: Int, as type: T.Type) -> T? { self[i].native(as: type) }

    /// Calls a function value (a script closure or a bound function) with positional arguments.
    public func call(_ function: Value, _ arguments: [Value]) throws -> Value {
        try runtime.call(function, arguments, at: location)
    }

    /// Sets the new value of `inout` parameter `i` (`generator: inout SeededGenerator`): it is
    /// written back to the caller's `&` variable when the row returns.
    public func setInout(_ i: Int, _ value: Value) {
        writes?.values[i] = value
    }

    /// Writes text to the interpreter's output (where `print` goes).
    public func write(_ text: String) {
        runtime.output(text)
    }

    /// Throws the "interrupted" error when an interrupt was requested; call it in long loops.
    public func checkInterrupt() throws {
        try runtime.checkInterrupt(location)
    }

    /// Whether an interrupt was requested and not yet handled; unlike `checkInterrupt()` it
    /// neither throws nor clears the request (for library callbacks that cannot throw, such
    /// as a training progress callback that cancels the fit instead).
    public var interruptRequested: Bool { runtime.interruptFlag.pointee != 0 }
}

/// A simple error a host closure may throw with a message for the user.
public struct BindingError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The new values of a native call's `inout` parameters, by parameter index, and which
/// argument each parameter took (so the caller writes them back to its `&` variables).
final class InoutWrites {
    var values: [Int: Value] = [:]
    /// For each parameter: the index of its argument, or -1 (a default or a variadic).
    var sources: [Int] = []
}
