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
    for ev in _records(view.events, ["places", "actors", "kind", "date", "date_precision", "summary", "article", "sentence_start"]):
        for p in ev["places"]:
            ev_by_place.setdefault(p, []).append(ev)
    q_by_place: dict[str, list] = {}
    for q in _records(view.quotes, ["place", "speaker", "text", "article", "sentence_start"]):
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


def _popup_source(item, sources: dict, link_query: dict | None) -> str:
    """The article an item comes from, linked to its sentence (a new tab: the map is in a frame)."""
    label = sources.get(item["article"], "")
    if not label:
        return ""
    if link_query is None:
        return f"<br><span style='color:#777;font-size:11px'>{E(label)}</span>"
    return (f"<br><a href='{E(sentence_link(link_query, item['article'], item['sentence_start']))}' target='_blank' "
            f"style='color:#777;font-size:11px'>{E(label)} ↗</a>")


def _popup_html(name_html, kind, mentions, evs, qs, sources=None, link_query=None, n_evs=None, n_qs=None) -> str:
    head = f"<b>{name_html}</b> <span style='color:#666'>({E(str(kind))}, {mentions} mention{'s' if mentions != 1 else ''})</span>"
    if not evs and not qs:
        return head
    sources = sources or {}
    parts = [head]
    for ev in sorted(evs, key=lambda e: str(e["date"] or "9999"))[:6]:
        when = fmt_value(ev["date"], ev["date_precision"]) or "undated"
        parts.append(f"<br>• <b>{E(when)}</b> — {E(ev['kind'])}: {E(_short(ev['summary'], 110))}{_popup_source(ev, sources, link_query)}")
    for q in qs[:4]:
        parts.append(f"<br>« {E(_short(q['text'], 110))} » — {E(q['speaker'] or 'unknown')}{_popup_source(q, sources, link_query)}")
    n_evs, n_qs = len(evs) if n_evs is None else n_evs, len(qs) if n_qs is None else n_qs
    more = n_evs - min(len(evs), 6) + n_qs - min(len(qs), 4)
    if more:
        parts.append(f"<br><i>+{more} more: click the place for the full list</i>")
    return "".join(parts)


@lru_cache(maxsize=65536)
def slugify(name: str) -> str:
    import re
    import unicodedata

    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()).strip("-")


def _short(text, n):
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


def map_features(view: View, colors: dict[str, str], link_query: dict | None = None, label_top: int = 12,
                 popup_top: int = 200) -> dict:  # MAP_POPUPS
    """One GeoJSON FeatureCollection of the filtered places (radius by mentions, colour by first
    actor; the ``label_top`` places with most events and quotes carry a label). With ``link_query``
    (the view's filters) popups link each item to its sentence in the Article page. Past the
    ``popup_top`` busiest places a popup only counts what is there (clicking the place lists it
    beside the map): the payload stays small at thousands of places."""
    import gc

    enabled = gc.isenabled()
    gc.disable()  # tens of thousands of small dicts: a collection mid-way would double the time
    try:
        return _map_features(view, colors, link_query, label_top, popup_top)
    finally:
        if enabled:
            gc.enable()


def _map_features(view: View, colors: dict[str, str], link_query, label_top, popup_top) -> dict:
    places = aggregate_places(view.places)
    ev_by_place, q_by_place = _by_place(view)
    sources = _article_sources(view)
    counts = view.place_counts  # None: the tables hold every event and quote of the view
    feats, items = [], []
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
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(float(lon), 4), round(float(lat), 4)]},
                      "properties": {"name": name, "name_html": name_html, "slug": slugify(name), "kind": kind, "role": role,
                                     "mentions": mentions, "radius": 6 + 3 * (mentions if mentions < 6 else 6), "color": color,
                                     "items": 0, "label": False}})
        n_evs, n_qs = counts.get(name, (0, 0)) if counts is not None else (len(evs), len(qs))
        feats[-1]["properties"]["items"] = n_evs + n_qs
        items.append((evs, qs, n_evs, n_qs))
    ranked = sorted(range(len(feats)), key=lambda i: (-feats[i]["properties"]["items"], -feats[i]["properties"]["mentions"],
                                                      feats[i]["properties"]["name"]))
    for rank, i in enumerate(ranked):
        p = feats[i]["properties"]
        p["label"], p["rank"] = rank < label_top, rank  # the most important places lead their cluster
        evs, qs, n_evs, n_qs = items[i]
        if rank < popup_top:
            p["popup"] = _popup_html(p["name_html"], p["kind"], p["mentions"], evs, qs, sources, link_query, n_evs, n_qs)
        else:
            p["popup"] = _popup_html(p["name_html"], p["kind"], p["mentions"], [], []) + (
                f"<br>{n_evs} event{'s' if n_evs != 1 else ''} · {n_qs} quote{'s' if n_qs != 1 else ''}"
                " — click the place to list them" if n_evs or n_qs else "")
    return {"type": "FeatureCollection", "features": feats}


MAP_PLACES = 800    # markers on the Map page: the view's most mentioned places (its payload stays well under 2 MB)
MAP_POPUPS = 200    # of which the busiest list their events and quotes in the popup (map_features' popup_top)
TABLE_ROWS = 500    # rows of a table shown on a page (downloads hold every row)


def map_caption(shown: int, total: int) -> str:
    """The line above the map: how many places are drawn, and how many more the view has."""
    head = f"{shown} place{'s' if shown != 1 else ''}"
    if total > shown:
        more = total - shown
        head = (f"The {shown} most mentioned places · {more} more place{'s' if more != 1 else ''} not drawn "
                "(narrow the filters to see them)")
    return f"{head} · click a place to see what happened and was said there"


def map_bounds(features: dict) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the places, or None when there are none."""
    pts = [f["geometry"]["coordinates"] for f in features["features"]]
    if not pts:
        return None
    return [[min(p[1] for p in pts), min(p[0] for p in pts)], [max(p[1] for p in pts), max(p[0] for p in pts)]]


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


# The places layer, shared by the Map page (folium), the Overview's small map and the briefing:
# markers in one feature group (clicks reach st_folium through it), overlapping markers merged into a
# numbered cluster (click: zoom in), labels on the main places where they do not collide, a legend.
_PLACES_JS = r"""
function nmPlaces(map, fc, opts) {
  opts = opts || {};
  if (!document.getElementById('nm-places-css')) {
    var css = document.createElement('style');
    css.id = 'nm-places-css';
    css.textContent = '.nm-label{font:600 11px/14px system-ui,sans-serif;color:#1d2733;white-space:nowrap;' +
      'text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff,0 0 4px #fff;pointer-events:none}' +
      '.nm-cluster{background:rgba(37,52,70,.82);color:#fff;border:2px solid #fff;border-radius:50%;font:700 12px system-ui,sans-serif;' +
      'display:flex;align-items:center;justify-content:center;box-shadow:0 0 0 1px rgba(37,52,70,.5)}' +
      '.nm-legend{background:rgba(255,255,255,.92);padding:6px 8px;border-radius:4px;font:11px/1.45 system-ui,sans-serif;color:#222;' +
      'box-shadow:0 0 0 1px rgba(0,0,0,.15);max-width:190px}.nm-legend svg{vertical-align:middle;margin-right:4px}';
    document.head.appendChild(css);
  }
  var group = L.featureGroup().addTo(map), labels = L.layerGroup().addTo(map);
  var markers = fc.features.map(function (f) {
    var p = f.properties;
    var m = L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {radius: p.radius,
      color: p.role === 'mentioned' ? '#555' : p.color, weight: 2, className: 'nm-place nm-place-' + p.slug,
      dashArray: p.role === 'said' ? '4 3' : null, fillColor: p.color,
      fillOpacity: p.role === 'happened' ? 0.75 : (p.role === 'said' ? 0.35 : 0.15)});
    m.bindTooltip(p.name_html);
    m.bindPopup(p.popup, {maxWidth: 360});
    m.nm = p;
    return m;
  }).sort(function (a, b) { return a.nm.rank - b.nm.rank; });
  function fits(box, boxes) {
    for (var i = 0; i < boxes.length; i++) {
      var o = boxes[i];
      if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) { return false; }
    }
    return true;
  }
  function inside(box, pt, ll) {  // the whole label within the map's frame (not cut at its edge)
    var c = map.latLngToContainerPoint(ll), size = map.getSize(), dx = c.x - pt.x, dy = c.y - pt.y;
    return box[0] + dx >= 2 && box[2] + dx <= size.x - 2 && box[1] + dy >= 2 && box[3] + dy <= size.y - 2;
  }
  function label(ll, r, html, text, boxes) {  // right of the marker, else left, above, below; never over another label
    var pt = map.latLngToLayerPoint(ll), w = 6.5 * text.length + 6, x = pt.x, y = pt.y;
    var spots = [[[x + r + 2, y - 8, x + r + 2 + w, y + 8], [-(r + 3), 8]], [[x - r - 2 - w, y - 8, x - r - 2, y + 8], [r + 3 + w, 8]],
                 [[x - w / 2, y - r - 18, x + w / 2, y - r - 2], [w / 2, r + 18]], [[x - w / 2, y + r + 2, x + w / 2, y + r + 18], [w / 2, -(r + 2)]]];
    for (var i = 0; i < spots.length; i++) {
      if (!fits(spots[i][0], boxes) || !inside(spots[i][0], pt, ll)) { continue; }
      boxes.push(spots[i][0]);
      labels.addLayer(L.marker(ll, {interactive: false, keyboard: false,
        icon: L.divIcon({className: 'nm-label', html: html, iconSize: null, iconAnchor: spots[i][1]})}));
      return;
    }
  }
  function draw() {
    group.clearLayers(); labels.clearLayers();
    var clusters = [], zoom = map.getZoom(), split = zoom >= (opts.clusterUntil || 8);
    markers.forEach(function (m) {
      var pt = map.latLngToLayerPoint(m.getLatLng());
      for (var i = 0; !split && i < clusters.length; i++) {
        var c = clusters[i];
        if (c.pt.distanceTo(pt) < Math.max(c.lead.nm.radius + m.nm.radius - 2, 26)) { c.members.push(m); return; }
      }
      clusters.push({pt: pt, lead: m, members: [m]});
    });
    clusters.forEach(function (c) { c.size = 22 + Math.min(14, 3 * Math.log2(c.members.length)); });
    var boxes = clusters.map(function (c) {  // a whole cluster, the core of a marker: labels do not hide them
      var r = c.members.length > 1 ? c.size / 2 + 2 : 0.6 * c.lead.nm.radius;  // + its 2 px border
      return [c.pt.x - r, c.pt.y - r, c.pt.x + r, c.pt.y + r];
    });
    clusters.slice().reverse().forEach(function (c) {
      if (c.members.length === 1) { group.addLayer(c.lead); return; }
      var n = c.members.length, s = c.size;
      var names = c.members.slice(0, 6).map(function (m) { return m.nm.name_html; }).join(', ') + (n > 6 ? ', …' : '');
      var k = L.marker(c.lead.getLatLng(), {icon: L.divIcon({className: 'nm-cluster', html: String(n), iconSize: [s, s]})});
      k.bindTooltip(n + ' places here: ' + names + ' (click to zoom in)');
      k.on('click', function () {
        map.fitBounds(L.latLngBounds(c.members.map(function (m) { return m.getLatLng(); })), {padding: [40, 40], maxZoom: zoom + 3});
      });
      group.addLayer(k);
    });
    clusters.forEach(function (c) {
      if (!c.lead.nm.label) { return; }
      var n = c.members.length, more = n > 1 ? ' +' + (n - 1) : '';
      label(c.lead.getLatLng(), n > 1 ? c.size / 2 + 2 : c.lead.nm.radius, c.lead.nm.name_html + more, c.lead.nm.name + more, boxes);
    });
  }
  map.on('zoomend', draw);
  map.whenReady(draw);
  if (opts.legend !== false) {
    var legend = L.control({position: 'bottomleft'});
    legend.onAdd = function () {
      var d = L.DomUtil.create('div', 'nm-legend');
      function dot(fill, dash, op) {
        return '<svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="#1f77b4" fill-opacity="' + op +
          '" stroke="' + (fill ? '#1f77b4' : '#555') + '" stroke-width="2"' + (dash ? ' stroke-dasharray="3 2"' : '') + '/></svg>';
      }
      d.innerHTML = '<b>Places</b><br>' + dot(1, 0, 0.75) + 'something happened there<br>' + dot(1, 1, 0.35) +
        'something was said there<br>' + dot(0, 0, 0.15) + 'only mentioned<br>' +
        '<span style="color:#555">size = mentions · colour = main actor</span><br>' +
        '<svg width="14" height="14"><circle cx="7" cy="7" r="6" fill="rgba(37,52,70,.82)"/></svg>several places (click)';
      L.DomEvent.disableClickPropagation(d);
      return d;
    };
    legend.addTo(map);
  }
  return group;
}
"""
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
    {% if this.factory == "nmPlaces" %}{{ this.prelude }}
    var {{ this.get_name() }} = nmPlaces({{ this._parent.get_name() }}, {{ this.data_json }}, {{ this.options_js }});
    {% else %}var {{ this.get_name() }} = L.geoJSON({{ this.data_json }}, {{ this.options_js }}).addTo({{ this._parent.get_name() }});{% endif %}
{% endmacro %}""")

        def __init__(self, data_json: str, options_js: str, name: str, factory: str = "L.geoJSON", prelude: str = ""):
            super().__init__()
            self._name = name
            self.data_json, self.options_js, self.factory, self.prelude = data_json, options_js, factory, prelude

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
    bounds = map_bounds(features)
    if bounds:
        # the function travels with the layer's own script: st_folium evaluates the map's scripts only
        m.add_child(layer(script_json(features), "{}", "places", factory="nmPlaces", prelude=_PLACES_JS))
        # fitted to the places, in pixels of padding; one place is not zoomed to a street
        m.fit_bounds(bounds, padding=(30, 30), max_zoom=6)
    else:
        m.location, m.zoom_start = [30, 10], 2
    return m


_STANDALONE_JS = """
(function () {
  var map = L.map('nm-map', {worldCopyJump: true, zoomControl: true});
  L.geoJSON(%(basemap)s, %(basemap_options)s).addTo(map);
  var places = %(features)s;
  if (places.features.length) {
    var b = places.features.map(function (f) { return [f.geometry.coordinates[1], f.geometry.coordinates[0]]; });
    map.fitBounds(L.latLngBounds(b), {padding: [24, 24], maxZoom: 6});
    nmPlaces(map, places, %(options)s);
  } else { map.setView([30, 10], 2); }
  window.newsmapMap = map;
})();
"""


def _map_script(features: dict, legend: bool) -> str:
    """The JavaScript that draws the basemap and the places into ``#nm-map`` (Leaflet already loaded)."""
    return _PLACES_JS + _STANDALONE_JS % {"basemap": basemap_json(), "basemap_options": _BASEMAP_OPTIONS,
                                          "features": script_json(features), "options": script_json({"legend": legend})}


def leaflet_map_html(features: dict, height: int | None = None, legend: bool = True) -> str:
    """A map as plain HTML + Leaflet, without folium: for the briefing (Leaflet inlined by the caller)."""
    style = f" style='height:{height}px'" if height else ""
    return f"<div id='nm-map' class='nm-map'{style}></div><script>{_map_script(features, legend)}</script>"


def small_map_page(features: dict, height: int, asset_base: str = LEAFLET_BASE, legend: bool = False) -> str:
    """A whole HTML document for an iframe: Leaflet from the app's static files, no CDN. The iframe
    shares the page's main thread: Leaflet is loaded and the map drawn once that thread is idle, after
    the page around it (``data-drawn`` on the map's element says it is drawn)."""
    draw = (f"function nmDraw() {{ {_map_script(features, legend)} document.getElementById('nm-map').dataset.drawn = '1'; }}"
            "(window.requestIdleCallback || function (f) { setTimeout(f, 50); })(function () {"
            f" var s = document.createElement('script'); s.src = '{asset_base}/leaflet.js'; s.onload = nmDraw;"
            " document.head.appendChild(s); }, {timeout: 2000});")
    return (f"<!doctype html><html><head><meta charset='utf-8'><link rel='stylesheet' href='{asset_base}/leaflet.css'>"
            "<style>html,body{margin:0} .nm-map{width:100%}</style></head>"
            f"<body><div id='nm-map' class='nm-map' style='height:{height}px'></div><script>{draw}</script></body></html>")


# ---------------------------------------------------------------- timeline
def main_window(events: pd.DataFrame, published: list[str], days: int = 45) -> tuple[dt.date, dt.date]:
    """The article's main days: from the earliest day-precision event within ``days`` of publication
    to the latest publication date (older context is drawn apart)."""
    pairs = (date_bounds(date, prec, date_end) for date, prec, date_end in
             zip(events["date"].tolist(), events["date_precision"].tolist(), events["date_end"].tolist()) if prec == "day")
    return window_from(pairs, published, days)


def window_from(pairs, published: list[str], days: int = 45) -> tuple[dt.date, dt.date]:
    """:func:`main_window` from the (first, last) days of the day-precision events, in corpus order
    (a day within ``days`` of the window widens it, and the next is compared with the wider one).
    Only events starting before the first publication or ending after the last one can widen it."""
    pubs = [dt.date.fromisoformat(str(p)[:10]) for p in published if p] or [dt.date.today()]
    lo, hi = min(pubs), max(pubs)
    for a, b in pairs:
        if a is None:
            continue
        if (lo - a).days <= days:
            lo = min(lo, a)
        if (b - hi).days <= days:
            hi = max(hi, b)
    return lo - dt.timedelta(days=1), hi + dt.timedelta(days=1)


OTHER_LANE = "Other actors"
NO_ACTOR_LANE = "(no actor)"
AGGREGATE_ABOVE = 2000   # past this many dated points the timeline draws counts per day/week/month
WEBGL_ABOVE = 800        # past this many points a lane is drawn with WebGL (Scattergl)
LABEL_AT_MOST = 150      # short text labels only on timelines with at most this many points


def _article_sources(view: View) -> dict[str, str]:
    """article id → "Outlet · “Title” · 20 Nov 2024" (what a hover or a card cites)."""
    return {aid: source_label(o, t, p) for aid, o, t, p in
            zip(view.articles["id"], view.articles["source"], view.articles["title"], view.articles["published"])}


def timeline_rows(view: View) -> pd.DataFrame:
    return event_rows(view.events, _article_sources(view))


def event_rows(ev: pd.DataFrame, sources: dict[str, str]) -> pd.DataFrame:
    """One row per dated event (columns of :data:`TIMELINE_COLUMNS`), in the order of ``ev``."""
    rows = []
    n_sources = ev["n_sources"].tolist() if "n_sources" in ev.columns else [None] * len(ev)
    for uid, actors, date, prec, date_end, rel, kind, summary, sentence, places, art, n in zip(*(ev[c].tolist() for c in (
            "uid", "actors", "date", "date_precision", "date_end", "date_relation", "kind", "summary", "sentence", "places", "article")),
            n_sources):
        lo, hi = date_bounds(date, prec, date_end)
        if lo is None:
            continue
        actor = actors[0] if isinstance(actors, list) and actors else None
        source = " · ".join(x for x in (sources.get(art, ""), reported_by(n)) if x)
        rows.append((uid, actor or NO_ACTOR_LANE, actor, lo, hi, prec, rel or "on", kind, summary, sentence, ", ".join(places or []),
                     fmt_value(date, prec) + (" (or before)" if rel == "on_or_before" else ""), art, source))
    return pd.DataFrame(rows, columns=TIMELINE_COLUMNS)


TIMELINE_COLUMNS = ["uid", "lane", "actor", "start", "end", "precision", "relation", "kind", "summary", "sentence", "places", "when",
                    "article", "source"]


def fold_lanes(lanes: pd.Series, top: int) -> tuple[pd.Series, list[str]]:
    """Keep the ``top`` busiest lanes of the view (most events first), fold the others into one
    "Other actors" lane (drawn last). Returns the new lane of each row and the lane order."""
    order = lane_order(lanes.value_counts(sort=False).to_dict(), top)
    return lanes.where(lanes.isin(order), OTHER_LANE), order


def lane_order(counts: dict[str, int], top: int) -> list[str]:
    """The lanes drawn, from the number of events of each: the ``top`` busiest, then "Other actors"."""
    order = sorted(counts, key=lambda n: (-counts[n], n == NO_ACTOR_LANE, n))
    keep = order[:top] if len(order) > top + 1 else order  # folding a single lane would save nothing
    return keep + ([OTHER_LANE] if len(keep) < len(order) else [])


_DAY_MS = 86400000
_TICKS = [  # (approximate step in days, plotly dtick, tick format): the first step giving few enough ticks wins
    (1, _DAY_MS, "%a %d<br>%b"), (2, 2 * _DAY_MS, "%a %d<br>%b"), (7, 7 * _DAY_MS, "%d<br>%b"), (14, 14 * _DAY_MS, "%d<br>%b"),
    (30.4, "M1", "%b<br>%Y"), (61, "M2", "%b<br>%Y"), (91, "M3", "%b<br>%Y"), (182, "M6", "%b<br>%Y"),
    (365, "M12", "%Y"), (730, "M24", "%Y"), (1826, "M60", "%Y"), (3652, "M120", "%Y")]


def axis_for_span(lo: dt.date, hi: dt.date, max_ticks: int = 7) -> dict:
    """Tick spacing and format for a date axis covering lo..hi — days, weeks, months, quarters or
    years — with at most about ``max_ticks`` labels, so they stay apart even at phone width."""
    days = max(1, (hi - lo).days + 1)
    step, dtick, fmt = next((t for t in _TICKS if days / t[0] <= max_ticks), _TICKS[-1])
    out = {"dtick": dtick, "tickformat": fmt}
    if step == 7 or step == 14:  # weeks start on Mondays
        out["tick0"] = (lo - dt.timedelta(days=lo.weekday())).isoformat()
    if isinstance(dtick, str) and step < 365:  # thin month lines between labelled months
        out["minor"] = {"dtick": "M1", "showgrid": True, "gridcolor": "#f3f3f3"}
    return out


def bucket_for_span(lo: dt.date, hi: dt.date) -> str:
    """The aggregation step for a span: 'day' up to three months, 'week' up to three years, else 'month'."""
    days = (hi - lo).days
    return "day" if days <= 92 else "week" if days <= 3 * 366 else "month"


def _bucket_start(d: dt.date, step: str) -> dt.date:
    if step == "year":
        return d.replace(month=1, day=1)
    if step == "week":
        return d - dt.timedelta(days=d.weekday())
    if step == "month":
        return d.replace(day=1)
    return d


def _bucket_end(d: dt.date, step: str) -> dt.date:
    if step == "year":
        return d.replace(month=12, day=31)
    if step == "week":
        return d + dt.timedelta(days=6)
    if step == "month":
        return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1) - dt.timedelta(days=1)
    return d


def label_mask(days: list[float], span_days: float, slots: int = 7) -> list[bool]:
    """Which points of one lane get a text label: left to right, a label only where the previous
    labelled point is at least span/slots away, so labels do not run into each other."""
    gap = max(span_days / slots, 1e-9)
    out, last = [], None
    for x in days:
        ok = last is None or x - last >= gap
        out.append(ok)
        if ok:
            last = x
    return out


def short_lane(name: str, n: int = 22) -> str:
    return name if len(name) <= n else name[: n - 1].rstrip() + "…"


_HOVER = ("<b>%{customdata[0]}</b> — %{customdata[1]}<br>%{customdata[2]}<br><i>%{customdata[3]}</i>"
          "<br><span style='color:#555'>%{customdata[7]}</span><extra>%{customdata[6]}</extra>")


def _custom(df: pd.DataFrame) -> list[list]:
    return [[E(w), E(k), E(_short(s, 120)), E(_short(t, 160)), E(p), u, E(a if isinstance(a, str) else NO_ACTOR_LANE), E(src if isinstance(src, str) else "")]
            for w, k, s, t, p, u, a, src in zip(df["when"], df["kind"], df["summary"], df["sentence"], df["places"], df["uid"],
                                                df["actor"], df["source"])]


def _point_traces(part: pd.DataFrame, lane: str, colors, span_days: float, gl: bool, labels: bool) -> list:
    import plotly.graph_objects as go

    color = colors.get(lane, NO_ACTOR)
    point_colors = [colors.get(a, NO_ACTOR) if isinstance(a, str) else NO_ACTOR for a in part["actor"]] if lane == OTHER_LANE else color
    # several events of one lane on one day sit side by side within the day
    nth = part.groupby("start").cumcount()
    size = part.groupby("start")["start"].transform("size")
    xs = [pd.Timestamp(d) + pd.Timedelta(hours=24 * (k + 1) / (n + 1)) for d, k, n in zip(part["start"], nth, size)]
    trace = go.Scattergl if gl else go.Scatter
    kw = {}
    if labels and not gl:
        x0 = min(xs)
        mask = label_mask([(x - x0).total_seconds() / 86400 for x in sorted(xs)], span_days)
        order = sorted(range(len(xs)), key=lambda i: xs[i])
        text = [""] * len(xs)
        kinds = list(part["kind"])
        for i, ok in zip(order, mask):
            text[i] = _short(kinds[i], 14) if ok else ""
        kw = {"mode": "markers+text", "text": text, "textposition": "bottom center", "textfont": {"size": 10, "color": "#444"}}
    if not gl:
        kw["cliponaxis"] = False  # a label at the edge is not cut
    return [trace(x=xs, y=[lane] * len(part), mode=kw.pop("mode", "markers"), name=lane, showlegend=False,
                  marker={"size": 13 if not gl else 9, "color": point_colors,
                          "symbol": ["circle-open" if r == "on_or_before" else "circle" for r in part["relation"]],
                          "line": {"width": 2, "color": point_colors}},
                  customdata=_custom(part), hovertemplate=_HOVER, **kw)]


def _span_trace(part: pd.DataFrame, lane: str, colors) -> list:
    """All month/year spans of one lane in one trace (gaps between them), not one trace per event."""
    import plotly.graph_objects as go

    xs, ys, custom = [], [], []
    for c, (s, e) in zip(_custom(part), zip(part["start"], part["end"])):
        xs += [pd.Timestamp(s), pd.Timestamp(e) + pd.Timedelta(days=1), None]
        ys += [lane, lane, None]
        custom += [c, c, c]
    color = colors.get(lane, NO_ACTOR)
    return [go.Scatter(x=xs, y=ys, mode="lines+markers", name=lane, showlegend=False, connectgaps=False,
                       line={"width": 10, "color": color}, opacity=0.45, marker={"symbol": "line-ns", "size": 16, "color": color},
                       customdata=custom, hovertemplate=_HOVER)]


_STEP_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365}


def bucket_rows(part: pd.DataFrame, step: str) -> pd.DataFrame:
    """Event rows (lane already folded) counted per lane, bucket and kind: ``n`` events, ``vague``
    of them dated only by month or year, ``first`` the position of the first (kinds are listed
    most frequent first, ties in order of appearance). What the store computes in SQL."""
    df = pd.DataFrame({"lane": part["lane"].values, "bucket": [_bucket_start(d, step) for d in part["start"]],
                       "kind": part["kind"].values, "vague": (part["precision"] != "day").values, "first": range(len(part))})
    g = df.groupby(["lane", "bucket", "kind"], sort=False, dropna=False)
    return g.agg(n=("first", "size"), vague=("vague", "sum"), first=("first", "min")).reset_index()


def _bucket_traces(part: pd.DataFrame, lane: str, colors, step: str, span_days: float = 365, biggest: int = 1) -> list:
    """Counts per day/week/month/year for one lane (rows of :func:`bucket_rows`): one bubble per
    bucket (an event of month or year precision counts in the bucket of its first day); a click
    filters to the bucket's dates. The ``biggest`` bucket of the figure gets the largest bubble that
    fits between two buckets."""
    import plotly.graph_objects as go
    from collections import Counter

    kinds: dict[dt.date, Counter] = {}
    vague: Counter = Counter()
    for b, kind, n, v, _first in sorted(zip(part["bucket"], part["kind"], part["n"], part["vague"], part["first"]),
                                        key=lambda r: (r[0], r[4])):
        kinds.setdefault(b, Counter())[kind] += int(n)
        vague[b] += int(v)
    custom, xs, sizes = [], [], []
    half = {"day": 12, "week": 84, "month": 360, "year": 4380}[step]
    for b in sorted(kinds):
        n = sum(kinds[b].values())
        when = {"week": f"week of {fmt_day(b)}", "month": fmt_value(b.isoformat()[:7], "month"), "year": str(b.year)}.get(step, fmt_day(b))
        top = ", ".join(f"{k} ({c})" for k, c in kinds[b].most_common(3))
        note = f"{vague[b]} dated only by month or year · " if vague[b] else ""
        custom.append([E(when), f"{n} event{'s' if n != 1 else ''}", E(top), f"{note}click to filter to these dates", "",
                       f"range:{b.isoformat()}:{_bucket_end(b, step).isoformat()}", E(lane), ""])
        xs.append(pd.Timestamp(b) + pd.Timedelta(hours=half))
        sizes.append(n)
    top = max(6.0, min(30.0, 1000 * _STEP_DAYS[step] / max(span_days, 1)))  # ~1000 px of axis
    sizes = [max(4.0, min(top, top * (n / max(biggest, 1)) ** 0.5)) for n in sizes]
    color = colors.get(lane, NO_ACTOR)
    return [go.Scattergl(x=xs, y=[lane] * len(xs), mode="markers", name=lane, showlegend=False,
                         marker={"size": sizes, "color": color, "opacity": 0.7, "line": {"width": 1, "color": color}},
                         customdata=custom, hovertemplate=_HOVER)]


def timeline_parts(rows: pd.DataFrame, lo: dt.date, hi: dt.date, max_lanes: int = 10, show_context: bool = True) -> dict:
    """What :func:`timeline_figure` draws, from the event rows of the view (:func:`event_rows`) and
    the main window (:func:`main_window`): lanes, the main and context parts — event rows, or rows
    of :func:`bucket_rows` past :data:`AGGREGATE_ABOVE` events — and the date axis' bounds."""
    raw = rows["lane"]
    rows = rows.assign(lane=fold_lanes(raw, max_lanes)[0])
    lanes = lane_order(raw.value_counts(sort=False).to_dict(), max_lanes)
    context = rows[rows["end"] < lo] if show_context else rows.iloc[0:0]
    main = rows[~(rows["end"] < lo)]
    if not main.empty:  # the axis covers the events too (lo/hi come from publication dates)
        lo, hi = min(lo, min(main["start"]) - dt.timedelta(days=1)), max(hi, max(main["end"]) + dt.timedelta(days=1))
    context_span = (min(context["start"]), max(context["end"])) if len(context) else None
    aggregate = len(rows) > AGGREGATE_ABOVE
    if aggregate:
        main, context = bucket_rows(main, bucket_for_span(lo, hi)), bucket_rows(context, "year")
    return {"lanes": lanes, "folded": raw[rows["lane"] == OTHER_LANE].nunique(), "main": main, "context": context,
            "context_span": context_span, "lo": lo, "hi": hi, "aggregate": aggregate,
            "n_points": int((rows["precision"] == "day").sum())}


def timeline_figure(view: View, colors: dict[str, str], show_context: bool = True, max_lanes: int = 10):
    """Events on a date axis in lanes by actor (the view's ``max_lanes`` busiest, the rest in one
    "Other actors" lane). Day precision → a point; month/year → a span. Events older than the
    articles' main days go to a narrow "context" panel on the left. Past a few thousand points the
    main panel shows counts per day, week or month instead of single events. The date axis ticks
    days, weeks, months or years depending on the span. A store view computes its parts in SQL
    (``view.timeline_parts``): no event table comes into Python past a few thousand events."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    if hasattr(view, "timeline_parts"):
        parts = view.timeline_parts(max_lanes, show_context)
    else:
        rows = timeline_rows(view)
        parts = None if rows.empty else timeline_parts(rows, *main_window(view.events, list(view.articles["published"])),
                                                        max_lanes, show_context)
    if parts is None:
        fig = go.Figure()
        fig.add_annotation(text="No dated event for these filters", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
        fig.update_layout(height=260, xaxis={"visible": False}, yaxis={"visible": False})
        return fig
    lanes, main, context, lo, hi, aggregate = (parts[k] for k in ("lanes", "main", "context", "lo", "hi", "aggregate"))
    two = not context.empty
    main_col = 2 if two else 1
    fig = make_subplots(rows=1, cols=2 if two else 1, shared_yaxes=True, column_widths=[0.2, 0.8] if two else None,
                        horizontal_spacing=0.03, subplot_titles=("Earlier", "Main days") if two else None)
    span_days = (hi - lo).days + 1
    biggest = {}
    if aggregate:  # the largest bucket of an actor's lane, so bubble sizes compare across lanes ("Other" is capped)
        for step, part in ((bucket_for_span(lo, hi), main), ("year", context)):
            if len(part):
                counts = part.groupby(["lane", "bucket"])["n"].sum()
                own = counts[counts.index.get_level_values(0) != OTHER_LANE]
                biggest[step] = int((own if len(own) else counts).max())
    n_points = parts["n_points"]
    for col, part, part_span in (((1, context, 365.0), (main_col, main, span_days)) if two else ((1, main, span_days),)):
        by_lane = dict(tuple(part.groupby("lane", sort=False)))
        for lane in lanes:
            sub = by_lane.get(lane)
            if sub is None:
                continue
            if aggregate:
                step = bucket_for_span(lo, hi) if col == main_col else "year"
                for t in _bucket_traces(sub, lane, colors, step, part_span, biggest[step]):
                    fig.add_trace(t, row=1, col=col)
                continue
            pts, spans = sub[sub["precision"] == "day"], sub[sub["precision"] != "day"]
            traces = []
            if not pts.empty:
                traces += _point_traces(pts, lane, colors, part_span, gl=len(pts) > WEBGL_ABOVE,
                                        labels=n_points <= LABEL_AT_MOST and col == main_col)
            if not spans.empty:
                traces += _span_trace(spans, lane, colors)
            for t in traces:
                fig.add_trace(t, row=1, col=col)
    pad = pd.Timedelta(days=max(0.5, span_days * 0.03))  # labels of the first and last points stay inside
    fig.update_xaxes(range=[pd.Timestamp(lo) - pad, pd.Timestamp(hi) + pd.Timedelta(days=1) + pad], row=1, col=main_col,
                     showgrid=True, gridcolor="#e6e6e6", tickangle=0, tickfont={"size": 11}, **axis_for_span(lo, hi))
    if two:
        c_lo, c_hi = parts["context_span"]
        fig.update_xaxes(row=1, col=1, showgrid=True, range=[pd.Timestamp(c_lo) - pd.Timedelta(days=45), pd.Timestamp(c_hi) + pd.Timedelta(days=45)],
                         gridcolor="#e6e6e6", tickangle=0, tickfont={"size": 11}, **axis_for_span(c_lo - dt.timedelta(days=45), c_hi + dt.timedelta(days=45), max_ticks=3))
    folded = parts["folded"]
    # lane names sit above each lane, inside the plot: no left margin eaten by long names (phones)
    names = [(n, f"{OTHER_LANE} ({folded} actors)" if n == OTHER_LANE else short_lane(n, 40)) for n in lanes]
    fig.update_layout(annotations=[*fig.layout.annotations, *(
        {"text": f"<b>{E(text)}</b>", "x": 0, "xref": "paper", "xanchor": "left", "y": n, "yref": "y", "yshift": 17,
         "showarrow": False, "font": {"size": 11, "color": colors.get(n, "#333") if n != OTHER_LANE else "#333"},
         "bgcolor": "rgba(255,255,255,0.75)"} for n, text in names)])
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(lanes)), showticklabels=False, showgrid=True,
                     gridcolor="#eee", range=[-0.7, len(lanes) - 0.3])
    fig.update_layout(height=max(240, 70 + 52 * len(lanes)) + (26 if two else 0), margin={"l": 4, "r": 4, "t": 60 if two else 34, "b": 26}, showlegend=False,
                      hovermode="closest", plot_bgcolor="white", dragmode="zoom", selectdirection="h",
                      hoverlabel={"align": "left"}, font={"size": 12},
                      meta={"counts_per": bucket_for_span(lo, hi) if aggregate else None})
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
            "modeBarButtonsToRemove": ["lasso2d"]}


# ---------------------------------------------------------------- story, quotes, citations
def story(view: View) -> list[dict]:
    """Events in date order, one line each, undated ones last; with a boolean ``context`` column
    (:meth:`query.StoreView.story_page`), the earlier context comes after the main days."""
    out = []
    ev = view.events
    context = ev["context"].astype(bool).tolist() if "context" in ev.columns else [False] * len(ev)
    cols = ("uid", "article", "sentence_start", "date", "date_precision", "date_end", "date_relation", "kind", "actors", "summary",
            "places", "asserted_by")
    n_sources = ev["n_sources"].tolist() if "n_sources" in ev.columns else [None] * len(ev)
    for (uid, art, s0, date, prec, date_end, rel, kind, actors, summary, places, asserted), n, ctx in zip(
            zip(*(ev[c].tolist() for c in cols)), n_sources, context):
        lo, _hi = date_bounds(date, prec, date_end)
        when = fmt_value(date, prec)
        if rel == "on_or_before" and when:
            when = f"by {when}"
        out.append({"uid": uid, "article": art, "sentence_start": s0, "sort": lo or dt.date.max, "when": when or "undated",
                    "kind": kind, "actor": actors[0] if isinstance(actors, list) and actors else None,
                    "summary": _short(summary, 160), "places": places, "asserted_by": asserted, "reported": reported_by(n),
                    "context": bool(ctx) and lo is not None})
    return sorted(out, key=lambda r: (r["sort"] == dt.date.max, r["context"], r["sort"], r["uid"]))


def reported_by(n_sources) -> str:
    """"reported by 3 articles" for an event several articles report (``events.n_sources``), else ""."""
    try:
        n = int(n_sources)
    except (TypeError, ValueError):
        return ""
    return f"reported by {n} articles" if n > 1 else ""


def quote_groups(view: View) -> list[tuple[str, pd.DataFrame]]:
    """Quotes grouped by speaker, most-quoted first, in text order inside a group."""
    q = view.quotes.copy()
    q["speaker"] = q["speaker"].fillna("(unattributed)")
    order = q["speaker"].value_counts()
    parts = dict(tuple(q.sort_values(["article", "start"], kind="stable").groupby("speaker", sort=False)))
    return [(name, parts[name]) for name in sorted(order.index, key=lambda n: (-order[n], n == "(unattributed)", n))]


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


# ---------------------------------------------------------------- sources, lists, pages
def figures_html(figures) -> str:
    """The Overview's key figures, ``[(label, number), …]``, as one row (the frame's CSS lays it out)."""
    return "<div class='nm-figures' data-testid='nm-figures'>" + "".join(
        f"<div class='nm-figure' data-testid='nm-figure'><span>{html.escape(label)}</span><b>{int(value):,}</b></div>"
        for label, value in figures) + "</div>"


def source_label(outlet, title, published, title_chars: int = 70) -> str:
    """“Title” · Outlet · 20 Nov 2024 — how an item names the article it comes from."""
    bits = [f"“{_short(title, title_chars)}”" if title else "untitled article"]
    if outlet:
        bits.append(str(outlet))
    if published:
        bits.append(fmt_day(dt.date.fromisoformat(str(published)[:10])))
    return " · ".join(bits)


def sentence_link(query: dict, article: str, sentence_start) -> str:
    """The Article page opened on one sentence, the view's filters kept."""
    from urllib.parse import urlencode

    return "/article?" + urlencode({**query, "focus": f"{article}:{int(sentence_start or 0)}"}, doseq=True)


def article_link(query: dict, article: str) -> str:
    """The Article page opened on one article, the view's filters kept."""
    from urllib.parse import urlencode

    return "/article?" + urlencode({**query, "focus": f"{article}:"}, doseq=True)


def source_html(label: str, link: str | None, target: str = "_self") -> str:
    """A small grey line naming the article, linked to the sentence when there is a link."""
    text = E(label)
    if link:
        text = f"<a href='{E(link)}' target='{target}' style='color:inherit' title='Show the sentence in the article'>{text} ↗</a>"
    return f"<div class='nm-src' style='color:#666;font-size:0.8rem'>{text}</div>"


def article_table(view: View) -> pd.DataFrame:
    """The articles in the view (those with a quote or event in it, or all when it has neither):
    published date, outlet, title, and how many of the view's quotes and events each gives."""
    cols = ["id", "published", "source", "title", "quotes", "events"]
    q = view.quotes["article"].value_counts()
    e = view.events["article"].value_counts()
    arts = view.articles
    if len(q) or len(e):
        arts = arts[arts["id"].isin(set(q.index) | set(e.index))]
    out = pd.DataFrame({"id": arts["id"].values, "published": arts["published"].values,
                        "source": [s or "" for s in arts["source"]], "title": arts["title"].values})
    out["quotes"] = [int(q.get(i, 0)) for i in out["id"]]
    out["events"] = [int(e.get(i, 0)) for i in out["id"]]
    return out.sort_values(["published", "id"]).reset_index(drop=True)[cols]


def source_line(view: View, show: int = 3) -> str:
    """The articles the view's items come from (not the first articles of the corpus): all of them
    when few, else the ones giving most items, with how many more there are."""
    t = article_table(view)
    if t.empty:
        return "Source: no article"

    def one(a):
        outlet = f", {a['source']}" if a["source"] else ""
        title = a["title"] if len(t) == 1 else _short(a["title"], 60)
        return f"“{title}”{outlet}, published {fmt_day(dt.date.fromisoformat(a['published']))}"

    if len(t) <= show:
        return "Source: " + "; ".join(one(a) for _, a in t.iterrows())
    t = t.assign(items=t["quotes"] + t["events"]).sort_values(["items", "published"], ascending=[False, True])
    shown = "; ".join(one(a) for _, a in t.head(show).iterrows())
    return f"Sources ({len(t)} articles, most cited first): {shown} (+{len(t) - show} more)"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def actor_table(corpus_or_view) -> pd.DataFrame:
    """One row per actor name: kind (the most frequent across articles), quotes said, events
    involved in; most active first. ``label`` says what the counts count: "6 quotes · 3 events"."""
    q = corpus_or_view.quotes["speaker"].dropna().value_counts()
    e = pd.Series([a for xs in corpus_or_view.events["actors"] for a in (xs or [])], dtype=object).value_counts()
    acts = corpus_or_view.actors
    kinds = acts.dropna(subset=["kind"]).groupby("name")["kind"].agg(lambda k: k.value_counts().index[0]) if len(acts) else pd.Series(dtype=object)
    names = list(dict.fromkeys([*q.index, *e.index, *acts["name"].dropna()]))
    out = pd.DataFrame({"name": names})
    out["kind"] = [kinds.get(n, "") or "" for n in names]
    out["quotes"] = [int(q.get(n, 0)) for n in names]
    out["events"] = [int(e.get(n, 0)) for n in names]
    out = out.assign(total=out["quotes"] + out["events"])
    out = out.sort_values(["total", "quotes", "name"], ascending=[False, False, True], kind="stable").reset_index(drop=True)
    out["label"] = [actor_counts_label(qn, en) for qn, en in zip(out["quotes"], out["events"])]
    return out


def actor_counts_label(quotes: int, events: int) -> str:
    if not quotes and not events:
        return "only mentioned"
    return " · ".join(x for x in (_plural(quotes, "quote") if quotes else "", _plural(events, "event") if events else "") if x)


def actor_option(name: str, kind: str, label: str) -> str:
    """"Sergueï Lavrov — person · 3 quotes · 1 event" for the actor picker."""
    return f"{name} — {kind + ' · ' if kind else ''}{label}"


def paginate(n_items: int, page: int, per_page: int = 20) -> tuple[int, int, int, int]:
    """(page, pages, first, last): the page clamped to 1..pages and its item slice [first, last)."""
    pages = max(1, -(-n_items // per_page))
    page = min(max(1, int(page or 1)), pages)
    first = (page - 1) * per_page
    return page, pages, first, min(n_items, first + per_page)


def place_detail(view: View, name: str) -> tuple[list[dict], list[dict]]:
    """The events and quotes of the view at one place (as the map counts them), each with its
    article's label, in date order."""
    sources = _article_sources(view)
    ev = view.events[view.events["places"].map(lambda xs: name in (xs or []))]
    events = [{"uid": r.uid, "when": fmt_value(r.date, r.date_precision) or "undated", "kind": r.kind, "summary": _short(r.summary, 200),
               "actor": (r.actors or [None])[0], "article": r.article, "sentence_start": r.sentence_start,
               "source": sources.get(r.article, ""), "sort": date_bounds(r.date, r.date_precision)[0] or dt.date.max}
              for r in ev.itertuples()]
    qs = view.quotes[view.quotes["place"] == name]
    quotes = [{"uid": r.uid, "text": _short(r.text, 300), "speaker": r.speaker or "unattributed", "kind": r.kind,
               "when": fmt_value(r.date, r.date_precision), "article": r.article, "sentence_start": r.sentence_start,
               "source": sources.get(r.article, "")} for r in qs.itertuples()]
    return sorted(events, key=lambda r: (r["sort"], r["uid"])), quotes


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
