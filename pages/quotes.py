"""Quotes grouped by who said them, most-quoted first, with a citation to copy."""
import html
from urllib.parse import urlencode

import streamlit as st

from newsmap import views as V
from newsmap.filters import fold
from pages._boot import frame_state

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
for name, g in groups:
    color = colors.get(name, V.NO_ACTOR)
    st.markdown(f"<h4 style='margin-bottom:0'><span style='color:{color}'>●</span> {html.escape(name)} "
                f"<span style='color:#666;font-size:0.9rem'>· {len(g)} quote{'s' if len(g) != 1 else ''}</span></h4>",
                unsafe_allow_html=True)
    for _, q in g.iterrows():
        art = articles.loc[q["article"]]
        with st.container(border=True):
            meta = " · ".join(x for x in [q["kind"], V.when_said(q) or "date not given",
                                          q["place"] or "place not given", f"as “{q['speaker_mention']}”" if q["speaker_mention"] else ""] if x)
            st.markdown(f"<div style='font-size:1.15rem;border-left:4px solid {color};padding-left:10px'>"
                        f"« {html.escape(q['text'])} »</div><div style='color:#666;font-size:0.85rem'>{html.escape(meta)}</div>",
                        unsafe_allow_html=True)
            with st.expander("Sentence and citation"):
                st.text(q["sentence"])
                st.code(V.citation(q, art), language=None, wrap_lines=True)
                link = "/article?" + urlencode({**f.to_query(), "focus": f"{q['article']}:{q['sentence_start']}"}, doseq=True)
                st.markdown(f"[Show in the article]({link})")
