import FileKit

extension Figure {
    /// Renders the figure to PNG bytes (for inline display), `width * scale` by `height * scale`
    /// pixels; `scale` defaults to the figure's own (a report asks for 2 to stay sharp on
    /// high-DPI screens). The layout is the same at every scale.
    public func pngData(scale: Double? = nil) throws -> [UInt8] {
        let scale = scale ?? self.scale
        try checkSettings(scale: scale)
        let canvas = try CairoCanvas.image(width: width, height: height, scale: scale, family: theme.fontFamily)
        try render(on: canvas, pixelScale: scale)
        return try canvas.pngBytes()
    }

    /// Renders the figure to SVG bytes, `sizeInPoints` in size (100 px = 72 pt).
    public func svgData() throws -> [UInt8] { try vectorData(.svg) }

    /// Renders the figure to PDF bytes, `sizeInPoints` in size (100 px = 72 pt).
    public func pdfData() throws -> [UInt8] { try vectorData(.pdf) }

    private func vectorData(_ format: OutputFormat) throws -> [UInt8] {
        try checkSettings()
        let canvas = try CairoCanvas.vector(format, width: width, height: height, pointsPerPixel: Figure.pointsPerPixel,
                                            family: theme.fontFamily)
        try render(on: canvas, pixelScale: 1)
        return try canvas.finishVector()
    }

    /// Renders and writes the figure; the format comes from the extension (`.png`, `.svg`, `.pdf`).
    ///
    /// The file is written atomically (a temporary file in the same folder, then a rename);
    /// missing parent folders are created.
    /// `scale` overrides the figure's scale for PNG output.
    public func save(_ path: String, scale: Double? = nil) throws {
        guard let format = OutputFormat(path: path) else { throw PlotError.unsupportedFormat(path: path) }
        let bytes: [UInt8]
        switch format {
        case .png: bytes = try pngData(scale: scale)
        case .svg: bytes = try svgData()
        case .pdf: bytes = try pdfData()
        }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch let error as FileWriteError {
            throw PlotError.io(path: path, message: error.reason)
        }
    }
}
