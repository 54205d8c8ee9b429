/// Compiled code.
typealias Eval = (Frame) throws -> Value
typealias Exec = (Frame) throws -> Flow
/// Compiled code kept in an array. A closure stored in an array directly is stored
/// reabstracted, and every call then goes through conversion thunks; a concrete struct
/// field keeps the closure's natural calling convention.
struct ExecCode {
    let run: Exec
}
/// An expression's code kept in an array (see `ExecCode`).
struct EvalCode {
    let run: Eval
}
