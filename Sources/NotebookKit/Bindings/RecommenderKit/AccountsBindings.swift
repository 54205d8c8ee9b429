import RecommenderKit
import ScriptKit

/// Rows for RecommenderKit's user accounts: `UserAccounts` (the store), `PasswordHash`
/// (salted PBKDF2-HMAC-SHA256) and `AccountError` with its `Kind`. A thrown `AccountError`
/// reaches a script's bare `catch` as its message, as in Swift's `"\(error)"`.
enum AccountsBindings {
    static func register(in registry: Registry) {
        registerUserAccounts(in: registry)
        registerPasswordHash(in: registry)
        registerAccountError(in: registry)
    }

    static func registerUserAccounts(in registry: Registry) {
        registry.type("UserAccounts", doc: "An app's user accounts (usernames, password hashes, each user's ratings) in one JSON file written atomically.")
            .referenceType()
            .initializer("init(path: String, iterations: Int = 600000) throws",
                         doc: "Opens the store at `path` (read when the file exists; a missing file is an empty store, written on the first change).") { args in
                try UserAccounts(path: args.get(0), iterations: args.get(1)).scriptValue
            }
            .staticProperty("minimumPasswordLength: Int", doc: "The shortest password `register` accepts (8).") {
                UserAccounts.minimumPasswordLength.scriptValue
            }
            .staticProperty("maximumUsernameLength: Int", doc: "The longest username `register` accepts (32).") {
                UserAccounts.maximumUsernameLength.scriptValue
            }
            .readOnly("path: String", \UserAccounts.path, doc: "The store file.")
            .readOnly("iterations: Int", \UserAccounts.iterations, doc: "The PBKDF2 iteration count for new hashes.")
            .readOnly("usernames: [String]", \UserAccounts.usernames, doc: "The usernames, sorted.")
            .readOnly("count: Int", \UserAccounts.count, doc: "The number of accounts.")
            .method("contains(_ username: String) -> Bool", doc: "Whether an account has this username.") { this, args in
                try UserAccounts.fromScript(this).contains(args.get(0)).scriptValue
            }
            .method("register(_ username: String, password: String) throws",
                    doc: "Adds an account and saves the store; throws when the name is taken or invalid or the password is shorter than 8 characters.") { this, args in
                try UserAccounts.fromScript(this).register(args.get(0), password: args.get(1))
                return .void
            }
            .method("logIn(_ username: String, password: String) throws",
                    doc: "Checks a username and password; throws `unknownUser` or `wrongPassword`.") { this, args in
                try UserAccounts.fromScript(this).logIn(args.get(0), password: args.get(1))
                return .void
            }
            .method("passwordHash(of username: String) throws -> PasswordHash",
                    doc: "The stored hash of a user's password (its description names the method and count, never the hash).") { this, args in
                try UserAccounts.fromScript(this).passwordHash(of: args.get(0)).scriptValue
            }
            .method("ratings(of username: String) throws -> [String: Float]",
                    doc: "The ratings a user gave, by raw item id.") { this, args in
                try UserAccounts.fromScript(this).ratings(of: args.get(0)).scriptValue
            }
            .method("setRating(_ rating: Float, item: String, for username: String) throws",
                    doc: "Records (or replaces) a user's rating of an item (raw id) and saves the store.") { this, args in
                try UserAccounts.fromScript(this).setRating(args.get(0), item: args.get(1), for: args.get(2))
                return .void
            }
            .method("removeRating(item: String, for username: String) throws",
                    doc: "Removes a user's rating of an item (nothing happens when there is none) and saves the store.") { this, args in
                try UserAccounts.fromScript(this).removeRating(item: args.get(0), for: args.get(1))
                return .void
            }
    }

    static func registerPasswordHash(in registry: Registry) {
        registry.type("PasswordHash", doc: "A password stored as a salted PBKDF2-HMAC-SHA256 hash, with its iteration count.")
            .equatable(PasswordHash.self)
            .initializer("init(password: String, iterations: Int = 600000) throws",
                         doc: "Hashes `password` with a new random 16-byte salt; throws below 100,000 iterations.") { args in
                try PasswordHash(password: args.get(0), iterations: args.get(1)).scriptValue
            }
            .initializer("init(encoded: String) throws",
                         doc: "Reads a hash from its encoded form, `pbkdf2-sha256$<iterations>$<salt>$<hash>`.") { args in
                try PasswordHash(encoded: args.get(0)).scriptValue
            }
            .staticProperty("defaultIterations: Int", doc: "The iteration count new hashes use (600,000, OWASP's figure).") {
                PasswordHash.defaultIterations.scriptValue
            }
            .staticProperty("minimumIterations: Int", doc: "The fewest iterations accepted (100,000).") {
                PasswordHash.minimumIterations.scriptValue
            }
            .staticProperty("saltByteCount: Int", doc: "The length of a new random salt, in bytes (16).") {
                PasswordHash.saltByteCount.scriptValue
            }
            .staticProperty("hashByteCount: Int", doc: "The length of the derived hash, in bytes (32).") {
                PasswordHash.hashByteCount.scriptValue
            }
            .readOnly("iterations: Int", \PasswordHash.iterations, doc: "The number of PBKDF2 iterations.")
            .readOnly("salt: String", \PasswordHash.salt, doc: "The salt, as Base64.")
            .readOnly("hash: String", \PasswordHash.hash, doc: "The derived hash, as Base64.")
            .readOnly("encoded: String", \PasswordHash.encoded, doc: "The encoded form that a store keeps.")
            .readOnly("description: String", \PasswordHash.description,
                      doc: "The method and iteration count; never the salt or the hash.")
            .method("matches(_ password: String) -> Bool",
                    doc: "Whether `password` is the one hashed (compared in constant time).") { this, args in
                try PasswordHash.fromScript(this).matches(args.get(0)).scriptValue
            }
    }

    static func registerAccountError(in registry: Registry) {
        registry.type("AccountError", doc: "An error of `UserAccounts` or `PasswordHash`: its kind and a sentence saying it.")
            .equatable(AccountError.self)
            .initializer("init(_ kind: AccountError.Kind, _ message: String)", doc: "An error of `kind` described by `message`.") { args in
                try AccountError(args.get(0), args.get(1)).scriptValue
            }
            .field("kind: AccountError.Kind", \AccountError.kind, doc: "What kind of failure this is.")
            .field("message: String", \AccountError.message, doc: "The failure in words, naming the user or file concerned.")
            .readOnly("description: String", \AccountError.description, doc: "The message.")
        let kinds: [(AccountError.Kind, String)] = [
            (.userExists, "`register`: the username is taken."),
            (.unknownUser, "No account has that username."),
            (.wrongPassword, "`logIn`: the password does not match the stored hash."),
            (.invalidUsername, "`register`: the username is empty, too long or has characters other than letters, digits, '.', '_', '-'."),
            (.weakPassword, "`register`: the password is shorter than `UserAccounts.minimumPasswordLength`."),
            (.invalidParameter, "An iteration count below `PasswordHash.minimumIterations`, or a rating that is not finite."),
            (.invalidHash, "A stored hash is not in `PasswordHash`'s encoded form."),
            (.unreadableStore, "The store file exists but cannot be read or is not a user store."),
            (.unwritableStore, "The store file cannot be written."),
        ]
        let kindType = registry.type("AccountError.Kind", doc: "The kinds of account failure.").equatable(AccountError.Kind.self)
        for (kind, doc) in kinds {
            kindType.staticProperty("\(kind.rawValue): AccountError.Kind", doc: doc) { kind.scriptValue }
        }
        kindType.readOnly("rawValue: String", \AccountError.Kind.rawValue, doc: "The case's name.")
    }
}
