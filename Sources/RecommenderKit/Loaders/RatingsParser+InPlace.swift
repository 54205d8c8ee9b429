import Dispatch

/// The parallel parse of large rating files, written straight into the final columns.
///
/// Each chunk's lines are counted first (an upper bound on its rows: blank lines are
/// skipped later), so the four output columns are allocated once, uninitialized, and every
/// chunk parses into its own slice with chunk-local ids; the ids of later chunks are then
/// renumbered in place into first-seen order over the whole file. Nothing is copied and no
/// memory is touched twice, which matters at 20M rows (page faults were a quarter of the time).
extension RatingsParser {
    /// Where parsed rows go.
    struct ColumnPointers {
        var users: UnsafeMutablePointer<Int32>, items: UnsafeMutablePointer<Int32>
        var ratings: UnsafeMutablePointer<Float>, times: UnsafeMutablePointer<Int64>

        /// The same columns, `n` rows further on.
        func advanced(by n: Int) -> ColumnPointers {
            ColumnPointers(users: users + n, items: items + n, ratings: ratings + n, times: times + n)
        }
    }

    /// Parses lines into rows `count..<capacity`; true when it stopped because the columns are
    /// full, false at the end of the input.
    static func fill(_ s: inout ByteScanner, _ userIDs: inout IDInterner, _ itemIDs: inout IDInterner,
                     layout: RatingsLayout, into c: ColumnPointers, count: inout Int, capacity: Int) throws -> Bool {
        let single = layout.delimiter.count == 1 ? layout.delimiter[0] : nil
        let ratingField = layout.rating ?? -1, timeField = layout.timestamp ?? -1
        let tenths = tenthsTable()
        return try tenths.withUnsafeBufferPointer { tenths in
            while count < capacity {
                s.skipBlankLines()
                if s.atEnd { return false }
                let line: ParsedLine
                if let d = single, let fast = fastLine(&s, &userIDs, &itemIDs, delimiter: d, fieldCount: layout.fieldCount,
                                                     user: layout.user, item: layout.item, rating: ratingField, time: timeField,
                                                     tenths: tenths.baseAddress!) {
                    line = fast
                } else {
                    line = try generalLine(&s, &userIDs, &itemIDs, layout: layout)
                }
                c.users[count] = line.user; c.items[count] = line.item
                c.ratings[count] = line.rating; c.times[count] = line.time
                count += 1
            }
            return true
        }
    }

    /// Parses the chunks `bounds[k]..<bounds[k + 1]` of `bytes` in parallel into one table, or
    /// returns nil when any chunk fails (the caller parses again sequentially, so the error
    /// names the right line).
    static func parseInPlace(_ bytes: UnsafeBufferPointer<UInt8>, file: String, bounds: [Int],
                             layout: RatingsLayout) -> Interactions? {
        let parts = bounds.count - 1
        var lineCounts = [Int](repeating: 0, count: parts)
        lineCounts.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                var n = newlineCount(UnsafeBufferPointer(rebasing: bytes[bounds[k]..<bounds[k + 1]]))
                if bounds[k + 1] > bounds[k] && bytes[bounds[k + 1] - 1] != 10 { n += 1 }
                out[k] = n
            }
        }
        var offsets = [0]
        for n in lineCounts { offsets.append(offsets[offsets.count - 1] + n) }
        let capacity = offsets[parts]

        var rowCounts = [Int](repeating: 0, count: parts)
        var interners = [(IDInterner, IDInterner)](repeating: (IDInterner(), IDInterner()), count: parts)
        var failed = false
        var items: [Int32] = [], ratings: [Float] = [], times: [Int64] = []
        let users = [Int32](unsafeUninitializedCapacity: capacity) { u, uCount in
            items = [Int32](unsafeUninitializedCapacity: capacity) { it, itCount in
                ratings = [Float](unsafeUninitializedCapacity: capacity) { r, rCount in
                    times = [Int64](unsafeUninitializedCapacity: capacity) { t, tCount in
                        let base = ColumnPointers(users: u.baseAddress!, items: it.baseAddress!,
                                                  ratings: r.baseAddress!, times: t.baseAddress!)
                        var chunkFailed = [Bool](repeating: false, count: parts)
                        rowCounts.withUnsafeMutableBufferPointer { rows in
                        interners.withUnsafeMutableBufferPointer { ids in
                        chunkFailed.withUnsafeMutableBufferPointer { bad in
                            DispatchQueue.concurrentPerform(iterations: parts) { k in
                                var s = ByteScanner(UnsafeBufferPointer(rebasing: bytes[bounds[k]..<bounds[k + 1]]), file: file)
                                var userIDs = IDInterner(), itemIDs = IDInterner(), count = 0
                                do {
                                    let full = try fill(&s, &userIDs, &itemIDs, layout: layout,
                                                        into: base.advanced(by: offsets[k]), count: &count, capacity: lineCounts[k])
                                    if full { s.skipBlankLines(); bad[k] = !s.atEnd }
                                } catch {
                                    bad[k] = true
                                }
                                rows[k] = count
                                ids[k] = (userIDs, itemIDs)
                            }
                        }}}
                        failed = chunkFailed.contains(true)
                        let n = failed ? 0 : compact(base, offsets: offsets, rows: rowCounts)
                        if !failed { renumber(base, offsets: offsets, rows: rowCounts, interners: &interners) }
                        tCount = n
                    }
                    rCount = times.count
                }
                itCount = ratings.count
            }
            uCount = items.count
        }
        guard !failed else { return nil }
        return Interactions(unchecked: users, items, ratings, times, interners[0].0.vocabulary(), interners[0].1.vocabulary())
    }

    /// The number of `\n` bytes, eight at a time: a byte of `w ^ 0x0A...` is zero exactly where
    /// `w` holds a newline, and the bit trick below sets the top bit of exactly those bytes.
    static func newlineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let words = bytes.count / 8
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        var n = 0
        for i in 0..<words {
            let t = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self) ^ newlines
            let zeroHighBits = ~(((t & low7) &+ low7) | t | low7)
            n &+= zeroHighBits.nonzeroBitCount
        }
        for p in (words * 8)..<bytes.count where base[p] == 10 { n += 1 }
        return n
    }

    /// Moves each chunk's rows down to follow the previous chunk's (needed only when blank
    /// lines made a chunk shorter than its line count); returns the total number of rows.
    private static func compact(_ c: ColumnPointers, offsets: [Int], rows: [Int]) -> Int {
        var end = rows[0]
        for k in 1..<rows.count {
            if offsets[k] != end {
                (c.users + end).update(from: c.users + offsets[k], count: rows[k])
                (c.items + end).update(from: c.items + offsets[k], count: rows[k])
                (c.ratings + end).update(from: c.ratings + offsets[k], count: rows[k])
                (c.times + end).update(from: c.times + offsets[k], count: rows[k])
            }
            end += rows[k]
        }
        return end
    }

    /// Renumbers the chunk-local ids of chunks after the first into the first chunk's
    /// interners (which absorb the later ones in order, so indices follow first-seen order).
    private static func renumber(_ c: ColumnPointers, offsets: [Int], rows: [Int],
                                 interners: inout [(IDInterner, IDInterner)]) {
        var maps: [([Int32], [Int32])] = [([], [])]
        for k in 1..<rows.count {
            maps.append((interners[0].0.absorb(interners[k].0), interners[0].1.absorb(interners[k].1)))
        }
        var starts = [0]
        for n in rows { starts.append(starts[starts.count - 1] + n) }
        DispatchQueue.concurrentPerform(iterations: rows.count - 1) { j in
            let k = j + 1
            maps[k].0.withUnsafeBufferPointer { userMap in
                maps[k].1.withUnsafeBufferPointer { itemMap in
                    let u = c.users + starts[k], it = c.items + starts[k]
                    for i in 0..<rows[k] {
                        u[i] = userMap[Int(u[i])]
                        it[i] = itemMap[Int(it[i])]
                    }
                }
            }
        }
    }
}
