import re
import struct

import pytest

from newsmap import briefing as B
from newsmap import filters as F
from newsmap import views as V
from newsmap.load import load

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def seed():
    c = load()
    v = F.apply(c, F.Filters())
    return c, v, V.actor_colors(c), F.summary(F.Filters(), v), F.source_line(v)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_briefing_is_self_contained(seed):
    c, v, colors, summary, source = seed
    html = B.briefing_html(v, colors, summary, source, link="http://localhost:8501/?actor=x")
    markup = re.sub(r"(?s)<(script|style)\b[^>]*>.*?</\1>", "", html)  # the inlined libraries' own strings aside
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", markup)  # the page itself fetches nothing
    assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=", html)  # every script and style is inline
    assert "L.version" in html or "leaflet" in html.lower() and "Plotly" in html
    assert "default-src 'none'" in html and "break-inside:avoid" in html
    for needle in (summary, "« Nous considérerons cela", "Sergueï Lavrov", "published 2024-11-20", "Exported "):
        assert needle.replace("«", "«") in html


def test_briefing_escapes_hostile_text(seed):
    c, v, colors, summary, source = seed
    q = v.quotes.copy()
    q.loc[q.index[0], ["text", "speaker"]] = [HOSTILE, HOSTILE]
    arts = v.articles.copy()
    arts.loc[arts.index[0], "title"] = HOSTILE
    hv = F.View(arts, q, v.events, v.places, v.actors, v.totals)
    html = B.briefing_html(hv, colors, HOSTILE, HOSTILE)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_script_json_cannot_close_the_script_tag():
    assert "</" not in V.script_json({"x": "</script><script>alert(1)</script>"})


def test_timeline_png_is_2x_with_caption(seed):
    c, v, colors, summary, source = seed
    w, h = png_size(B.timeline_png(v, colors, summary, source))
    assert w == 2400 and h > 400


def test_map_png_is_2x(seed):
    c, v, colors, summary, source = seed
    w, h = png_size(B.map_png(v, colors, summary, source, width=800, height=500))
    assert (w, h) == (1600, 1000)
