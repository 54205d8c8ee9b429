import Foundation

/// Renders a run as a Jupyter notebook (nbformat 4.4 JSON) with its outputs, so that the
/// report opens in JupyterLab, VS Code or on GitHub: prose as markdown cells, code cells with
/// their printed text (`stream`), tables (`text/html` + `text/plain`), figures (`image/png`)
/// and errors (`error`, with the caret lines as the traceback).
///
/// Byte-stable like the other reports: sorted keys, no timestamps or durations; execution
/// counts number the code cells that ran.
public enum IpynbReport {
    /// The notebook JSON of `report`. `loadImage` reads a figure's bytes (nil when it cannot).
    public static func render(_ report: RunReport,
                              loadImage: (String) -> Data? = { try? Data(contentsOf: URL(fileURLWithPath: $0)) }) throws -> Data {
        var cells: [[String: Any]] = []
        for (outcome, count) in zip(report.cells, report.executionCounts) {
            let cell = outcome.cell
            var metadata: [String: Any] = [:]
            if !cell.tags.isEmpty { metadata["tags"] = cell.tags }
            if let title = cell.title { metadata["title"] = title }
            if cell.kind == .markdown {
                cells.append(["cell_type": "markdown", "metadata": metadata, "source": lines(cell.source)])
                continue
            }
            var outputs = ReportOutputs.merged(Array(outcome.printedOutputs)).map { output($0, loadImage: loadImage) }
            for (i, item) in ReportOutputs.merged(Array(outcome.resultOutputs)).enumerated() {
                var result = output(item, loadImage: loadImage)
                if case let .text(text) = item {
                    let value = text.hasSuffix("\n") ? String(text.dropLast()) : text
                    result = ["output_type": "display_data", "metadata": [String: Any](), "data": ["text/plain": lines(value)]]
                }
                // The displayed value is the cell's execute_result (Jupyter's Out[n]).
                if i == 0, let count, result["output_type"] as? String == "display_data" {
                    result["output_type"] = "execute_result"
                    result["execution_count"] = count
                }
                outputs.append(result)
            }
            if let error = outcome.error {
                let message = error.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? error
                outputs.append(["output_type": "error",
                                "ename": outcome.status == .expectedError ? "ExpectedError"
                                    : outcome.status == .interrupted ? "KeyboardInterrupt" : "Error",
                                "evalue": message,
                                "traceback": error.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)])
            }
            cells.append(["cell_type": "code", "metadata": metadata, "source": lines(cell.source),
                          "execution_count": count.map { $0 as Any } ?? NSNull(), "outputs": outputs])
        }
        var notebookMetadata: [String: Any] = [
            "kernelspec": ["name": "swiftnb", "display_name": "SwiftNB", "language": "swift"],
            "language_info": ["name": "swift", "file_extension": ".swiftnb"],
        ]
        if !report.overriddenParameters.isEmpty {
            notebookMetadata["parameters"] = Dictionary(report.overriddenParameters.map { ($0.name, $0.value) },
                                                        uniquingKeysWith: { $1 })
        }
        let notebook: [String: Any] = ["cells": cells, "metadata": notebookMetadata, "nbformat": 4, "nbformat_minor": 4]
        var data = try JSONSerialization.data(withJSONObject: notebook,
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    /// One output in nbformat's shape.
    static func output(_ item: DisplayItem, loadImage: (String) -> Data?) -> [String: Any] {
        switch item {
        case let .text(s):
            return ["output_type": "stream", "name": "stdout", "text": lines(s)]
        case let .table(t):
            return ["output_type": "display_data", "metadata": [String: Any](),
                    "data": ["text/html": lines(HTMLReport.html(item, loadImage: loadImage)), "text/plain": lines(t.plainText)]]
        case let .image(img):
            guard let bytes = loadImage(img.path) else {
                return ["output_type": "stream", "name": "stderr", "text": ["Missing figure: \(img.path)\n"]]
            }
            // A figure rendered at 2x is shown at its own size (nbformat's image metadata).
            let metadata: [String: Any] = img.displaySize.map { ["image/png": ["width": $0.width, "height": $0.height]] } ?? [:]
            return ["output_type": "display_data", "metadata": metadata,
                    "data": ["image/png": bytes.base64EncodedString(), "text/plain": [img.alt]]]
        }
    }

    /// nbformat's multi-line strings: a list of lines, each but the last ending with "\n".
    static func lines(_ text: String) -> [String] {
        var out = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if let last = out.last {
            out[out.count - 1] = String(last.dropLast())
            if out[out.count - 1].isEmpty { out.removeLast() }
        }
        return out
    }
}
