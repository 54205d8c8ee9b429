/// Jupyter's `Out[n]:` prompt, which sets a cell's displayed value (its last expression)
/// apart from what the cell printed, in the terminal and in the reports.
public enum OutputPrompt {
    /// `Out[n]:` for execution count `n`.
    public static func label(_ count: Int) -> String { "Out[\(count)]:" }

    /// The value's items as a terminal shows them: on the prompt's line when they fit on
    /// one line (`Out[3]: 42`), else below it (a table, a multi-line description).
    public static func terminalText(count: Int, items: [DisplayItem]) -> String {
        var text = items.map(\.terminalText).joined()
        if !text.hasSuffix("\n") { text += "\n" }
        let oneLine = !text.dropLast().contains("\n")
        return label(count) + (oneLine ? " " : "\n") + text
    }
}
