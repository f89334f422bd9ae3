"""Quotes grouped by who said them, most-quoted first, with a citation to copy."""
import html
from urllib.parse import urlencode

import streamlit as st

from newsmap import views as V
from pages._boot import frame_state

nm = frame_state()
view, colors, f = nm["view"], nm["colors"], nm["filters"]
PER_PAGE = 50

needle = st.text_input("Search inside quotes", key="quote_search", placeholder="e.g. phase")
page_no = int(st.session_state.get("quote_page") or 1)
groups, sizes, total = view.quote_groups(PER_PAGE, (page_no - 1) * PER_PAGE, needle)  # one page, in the store
if not groups and total:  # the filters changed under a later page
    st.session_state["quote_page"] = page_no = 1
    groups, sizes, total = view.quote_groups(PER_PAGE, 0, needle)
if total > PER_PAGE:
    pages = -(-total // PER_PAGE)
    st.number_input("Page", min_value=1, max_value=pages, key="quote_page", width=160)
    st.caption(f"Page {page_no} of {pages}: quotes {(page_no - 1) * PER_PAGE + 1}–{min(page_no * PER_PAGE, total)} of {total}.")
ids = sorted({a for _n, g in groups for a in g["article"]})
articles = nm["store"].table("articles", "id IN (SELECT unnest(?))", [ids]).set_index("id") if ids else None
if not groups:
    st.info("No quote for these filters.")
for name, g in groups:
    color = colors.get(name, V.NO_ACTOR)
    n = sizes[name]
    st.markdown(f"<h4 style='margin-bottom:0'><span style='color:{color}'>●</span> {html.escape(name)} "
                f"<span style='color:#666;font-size:0.9rem'>· {n} quote{'s' if n != 1 else ''}</span></h4>",
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
