/// Thrown by `x?` when `x` is nil; caught by the enclosing optional chain.
struct OptionalChainNil: Error {}
/// Thrown when `Interpreter.requestInterrupt()` stopped the running chunk.
struct Interrupted: Error {
    var location: SourceLocation
}
