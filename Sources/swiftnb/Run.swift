import ArgumentParser
import Foundation
import NotebookKit

/// `swiftnb run NOTEBOOK`: execute every cell in order, stream outputs, write the reports.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a notebook headlessly and write its report.",
        discussion: """
        Cells run in a worker process, so a cell that crashes it (a native fault), runs past \
        --timeout or needs more than --memory-limit ends with a located error and the report \
        is still written. Exit status: 0 every cell ran; 1 a cell failed, crashed or hit a \
        limit (the report holds everything up to and including the error); 2 usage, file or \
        parameter error; 130 (SIGINT, Ctrl-C) or 143 (SIGTERM) interrupted: the partial report \
        and run.json are written first.
        """)

    @Argument(help: "The notebook to run (.swiftnb).")
    var notebook: String

    @Option(help: "Folder for the reports, figures and run.json.")
    var out: String = "reports"

    @Option(help: "Report formats, comma-separated: md, html, ipynb.")
    var format: String = "md,html"

    @Option(name: .customLong("param"), help: ArgumentHelp("Override a parameter: name=value.", valueName: "name=value"))
    var params: [String] = []

    @Flag(help: "Run on past failing cells instead of stopping at the first.")
    var allowErrors = false

    @OptionGroup var worker: WorkerFlags

    @Flag(help: "Show each cell's duration in the HTML report (it is then no longer byte-stable; run.json always has them).")
    var timings = false

    func validate() throws {
        if out.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--out needs a folder name")
        }
    }

    func run() throws {
        let formats: [ReportFormat]
        let nb: Notebook
        do {
            formats = try ReportFormat.parseList(format)
            nb = try Notebook(contentsOf: URL(fileURLWithPath: notebook))
        } catch {
            throw usageFailure("\(error)")
        }
        do {
            // Fail before running anything on bad overrides or an unwritable output folder.
            _ = try NotebookRunner.validateParameters(params, for: nb)
            try ReportWriter.checkOutputFolder(out)
        } catch let error as ParameterError {
            throw usageFailure(error.located(in: nb, path: notebook))
        } catch {
            throw usageFailure("\(error)")
        }
        var options = RunOptions()
        options.parameters = params
        options.allowErrors = allowErrors
        options.outputDirectory = out
        // With a worker, outputs arrive in batches: each batch is one write (`onBatchEnd`).
        let stdout = TerminalWriter(buffered: !worker.inProcess)
        // Progress bars: live on a terminal, a few plain lines in a log; other output goes
        // through the renderer so that it lifts a live bar before writing.
        let bars = ProgressRenderer.forStandardOutput(write: stdout.write)
        options.onOutput = { item in bars.output(item.terminalText) }
        options.onResult = { count, items in bars.output(OutputPrompt.terminalText(count: count, items: items)) }
        options.onProgress = { bars.handle($0) }
        options.onBatchEnd = { stdout.flush() }
        options.handlesSignals = true
        options.worker = worker.workerOptions(figuresDirectory: "", figureStem: "")
        options.onError = { text in
            bars.clear()
            stdout.flush()
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
        let started = Date()
        let report: RunReport
        do {
            report = try NotebookRunner.run(nb, name: (notebook as NSString).lastPathComponent, options: options)
        } catch {
            throw usageFailure("\(error)")
        }
        var status = report.failed && !allowErrors ? ExitCodes.cellFailed : ExitCodes.success
        if let signal = report.interruptingSignal {
            status = 128 + signal
            printError("interrupted by \(signal == SIGTERM ? "SIGTERM" : "SIGINT"); writing the partial report")
        }
        do {
            let paths = try ReportWriter.write(report, formats: formats, to: out, startedAt: started,
                                               duration: Date().timeIntervalSince(started), exitStatus: status,
                                               timings: timings)
            FileHandle.standardError.write(Data("report: \(paths.joined(separator: ", "))\n".utf8))
        } catch {
            throw usageFailure("\(error)")
        }
        // A signal that arrived while the reports were written still ends the run as interrupted.
        if status == ExitCodes.success || status == ExitCodes.cellFailed, let signal = RunSignals.receivedSignal {
            status = 128 + signal
        }
        if status != ExitCodes.success { throw ExitCode(status) }
    }
}
