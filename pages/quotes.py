"""Quotes grouped by who said them, most-quoted first, 20 cards a page (read from the store one page
at a time); each card names its article and links to the sentence, with a citation to copy."""
import html

import streamlit as st

from newsmap import views as V
from pages._boot import frame_state
from pages._ui import pager

nm = frame_state()
view, colors, f = nm["view"], nm["colors"], nm["filters"]

needle = st.text_input("Search inside quotes", key="quote_search", placeholder="e.g. phase")
total = view.quote_groups(0, 0, needle)[2]  # how many quotes match: counted in the store


def show(total: int):
    first, last = pager("quote_page", total, what="quotes")
    groups, sizes, _ = view.quote_groups(last - first, first, needle)  # one page, in the store
    ids = sorted({a for _n, g in groups for a in g["article"]})
    articles = nm["store"].table("articles", "id IN (SELECT unnest(?))", [ids]).set_index("id")

    for k, (name, g) in enumerate(groups):
        color = colors.get(name, V.NO_ACTOR)
        n = sizes[name]
        more = " (continued)" if k == 0 and first and len(g) < n else ""  # the group began on an earlier page
        st.markdown(f"<h4 style='margin-bottom:0'><span style='color:{color}'>●</span> {html.escape(name)}{more} "
                    f"<span style='color:#666;font-size:0.9rem'>· {n} quote{'s' if n != 1 else ''}</span></h4>",
                    unsafe_allow_html=True)
        for _, q in g.iterrows():
            art = articles.loc[q["article"]]
            with st.container(border=True):
                meta = " · ".join(x for x in [q["kind"], V.when_said(q) or "date not given", q["place"] or "place not given",
                                              f"as “{q['speaker_mention']}”" if q["speaker_mention"] else ""] if x)
                src = V.source_html(V.source_label(art["source"], art["title"], art["published"]),
                                    V.sentence_link(f.to_query(), q["article"], q["sentence_start"]))
                st.markdown(f"<div style='font-size:1.15rem;border-left:4px solid {color};padding-left:10px'>"
                            f"« {html.escape(q['text'])} »</div><div style='color:#666;font-size:0.85rem'>{html.escape(meta)}</div>{src}",
                            unsafe_allow_html=True)
                with st.expander("Sentence and citation"):
                    st.text(q["sentence"])
                    st.code(V.citation(q, art), language=None, wrap_lines=True)
    pager("quote_page", total, what="quotes", bottom=True)


if total:
    show(total)
else:
    st.info("No quote for these filters.")  # no st.stop(): the frame still ends the run with its marker
