/// Makes the HTML rendered from a notebook's prose safe to embed in a report, as nbconvert
/// does with bleach: tags outside a small allow-list are escaped (they show as text),
/// attributes outside the tag's allow-list are dropped, `href`/`src` keep only `http`,
/// `https`, `mailto` and relative URLs (and `data:image/...` for images), comments are
/// dropped, and every tag left open is closed at the end, so one cell cannot restyle the
/// rest of the page.
///
/// The input is Ink's output, which passes the author's raw HTML through; the sanitizer
/// reads it as a stream of text, tags and comments and writes each back in a canonical,
/// escaped form (attribute values are decoded, checked, then escaped again, so what the
/// check saw is exactly what the browser sees).
enum HTMLSanitizer {
    /// Allowed tags and, for each, the attributes it may keep.
    static let allowed: [String: Set<String>] = {
        var tags: [String: Set<String>] = [:]
        for tag in ["p", "br", "hr", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
                    "kbd", "pre", "blockquote", "ul", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
                    "table", "thead", "tbody", "tfoot", "tr", "caption", "details", "summary", "span", "div", "cite"] {
            tags[tag] = []
        }
        tags["a"] = ["href", "title"]
        tags["img"] = ["src", "alt", "title", "width", "height"]
        tags["ol"] = ["start"]
        tags["code"] = ["class"]
        tags["abbr"] = ["title"]
        tags["q"] = ["cite"]
        tags["th"] = ["align", "colspan", "rowspan"]
        tags["td"] = ["align", "colspan", "rowspan"]
        return tags
    }()

    /// Tags that have no end tag.
    static let voidTags: Set<String> = ["br", "hr", "img"]

    /// Attributes whose value is a URL and must pass `isSafeURL`.
    static let urlAttributes: Set<String> = ["href", "src", "cite"]

    /// `html` with everything outside the allow-list escaped or dropped.
    static func sanitize(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var open: [String] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                if let end = HTMLTokenizer.commentEnd(bytes, at: i) {
                    i = end
                    continue
                }
                if let tag = HTMLTokenizer.tag(bytes, at: i) {
                    emit(tag, source: bytes[i..<tag.end], into: &out, open: &open)
                    i = tag.end
                    continue
                }
                out += Array("&lt;".utf8)
            } else if b == UInt8(ascii: ">") {
                out += Array("&gt;".utf8)
            } else if b == UInt8(ascii: "&") {
                out += HTMLTokenizer.entityLength(bytes, at: i) == nil ? Array("&amp;".utf8) : [b]
            } else {
                out.append(b)
            }
            i += 1
        }
        for tag in open.reversed() { out += Array("</\(tag)>".utf8) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes one tag: canonical if allowed and balanced, escaped source text otherwise.
    private static func emit(_ tag: HTMLTokenizer.Tag, source: ArraySlice<UInt8>, into out: inout [UInt8],
                             open: inout [String]) {
        guard let permitted = allowed[tag.name] else {
            out += Array(Escaping.html(String(decoding: source, as: UTF8.self)).utf8)
            return
        }
        if tag.isEnd {
            // An end tag closes the innermost open element of its name (and any inside it);
            // a stray end tag is dropped.
            guard let index = open.lastIndex(of: tag.name) else { return }
            for name in open[index...].reversed() { out += Array("</\(name)>".utf8) }
            open.removeSubrange(index...)
            return
        }
        out += Array(canonical(tag, permitted: permitted).utf8)
        if !voidTags.contains(tag.name) { open.append(tag.name) }
    }

    /// A start tag written back with only its permitted attributes, values escaped; void
    /// tags end in `/>` when `selfClosing` is set (the form Ink recognises as complete).
    static func canonical(_ tag: HTMLTokenizer.Tag, permitted: Set<String>, selfClosing: Bool = false) -> String {
        var text = "<" + tag.name
        for (name, value) in tag.attributes where permitted.contains(name) {
            if urlAttributes.contains(name), !isSafeURL(value, image: tag.name == "img") { continue }
            if name == "class", !value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == " " }) {
                continue
            }
            text += " \(name)=\"\(Escaping.html(value))\""
        }
        return text + (selfClosing && voidTags.contains(tag.name) ? " />" : ">")
    }

    /// Whether a (decoded) URL may stay: relative, `http`, `https`, `mailto`, a fragment,
    /// or for images `data:image/png|jpeg|gif|webp`. Control characters and whitespace,
    /// which browsers strip before reading the scheme, are ignored for the check.
    static func isSafeURL(_ url: String, image: Bool) -> Bool {
        let compact = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
        guard let colon = compact.firstIndex(of: ":") else { return true }
        let beforeColon = compact[..<colon]
        // A colon after a path, query or fragment start is not a scheme separator.
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        switch beforeColon {
        case "http", "https", "mailto": return true
        case "data":
            guard image else { return false }
            let rest = compact[compact.index(after: colon)...]
            return ["image/png", "image/jpeg", "image/gif", "image/webp"].contains { rest.hasPrefix($0 + ";") || rest.hasPrefix($0 + ",") }
        default: return false
        }
    }
}
