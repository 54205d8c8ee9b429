import TensorKit

/// Item feature matrices aligned with a dataset's item vocabulary (row i belongs to dense
/// item i of `data.ratings`): what the knowledge-based recommender and the item-embedding
/// figures read.
public enum ItemFeatures {
    /// The multi-hot genre matrix [items, genres] of ML-100K-style metadata. An item of
    /// the ratings without a metadata row gets a zero row.
    /// - Throws: `ModelError` when the dataset has no item metadata or no genres.
    public static func genres(_ data: Dataset) throws -> Tensor {
        guard let meta = data.items, !meta.genreNames.isEmpty else {
            throw ModelError("ItemFeatures.genres", "the dataset '\(data.name)' has no item genres")
        }
        let g = meta.genreNames.count
        var rowOf: [String: Int] = [:]
        for (r, id) in meta.ids.enumerated() { rowOf[id] = r }
        let ids = data.ratings.itemVocabulary.ids
        var m = [Float](repeating: 0, count: ids.count * g)
        for (i, id) in ids.enumerated() {
            guard let r = rowOf[id] else { continue }
            for j in meta.genres[r] { m[i * g + j] = 1 }
        }
        return try Tensor(shape: [ids.count, g], scalars: m)
    }

    /// Multi-hot knowledge-graph features [items, facts] from the RecBole `.link` (item →
    /// Freebase entity) and `.kg` (head, relation, tail) tables: a fact is a (relation,
    /// tail) pair of an item's entity, such as (film.film.actor, m.0c3wmn); only facts that
    /// at least `minItems` items share are kept (others cannot make two items alike).
    /// Returns the matrix and the fact names (`relation=tail`), in column order.
    /// - Throws: `ModelError` when the dataset has no `kg` or `link` table or they lack
    ///   the expected columns.
    public static func knowledgeGraph(_ data: Dataset, minItems: Int = 2) throws -> (features: Tensor, names: [String]) {
        guard let kg = data.tables["kg"], let link = data.tables["link"] else {
            throw ModelError("ItemFeatures.knowledgeGraph", "the dataset '\(data.name)' has no 'kg' and 'link' tables (RecBole's ml-100k.kg/.link)")
        }
        func column(_ t: TextTable, _ name: String) throws -> [String] {
            if let c = t.column(name) ?? t.column(name + ":token") { return c }
            throw ModelError("ItemFeatures.knowledgeGraph", "expected a '\(name)' column, found \(t.columns)")
        }
        let linkItems = try column(link, "item_id"), linkEntities = try column(link, "entity_id")
        let heads = try column(kg, "head_id"), relations = try column(kg, "relation_id"), tails = try column(kg, "tail_id")
        var entityOf: [String: String] = [:]
        for (item, entity) in zip(linkItems, linkEntities) { entityOf[item] = entity }
        var factsOf: [String: [String]] = [:]
        for k in heads.indices { factsOf[heads[k], default: []].append(relations[k] + "=" + tails[k]) }
        let ids = data.ratings.itemVocabulary.ids
        let itemFacts: [Set<String>] = ids.map { id in Set(entityOf[id].flatMap { factsOf[$0] } ?? []) }
        var support: [String: Int] = [:]
        for facts in itemFacts { for f in facts { support[f, default: 0] += 1 } }
        let names = support.filter { $0.value >= max(minItems, 1) }.keys.sorted()
        var column: [String: Int] = [:]
        for (j, f) in names.enumerated() { column[f] = j }
        var m = [Float](repeating: 0, count: ids.count * names.count)
        for (i, facts) in itemFacts.enumerated() {
            for f in facts { if let j = column[f] { m[i * names.count + j] = 1 } }
        }
        return (try Tensor(shape: [ids.count, names.count], scalars: m), names)
    }

    /// The columns of several [items, f_k] matrices side by side, each scaled by its weight.
    /// - Throws: `ModelError` when the row counts differ or the weights do not match.
    public static func concatenate(_ parts: [Tensor], weights: [Float]? = nil) throws -> Tensor {
        guard let rows = parts.first?.shape.first, parts.allSatisfy({ $0.rank == 2 && $0.shape[0] == rows }) else {
            throw ModelError("ItemFeatures.concatenate", "expected [items, features] matrices with equal row counts, got \(parts.map(\.shape))")
        }
        let w = weights ?? [Float](repeating: 1, count: parts.count)
        guard w.count == parts.count else { throw ModelError("ItemFeatures.concatenate", "expected \(parts.count) weights, got \(w.count)") }
        let width = parts.reduce(0) { $0 + $1.shape[1] }
        var m = [Float](repeating: 0, count: rows * width)
        var offset = 0
        for (p, part) in parts.enumerated() {
            let f = part.shape[1], values = part.scalars
            for i in 0..<rows { for j in 0..<f { m[i * width + offset + j] = w[p] * values[i * f + j] } }
            offset += f
        }
        return try Tensor(shape: [rows, width], scalars: m)
    }
}
