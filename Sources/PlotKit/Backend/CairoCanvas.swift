import CCairo

/// Collects the bytes Cairo streams out of an SVG or PDF surface.
final class ByteSink {
    var bytes: [UInt8] = []
}

/// The Cairo backend: the only file that imports CCairo.
///
/// PNG output renders into an ARGB32 image surface (scaled by the figure's `scale`) whose
/// pixels `PNGEncoder` compresses; SVG and PDF stream into memory through a `ByteSink`.
final class CairoCanvas: Canvas {
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private let regular: OpaquePointer
    private let bold: OpaquePointer
    private let sink: ByteSink?
    /// Device pixels per logical pixel for raster output; 0 for vector output.
    private let deviceScale: Double
    private var finished = false
    private var isSVG = false
    var keepsFullResolution: Bool { sink != nil }

    private init(surface: OpaquePointer, sink: ByteSink?, scale: Double, family: String, operation: String) throws {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw PlotError.backend(operation: operation, message: String(cString: cairo_status_to_string(status)))
        }
        guard let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw PlotError.backend(operation: operation, message: "cairo_create failed")
        }
        self.surface = surface
        self.cr = context
        self.sink = sink
        deviceScale = sink == nil ? scale : 0
        regular = cairo_toy_font_face_create(family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        bold = cairo_toy_font_face_create(family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
        cairo_scale(cr, scale, scale)
        // Unhinted glyph advances: text measures the same on every surface and at every
        // scale, so a figure lays out identically in PNG (1x, 2x), SVG and PDF.
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_set_font_options(cr, options)
            cairo_font_options_destroy(options)
        }
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    }

    /// A raster canvas of `width` x `height` logical pixels, `scale` device pixels each.
    static func image(width: Int, height: Int, scale: Double, family: String) throws -> CairoCanvas {
        let w = Int32(clamping: Int((Double(width) * scale).rounded()))
        let h = Int32(clamping: Int((Double(height) * scale).rounded()))
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h) else {
            throw PlotError.backend(operation: "pngData()", message: "cannot create a \(w) x \(h) image")
        }
        return try CairoCanvas(surface: s, sink: nil, scale: scale, family: family, operation: "pngData()")
    }

    /// A vector canvas (SVG or PDF) of `width` x `height` logical pixels, each
    /// `pointsPerPixel` points (so the page is `width * pointsPerPixel` points wide).
    static func vector(_ format: OutputFormat, width: Int, height: Int, pointsPerPixel: Double,
                       family: String) throws -> CairoCanvas {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        let w = Double(width) * pointsPerPixel, h = Double(height) * pointsPerPixel
        let surface: OpaquePointer?
        switch format {
        case .svg: surface = cairo_svg_surface_create_for_stream(write, closure, w, h)
        case .pdf: surface = cairo_pdf_surface_create_for_stream(write, closure, w, h)
        case .png: surface = nil
        }
        guard let surface else {
            throw PlotError.backend(operation: "save(_:)", message: "cannot create a \(format) surface")
        }
        if format == .pdf {
            // Fixed dates keep PDF output byte-stable across runs.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "SwiftNB PlotKit")
        }
        let canvas = try CairoCanvas(surface: surface, sink: sink, scale: pointsPerPixel, family: family, operation: "save(_:)")
        canvas.isSVG = format == .svg
        return canvas
    }

    deinit {
        for s in stamps.values { cairo_surface_destroy(s.surface) }
        cairo_destroy(cr)
        cairo_font_face_destroy(regular)
        cairo_font_face_destroy(bold)
        cairo_surface_destroy(surface)
    }

    /// Finishes a vector surface and returns its bytes.
    func finishVector() throws -> [UInt8] {
        cairo_surface_finish(surface)
        finished = true
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError.backend(operation: "save(_:)", message: String(cString: cairo_status_to_string(status)))
        }
        let bytes = sink?.bytes ?? []
        return isSVG ? CairoCanvas.pixelatedImages(bytes) : bytes
    }

    /// SVG bytes with a style that keeps embedded rasters (heatmaps) crisp: Cairo's SVG
    /// output does not carry its nearest-neighbour filter, and browsers smooth scaled
    /// images into gradients unless told `image-rendering: pixelated`.
    static func pixelatedImages(_ svg: [UInt8]) -> [UInt8] {
        let open = Array("<svg".utf8)
        guard let start = svg.firstRange(of: open)?.lowerBound,
              let end = svg[start...].firstIndex(of: UInt8(ascii: ">")) else { return svg }
        let style = Array("\n<style>image { image-rendering: crisp-edges; image-rendering: pixelated; }</style>".utf8)
        return Array(svg[...end]) + style + Array(svg[(end + 1)...])
    }

    /// Calls `body` with the image's rows: (BGRA bytes in native-endian ARGB32, width, height, stride).
    func withPixels<R>(_ body: (UnsafePointer<UInt8>, Int, Int, Int) throws -> R) throws -> R {
        cairo_surface_flush(surface)
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            throw PlotError.backend(operation: "pngData()", message: String(cString: cairo_status_to_string(status)))
        }
        return try body(UnsafePointer(data), Int(cairo_image_surface_get_width(surface)),
                        Int(cairo_image_surface_get_height(surface)), Int(cairo_image_surface_get_stride(surface)))
    }

    private func setColor(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }

    func fillRect(_ rect: Rect, color: Color) {
        setColor(color)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    func strokePolyline(_ points: [Point], color: Color, width: Double, dash: [Double]) {
        guard let first = points.first else { return }
        cairo_new_path(cr)
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        setColor(color)
        cairo_set_line_width(cr, width)
        dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    func fillPolygon(_ points: [Point], color: Color, edge: Color?, edgeWidth: Double) {
        guard let first = points.first else { return }
        cairo_new_path(cr)
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        cairo_close_path(cr)
        setColor(color)
        if let edge {
            cairo_fill_preserve(cr)
            setColor(edge)
            cairo_set_line_width(cr, edgeWidth)
            cairo_stroke(cr)
        } else {
            cairo_fill(cr)
        }
    }

    /// Raster output stamps a pre-rendered marker per colour (as matplotlib's Agg `draw_markers`
    /// does), snapped to device pixels; vector output draws one arc path per run of a colour.
    func fillCircles(_ centers: [Point], radius: Double, colors: [Color], edge: Color?) {
        guard !colors.isEmpty, !centers.isEmpty else { return }
        if deviceScale > 0 {
            stampCircles(centers, radius: radius, colors: colors, edge: edge)
            return
        }
        cairo_set_line_width(cr, max(0.5, radius * 0.25))
        var start = 0
        while start < centers.count {
            let color = colors[start % colors.count]
            var end = start + 1
            while end < centers.count, colors[end % colors.count] == color { end += 1 }
            cairo_new_path(cr)
            for p in centers[start..<end] {
                cairo_new_sub_path(cr)
                cairo_arc(cr, p.x, p.y, radius, 0, 2 * Double.pi)
            }
            setColor(color)
            if let edge {
                cairo_fill_preserve(cr)
                setColor(edge)
                cairo_stroke(cr)
            } else {
                cairo_fill(cr)
            }
            start = end
        }
    }

    private struct StampKey: Hashable { var color: Color, radius: Double, edge: Color? }
    private var stamps: [StampKey: (surface: OpaquePointer, half: Double)] = [:]

    private func stamp(_ key: StampKey) -> (surface: OpaquePointer, half: Double)? {
        if let s = stamps[key] { return s }
        let lw = key.edge != nil ? max(0.5, key.radius * 0.25) : 0
        let half = ((key.radius + lw) * deviceScale).rounded(.up) + 1
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(2 * half), Int32(2 * half)),
              let c = cairo_create(surface) else { return nil }
        cairo_translate(c, half, half)
        cairo_scale(c, deviceScale, deviceScale)
        cairo_arc(c, 0, 0, key.radius, 0, 2 * Double.pi)
        cairo_set_source_rgba(c, key.color.red, key.color.green, key.color.blue, key.color.alpha)
        if let e = key.edge {
            cairo_fill_preserve(c)
            cairo_set_source_rgba(c, e.red, e.green, e.blue, e.alpha)
            cairo_set_line_width(c, lw)
            cairo_stroke(c)
        } else {
            cairo_fill(c)
        }
        cairo_destroy(c)
        stamps[key] = (surface, half)
        return (surface, half)
    }

    private func stampCircles(_ centers: [Point], radius: Double, colors: [Color], edge: Color?) {
        cairo_save(cr)
        cairo_identity_matrix(cr)
        for (i, p) in centers.enumerated() {
            guard let (surface, half) = stamp(StampKey(color: colors[i % colors.count], radius: radius, edge: edge)) else { continue }
            let x = (p.x * deviceScale).rounded() - half, y = (p.y * deviceScale).rounded() - half
            cairo_set_source_surface(cr, surface, x, y)
            cairo_rectangle(cr, x, y, 2 * half, 2 * half)
            cairo_fill(cr)
        }
        cairo_restore(cr)
    }

    func fillWedge(center: Point, radius: Double, start: Double, end: Double, color: Color, edge: Color?) {
        cairo_new_path(cr)
        cairo_move_to(cr, center.x, center.y)
        cairo_arc(cr, center.x, center.y, radius, start, end)
        cairo_close_path(cr)
        setColor(color)
        if let edge {
            cairo_fill_preserve(cr)
            setColor(edge)
            cairo_set_line_width(cr, 1.5)
            cairo_stroke(cr)
        } else {
            cairo_fill(cr)
        }
    }

    private var selected: Font?
    private var fontExtents: [Font: cairo_font_extents_t] = [:]

    /// Selects `font` (when it is not already) and returns its extents (cached per font).
    @discardableResult
    private func select(_ font: Font) -> cairo_font_extents_t {
        if selected != font {
            cairo_set_font_face(cr, font.bold ? bold : regular)
            cairo_set_font_size(cr, font.size)
            selected = font
        }
        if let fe = fontExtents[font] { return fe }
        var fe = cairo_font_extents_t()
        cairo_font_extents(cr, &fe)
        fontExtents[font] = fe
        return fe
    }

    func measure(_ text: String, font: Font) -> Size {
        let fe = select(font)
        var te = cairo_text_extents_t()
        cairo_text_extents(cr, text, &te)
        return Size(width: te.x_advance, height: fe.ascent + fe.descent)
    }

    func drawText(_ text: String, at point: Point, font: Font, color: Color, h: HAlign, v: VAlign, angle: Double) {
        guard !text.isEmpty else { return }
        let fe = select(font)
        var te = cairo_text_extents_t()
        if h != .left { cairo_text_extents(cr, text, &te) }
        let dx: Double
        switch h {
        case .left: dx = 0
        case .center: dx = -te.x_advance / 2
        case .right: dx = -te.x_advance
        }
        let dy: Double
        switch v {
        case .top: dy = fe.ascent
        case .middle: dy = (fe.ascent - fe.descent) / 2
        case .baseline: dy = 0
        case .bottom: dy = -fe.descent
        }
        cairo_save(cr)
        cairo_translate(cr, point.x, point.y)
        if angle != 0 { cairo_rotate(cr, -angle) }
        cairo_move_to(cr, dx, dy)
        setColor(color)
        cairo_show_text(cr, text)
        cairo_restore(cr)
    }

    func drawImage(_ image: RasterImage, in rect: Rect) {
        guard image.width > 0, image.height > 0, image.pixels.count >= image.width * image.height,
              let img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(image.width), Int32(image.height))
        else { return }
        defer { cairo_surface_destroy(img) }
        cairo_surface_flush(img)
        guard let data = cairo_image_surface_get_data(img) else { return }
        let stride = Int(cairo_image_surface_get_stride(img))
        image.pixels.withUnsafeBufferPointer { src in
            for row in 0..<image.height {
                let dst = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
                dst.update(from: src.baseAddress! + row * image.width, count: image.width)
            }
        }
        cairo_surface_mark_dirty(img)
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
        cairo_translate(cr, rect.x, rect.y)
        cairo_scale(cr, rect.width / Double(image.width), rect.height / Double(image.height))
        cairo_set_source_surface(cr, img, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    func pushClip(_ rect: Rect) {
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }

    func popClip() {
        cairo_restore(cr)
        selected = nil  // the restore may have brought back another font
    }
}
