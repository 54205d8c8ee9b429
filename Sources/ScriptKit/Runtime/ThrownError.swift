/// A value thrown by script code (`throw DataError.bad(line: 3)`), on its way to a `catch`.
struct ThrownError: Error {
    var value: Value
    var location: SourceLocation

    /// What an uncaught one says, as a Swift program's fatal error does.
    var uncaughtMessage: String {
        "Fatal error: Error raised at top level: \(value.debugDescription)"
    }
}
