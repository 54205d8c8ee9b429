import Foundation
import RecommenderKit
import XCTest
@testable import NotebookKit

/// The account rows called from a script: the store, hashes, errors caught by a bare
/// `catch` (bound to the message, which the interpreter prefixes with the row's name).
final class AccountsBindingTests: XCTestCase {
    func testAScriptRegistersLogsInAndRates() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("accounts-binding-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("users.json").path
        let out = recDataRun(Session(), """
            let accounts = try UserAccounts(path: "\(path)", iterations: PasswordHash.minimumIterations)
            try accounts.register("alice", password: "correct horse")
            try accounts.logIn("alice", password: "correct horse")
            do {
                try accounts.logIn("alice", password: "wrong horse")
            } catch {
                print("caught: \\(error)")
            }
            do { try accounts.register("alice", password: "correct horse") } catch { print("caught: \\(error)") }
            try accounts.setRating(4.5, item: "50", for: "alice")
            print(accounts.usernames, accounts.count, accounts.contains("bob"), try accounts.ratings(of: "alice"))
            let stored = try accounts.passwordHash(of: "alice")
            print(stored, stored.iterations, stored.matches("correct horse"), stored.matches("x"))
            let again = try PasswordHash(encoded: stored.encoded)
            print(again == stored, AccountError.Kind.wrongPassword == .wrongPassword, UserAccounts.minimumPasswordLength)
            """)
        XCTAssertEqual(out, """
            caught: UserAccounts.logIn(_:password:): wrong password for 'alice'
            caught: UserAccounts.register(_:password:): the username 'alice' is taken
            ["alice"] 1 false ["50": 4.5]
            PasswordHash(PBKDF2-HMAC-SHA256, 100000 iterations) 100000 true false
            true true 8

            """)
        XCTAssertEqual(try UserAccounts(path: path, iterations: 100_000).ratings(of: "alice"), ["50": 4.5])
    }
}
