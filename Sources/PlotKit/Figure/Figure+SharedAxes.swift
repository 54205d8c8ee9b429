/// Shared axes: every subplot that draws axes gets the union of their domains.
extension Figure {
    /// Sets (or clears) each subplot's shared domains before drawing.
    func shareDomains() throws {
        let charted = grid.filter { !$0.plots.isEmpty && !$0.hidesAxes }
        for a in grid { a.sharedX = nil; a.sharedY = nil }
        guard (sharesX || sharesY), charted.count > 1 else { return }
        let domains = try charted.map { try $0.domains() }
        if sharesX {
            let x = try union(domains.map(\.0), setting: "sharesX")
            for a in charted { a.sharedX = x }
        }
        if sharesY {
            let y = try union(domains.map(\.1), setting: "sharesY")
            for a in charted { a.sharedY = y }
        }
    }

    /// One scale covering all `scales`; they must be of one kind (band axes: the same bands).
    private func union(_ scales: [Scale], setting: String) throws -> Scale {
        var u = scales[0]
        for s in scales.dropFirst() {
            switch (u.kind, s.kind) {
            case (.linear, .linear), (.log, .log):
                u.lower = min(u.lower, s.lower); u.upper = max(u.upper, s.upper); u.integral = u.integral && s.integral
            case (.band, .band) where u.kind == s.kind:
                continue
            default:
                throw PlotError.invalidArgument(operation: "Figure(\(setting): true)", message:
                    "shared subplots must use the same kind of axis (all numeric, all log, or the same categories)")
            }
        }
        return u
    }
}
