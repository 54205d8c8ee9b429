// Key paths where a function is expected (SE-0249) read as closures.
struct Movie { var title: String; var year: Int; var genres: [String] }
struct Entry { var movie: Movie; var score: Double }
let ms = [Movie(title: "Heat", year: 1995, genres: ["Crime"]), Movie(title: "Up", year: 2009, genres: [])]
print(ms.map(\.title), ms.map(\Movie.year), ms.filter(\.genres.isEmpty).map(\.title))
let es = ms.map { Entry(movie: $0, score: Double($0.year % 7)) }
print(es.map(\.movie.title.count), es.map(\.score).reduce(0, +))
let byYear = Dictionary(grouping: ms, by: \.year)
print(byYear.keys.sorted())
let pairs = [(1, "a"), (2, "b")]
print(pairs.map(\.1), pairs.map(\.0).reduce(0, +))
let getTitle: (Movie) -> String = \Movie.title
print(ms.map(getTitle))
print(ms.contains(where: \.genres.isEmpty), ms.allSatisfy { $0.year > 1990 })
let words = ["", "a", "bb"]
print(words.filter(\.isEmpty).count, words.map(\.count).max()!)
let groups = Dictionary(grouping: ms, by: { $0.year > 2000 })
print(groups[false]!.map(\.title))
// expect: ["Heat", "Up"] [1995, 2009] ["Up"]
// expect: [4, 2] 0.0
// expect: [1995, 2009]
// expect: ["a", "b"] 3
// expect: ["Heat", "Up"]
// expect: true true
// expect: 1 2
// expect: ["Heat"]
