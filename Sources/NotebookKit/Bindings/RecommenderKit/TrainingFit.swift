import Foundation
import RecommenderKit
import ScriptKit

/// Runs a model's `fit` from a script: a progress bar fed by the model's progress reports
/// (for models trained in several steps), and Ctrl-C turned into a cancellation, so that
/// training stops at the next batch, the model keeps its best (or last finished) epoch and
/// the row returns the history with `stopReason == .cancelled` instead of throwing. The interrupt request is left standing:
/// the chunk still stops at its next check point after `fit` returns. An error thrown by
/// the script's own progress closure also stops the fit, and is thrown when it returns
/// (unless it is an interrupt the closure's call took: then `fit` returns the history).
enum TrainingFit {
    /// Calls `fit` with `options` wrapped: the script's own progress callback and token keep
    /// working, and either a cancelled script token or an interrupt cancels the fit.
    static func run(_ model: String, _ args: Arguments, options: FitOptions, session: Session?,
                    _ fit: (FitOptions) throws -> TrainingHistory) throws -> Value {
        let token = CancellationToken()
        let scriptToken = options.cancellation
        let scriptProgress = options.progress
        var wrapped = options
        wrapped.cancellation = token
        if scriptToken?.isCancelled == true || args.interruptRequested { token.cancel() }
        _ = TrainingCallbacks.take()
        var callbackError: Error?
        var reporter: ProgressReporter?
        wrapped.progress = { p in
            // A pending interrupt is left for after `fit`: calling a script closure now would consume it.
            if !args.interruptRequested, callbackError == nil {
                scriptProgress?(p)
                if let e = TrainingCallbacks.take() { callbackError = e; token.cancel() }
            }
            if scriptToken?.isCancelled == true || args.interruptRequested { token.cancel() }
            // Closed-form models report one step, at the end: no bar for them.
            guard let session, p.epochs * p.batches > 1 else { return }
            if reporter == nil {
                reporter = session.progress("Training \(model)", total: max(p.epochs * p.batches, 1), unit: "batch")
            }
            let loss = p.loss.isNaN ? "" : String(format: ", loss %.4g", p.loss)
            reporter?.update(completed: (p.epoch - 1) * p.batches + p.batch, detail: "epoch \(p.epoch)/\(p.epochs)\(loss)")
        }
        let start = Date()
        let history: TrainingHistory
        do {
            history = try fit(wrapped)
        } catch {
            reporter?.finish(summary: "failed after \(seconds(Date().timeIntervalSince(start)))")
            throw error
        }
        reporter?.finish(summary: summary(history, seconds: Date().timeIntervalSince(start)))
        if let callbackError, !TrainingCallbacks.isInterrupt(callbackError) { throw callbackError }
        return history.scriptValue
    }

    /// `12 epochs in 3.1 s, stopped: early stopping, best NDCG@100 0.4123 at epoch 9`.
    static func summary(_ h: TrainingHistory, seconds s: Double) -> String {
        let n = h.epochs.count
        var text = "\(n) epoch\(n == 1 ? "" : "s") in \(seconds(s))"
        switch h.stopReason {
        case .completed: text += ", completed"
        case .earlyStopped(let e): text += ", stopped: early stopping after epoch \(e)"
        case .cancelled(let e, let b): text += ", stopped: cancelled in epoch \(e) before batch \(b)"
        }
        if let metric = h.selectionMetric, let best = h.bestValue, let epoch = h.bestEpoch {
            text += String(format: ", best %@ %.4f at epoch %d", metric, best, epoch)
        }
        return text
    }

    static func seconds(_ s: Double) -> String { String(format: "%.1f s", s) }
}
