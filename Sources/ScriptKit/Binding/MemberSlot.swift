/// The function a declared type's member row calls. Rows are registered before the chunk is
/// type-checked and compiled; the declaration fills the slot when it runs.
final class MemberSlot {
    var function: Value = .void
    /// For stored properties with a default: the function computing it (`.void` when none).
    var makeDefault: Value = .void
    /// For static stored properties: the value, set when the declaration runs.
    var staticValue: Value = .void
    /// For computed properties with a setter: the setter, a function of (self, newValue).
    var setter: Value = .void
}
