"""Data twins of the dashboard views: a filtered table as CSV, JSON or GeoJSON text."""
from __future__ import annotations

import json

import pandas as pd

from .errors import NewsmapError
from .filters import View, aggregate_places

PUBLIC_COLUMNS = {
    "events": ["article", "id", "kind", "date", "date_end", "date_precision", "date_relation", "statement_date", "published",
               "summary", "places", "actors", "asserted_by", "quote_ids", "sentence", "start", "end"],
    "quotes": ["article", "id", "speaker", "speaker_mention", "kind", "text", "date", "date_precision", "place", "sentence", "start", "end"],
    "places": ["name", "kind", "country", "lat", "lon", "mentions", "forms", "articles"],
    "actors": ["name", "kind", "role", "country", "linked_to", "aliases", "count", "article"],
}


def table(view: View, name: str) -> pd.DataFrame:
    if name == "places":
        df = aggregate_places(view.places)
    else:
        df = getattr(view, name)
    return df[[c for c in PUBLIC_COLUMNS[name] if c in df.columns]].reset_index(drop=True)


def _jsonable(v):
    if isinstance(v, float) and pd.isna(v):
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def records(df: pd.DataFrame) -> list[dict]:
    return [{k: _jsonable(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def geojson(view: View, name: str = "places") -> dict:
    places = aggregate_places(view.places)
    coords = {r["name"]: (r["lon"], r["lat"]) for _, r in places.iterrows() if pd.notna(r["lat"])}
    feats = []
    if name == "places":
        for rec in records(table(view, "places")):
            if rec["name"] in coords:
                feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": list(coords[rec["name"]])}, "properties": rec})
    elif name == "events":
        for rec in records(table(view, "events")):
            for p in rec["places"] or []:
                if p in coords:
                    feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": list(coords[p])}, "properties": dict(rec, place=p)})
    else:
        raise NewsmapError(f"GeoJSON is available for places and events, not {name}; use --format csv or json")
    return {"type": "FeatureCollection", "features": feats}


def render(view: View, name: str, fmt: str) -> str:
    if fmt == "geojson":
        return json.dumps(geojson(view, name), ensure_ascii=False) + "\n"
    df = table(view, name)
    if fmt == "csv":
        flat = df.copy()
        for c in flat.columns:
            if flat[c].map(lambda v: isinstance(v, list)).any():
                flat[c] = flat[c].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
        return flat.to_csv(index=False)
    return json.dumps(records(df), ensure_ascii=False, indent=1) + "\n"
