/// A value of a bound library type (a struct such as `Interactions`, a class such as
/// `MultVAE`, an enum such as `ScaleKind`) held by a script value. A struct's box is never
/// changed in place: a property write makes a new box (`TypeBinding.field`), so script
/// copies keep Swift's value semantics; a class's box shares the instance, as Swift does.
public final class HostObject<T>: NativeObject, HostValueBox, CustomStringConvertible {
    /// The library value.
    public let value: T
    public let typeName: String

    /// Boxes `value` as a value of the registered type `typeName`.
    public init(_ value: T, typeName: String) {
        self.value = value
        self.typeName = typeName
    }

    public var hostValue: Any { value }

    /// What Swift's `print` shows for the value (`RecommenderKit.UserAccounts` for a class,
    /// the fields of a struct), or `TypeName(...)` when that would run past a few lines (a
    /// struct holding 100,000 ratings).
    public var description: String {
        if let custom = value as? CustomStringConvertible { return custom.description }
        let swift = String(describing: value)
        return swift.count <= HostObject.longestPrintedForm ? swift : typeName + "(...)"
    }

    /// The longest reflected form printed in full.
    static var longestPrintedForm: Int { 400 }
}

/// Any box of a library value, whatever its type (for display and generic code).
public protocol HostValueBox: NativeObject {
    /// The library value, type-erased.
    var hostValue: Any { get }
}

/// A library type bound into scripts under `scriptName` (`"MultVAE.Configuration"`): its
/// values cross as `HostObject` boxes. Conform in the bindings file of the library.
public protocol ScriptBound: ScriptConvertible {
    /// The registered type name scripts use.
    static var scriptName: String { get }
}

extension ScriptBound {
    public static func fromScript(_ value: Value) throws -> Self {
        guard case .native(let n)? = value.unwrapped, let box = n as? HostValueBox, let v = box.hostValue as? Self else {
            throw BindingError("expected \(scriptName), got \(value.typeName)")
        }
        return v
    }

    public var scriptValue: Value { .native(HostObject(self, typeName: Self.scriptName)) }
}

extension Value {
    /// The library value of type `T` in this script value, if it holds one.
    public func host<T>(_ type: T.Type) -> T? {
        guard case .native(let n)? = unwrapped, let box = n as? HostValueBox else { return nil }
        return box.hostValue as? T
    }
}

extension Arguments {
    /// Argument `i` as a host value of type `T` (numbers, arrays, bound types...).
    public func get<T: ScriptConvertible>(_ i: Int, as type: T.Type = T.self) throws -> T {
        try T.fromScript(self[i])
    }
}
