/// Checks shared by the chart constructors; each names the chart and the argument.
enum Validate {
    /// `values` is non-empty and every element is finite.
    static func finite(_ values: [Double], chart: String, argument: String) throws {
        guard !values.isEmpty else { throw PlotError.empty(chart: chart, argument: argument) }
        if let i = values.firstIndex(where: { !$0.isFinite }) {
            throw PlotError.nonFinite(chart: chart, argument: argument, index: i)
        }
    }

    /// `count` equals `expected`.
    static func length(_ count: Int, _ name: String, equals expected: Int, _ expectedName: String, chart: String) throws {
        guard count == expected else {
            throw PlotError.lengthMismatch(chart: chart, expected: "\(expectedName).count == \(expected) values in '\(name)'",
                                           got: "\(count)")
        }
    }

    /// All rows have the same non-zero length and finite values; returns (rows, columns).
    static func matrix(_ m: [[Double]], chart: String, argument: String) throws -> (Int, Int) {
        guard let first = m.first, !first.isEmpty else { throw PlotError.empty(chart: chart, argument: argument) }
        for (r, row) in m.enumerated() {
            guard row.count == first.count else {
                throw PlotError.lengthMismatch(chart: chart, expected: "every row of '\(argument)' to have \(first.count) values",
                                               got: "\(row.count) in row \(r)")
            }
            if let c = row.firstIndex(where: { !$0.isFinite }) {
                throw PlotError.invalidArgument(operation: chart, message:
                    "'\(argument)' must be finite numbers, but row \(r), column \(c) is NaN or infinite")
            }
        }
        return (m.count, first.count)
    }

    /// Whether every value is a whole number (counts), so its axis needs no fractional ticks.
    static func integral(_ values: [Double]) -> Bool {
        values.allSatisfy { $0 == $0.rounded() && abs($0) < 9e15 }
    }

    /// The finite extent of `values` (non-empty, already checked).
    static func extent(_ values: [Double]) -> (Double, Double) {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values { lo = min(lo, v); hi = max(hi, v) }
        return (lo, hi)
    }
}
