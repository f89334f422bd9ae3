"""Where the shipped data lives (a module of its own, so the dashboard need not import geopy)."""
from pathlib import Path

ASSETS = Path(__file__).parent / "assets"


def basemap_geojson_path() -> Path:
    """Natural Earth 1:110m country borders (public domain)."""
    return ASSETS / "ne_countries_110m.geojson"
