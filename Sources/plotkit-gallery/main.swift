// plotkit-gallery DIR [FORMAT ...]: writes every gallery figure in every theme as
// DIR/NAME-THEME.FORMAT (formats png, svg, pdf; png when none is given).
import PlotKit
import PlotKitGallery
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let args = Array(CommandLine.arguments.dropFirst())
let formats = args.count > 1 ? Array(args.dropFirst()) : ["png"]
guard let dir = args.first, formats.allSatisfy({ ["png", "svg", "pdf"].contains($0) }) else {
    fputs("usage: plotkit-gallery DIR [png|svg|pdf ...]\n", stderr)
    exit(2)
}
mkdir(dir, 0o755)
let data = GalleryData()
var failures = 0
for (themeName, theme) in Gallery.themes {
    for entry in Gallery.entries(data, theme: theme) {
        for format in formats {
            let path = "\(dir)/\(entry.name)-\(themeName).\(format)"
            do {
                try entry.make().save(path)
                print(path)
            } catch {
                fputs("\(path): \(error)\n", stderr)
                failures += 1
            }
        }
    }
}
exit(failures == 0 ? 0 : 1)
