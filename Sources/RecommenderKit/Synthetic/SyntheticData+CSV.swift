import Foundation

extension Interactions {
    /// Writes the table as a MovieLens `ratings.csv` (`userId,movieId,rating,timestamp`,
    /// ratings written like `4.0` and `3.5`), atomically (temp file + rename).
    public func writeMovieLensCSV(to url: URL) throws {
        var out = [UInt8]()
        out.reserveCapacity(count * 26 + 40)
        out.append(contentsOf: Array((MovieLensCSV.ratingsHeader + "\n").utf8))
        let uids = userVocabulary.ids.map { Array($0.utf8) }, iids = itemVocabulary.ids.map { Array($0.utf8) }
        for r in 0..<count {
            out.append(contentsOf: uids[Int(users[r])]); out.append(44)
            out.append(contentsOf: iids[Int(items[r])]); out.append(44)
            let tenths = Int((ratings[r] * 10).rounded())
            appendInt(&out, tenths / 10); out.append(46); out.append(UInt8(48 + abs(tenths % 10))); out.append(44)
            appendInt(&out, Int(timestamps[r])); out.append(10)
        }
        try writeAtomically(Data(out), to: url)
    }
}

func appendInt(_ out: inout [UInt8], _ v: Int) {
    if v < 0 { out.append(45) }
    var x = v.magnitude
    var buf = [UInt8](repeating: 0, count: 20)
    var n = 0
    repeat { buf[n] = UInt8(48 + x % 10); x /= 10; n += 1 } while x > 0
    while n > 0 { n -= 1; out.append(buf[n]) }
}
