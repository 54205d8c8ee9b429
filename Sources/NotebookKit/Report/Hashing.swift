import Crypto
import Foundation

/// Content hashes for run.json and figure names, from swift-crypto.
enum Hashing {
    /// The SHA-256 digest of `data` as 64 lowercase hex digits.
    static func sha256(_ data: Data) -> String {
        Crypto.SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The SHA-256 of the file at `path`, or "" when it cannot be read.
    static func sha256(ofFile path: String) -> String {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map(sha256) ?? ""
    }
}
