// A class's method assigns into a collection property by its bare name.
class Index {
    var postings: [String: [Int]] = [:]
    var sizes = [0, 0]
    func add(_ word: String, _ doc: Int) {
        postings[word, default: []].append(doc)
        sizes[doc % 2] += 1
    }
}
let ix = Index()
ix.add("cat", 1); ix.add("cat", 2); ix.add("dog", 2)
print(ix.postings["cat"]!, ix.postings.count, ix.sizes)
// expect: [1, 2] 2 [2, 1]
