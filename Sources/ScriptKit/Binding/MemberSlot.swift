/// The function a declared type's member row calls. Rows are registered before the chunk is
/// type-checked and compiled; the declaration fills the slot when it runs.
/// Its `var`s are written when declarations run and read on every call of the member:
/// `@exclusivity(unchecked)` spares each read a dynamic exclusivity check (see `Cell`).
final class MemberSlot {
    @exclusivity(unchecked) var function: Value = .void
    /// For stored properties with a default: the function computing it (`.void` when none).
    @exclusivity(unchecked) var makeDefault: Value = .void
    /// For static stored properties: the value, set when the declaration runs.
    @exclusivity(unchecked) var staticValue: Value = .void
    /// For computed properties with a setter: the setter, a function of (self, newValue).
    @exclusivity(unchecked) var setter: Value = .void
}
