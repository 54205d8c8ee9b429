import Foundation
import XCTest
@testable import RecommenderKit

/// PBKDF2-HMAC-SHA256 against published vectors, the encoded hash form, and the account
/// store: registration, log-in, ratings, atomic private files and readable errors.
final class PasswordHashTests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    private func pbkdf2(_ p: String, _ s: String, _ c: Int, _ n: Int) throws -> String {
        hex(try PasswordHash.pbkdf2SHA256(password: Array(p.utf8), salt: Array(s.utf8), iterations: c, byteCount: n))
    }

    /// The RFC 6070 inputs with SHA-256 (the values every PBKDF2-HMAC-SHA256 library tests).
    func testRFC6070InputsWithSHA256() throws {
        XCTAssertEqual(try pbkdf2("password", "salt", 1, 32), "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")
        XCTAssertEqual(try pbkdf2("password", "salt", 2, 32), "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43")
        XCTAssertEqual(try pbkdf2("password", "salt", 4096, 32), "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")
        XCTAssertEqual(try pbkdf2("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 40),
                       "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9")
        XCTAssertEqual(try pbkdf2("pass\0word", "sa\0lt", 4096, 16), "89b69d0516f829893c696226650a8687")
    }

    /// RFC 7914 §11, the PBKDF2-HMAC-SHA256 test vectors (64-byte outputs).
    func testRFC7914Vectors() throws {
        XCTAssertEqual(try pbkdf2("passwd", "salt", 1, 64),
                       "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
        XCTAssertEqual(try pbkdf2("Password", "NaCl", 80000, 64),
                       "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")
    }

    /// A known salt gives Python's `hashlib.pbkdf2_hmac("sha256", ...)` value, after NFC:
    /// "café" typed with a combining accent hashes as the precomposed one.
    func testFixedSaltMatchesHashlibAndNormalises() throws {
        let salt = Array(UInt8(0)..<16)
        let composed = try PasswordHash(password: "caf\u{E9} au lait", salt: salt, iterations: 100_000)
        XCTAssertEqual(composed.hash, "K+IUOQx9Z4zkCyWG8jtQBm2hC3k1p0DEBCGc8GS/lfk=")
        XCTAssertEqual(composed.salt, "AAECAwQFBgcICQoLDA0ODw==")
        XCTAssertTrue(composed.matches("cafe\u{301} au lait"))
    }

    func testNewHashesAreSaltedAndMatchOnlyTheirPassword() throws {
        let a = try PasswordHash(password: "correct horse", iterations: 100_000)
        let b = try PasswordHash(password: "correct horse", iterations: 100_000)
        XCTAssertNotEqual(a.salt, b.salt, "every hash gets its own random salt")
        XCTAssertNotEqual(a.hash, b.hash)
        XCTAssertTrue(a.matches("correct horse"))
        XCTAssertFalse(a.matches("correct horse "))
        XCTAssertFalse(a.matches(""))
        XCTAssertEqual(a.iterations, 100_000)
        XCTAssertEqual(PasswordHash.defaultIterations, 600_000)
        XCTAssertFalse(a.description.contains(a.hash), "the description never shows the hash")
    }

    func testEncodedFormRoundTripsAndRejectsOthers() throws {
        let h = try PasswordHash(password: "battery staple", iterations: 100_000)
        XCTAssertTrue(h.encoded.hasPrefix("pbkdf2-sha256$100000$"))
        let back = try PasswordHash(encoded: h.encoded)
        XCTAssertEqual(back, h)
        XCTAssertTrue(back.matches("battery staple"))
        for bad in ["", "plain text", "pbkdf2-sha1$100000$AAAA$AAAA", "pbkdf2-sha256$1000$\(h.salt)$\(h.hash)",
                    "pbkdf2-sha256$100000$!!$\(h.hash)", "pbkdf2-sha256$100000$\(h.salt)$AAAA"] {
            XCTAssertThrowsError(try PasswordHash(encoded: bad), bad) { error in
                XCTAssertEqual((error as? AccountError)?.kind, .invalidHash, bad)
            }
        }
    }

    func testTooFewIterationsAreRefused() {
        XCTAssertThrowsError(try PasswordHash(password: "correct horse", iterations: 99_999)) { error in
            XCTAssertEqual((error as? AccountError)?.kind, .invalidParameter)
            XCTAssertTrue("\(error)".contains("at least 100000"), "\(error)")
        }
    }

    func testConstantTimeEqualsComparesEveryByte() {
        XCTAssertTrue(PasswordHash.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        XCTAssertFalse(PasswordHash.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        XCTAssertFalse(PasswordHash.constantTimeEquals([9, 2, 3], [1, 2, 3]))
        XCTAssertFalse(PasswordHash.constantTimeEquals([1, 2, 3], [1, 2]))
        XCTAssertFalse(PasswordHash.constantTimeEquals([], [0]))
        XCTAssertFalse(PasswordHash.constantTimeEquals([UInt8](repeating: 0, count: 256), []),
                       "lengths differing by 256 still differ")
        XCTAssertTrue(PasswordHash.constantTimeEquals([], []))
    }
}

final class UserAccountsTests: XCTestCase {
    /// A store path in a fresh folder, removed after the test.
    private func storePath() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("accounts-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.appendingPathComponent("app/users.json").path
    }

    private func assertKind(_ kind: AccountError.Kind, file: StaticString = #filePath, line: UInt = #line,
                            _ body: () throws -> Void) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual((error as? AccountError)?.kind, kind, "\(error)", file: file, line: line)
        }
    }

    func testRegisterLogInAndReopen() throws {
        let path = try storePath()
        let accounts = try UserAccounts(path: path, iterations: 100_000)
        XCTAssertEqual(accounts.count, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "a new store is written on the first change")
        try accounts.register("alice", password: "correct horse")
        try accounts.register("bob.b_2-x", password: "battery staple")
        XCTAssertEqual(accounts.usernames, ["alice", "bob.b_2-x"])
        XCTAssertNoThrow(try accounts.logIn("alice", password: "correct horse"))
        assertKind(.wrongPassword) { try accounts.logIn("alice", password: "battery staple") }
        assertKind(.unknownUser) { try accounts.logIn("carol", password: "correct horse") }

        let reopened = try UserAccounts(path: path, iterations: 100_000)
        XCTAssertEqual(reopened.usernames, ["alice", "bob.b_2-x"])
        XCTAssertNoThrow(try reopened.logIn("bob.b_2-x", password: "battery staple"))
        XCTAssertEqual(try reopened.passwordHash(of: "alice").iterations, 100_000)
    }

    func testTheFileHoldsHashesOnlyAndIsPrivate() throws {
        let path = try storePath()
        let accounts = try UserAccounts(path: path, iterations: 100_000)
        try accounts.register("alice", password: "correct horse")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(text.contains("correct horse"), "the password is never stored")
        XCTAssertTrue(text.contains("\"format\" : \"swiftnb-user-accounts\""), text)
        XCTAssertTrue(text.contains("pbkdf2-sha256$100000$"), text)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        XCTAssertEqual(leftovers, ["users.json"], "no temporary files are left beside the store")
    }

    func testRegistrationChecks() throws {
        let accounts = try UserAccounts(path: try storePath(), iterations: 100_000)
        try accounts.register("alice", password: "correct horse")
        assertKind(.userExists) { try accounts.register("alice", password: "another password") }
        assertKind(.weakPassword) { try accounts.register("bob", password: "short") }
        for name in ["", "has space", "ünïcode", "a/b", String(repeating: "x", count: 33)] {
            assertKind(.invalidUsername) { try accounts.register(name, password: "correct horse") }
        }
        XCTAssertEqual(accounts.usernames, ["alice"], "failed registrations change nothing")
        assertKind(.invalidParameter) { _ = try UserAccounts(path: try self.storePath(), iterations: 1000) }
    }

    func testRatingsArePerUserAndPersist() throws {
        let path = try storePath()
        let accounts = try UserAccounts(path: path, iterations: 100_000)
        try accounts.register("alice", password: "correct horse")
        try accounts.register("bob", password: "battery staple")
        try accounts.setRating(5, item: "50", for: "alice")
        try accounts.setRating(2, item: "172", for: "alice")
        try accounts.setRating(4, item: "172", for: "alice")
        try accounts.removeRating(item: "999", for: "alice")
        XCTAssertEqual(try accounts.ratings(of: "alice"), ["50": 5, "172": 4])
        XCTAssertEqual(try accounts.ratings(of: "bob"), [:])
        assertKind(.unknownUser) { try accounts.setRating(3, item: "1", for: "carol") }
        assertKind(.invalidParameter) { try accounts.setRating(.nan, item: "1", for: "alice") }
        try accounts.removeRating(item: "50", for: "alice")
        XCTAssertEqual(try UserAccounts(path: path, iterations: 100_000).ratings(of: "alice"), ["172": 4])
    }

    func testALowerIterationCountIsRaisedAtTheNextLogIn() throws {
        let path = try storePath()
        try UserAccounts(path: path, iterations: 100_000).register("alice", password: "correct horse")
        let stronger = try UserAccounts(path: path, iterations: 120_000)
        XCTAssertEqual(try stronger.passwordHash(of: "alice").iterations, 100_000, "old hashes still verify")
        assertKind(.wrongPassword) { try stronger.logIn("alice", password: "wrong horse") }
        XCTAssertEqual(try stronger.passwordHash(of: "alice").iterations, 100_000, "a failed log-in changes nothing")
        try stronger.logIn("alice", password: "correct horse")
        XCTAssertEqual(try UserAccounts(path: path, iterations: 120_000).passwordHash(of: "alice").iterations, 120_000)
    }

    func testUnreadableStoresAreReportedAndLeftAlone() throws {
        let path = try storePath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let cases: [(String, String)] = [
            ("not json", "it is not a user store"),
            (#"{"format":"other","version":1,"users":[]}"#, "its format is 'other'"),
            (#"{"format":"swiftnb-user-accounts","version":2,"users":[]}"#, "its version is 2"),
            (#"{"format":"swiftnb-user-accounts","version":1,"users":[{"name":"a","password":"secret","ratings":{}}]}"#,
             "user 'a': not a stored password hash"),
        ]
        for (content, expected) in cases {
            try content.write(toFile: path, atomically: false, encoding: .utf8)
            XCTAssertThrowsError(try UserAccounts(path: path, iterations: 100_000)) { error in
                XCTAssertEqual((error as? AccountError)?.kind, .unreadableStore)
                XCTAssertTrue("\(error)".contains("cannot read the user store '\(path)': \(expected)"), "\(error)")
            }
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), content, "the file is not touched")
        }
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        assertKind(.unreadableStore) { _ = try UserAccounts(path: path, iterations: 100_000) }
    }

    func testAnUnwritableStoreIsAnErrorAndChangesNothing() throws {
        let path = try storePath()
        let folder = (path as NSString).deletingLastPathComponent
        let accounts = try UserAccounts(path: path, iterations: 100_000)
        try accounts.register("alice", password: "correct horse")
        // A file where the store's folder should be makes every write fail, even as root.
        let blocked = (folder as NSString).appendingPathComponent("blocked/users.json")
        try "x".write(toFile: (folder as NSString).appendingPathComponent("blocked"), atomically: false, encoding: .utf8)
        let other = try UserAccounts(path: blocked, iterations: 100_000)
        assertKind(.unwritableStore) { try other.register("bob", password: "battery staple") }
        XCTAssertEqual(other.count, 0, "the account is kept only once it is saved")
    }
}
