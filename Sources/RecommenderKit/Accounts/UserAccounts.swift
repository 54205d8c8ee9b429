import FileKit
import Foundation

/// The user accounts of an app: usernames with their password hashes and the ratings each
/// user gave, kept in one JSON file.
///
/// Passwords are stored only as `PasswordHash`es (salted PBKDF2-HMAC-SHA256). Every change
/// rewrites the whole file atomically (a temporary file renamed over the old one, with
/// FileKit's `AtomicFile`), readable by its owner only (mode 0600), so a crash leaves the
/// old store or the new one, never half of one. A hash made with fewer iterations than
/// `iterations` is re-made with `iterations` at the user's next successful log-in.
///
/// ```swift
/// let accounts = try UserAccounts(path: "data/app/users.json")
/// try accounts.register("alice", password: "correct horse")
/// try accounts.logIn("alice", password: "correct horse")      // throws when wrong
/// try accounts.setRating(5, item: "50", for: "alice")         // item ids are raw ids
/// try accounts.ratings(of: "alice")                            // ["50": 5.0]
/// ```
///
/// One process should own a store at a time: two processes writing it would each keep
/// their own changes and lose the other's.
public final class UserAccounts {
    /// The shortest password `register` accepts (NIST SP 800-63B's minimum).
    public static let minimumPasswordLength = 8
    /// The longest username `register` accepts.
    public static let maximumUsernameLength = 32

    /// The store file.
    public let path: String
    /// The PBKDF2 iteration count for new hashes.
    public let iterations: Int
    private var accounts: [String: StoredAccount]

    /// Opens the store at `path`, reading it when the file exists; a missing file is an
    /// empty store, written on the first change.
    ///
    /// - Throws: `AccountError` — `.invalidParameter` when `iterations` is below
    ///   `PasswordHash.minimumIterations`; `.unreadableStore` when the file exists but
    ///   cannot be read or is not a store (its content is left untouched).
    public init(path: String, iterations: Int = PasswordHash.defaultIterations) throws {
        try PasswordHash.checkIterations(iterations)
        self.path = path
        self.iterations = iterations
        self.accounts = try AccountStoreFile.read(path)
    }

    /// The usernames, sorted.
    public var usernames: [String] { accounts.keys.sorted() }

    /// The number of accounts.
    public var count: Int { accounts.count }

    /// Whether an account has this username.
    public func contains(_ username: String) -> Bool { accounts[username] != nil }

    /// Adds an account and saves the store.
    ///
    /// - Throws: `AccountError` — `.invalidUsername` (empty, longer than
    ///   `maximumUsernameLength`, or characters other than ASCII letters, digits, `.`, `_`,
    ///   `-`), `.userExists`, `.weakPassword` (shorter than `minimumPasswordLength`
    ///   characters), `.unwritableStore`.
    public func register(_ username: String, password: String) throws {
        try Self.checkUsername(username)
        guard accounts[username] == nil else {
            throw AccountError(.userExists, "the username '\(username)' is taken")
        }
        guard password.count >= Self.minimumPasswordLength else {
            throw AccountError(.weakPassword, "a password needs at least \(Self.minimumPasswordLength) characters, got \(password.count)")
        }
        var changed = accounts
        changed[username] = StoredAccount(password: try PasswordHash(password: password, iterations: iterations), ratings: [:])
        try save(changed)
    }

    /// Checks a username and password. On success, a hash made with another iteration count
    /// is re-made with `iterations` and the store saved.
    ///
    /// An unknown username costs the same hashing time as a known one, so timing does not
    /// tell which usernames exist.
    ///
    /// - Throws: `AccountError` — `.unknownUser`, `.wrongPassword`, `.unwritableStore`
    ///   (only when re-hashing).
    public func logIn(_ username: String, password: String) throws {
        guard let account = accounts[username] else {
            // One derivation either way: check the decoy, or make it on first use.
            if let decoy { _ = decoy.matches(password) } else { decoy = try? PasswordHash(password: password, iterations: iterations) }
            throw AccountError(.unknownUser, "no account is called '\(username)'")
        }
        guard account.password.matches(password) else {
            throw AccountError(.wrongPassword, "wrong password for '\(username)'")
        }
        if account.password.iterations != iterations {
            var changed = accounts
            changed[username]?.password = try PasswordHash(password: password, iterations: iterations)
            try save(changed)
        }
    }

    /// The stored hash of a user's password (for display: it names the method and count).
    ///
    /// - Throws: `AccountError` (`.unknownUser`).
    public func passwordHash(of username: String) throws -> PasswordHash {
        try account(username).password
    }

    /// The ratings a user gave, by raw item id.
    ///
    /// - Throws: `AccountError` (`.unknownUser`).
    public func ratings(of username: String) throws -> [String: Float] {
        try account(username).ratings
    }

    /// Records (or replaces) a user's rating of an item and saves the store.
    ///
    /// - Throws: `AccountError` — `.unknownUser`, `.invalidParameter` for a rating that is
    ///   not finite, `.unwritableStore`.
    public func setRating(_ rating: Float, item: String, for username: String) throws {
        _ = try account(username)
        guard rating.isFinite else {
            throw AccountError(.invalidParameter, "a rating must be a finite number, got \(rating)")
        }
        var changed = accounts
        changed[username]?.ratings[item] = rating
        try save(changed)
    }

    /// Removes a user's rating of an item (nothing happens when there is none) and saves
    /// the store.
    ///
    /// - Throws: `AccountError` — `.unknownUser`, `.unwritableStore`.
    public func removeRating(item: String, for username: String) throws {
        guard try account(username).ratings[item] != nil else { return }
        var changed = accounts
        changed[username]?.ratings[item] = nil
        try save(changed)
    }

    // MARK: - Internals

    /// A hash to check unknown usernames against, made with `iterations` on first use.
    private var decoy: PasswordHash?

    private func account(_ username: String) throws -> StoredAccount {
        guard let a = accounts[username] else {
            throw AccountError(.unknownUser, "no account is called '\(username)'")
        }
        return a
    }

    /// Writes `changed` and adopts it only once it is on disk.
    private func save(_ changed: [String: StoredAccount]) throws {
        try AccountStoreFile.write(changed, to: path)
        accounts = changed
    }

    static func checkUsername(_ name: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !name.isEmpty, name.count <= maximumUsernameLength, name.allSatisfy(allowed.contains) else {
            throw AccountError(.invalidUsername, "a username is 1 to \(maximumUsernameLength) letters, digits, '.', '_' or '-', got '\(name)'")
        }
    }
}

/// One account as the store keeps it.
struct StoredAccount: Equatable {
    var password: PasswordHash
    var ratings: [String: Float]
}

/// The store's file format: JSON with a format name and version, one object per user.
///
/// ```json
/// {
///   "format" : "swiftnb-user-accounts",
///   "users" : [
///     { "name" : "alice", "password" : "pbkdf2-sha256$600000$...$...", "ratings" : { "50" : 5 } }
///   ],
///   "version" : 1
/// }
/// ```
enum AccountStoreFile {
    static let format = "swiftnb-user-accounts"
    static let version = 1

    struct File: Codable {
        var format: String
        var version: Int
        var users: [User]
    }

    struct User: Codable {
        var name: String
        var password: String
        var ratings: [String: Float]
    }

    static func read(_ path: String) throws -> [String: StoredAccount] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        func unreadable(_ why: String) -> AccountError {
            AccountError(.unreadableStore, "cannot read the user store '\(path)': \(why)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw unreadable("the file cannot be opened (a folder, or no permission)")
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw unreadable("it is not a user store (not the expected JSON)")
        }
        guard file.format == format else { throw unreadable("its format is '\(file.format)', expected '\(format)'") }
        guard file.version == version else { throw unreadable("its version is \(file.version), expected \(version)") }
        var accounts: [String: StoredAccount] = [:]
        for user in file.users {
            guard accounts[user.name] == nil else { throw unreadable("the user '\(user.name)' appears twice") }
            let hash: PasswordHash
            do { hash = try PasswordHash(encoded: user.password) } catch {
                throw unreadable("user '\(user.name)': \(error)")
            }
            accounts[user.name] = StoredAccount(password: hash, ratings: user.ratings)
        }
        return accounts
    }

    static func write(_ accounts: [String: StoredAccount], to path: String) throws {
        let file = File(format: format, version: version, users: accounts.keys.sorted().map { name in
            User(name: name, password: accounts[name]!.password.encoded, ratings: accounts[name]!.ratings)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            let staged = try AtomicFile.stage(try encoder.encode(file), for: path)
            // Owner-only before it takes the store's name: the hashes are slow, not secret-proof.
            guard chmod(staged.temporaryPath, 0o600) == 0 else {
                let reason = String(cString: strerror(errno))
                staged.discard()
                throw FileWriteError(path: path, reason: "cannot make the file private (\(reason))")
            }
            try staged.commit()
        } catch let error as FileWriteError {
            throw AccountError(.unwritableStore, "cannot save the user store: \(error)")
        }
    }
}
