/// A host object that knows how to show itself richly.
///
/// Bound library types (a figure, a table-like result) conform so that `show(x)` and a
/// cell's last expression produce a table or an image instead of a line of text.
public protocol DisplayProvider {
    /// The display items for this value. `figuresDirectory` is where an image may be written;
    /// `name` is a suggested file stem (notebook and cell), unique within the run.
    func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem]
}
