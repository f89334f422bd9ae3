"""Shaping filtered tables for the dashboard (and the briefing export): colours, map, timeline,
story, quote cards, the annotated article. No Streamlit here; every function is unit-tested.

Every string that comes from an article is escaped with :func:`html.escape` before it enters
HTML (popups, cards, the reader): article text is untrusted.
"""
from __future__ import annotations

import datetime as dt
import html
import json
from functools import lru_cache

import pandas as pd

from .filters import View, aggregate_places, date_bounds, fmt_day, fmt_value  # noqa: F401 (fmt_value re-exported for pages)
from .paths import basemap_geojson_path

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#bcbd22",
           "#393b79", "#ad494a", "#637939", "#7b4173", "#e7969c", "#3182bd", "#31a354", "#756bb1", "#636363"]
NO_ACTOR = "#7f7f7f"
LEAFLET_BASE = "/app/static/vendor/leaflet"
TILES = {
    "openstreetmap": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors"),
    "carto": ("https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png", "© OpenStreetMap contributors © CARTO"),
}
E = html.escape


def actor_colors(corpus) -> dict[str, str]:
    """One colour per actor for the whole corpus (most active first), stable under filtering."""
    from .filters import actor_counts

    names = list(actor_counts(corpus).index)
    for n in corpus.actors["name"]:
        if n not in names:
            names.append(n)
    return {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(names)}


def event_actor(ev) -> str | None:
    actors = ev["actors"] if isinstance(ev["actors"], list) else []
    return actors[0] if actors else None


# ---------------------------------------------------------------- places / map
_SAID = ("statement", "warning", "call", "criticism", "announcement")
_NOT_HAPPENED = ("statement", "call", "criticism", "announcement")


def _records(df: pd.DataFrame, cols: list[str]) -> list[dict]:
    data = [df[c].tolist() for c in cols]
    return [dict(zip(cols, row)) for row in zip(*data)]


def _by_place(view: View) -> tuple[dict, dict]:
    ev_by_place: dict[str, list] = {}
    for ev in _records(view.events, ["places", "actors", "kind", "date", "date_precision", "summary"]):
        for p in ev["places"]:
            ev_by_place.setdefault(p, []).append(ev)
    q_by_place: dict[str, list] = {}
    for q in _records(view.quotes, ["place", "speaker", "text"]):
        if q["place"]:
            q_by_place.setdefault(q["place"], []).append(q)
    return ev_by_place, q_by_place


def _role(evs, qs) -> str:
    if any(e["kind"] not in _NOT_HAPPENED for e in evs):
        return "happened"
    if qs or any(e["kind"] in _SAID for e in evs):
        return "said"
    return "mentioned"


def place_table(view: View) -> pd.DataFrame:
    """Aggregated places with their role, events and quotes, ready for the map and the data page."""
    places = aggregate_places(view.places)
    places = places[places["lat"].notna()].reset_index(drop=True)
    ev_by_place, q_by_place = _by_place(view)
    names = list(places["name"])
    places["role"] = [_role(ev_by_place.get(n, []), q_by_place.get(n, [])) for n in names]
    places["events"] = [len(ev_by_place.get(n, [])) for n in names]
    places["quotes"] = [len(q_by_place.get(n, [])) for n in names]
    return places


def _popup_html(name_html, kind, mentions, evs, qs) -> str:
    head = f"<b>{name_html}</b> <span style='color:#666'>({E(str(kind))}, {mentions} mention{'s' if mentions != 1 else ''})</span>"
    if not evs and not qs:
        return head
    parts = [head]
    for ev in sorted(evs, key=lambda e: str(e["date"] or "9999"))[:8]:
        when = fmt_value(ev["date"], ev["date_precision"]) or "undated"
        parts.append(f"<br>• <b>{E(when)}</b> — {E(ev['kind'])}: {E(_short(ev['summary'], 110))}")
    for q in qs[:5]:
        parts.append(f"<br>« {E(_short(q['text'], 110))} » — {E(q['speaker'] or 'unknown')}")
    return "".join(parts)


@lru_cache(maxsize=65536)
def slugify(name: str) -> str:
    import re
    import unicodedata

    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()).strip("-")


def _short(text, n):
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


def map_features(view: View, colors: dict[str, str]) -> dict:
    """One GeoJSON FeatureCollection of the filtered places (radius by mentions, colour by first actor)."""
    import gc

    enabled = gc.isenabled()
    gc.disable()  # tens of thousands of small dicts: a collection mid-way would double the time
    try:
        return _map_features(view, colors)
    finally:
        if enabled:
            gc.enable()


def _map_features(view: View, colors: dict[str, str]) -> dict:
    places = aggregate_places(view.places)
    ev_by_place, q_by_place = _by_place(view)
    feats = []
    empty: list = []
    for name, kind, lat, lon, mentions in zip(*(places[c].tolist() for c in ("name", "kind", "lat", "lon", "mentions"))):
        if lat is None or lat != lat:
            continue
        evs, qs = ev_by_place.get(name, empty), q_by_place.get(name, empty)
        if evs or qs:
            actor = next((e["actors"][0] for e in evs if e["actors"]), None) or (qs[0]["speaker"] if qs else None)
            role, color = _role(evs, qs), colors.get(actor, NO_ACTOR)
        else:
            role, color = "mentioned", NO_ACTOR
        mentions = int(mentions)
        name_html = E(name)  # Leaflet tooltips and popups are HTML: article text is escaped here
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(float(lon), 5), round(float(lat), 5)]},
                      "properties": {"name": name, "name_html": name_html, "slug": slugify(name), "kind": kind, "role": role,
                                     "mentions": mentions, "radius": 6 + 3 * (mentions if mentions < 6 else 6), "color": color,
                                     "popup": _popup_html(name_html, kind, mentions, evs, qs)}})
    return {"type": "FeatureCollection", "features": feats}


@lru_cache(maxsize=1)
def _cache_branca_templates() -> None:
    """branca and folium compile a Jinja template for every element they create or render with a
    template string (~20 per map, 10–15 ms each), though the sources never change. Compile each
    source once per process: same output, a fraction of the time."""
    import importlib

    import jinja2

    @lru_cache(maxsize=512)
    def cached(source: str):
        return jinja2.Template(source)

    def template(source, *args, **kwargs):
        return cached(source) if not args and not kwargs and isinstance(source, str) else jinja2.Template(source, *args, **kwargs)

    for name in ("branca.element", "folium.features", "folium.map", "folium.folium", "folium.vector_layers",
                 "folium.elements", "folium.raster_layers", "folium.plugins"):
        try:
            mod = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(mod, "Template"):
            mod.Template = template


@lru_cache(maxsize=1)
def basemap() -> dict:
    """Natural Earth 1:110m country borders (public domain), shipped with the package."""
    with open(basemap_geojson_path(), encoding="utf-8") as fh:
        return json.load(fh)


_PLACES_OPTIONS = """{
  pointToLayer: function (feature, latlng) {
    var p = feature.properties;
    return L.circleMarker(latlng, {radius: p.radius, color: p.role === 'mentioned' ? '#555' : p.color, weight: 2,
      className: 'nm-place nm-place-' + p.slug, dashArray: p.role === 'said' ? '4 3' : null, fillColor: p.color,
      fillOpacity: p.role === 'happened' ? 0.75 : (p.role === 'said' ? 0.35 : 0.15)});
  },
  onEachFeature: function (feature, layer) {
    layer.bindTooltip(feature.properties.name_html);
    layer.bindPopup(feature.properties.popup, {maxWidth: 420});
  }
}"""
_BASEMAP_OPTIONS = """{style: {fillColor: '#eef0f3', color: '#9aa3ad', weight: 0.6, fillOpacity: 1, className: 'nm-country'},
  interactive: false}"""


def script_json(obj) -> str:
    """JSON safe inside <script>: no '<' survives, so nothing can close the tag."""
    return json.dumps(obj, ensure_ascii=False).replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@lru_cache(maxsize=1)
def basemap_json() -> str:
    return script_json(basemap())


@lru_cache(maxsize=1)
def _layer_class():
    """A Leaflet GeoJSON layer whose data and options are template *values*: its Jinja template is
    compiled once, whatever the number of features (folium's GeoJson writes per-feature JavaScript
    for styles and markers, slow to build at thousands of places)."""
    from branca.element import Element, MacroElement
    from jinja2 import Template

    class Raw(Element):
        """Already rendered JavaScript: branca would otherwise compile it again as a template."""

        def __init__(self, code: str):
            super().__init__()
            self.code = code

        def render(self, **kwargs):
            return self.code

    class GeoJsonLayer(MacroElement):
        _template = Template("""{% macro script(this, kwargs) %}
    var {{ this.get_name() }} = L.geoJSON({{ this.data_json }}, {{ this.options_js }}).addTo({{ this._parent.get_name() }});
{% endmacro %}""")

        def __init__(self, data_json: str, options_js: str, name: str):
            super().__init__()
            self._name = name
            self.data_json, self.options_js = data_json, options_js

        def render(self, **kwargs):
            self.get_root().script.add_child(Raw(self._template.module.script(self, kwargs)), name=self.get_name())

    return GeoJsonLayer


def build_map(features: dict, tiles: str | None = None, asset_base: str = LEAFLET_BASE, height: int = 560):
    """A folium map: vendored Leaflet (no CDN), Natural Earth basemap, one GeoJSON layer of places.

    ``tiles`` (``openstreetmap`` or ``carto``) adds an online tile layer: an opt-in setting.
    """
    import folium

    _cache_branca_templates()
    layer = _layer_class()
    m = folium.Map(tiles=None, zoom_control=True, prefer_canvas=False, height=height, world_copy_jump=True,
                   attribution_control=True)
    # per map, never the module-wide add_js_link: only our own copy of Leaflet
    m.default_js = [("leaflet", f"{asset_base}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{asset_base}/leaflet.css")]
    if tiles in TILES:
        url, attr = TILES[tiles]
        folium.TileLayer(url, attr=attr, name=tiles).add_to(m)
    m.add_child(layer(basemap_json(), _BASEMAP_OPTIONS, "basemap"))
    if features["features"]:
        m.add_child(layer(script_json(features), _PLACES_OPTIONS, "places"))
        lats = [f["geometry"]["coordinates"][1] for f in features["features"]]
        lons = [f["geometry"]["coordinates"][0] for f in features["features"]]
        pad = 2.0
        m.fit_bounds([[min(lats) - pad, min(lons) - pad], [max(lats) + pad, max(lons) + pad]])
    else:
        m.location, m.zoom_start = [30, 10], 2
    return m


_STANDALONE_JS = """
(function () {
  var map = L.map('nm-map', {worldCopyJump: true, zoomControl: true});
  L.geoJSON(%(basemap)s, %(basemap_options)s).addTo(map);
  var places = %(features)s;
  var layer = L.geoJSON(places, %(places_options)s).addTo(map);
  if (places.features.length) { map.fitBounds(layer.getBounds().pad(0.25)); } else { map.setView([30, 10], 2); }
  window.newsmapMap = map;
})();
"""


def leaflet_map_html(features: dict, height: int | None = None) -> str:
    """A map as plain HTML + Leaflet, without folium: for the briefing (Leaflet inlined by the caller)
    and the Overview's small map (Leaflet loaded from the app's own static files)."""
    js = _STANDALONE_JS % {"basemap": basemap_json(), "basemap_options": _BASEMAP_OPTIONS,
                           "features": script_json(features), "places_options": _PLACES_OPTIONS}
    style = f" style='height:{height}px'" if height else ""
    return f"<div id='nm-map' class='nm-map'{style}></div><script>{js}</script>"


def small_map_page(features: dict, height: int, asset_base: str = LEAFLET_BASE) -> str:
    """A whole HTML document for an iframe: Leaflet from the app's static files, no CDN."""
    return (f"<!doctype html><html><head><meta charset='utf-8'><link rel='stylesheet' href='{asset_base}/leaflet.css'>"
            f"<script src='{asset_base}/leaflet.js'></script><style>html,body{{margin:0}} .nm-map{{width:100%}}</style></head>"
            f"<body>{leaflet_map_html(features, height)}</body></html>")


# ---------------------------------------------------------------- timeline
def main_window(events: pd.DataFrame, published: list[str], days: int = 45) -> tuple[dt.date, dt.date]:
    """The article's main days: from the earliest day-precision event within ``days`` of publication
    to the latest publication date (older context is drawn apart)."""
    pubs = [dt.date.fromisoformat(p) for p in published] or [dt.date.today()]
    lo, hi = min(pubs), max(pubs)
    for _, ev in events.iterrows():
        a, b = date_bounds(ev["date"], ev["date_precision"], ev["date_end"])
        if a is None or ev["date_precision"] != "day":
            continue
        if (lo - a).days <= days:
            lo = min(lo, a)
        if (b - hi).days <= days:
            hi = max(hi, b)
    return lo - dt.timedelta(days=1), hi + dt.timedelta(days=1)


def timeline_rows(view: View) -> pd.DataFrame:
    rows = []
    for _, ev in view.events.iterrows():
        lo, hi = date_bounds(ev["date"], ev["date_precision"], ev["date_end"])
        if lo is None:
            continue
        rows.append({"uid": ev["uid"], "lane": event_actor(ev) or "(no actor)", "start": lo, "end": hi,
                     "precision": ev["date_precision"], "relation": ev["date_relation"] or "on", "kind": ev["kind"],
                     "summary": ev["summary"], "sentence": ev["sentence"], "places": ", ".join(ev["places"]),
                     "when": fmt_value(ev["date"], ev["date_precision"]) + (" (or before)" if ev["date_relation"] == "on_or_before" else ""),
                     "article": ev["article"]})
    return pd.DataFrame(rows)


def timeline_figure(view: View, colors: dict[str, str], show_context: bool = True):
    """Events on a date axis in lanes by actor. Day precision → a point; month/year → a span.
    Events older than the article's main days go to a narrow "context" panel on the left."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    rows = timeline_rows(view)
    lo, hi = main_window(view.events, list(view.articles["published"]))
    if rows.empty:
        fig = go.Figure()
        fig.add_annotation(text="No dated event for these filters", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
        fig.update_layout(height=260, xaxis={"visible": False}, yaxis={"visible": False})
        return fig
    rows["context"] = rows["end"] < lo
    context = rows[rows["context"]] if show_context else rows.iloc[0:0]
    main = rows[~rows["context"]]
    lanes = list(dict.fromkeys(sorted(rows["lane"], key=lambda n: (n == "(no actor)", list(colors).index(n) if n in colors else 999))))
    two = not context.empty
    fig = make_subplots(rows=1, cols=2 if two else 1, shared_yaxes=True, column_widths=[0.22, 0.78] if two else None,
                        horizontal_spacing=0.04, subplot_titles=("Earlier context", "Main days") if two else None)
    for col, part in ((1, context), (2 if two else 1, main)) if two else ((1, main),):
        for lane in lanes:
            sub = part[part["lane"] == lane]
            if sub.empty:
                continue
            color = colors.get(lane, NO_ACTOR)
            pts = sub[sub["precision"] == "day"]
            spans = sub[sub["precision"] != "day"]
            hover = "<b>%{customdata[0]}</b> — %{customdata[1]}<br>%{customdata[2]}<br><i>%{customdata[3]}</i><extra>%{customdata[4]}</extra>"

            def custom(df):
                return [[E(r.when), E(r.kind), E(_short(r.summary, 120)), E(_short(r.sentence, 160)), E(r.places or lane), r.uid]
                        for r in df.itertuples()]

            if not pts.empty:
                # several events of one actor on one day sit side by side within the day
                nth = pts.groupby("start").cumcount()
                size = pts.groupby("start")["start"].transform("size")
                xs = [pd.Timestamp(d) + pd.Timedelta(hours=24 * (k + 1) / (n + 1)) for d, k, n in zip(pts["start"], nth, size)]
                fig.add_trace(go.Scatter(
                    x=xs, y=[lane] * len(pts), mode="markers",
                    name=lane, legendgroup=lane, showlegend=col == (2 if two else 1),
                    marker={"size": 14, "color": color, "symbol": ["circle-open" if r == "on_or_before" else "circle" for r in pts["relation"]],
                            "line": {"width": 2, "color": color}},
                    customdata=custom(pts), hovertemplate=hover, ids=list(pts["uid"])), row=1, col=col)
            for r in spans.itertuples():
                fig.add_trace(go.Scatter(
                    x=[pd.Timestamp(r.start), pd.Timestamp(r.end) + pd.Timedelta(days=1)], y=[lane, lane], mode="lines+markers",
                    name=lane, legendgroup=lane, showlegend=False,
                    line={"width": 10, "color": color}, opacity=0.45, marker={"symbol": "line-ns", "size": 16, "color": color},
                    customdata=custom(pd.DataFrame([r._asdict()])) * 2, hovertemplate=hover, ids=[r.uid, r.uid + "#end"]),
                    row=1, col=col)
    main_col = 2 if two else 1
    fig.update_xaxes(range=[pd.Timestamp(lo), pd.Timestamp(hi) + pd.Timedelta(days=1)], row=1, col=main_col,
                     dtick=86400000, tickformat="%a %d %b", showgrid=True)
    if two:
        c_lo, c_hi = min(context["start"]), max(context["end"])
        fig.update_xaxes(tickformat="%Y", dtick="M12", row=1, col=1, showgrid=True,
                         range=[pd.Timestamp(c_lo) - pd.Timedelta(days=45), pd.Timestamp(c_hi) + pd.Timedelta(days=45)])
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(lanes)), automargin=True)
    fig.update_layout(height=max(280, 70 + 46 * len(lanes)), margin={"l": 10, "r": 10, "t": 40, "b": 30},
                      legend={"orientation": "h", "y": -0.15}, hovermode="closest", plot_bgcolor="white")
    return fig


def png_filename(summary: str, prefix: str = "newsmap-timeline") -> str:
    import re

    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", summary).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()[:80]
    return f"{prefix}-{slug}" if slug else prefix


def plotly_config(summary: str) -> dict:
    """Modebar PNG export at 2× with the filters in the file name; no link to plotly's cloud."""
    return {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2, "filename": png_filename(summary)},
            "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


# ---------------------------------------------------------------- story, quotes, citations
def story(view: View) -> list[dict]:
    """Events in date order, one line each (undated ones last)."""
    out = []
    for _, ev in view.events.iterrows():
        lo, _hi = date_bounds(ev["date"], ev["date_precision"], ev["date_end"])
        when = fmt_value(ev["date"], ev["date_precision"])
        if ev["date_relation"] == "on_or_before" and when:
            when = f"by {when}"
        out.append({"uid": ev["uid"], "article": ev["article"], "sentence_start": ev["sentence_start"],
                    "sort": lo or dt.date.max, "when": when or "undated", "kind": ev["kind"],
                    "actor": event_actor(ev), "summary": _short(ev["summary"], 160), "places": ev["places"],
                    "asserted_by": ev["asserted_by"]})
    return sorted(out, key=lambda r: (r["sort"], r["uid"]))


def quote_groups(view: View) -> list[tuple[str, pd.DataFrame]]:
    """Quotes grouped by speaker, most-quoted first, in text order inside a group."""
    q = view.quotes.copy()
    q["speaker"] = q["speaker"].fillna("(unattributed)")
    order = q["speaker"].value_counts()
    groups = []
    for name in sorted(order.index, key=lambda n: (-order[n], n == "(unattributed)", n)):
        groups.append((name, q[q["speaker"] == name].sort_values(["article", "start"])))
    return groups


def when_said(q) -> str:
    """The date a quote was said; "(or before)" when it is only the publication day."""
    when = fmt_value(q["date"], q["date_precision"])
    return when + " (or before)" if when and q.get("date_relation") == "on_or_before" else when


def citation(q, article) -> str:
    """« … » — Sergueï Lavrov, Rio de Janeiro, 19 Nov 2024, “title” (outlet), published …"""
    bits = [f"« {q['text']} »", "—", q["speaker"] or "unattributed"]
    tail = [x for x in (q["place"], when_said(q)) if x]
    src = f"“{article['title']}”" + (f" ({article['source']})" if article.get("source") else "")
    src += f", published {fmt_day(dt.date.fromisoformat(article['published']))}"
    if article.get("url"):
        src += f", {article['url']}"
    return " ".join(bits[:2]) + " " + ", ".join([bits[2], *tail, src])


def sentence_anchor(article_id: str, start: int) -> str:
    return f"s-{article_id}-{int(start)}"


# ---------------------------------------------------------------- annotated article
_STYLE = {"quote": "background:#fff3bf", "actor": "border-bottom:2px solid {c}", "place": "background:#d3f9d8",
          "date": "background:#d0ebff"}


def article_html(text: str, article_id: str, quotes: pd.DataFrame, places: pd.DataFrame, actors: pd.DataFrame,
                 dates: pd.DataFrame, colors: dict[str, str], sentences: list[tuple[int, int]]) -> str:
    """The article as escaped HTML, quotes/actors/places/dates highlighted, one anchor per sentence."""
    marks: list[tuple[int, int, str, str]] = []
    for _, q in quotes.iterrows():
        marks.append((int(q["start"]), int(q["end"]), "quote", f"{q['kind']} quote — {q['speaker'] or 'unattributed'}"))
    for _, p in places.iterrows():
        for s, e in p["spans"] or []:
            marks.append((s, e, "place", f"place — {p['name']}"))
    for _, d in dates.iterrows():
        marks.append((int(d["start"]), int(d["end"]), "date", f"date — {d['value'] or 'invalid'}"))
    for _, a in actors.iterrows():
        for s, e in a["spans"] or []:
            marks.append((s, e, "actor:" + a["name"], f"{a['kind']} — {a['name']}"))
    # keep non-overlapping marks, longest first within a region; quotes may contain the others
    events = {}
    for s, e, kind, title in marks:
        events.setdefault(s, []).append((e, kind, title))
    starts = {s for s, _e in sentences}
    out = []
    cuts = sorted({0, len(text), *[m[0] for m in marks], *[m[1] for m in marks], *starts})
    active: list[tuple[int, str]] = []
    for a, b in zip(cuts, cuts[1:]):
        while active and active[-1][0] <= a:
            out.append("</span>")
            active.pop()
        if a in starts:
            out.append(f"<a id='{sentence_anchor(article_id, a)}'></a>")
        for e, kind, title in sorted(events.get(a, []), key=lambda t: -t[0]):
            if active and e > active[-1][0]:
                continue  # would cross a mark already open
            if kind.startswith("actor:"):
                style = _STYLE["actor"].format(c=colors.get(kind[6:], NO_ACTOR))
            else:
                style = _STYLE[kind]
            out.append(f"<span class='nm-{E(kind.split(':')[0])}' title='{E(title)}' style='{style}'>")
            active.append((e, kind))
        out.append(E(text[a:b]).replace("\n", "<br>\n"))
    out.extend("</span>" for _ in active)
    return "".join(out)
