"""Quotes grouped by who said them, most-quoted first, 20 cards a page; each card names its article
and links to the sentence, with a citation to copy."""
import html

import streamlit as st

from newsmap import views as V
from newsmap.filters import fold, fmt_value
from pages._boot import frame_state
from pages._ui import pager

nm = frame_state()
view, colors, f = nm["view"], nm["colors"], nm["filters"]
articles = view.articles.set_index("id")

needle = st.text_input("Search inside quotes", key="quote_search", placeholder="e.g. phase")
groups = V.quote_groups(view)
if needle:
    groups = [(n, g[g["text"].map(lambda t: fold(needle) in fold(t))]) for n, g in groups]
    groups = [(n, g) for n, g in groups if len(g)]
if not groups:
    st.info("No quote for these filters.")
    st.stop()

# one flat list of (speaker, quote) in display order, cut into pages; a speaker's heading repeats
# on the next page with "continued"
cards = [(name, len(g), i) for name, g in groups for i in g.index]  # cheap: rows are read for one page only
frames = dict(groups)
first, last = pager("quote_page", len(cards), what="quotes")
shown = None
for name, size, i in cards[first:last]:
    q = frames[name].loc[i]
    color = colors.get(name, V.NO_ACTOR)
    if name != shown:
        more = " (continued)" if cards[first][0] == name and shown is None and first and cards[first - 1][0] == name else ""
        st.markdown(f"<h4 style='margin-bottom:0'><span style='color:{color}'>●</span> {html.escape(name)}{more} "
                    f"<span style='color:#666;font-size:0.9rem'>· {size} quote{'s' if size != 1 else ''}</span></h4>",
                    unsafe_allow_html=True)
        shown = name
    art = articles.loc[q["article"]]
    with st.container(border=True):
        meta = " · ".join(x for x in [q["kind"], fmt_value(q["date"], q["date_precision"]) or "date not given",
                                      q["place"] or "place not given", f"as “{q['speaker_mention']}”" if q["speaker_mention"] else ""] if x)
        src = V.source_html(V.source_label(art["source"], art["title"], art["published"]),
                            V.sentence_link(f.to_query(), q["article"], q["sentence_start"]))
        st.markdown(f"<div style='font-size:1.15rem;border-left:4px solid {color};padding-left:10px'>"
                    f"« {html.escape(q['text'])} »</div><div style='color:#666;font-size:0.85rem'>{html.escape(meta)}</div>{src}",
                    unsafe_allow_html=True)
        with st.expander("Sentence and citation"):
            st.text(q["sentence"])
            st.code(V.citation(q, art), language=None, wrap_lines=True)
pager("quote_page", len(cards), what="quotes", bottom=True)
