import TensorKit

/// Binary item features for the Movie-VAE (and any content model): one row per item of a
/// vocabulary, one 0/1 column per feature, with the columns' names.
///
/// Three groups, each optional: the item's genres (`genre:Drama`), its release decade
/// (`decade:1990`), and knowledge-graph facts from RecBole's Freebase copy of ML-100K
/// (`.link` maps items to entities, `.kg` holds `head relation tail` triples): every
/// `relation:tail` pair whose head is the item's film entity (its actors, directors,
/// writers, producers, Freebase genres, languages, countries, ratings, awards, ...), kept
/// when at least `minItemsPerFact` items share it (rarer facts say nothing about
/// similarity). Items without a link get no graph features.
///
/// ```swift
/// let data = try MovieLens.load("ml-100k")
/// let f = try ItemFeatureMatrix(data, items: data.ratings.itemVocabulary)
/// f.values.shape          // [1682, 19 genres + decades + graph facts]
/// ```
public struct ItemFeatureMatrix {
    /// [items, features], 0 or 1.
    public var values: Tensor
    /// One name per column (`genre:Comedy`, `decade:1990`, `film.film.actor:m.0f5xn`).
    public var names: [String]
    /// How many items have at least one knowledge-graph feature.
    public var itemsWithGraphFeatures: Int

    /// The features of every item of `items`, looked up by raw id.
    /// - Throws: `ModelError` when the dataset has no item metadata, an item has no
    ///   metadata row, `knowledgeGraph` is on but the dataset has no `kg`/`link` tables
    ///   (or they lack their columns), or no column is left.
    public init(_ dataset: Dataset, items: Vocabulary, genres: Bool = true, decades: Bool = true,
                knowledgeGraph: Bool = true, minItemsPerFact: Int = 5) throws {
        let op = "ItemFeatureMatrix"
        guard let meta = dataset.items else { throw ModelError(op, "dataset '\(dataset.name)' has no item metadata") }
        var rowOf = [String: Int]()
        for (k, id) in meta.ids.enumerated() where rowOf[id] == nil { rowOf[id] = k }
        let rows = try items.ids.map { id -> Int in
            guard let r = rowOf[id] else { throw ModelError(op, "item '\(id)' has no row in the item metadata") }
            return r
        }
        var columns: [String] = [], hot: [[Int]] = Array(repeating: [], count: rows.count)
        if genres {
            for (i, r) in rows.enumerated() { hot[i] += meta.genres[r].map { columns.count + $0 } }
            columns += meta.genreNames.map { "genre:" + $0 }
        }
        if decades {
            let known = Set(rows.compactMap { meta.years[$0].map { $0 / 10 * 10 } }).sorted()
            for (i, r) in rows.enumerated() {
                if let y = meta.years[r], let d = known.firstIndex(of: y / 10 * 10) { hot[i].append(columns.count + d) }
            }
            columns += known.map { "decade:\($0)" }
        }
        var linked = 0
        if knowledgeGraph {
            guard let kg = dataset.tables["kg"], let link = dataset.tables["link"],
                  let heads = kg.column("head_id"), let relations = kg.column("relation_id"), let tails = kg.column("tail_id"),
                  let linkItems = link.column("item_id"), let entities = link.column("entity_id") else {
                throw ModelError(op, "dataset '\(dataset.name)' has no knowledge graph (RecBole's .kg with head_id, relation_id, tail_id and .link with item_id, entity_id); pass knowledgeGraph: false")
            }
            var itemOfEntity = [String: [Int]]()
            var indexOfItem = [String: Int]()
            for (k, id) in items.ids.enumerated() { indexOfItem[id] = k }
            for (item, entity) in zip(linkItems, entities) {
                if let k = indexOfItem[item] { itemOfEntity[entity, default: []].append(k) }
            }
            var facts = [String: Set<Int>]()
            for t in 0..<heads.count {
                guard let its = itemOfEntity[heads[t]] else { continue }
                facts[relations[t] + ":" + tails[t], default: []].formUnion(its)
            }
            let kept = facts.filter { $0.value.count >= max(1, minItemsPerFact) }.keys.sorted()
            var withGraph = Set<Int>()
            for (j, name) in kept.enumerated() {
                for i in facts[name]! { hot[i].append(columns.count + j); withGraph.insert(i) }
            }
            columns += kept
            linked = withGraph.count
        }
        guard !columns.isEmpty else { throw ModelError(op, "no feature columns: enable genres, decades or knowledgeGraph") }
        var v = [Float](repeating: 0, count: rows.count * columns.count)
        for (i, cols) in hot.enumerated() { for j in cols { v[i * columns.count + j] = 1 } }
        values = try Tensor(shape: [rows.count, columns.count], scalars: v)
        names = columns
        itemsWithGraphFeatures = linked
    }
}
