"""Article: the text with quotes, actors, places and dates highlighted."""
import streamlit as st

from newsmap import views as V
from pages._boot import frame_state

nm = frame_state()
view, store, colors = nm["view"], nm["store"], nm["colors"]

SHOWN = store.PICKER_ARTICLES  # the picker's options travel to the browser on every run
listed = view.article_table(limit=SHOWN)  # the view's first articles by date: ids and titles, not their text
ids = list(listed["id"])
titles = dict(zip(listed["id"], listed["title"]))
focus = st.query_params.get("focus", "")
focus_article, _, focus_start = focus.partition(":")
if focus_article not in titles and len(ids) == SHOWN and view.has_article(focus_article):  # a linked sentence beyond the list
    ids.append(focus_article)
    titles[focus_article] = store.titles[focus_article]
default = ids.index(focus_article) if focus_article in ids else 0


def show(aid_default: int):
    n = view.counts["articles"]
    if n > SHOWN:
        st.caption(f"The first {SHOWN} of {n} articles of this view by date are listed; narrow the filters for others.")
    aid = st.selectbox("Article", ids, index=aid_default, format_func=lambda i: titles[i], key="reader_article") if len(ids) > 1 else ids[0]
    art = store.table("articles", "id = ?", [aid]).iloc[0]  # one article's text, fetched from the store
    st.caption("Highlights: quotes (yellow) · places (green) · dates (blue) · actors (underlined in their colour). Hover for details.")

    if focus_article == aid and focus_start.isdigit():
        start = int(focus_start)
        sent = next(((s, e) for s, e in art["sentences"] if s == start), None)
        if sent:
            st.info(f"Linked sentence: {art['text'][sent[0]:sent[1]].strip()}", icon=":material/link:")

    def of(table):
        return view.article_records(table, aid)

    body = V.article_html(art["text"], aid, of("quotes"), of("places"), of("actors"), of("dates"),
                          colors, [tuple(s) for s in art["sentences"]])
    st.markdown(f"<div style='line-height:1.7;font-size:1.02rem;max-width:52rem'>{body}</div>", unsafe_allow_html=True)


if ids:
    show(default)
else:
    st.info("No article for these filters.")  # no st.stop(): the frame still ends the run with its marker
