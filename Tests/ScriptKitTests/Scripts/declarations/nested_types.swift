// Types declared inside types: Outer.Inner outside, the bare name inside; extensions may add them.
struct Movie {
    enum Genre: String, CaseIterable { case drama = "Drama", comedy = "Comedy" }
    struct Rating { var user: Int; var stars: Double }
    var title: String
    var genre: Genre
    var ratings: [Rating] = []
    var mean: Double { ratings.isEmpty ? 0 : ratings.map(\.stars).reduce(0, +) / Double(ratings.count) }
}
var mv = Movie(title: "Heat", genre: .drama)
mv.ratings.append(Movie.Rating(user: 1, stars: 4))
mv.ratings.append(Movie.Rating(user: 2, stars: 5))
let g: Movie.Genre = .comedy
print(mv.mean, mv.genre, g.rawValue, Movie.Genre.allCases.map(\.rawValue), mv.ratings[0])
class Library {
    enum Kind { case book, film
        func label() -> String { self == .book ? "B" : "F" }
    }
    struct Item {
        struct Tag { var text: String }
        var kind: Kind
        var tags: [Tag]
    }
    var items: [Item] = []
    func add(_ kind: Kind, _ tags: String...) { items.append(Item(kind: kind, tags: tags.map { Item.Tag(text: $0) })) }
    func count(of kind: Kind) -> Int { items.filter { $0.kind == kind }.count }
}
let lib = Library()
lib.add(.book, "a", "b")
lib.add(Library.Kind.film)
print(lib.count(of: .book), lib.items[0].tags.map(\.text), Library.Kind.film.label(), lib.items[1].kind)
extension Library {
    enum Shelf: Int { case top = 1, bottom }
}
print(Library.Shelf.bottom.rawValue)
let k: Library.Kind = .film
switch k {
case .book: print("book")
case .film: print("film")
}
print(Library.Item.Tag(text: "x"))
// expect: 4.5 drama Comedy ["Drama", "Comedy"] Rating(user: 1, stars: 4.0)
// expect: 1 ["a", "b"] F film
// expect: 2
// expect: film
// expect: Tag(text: "x")
