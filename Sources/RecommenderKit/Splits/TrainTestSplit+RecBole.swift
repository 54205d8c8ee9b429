import FileKit
import Foundation

extension TrainTestSplit {
    /// Reads RecBole's benchmark split files `NAME.train.inter`, `NAME.valid.inter` (optional)
    /// and `NAME.test.inter` from `directory`, as its `benchmark_filename` option does, into
    /// one split whose parts share vocabularies (ids numbered in train, valid, test order).
    public static func readRecBole(directory: URL, name: String) throws -> TrainTestSplit {
        let f = { (part: String) in directory.appendingPathComponent("\(name).\(part).inter") }
        let train = try RecBoleAtomic.parseInteractions(readFileData(f("train")), file: "\(name).train.inter")
        let valid = exists(f("valid"))
            ? try RecBoleAtomic.parseInteractions(readFileData(f("valid")), file: "\(name).valid.inter") : nil
        let test = try RecBoleAtomic.parseInteractions(readFileData(f("test")), file: "\(name).test.inter")
        let parts = [train] + (valid.map { [$0] } ?? []) + [test]
        var uv = Vocabulary(), iv = Vocabulary()
        for p in parts { for id in p.userVocabulary.ids { uv.insert(id) }; for id in p.itemVocabulary.ids { iv.insert(id) } }
        let remapped = parts.map { p in
            Interactions(unchecked: p.users.map { uv.insert(p.userVocabulary.ids[Int($0)]) },
                         p.items.map { iv.insert(p.itemVocabulary.ids[Int($0)]) },
                         p.ratings, p.timestamps, uv, iv)
        }
        return TrainTestSplit(unchecked: "RecBole benchmark files \(name)", remapped[0],
                              valid == nil ? nil : remapped[1], remapped[remapped.count - 1])
    }

    /// Writes the split as RecBole benchmark files (`NAME.train.inter`, `NAME.valid.inter`
    /// when there is a validation part, `NAME.test.inter`) with the header
    /// `user_id:token item_id:token rating:float timestamp:float`. Each file is written to
    /// a temporary name and renamed, so a failure leaves no partial file.
    public func write(to directory: URL, name: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var parts = [("train", train), ("test", test)]
        if let v = validation { parts.insert(("valid", v), at: 1) }
        for (part, table) in parts {
            var text = "user_id:token\titem_id:token\trating:float\ttimestamp:float\n"
            text.reserveCapacity(table.count * 24)
            for r in 0..<table.count {
                text += table.userVocabulary.ids[Int(table.users[r])] + "\t" + table.itemVocabulary.ids[Int(table.items[r])]
                text += "\t" + formatRating(table.ratings[r]) + "\t" + String(table.timestamps[r]) + "\n"
            }
            let url = directory.appendingPathComponent("\(name).\(part).inter")
            try writeAtomically(Data(text.utf8), to: url)
        }
    }
}

/// `3` for whole ratings, otherwise the shortest decimal form (`3.5`).
func formatRating(_ r: Float) -> String {
    r == r.rounded() && abs(r) < 1e9 ? String(Int(r)) : String(r)
}

/// Writes `data` through `AtomicFile` (a temporary file beside `url`, renamed over it, so
/// the old file stays whole until the new one replaces it).
///
/// - Throws: `DataError` naming the file and the system's reason.
func writeAtomically(_ data: Data, to url: URL) throws {
    do {
        try AtomicFile.write(data, to: url.path)
    } catch let error as FileWriteError {
        throw DataError(file: url.lastPathComponent, "cannot write the file (\(error.reason))")
    }
}
