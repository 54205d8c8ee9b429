import FileKit
import Foundation
import PlotKit

/// A figure shown as a cell's last value or with `show` is written as a PNG into the
/// report's figures folder and shown inline, at twice its pixel density (at least) so that
/// it stays sharp on high-DPI screens.
extension Figure: DisplayProvider {
    /// Device pixels per figure pixel in the PNGs of reports.
    public static let reportScale = 2.0

    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        let path = (figuresDirectory as NSString).appendingPathComponent(name + ".png")
        try AtomicFile.createFolder(figuresDirectory)
        try save(path, scale: max(scale, Figure.reportScale))
        return [.image(DisplayImage(path: path, alt: title ?? name, displaySize: (width, height)))]
    }
}
