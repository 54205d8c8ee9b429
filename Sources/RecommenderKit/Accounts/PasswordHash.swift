import Crypto
import _CryptoExtras
import Foundation

/// A password stored as a salted slow hash: PBKDF2-HMAC-SHA256 (RFC 8018) over a random
/// 16-byte salt, with the iteration count kept beside the hash so that it can be raised
/// later without invalidating older hashes.
///
/// The password itself is never stored. Checking a password derives its hash again with
/// the stored salt and count and compares the two in constant time (the comparison looks
/// at every byte whatever the first difference), so the time taken does not tell how much
/// of a guess was right. Passwords are Unicode-normalised (NFC) first, so the same text
/// typed on two keyboards gives the same hash.
///
/// The encoded form is `pbkdf2-sha256$<iterations>$<salt>$<hash>` with the salt and hash
/// in Base64, the layout Django and passlib use.
///
/// ```swift
/// let stored = try PasswordHash(password: "correct horse")     // 600,000 iterations
/// stored.matches("correct horse")                               // true
/// let text = stored.encoded                                     // what a store keeps
/// let back = try PasswordHash(encoded: text)
/// ```
public struct PasswordHash: Equatable, Sendable, CustomStringConvertible {
    /// The iteration count new hashes use: 600,000, OWASP's recommendation for
    /// PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023).
    public static let defaultIterations = 600_000
    /// The fewest iterations accepted, for new and stored hashes alike.
    public static let minimumIterations = 100_000
    /// The length of a new random salt, in bytes.
    public static let saltByteCount = 16
    /// The length of the derived hash, in bytes (one SHA-256 output).
    public static let hashByteCount = 32
    /// The scheme name at the start of the encoded form.
    static let scheme = "pbkdf2-sha256"

    /// The number of PBKDF2 iterations.
    public let iterations: Int
    /// The salt, as Base64.
    public let salt: String
    /// The derived hash, as Base64.
    public let hash: String
    /// The salt and hash bytes.
    let saltBytes: [UInt8]
    let hashBytes: [UInt8]

    /// Hashes `password` with a new random salt.
    ///
    /// - Throws: `AccountError` (`.invalidParameter`) when `iterations` is below
    ///   `minimumIterations`.
    public init(password: String, iterations: Int = PasswordHash.defaultIterations) throws {
        var salt = [UInt8](repeating: 0, count: Self.saltByteCount)
        SymmetricKey(size: SymmetricKeySize(bitCount: Self.saltByteCount * 8)).withUnsafeBytes { raw in
            salt = Array(raw)
        }
        try self.init(password: password, salt: salt, iterations: iterations)
    }

    /// Hashes `password` with a given salt (for tests and for re-deriving a stored hash).
    init(password: String, salt: [UInt8], iterations: Int) throws {
        try Self.checkIterations(iterations)
        let derived = try Self.pbkdf2SHA256(password: Self.normalized(password), salt: salt,
                                            iterations: iterations, byteCount: Self.hashByteCount)
        self.init(iterations: iterations, saltBytes: salt, hashBytes: derived)
    }

    private init(iterations: Int, saltBytes: [UInt8], hashBytes: [UInt8]) {
        self.iterations = iterations
        self.saltBytes = saltBytes
        self.hashBytes = hashBytes
        self.salt = Data(saltBytes).base64EncodedString()
        self.hash = Data(hashBytes).base64EncodedString()
    }

    /// Reads a hash from its encoded form, `pbkdf2-sha256$<iterations>$<salt>$<hash>`.
    ///
    /// - Throws: `AccountError` (`.invalidHash`) when the text is not in that form, its
    ///   hash is not 32 bytes or its iteration count is below `minimumIterations`.
    public init(encoded: String) throws {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        func invalid(_ why: String) -> AccountError {
            AccountError(.invalidHash, "not a stored password hash (\(why)); expected pbkdf2-sha256$<iterations>$<salt>$<hash>")
        }
        guard parts.count == 4, parts[0] == Self.scheme else { throw invalid("wrong scheme or number of fields") }
        guard let n = Int(parts[1]), n >= Self.minimumIterations else {
            throw invalid("the iteration count must be an integer >= \(Self.minimumIterations)")
        }
        guard let s = Data(base64Encoded: parts[2]), !s.isEmpty else { throw invalid("the salt is not Base64") }
        guard let h = Data(base64Encoded: parts[3]), h.count == Self.hashByteCount else {
            throw invalid("the hash is not \(Self.hashByteCount) bytes of Base64")
        }
        self.init(iterations: n, saltBytes: Array(s), hashBytes: Array(h))
    }

    /// The encoded form, `pbkdf2-sha256$<iterations>$<salt>$<hash>`: what a store keeps.
    public var encoded: String { "\(Self.scheme)$\(iterations)$\(salt)$\(hash)" }

    /// Whether `password` is the one this hash was made from. Derives the candidate's hash
    /// with the stored salt and iteration count and compares the two in constant time.
    public func matches(_ password: String) -> Bool {
        guard let candidate = try? Self.pbkdf2SHA256(password: Self.normalized(password), salt: saltBytes,
                                                     iterations: iterations, byteCount: hashBytes.count)
        else { return false }
        return Self.constantTimeEquals(candidate, hashBytes)
    }

    /// Names the method and the iteration count; never the salt or the hash.
    public var description: String { "PasswordHash(PBKDF2-HMAC-SHA256, \(iterations) iterations)" }

    // MARK: - The primitives

    /// PBKDF2-HMAC-SHA256 of RFC 8018 §5.2 (BoringSSL's, through swift-crypto's
    /// `_CryptoExtras`), for any iteration count >= 1 (the known-answer tests use 1 to 4096).
    static func pbkdf2SHA256(password: [UInt8], salt: [UInt8], iterations: Int, byteCount: Int) throws -> [UInt8] {
        guard iterations >= 1, byteCount >= 1 else {
            throw AccountError(.invalidParameter, "PBKDF2 needs iterations >= 1 and byteCount >= 1, got \(iterations) and \(byteCount)")
        }
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: password, salt: salt, using: .sha256,
                                                    outputByteCount: byteCount, unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }

    /// Whether two byte strings are equal, looking at every byte of the longer one whatever
    /// the first difference (the lengths themselves are not secret here: always 32).
    @inline(never)
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference: UInt8 = a.count == b.count ? 0 : 1
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        return difference == 0
    }

    /// The UTF-8 bytes of the NFC form of `password`.
    static func normalized(_ password: String) -> [UInt8] {
        Array(password.precomposedStringWithCanonicalMapping.utf8)
    }

    static func checkIterations(_ iterations: Int) throws {
        guard iterations >= minimumIterations else {
            throw AccountError(.invalidParameter, "a password hash needs at least \(minimumIterations) PBKDF2 iterations, got \(iterations)")
        }
    }
}
