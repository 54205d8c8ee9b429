import Foundation

/// One progress report from training, sent after every mini-batch (and once per epoch
/// for closed-form models): enough for a progress bar with rate and ETA.
public struct TrainingProgress: Sendable, CustomStringConvertible {
    /// The 1-based epoch.
    public var epoch: Int
    /// The number of epochs planned.
    public var epochs: Int
    /// The 1-based batch within the epoch.
    public var batch: Int
    /// The number of batches per epoch.
    public var batches: Int
    /// The loss of this batch (NaN for closed-form models).
    public var loss: Double
    /// Seconds since training started.
    public var elapsed: Double

    /// Creates a report.
    public init(epoch: Int, epochs: Int, batch: Int, batches: Int, loss: Double, elapsed: Double) {
        self.epoch = epoch; self.epochs = epochs; self.batch = batch; self.batches = batches
        self.loss = loss; self.elapsed = elapsed
    }

    /// The fraction of all planned batches done, in [0, 1].
    public var fraction: Double {
        let total = epochs * batches
        return total > 0 ? Double((epoch - 1) * batches + batch) / Double(total) : 1
    }

    /// Batches per second so far.
    public var batchesPerSecond: Double {
        elapsed > 0 ? Double((epoch - 1) * batches + batch) / elapsed : 0
    }

    /// Estimated seconds left if every remaining batch takes the average time so far.
    public var estimatedSecondsLeft: Double {
        let f = fraction
        return f > 0 ? elapsed * (1 - f) / f : .infinity
    }

    /// `epoch 3/200 batch 2/2 loss 412.1 (5.3 batch/s, ETA 1m14s)`.
    public var description: String {
        let eta = estimatedSecondsLeft
        let etaText = eta.isFinite ? "\(Int(eta) / 60)m\(String(format: "%02d", Int(eta) % 60))s" : "?"
        return "epoch \(epoch)/\(epochs) batch \(batch)/\(batches) loss \(String(format: "%.4g", loss))"
            + " (\(String(format: "%.1f", batchesPerSecond)) batch/s, ETA \(etaText))"
    }
}
