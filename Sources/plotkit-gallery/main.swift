// plotkit-gallery DIR: writes every gallery figure in every theme as DIR/NAME-THEME.png.
import PlotKit
import PlotKitGallery
#if canImport(Glibc)
import Glibc
#endif

let args = CommandLine.arguments
guard args.count == 2 else {
    fputs("usage: plotkit-gallery DIR\n", stderr)
    exit(2)
}
let dir = args[1]
mkdir(dir, 0o755)
let data = GalleryData()
var failures = 0
for (themeName, theme) in Gallery.themes {
    for entry in Gallery.entries(data, theme: theme) {
        let path = "\(dir)/\(entry.name)-\(themeName).png"
        do {
            try entry.make().save(path)
            print(path)
        } catch {
            fputs("\(path): \(error)\n", stderr)
            failures += 1
        }
    }
}
exit(failures == 0 ? 0 : 1)
