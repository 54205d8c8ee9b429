for i in 0..<2 {
    break nowhere // expect error: cannot find label 'nowhere' in scope
}
