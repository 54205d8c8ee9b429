/// An error raised by `UserAccounts` or `PasswordHash`: what kind of failure it is, and a
/// sentence that says it (the `description`).
///
/// ```swift
/// do {
///     try accounts.logIn("alice", password: "not her password")
/// } catch let error as AccountError where error.kind == .wrongPassword {
///     print("Try again")
/// }
/// ```
public struct AccountError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kinds of account failure.
    public enum Kind: String, Sendable {
        /// `register`: the username is taken.
        case userExists
        /// `logIn`, `ratings(of:)`, `setRating`: no account has that username.
        case unknownUser
        /// `logIn`: the password does not match the stored hash.
        case wrongPassword
        /// `register`: the username is empty, too long or has characters other than
        /// letters, digits, `.`, `_` and `-`.
        case invalidUsername
        /// `register`: the password is shorter than `UserAccounts.minimumPasswordLength`.
        case weakPassword
        /// An iteration count below `PasswordHash.minimumIterations`, or a rating that is
        /// not finite.
        case invalidParameter
        /// A stored hash is not in `PasswordHash`'s encoded form.
        case invalidHash
        /// The store file exists but cannot be read or is not a store written by `UserAccounts`.
        case unreadableStore
        /// The store file cannot be written.
        case unwritableStore
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// The failure in words, naming the user or file concerned.
    public var message: String

    /// An error of `kind` described by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
