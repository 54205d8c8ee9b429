/// An error raised by a recommender model: bad hyperparameters, data that does not fit
/// the model, training that diverged, or a saved file that belongs to another model.
/// The message names the model and what was expected, e.g.
/// `MultVAE.fit: the loss became NaN in epoch 3, batch 2; the weights of the last good epoch were kept`.
public struct ModelError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The model and operation, e.g. `"EASE.fit"`.
    public var operation: String
    /// What went wrong, in words.
    public var message: String

    /// Creates an error for `operation`.
    public init(_ operation: String, _ message: String) {
        self.operation = operation
        self.message = message
    }

    /// `"operation: message"`.
    public var description: String { "\(operation): \(message)" }
}
