/// The HTML report's style sheet: colours as custom properties, one set for light and one
/// for dark (`prefers-color-scheme`), syntax colours after Xcode's default themes.
enum HTMLReportStyle {
    static let css = """
    :root { color-scheme: light dark; --fg: #1d1d1f; --bg: #ffffff; --muted: #6e6e73; --code-bg: #f5f5f7; --code-rule: #6e6e73;
      --out-rule: #e0e0e0; --err-bg: #fff0f0; --err-rule: #e0a0a0; --err-fg: #8b0000; --th-bg: #f5f5f7; --rule: #d0d0d0;
      --link: #0b5cad; --kw: #9b2393; --type: #0b4f79; --num: #1c00cf; --str: #c41a16; --com: #5d6c79; --warn-bg: #fff6d6; }
    @media (prefers-color-scheme: dark) {
      :root { --fg: #e6e6e8; --bg: #1c1c1e; --muted: #a1a1a6; --code-bg: #2a2a2e; --code-rule: #8e8e93; --out-rule: #3a3a3e;
        --err-bg: #3a1d1d; --err-rule: #7a3434; --err-fg: #ff9c9c; --th-bg: #2a2a2e; --rule: #48484c; --link: #6cb4ff;
        --kw: #fc5fa3; --type: #5dd8ff; --num: #d0bf69; --str: #fc6a5d; --com: #7f8c98; --warn-bg: #3d3417; }
    }
    body { font-family: -apple-system, "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
      line-height: 1.5; color: var(--fg); background: var(--bg); }
    a { color: var(--link); }
    .report-header { border-bottom: 1px solid var(--rule); margin-bottom: 1rem; }
    .notebook-name { font-family: "DejaVu Sans Mono", Menlo, monospace; color: var(--muted); margin: 0 0 0.4rem; }
    .interrupted-banner { background: var(--warn-bg); padding: 0.4rem 0.8rem; border-radius: 6px; }
    .toc { border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0 1.5rem; font-size: 0.92rem; }
    .toc-title { font-weight: bold; margin: 0 0 0.3rem; }
    .toc ul { list-style: none; margin: 0; padding: 0; }
    .toc-level-2 { padding-left: 1.2rem; } .toc-level-3 { padding-left: 2.4rem; } .toc-level-4, .toc-level-5, .toc-level-6 { padding-left: 3.6rem; }
    .anchor-link { margin-left: 0.4rem; color: var(--muted); text-decoration: none; opacity: 0; }
    h1:hover .anchor-link, h2:hover .anchor-link, h3:hover .anchor-link, h4:hover .anchor-link, h5:hover .anchor-link,
    h6:hover .anchor-link, .anchor-link:focus { opacity: 1; }
    pre { padding: 0.6rem 0.8rem; overflow-x: auto; border-radius: 6px; font-size: 0.9rem; }
    pre.code { background: var(--code-bg); border-left: 3px solid var(--code-rule); }
    pre.output { background: var(--bg); border: 1px solid var(--out-rule); }
    .prose pre { background: var(--code-bg); }
    .tok-keyword { color: var(--kw); font-weight: bold; } .tok-type { color: var(--type); } .tok-number { color: var(--num); }
    .tok-string { color: var(--str); } .tok-comment { color: var(--com); font-style: italic; }
    .result .prompt { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 0.8rem; color: var(--muted); margin-top: 0.4rem; }
    .result pre.output { border-left: 3px solid var(--link); }
    .error pre { background: var(--err-bg); border: 1px solid var(--err-rule); color: var(--err-fg); white-space: pre-wrap; }
    .cell { margin: 1.2rem 0; }
    .cell-title { margin: 0 0 0.3rem; color: var(--muted); }
    .note { color: var(--muted); font-style: italic; }
    .timing { float: right; margin: -1.6rem 0 0; color: var(--muted); font-size: 0.8rem; font-family: "DejaVu Sans Mono", Menlo, monospace; }
    table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.9rem; }
    th, td { border: 1px solid var(--rule); padding: 0.25rem 0.6rem; text-align: left; }
    th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
    th { background: var(--th-bg); }
    caption { font-style: italic; padding-bottom: 0.3rem; }
    figure { margin: 0.6rem 0; }
    figcaption { color: var(--muted); font-size: 0.9rem; text-align: center; margin-top: 0.3rem; }
    img { max-width: 100%; height: auto; }
    figure img { display: block; margin: 0 auto; border-radius: 4px; }
    code { font-family: "DejaVu Sans Mono", Menlo, monospace; }

    """
}
