"""The briefing: one self-contained HTML file of the current view, and PNG images of it.

``briefing_html(view, …)`` inlines everything (Leaflet, the Natural Earth basemap, plotly.js), so
the file opens from disk or an e-mail attachment with no network. Article text is escaped
everywhere; JSON embedded in ``<script>`` has every ``<`` escaped, so nothing can close the tag.
The print stylesheet keeps charts and cards whole on a page.

``timeline_png`` renders the timeline with plotly.js and ``map_png`` captures the briefing's map,
both in headless Chromium (Playwright, Debian's Chromium) started offline (``CHROMIUM_ARGS``).
Both are at 2× and carry the filter summary and source line in the image.
"""
from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path

from . import __version__
from . import views as V
from .filters import View

E = html.escape
ROOT = Path(__file__).resolve().parent.parent
LEAFLET_DIR = ROOT / "static" / "vendor" / "leaflet"
CHROMIUM = os.environ.get("NEWSMAP_CHROMIUM", "/usr/bin/chromium")
# No background service (sync, updates, Google accounts): the flags turn them off, and the resolver
# rule answers "not found" for every name but localhost, so nothing can even ask DNS.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu",
                 "--disable-quic", "--no-first-run", "--disable-sync", "--disable-extensions",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]


def _leaflet_inline() -> tuple[str, str]:
    js = (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8")
    css = (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")
    return js.replace("</script", "<\\/script"), css


def map_section(view: View, colors: dict[str, str]) -> str:
    return V.leaflet_map_html(V.map_features(view, colors))


def timeline_section(view: View, colors: dict[str, str], summary: str) -> str:
    fig = V.timeline_figure(view, colors)
    fig.update_layout(width=1000)
    return fig.to_html(full_html=False, include_plotlyjs=True, config=V.plotly_config(summary), div_id="nm-timeline")


def quotes_section(view: View, colors: dict[str, str]) -> str:
    arts = view.articles.set_index("id")
    parts = []
    for name, g in V.quote_groups(view):
        color = colors.get(name, V.NO_ACTOR)
        cards = []
        for _, q in g.iterrows():
            meta = " · ".join(x for x in [q["kind"], V.when_said(q), q["place"]] if x)
            cite = V.citation(q, arts.loc[q["article"]])
            cards.append(f"<div class='card' style='border-left-color:{color}'><div class='q'>« {E(q['text'])} »</div>"
                         f"<div class='meta'>{E(meta)}</div><div class='cite'>{E(cite)}</div></div>")
        parts.append(f"<section class='actor'><h3><span style='color:{color}'>●</span> {E(name)} "
                     f"<small>· {len(g)} quote{'s' if len(g) != 1 else ''}</small></h3>{''.join(cards)}</section>")
    return "".join(parts) or "<p>No quote for these filters.</p>"


def story_section(view: View, colors: dict[str, str]) -> str:
    rows = []
    for r in V.story(view):
        dot = f"<span style='color:{colors.get(r['actor'], V.NO_ACTOR)}'>●</span>"
        where = f" <span class='muted'>({E(', '.join(r['places']))})</span>" if r["places"] else ""
        rows.append(f"<li>{dot} <b>{E(r['when'])}</b> · {E(r['kind'])} · {E(r['summary'])}{where}</li>")
    return f"<ol class='story'>{''.join(rows)}</ol>"


def sources_section(view: View) -> str:
    items = []
    for _, a in view.articles.sort_values("published").iterrows():
        outlet = f" — {E(a['source'])}" if a.get("source") else ""
        url = f" — {E(a['url'])}" if a.get("url") else ""
        items.append(f"<li>“{E(a['title'])}”{outlet}, published {E(a['published'])}{url}</li>")
    return f"<ul>{''.join(items)}</ul>"


CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px auto;max-width:1040px;color:#222;padding:0 16px}
h1{font-size:1.6rem;margin:0 0 4px} h2{font-size:1.2rem;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
h3{font-size:1.02rem;margin:16px 0 6px} small,.muted{color:#666;font-weight:normal}
.summary{font-weight:600;font-size:1.05rem} .source{color:#555;font-size:.9rem}
.nm-map{height:520px;border:1px solid #ccc} .card{border-left:4px solid #888;padding:6px 10px;margin:6px 0;background:#fafafa}
.card .q{font-size:1.05rem} .card .meta,.card .cite{color:#666;font-size:.85rem} .story li{margin:3px 0}
footer{margin-top:32px;color:#777;font-size:.8rem}
.chart,.nm-map,.card,.actor h3,.story li{break-inside:avoid;page-break-inside:avoid}
@media print{body{margin:0;max-width:none} h2{break-after:avoid;page-break-after:avoid} .nm-map{height:420px}
 .leaflet-control-container{display:none} a{color:inherit;text-decoration:none}}
"""


def briefing_html(view: View, colors: dict[str, str], summary: str, source: str, link: str = "",
                  exported: dt.datetime | None = None) -> str:
    exported = exported or dt.datetime.now().astimezone()
    leaflet_js, leaflet_css = _leaflet_inline()
    title = "Newsmap briefing — " + summary
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>{E(title)}</title><style>{leaflet_css}</style><style>{CSS}</style><script>{leaflet_js}</script></head>
<body>
<header><h1>Newsmap briefing</h1><div class="summary" id="nm-summary">{E(summary)}</div>
<div class="source">{E(source)}</div></header>
<h2>Map</h2>{map_section(view, colors)}
<p class="muted">Filled: where something happened · dashed: where something was said · faint: only mentioned · size: mentions.</p>
<h2>Timeline</h2><div class="chart">{timeline_section(view, colors, summary)}</div>
<h2>The story in brief</h2>{story_section(view, colors)}
<h2>Quotes by actor</h2>{quotes_section(view, colors)}
<h2>Sources</h2>{sources_section(view)}
<footer>Exported {E(exported.strftime('%Y-%m-%d %H:%M %Z'))} by Newsmap {E(__version__)}.
{('View: ' + E(link)) if link else ''} Basemap: Natural Earth (public domain). Map library: Leaflet (BSD-2).</footer>
</body></html>"""


# ---------------------------------------------------------------- images
def _caption_lines(summary: str, source: str) -> str:
    return f"<b>{E(summary)}</b><br><span style='color:#555'>{E(source)}</span>"


def timeline_png(view: View, colors: dict[str, str], summary: str, source: str) -> bytes:
    """The timeline as a 2× PNG with the filters and the source in the image: plotly.js (inlined from
    the plotly package) renders it in the same offline headless Chromium as the map. (Kaleido's
    browser cannot be given Chromium flags, and it looked up Google services at every export.)"""
    fig = V.timeline_figure(view, colors)
    fig.update_layout(title={"text": _caption_lines(summary, source), "x": 0.01, "xanchor": "left", "font": {"size": 13}},
                      margin={"t": 110}, width=1200)
    height = fig.layout.height or 500
    page_html = fig.to_html(full_html=True, include_plotlyjs=True, div_id="nm-timeline", config={"staticPlot": True})
    script = ("() => Plotly.toImage(document.getElementById('nm-timeline'),"
              f" {{format: 'png', width: 1200, height: {int(height)}, scale: 2}})")
    return _in_chromium(_plot_png, page_html, script)


def map_png(view: View, colors: dict[str, str], summary: str, source: str, width: int = 1200, height: int = 720) -> bytes:
    """The map view as a 2× PNG: the briefing's map captured in headless Chromium, offline."""
    leaflet_js, leaflet_css = _leaflet_inline()
    page_html = (f"<!doctype html><html><head><meta charset='utf-8'><style>{leaflet_css}</style><style>{CSS}"
                 f"body{{margin:0;max-width:none;padding:12px}} .nm-map{{height:{height - 90}px}} .leaflet-control-zoom{{display:none}}</style>"
                 f"<script>{leaflet_js}</script></head><body><div style='font-size:14px;margin-bottom:8px'>"
                 f"{_caption_lines(summary, source)}</div>{map_section(view, colors)}</body></html>")
    return _in_chromium(_map_shot, page_html, width, height)


def _in_chromium(shoot, page_html: str, *args) -> bytes:
    """Run `shoot(page, page_html, *args)` in headless Chromium with every network path closed:
    CHROMIUM_ARGS, no name resolution but localhost, and any http(s) request aborted. Runs in a
    thread of its own: Playwright's sync API refuses to start where an asyncio loop runs."""
    from concurrent.futures import ThreadPoolExecutor

    def run():
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(device_scale_factor=2)
                page.route("**/*", lambda route: route.abort() if route.request.url.startswith("http") else route.continue_())
                return shoot(page, page_html, *args)
            finally:
                browser.close()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result()


def _plot_png(page, page_html: str, script: str) -> bytes:
    import base64

    page.set_content(page_html, wait_until="load")
    data_url = page.evaluate(script)
    return base64.b64decode(data_url.split(",", 1)[1])


def _map_shot(page, page_html: str, width: int, height: int) -> bytes:
    page.set_viewport_size({"width": width, "height": height})
    page.set_content(page_html, wait_until="load")
    page.wait_for_function("() => window.newsmapMap !== undefined && document.querySelector('path.nm-country')")
    return page.screenshot(full_page=False)
