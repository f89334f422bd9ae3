"""Small widgets shared by the pages (no data logic: that lives in newsmap.views)."""
import streamlit as st

from newsmap import views as V

PER_PAGE = 20


def _step(key: str, delta: int, pages: int):
    st.session_state[key] = min(max(1, int(st.session_state.get(key) or 1) + delta), pages)


def pager(key: str, n_items: int, what: str, per_page: int = PER_PAGE, bottom: bool = False) -> tuple[int, int]:
    """A page control for a long list: the page number on top, Previous / Next below the list.
    Returns the slice [first, last) of the items to show. The page is kept per session, not in the URL."""
    page, pages, first, last = V.paginate(n_items, st.session_state.get(key, 1), per_page)
    if bottom:
        if pages > 1:
            c1, c2, c3 = st.columns([1, 2, 1], vertical_alignment="center")
            c1.button("← Previous", key=f"{key}_prev", disabled=page <= 1, on_click=_step, args=(key, -1, pages), width="stretch")
            c2.caption(f"{what.capitalize()} {first + 1}–{last} of {n_items} · page {page} of {pages}")
            c3.button("Next →", key=f"{key}_next", disabled=page >= pages, on_click=_step, args=(key, 1, pages), width="stretch")
        return first, last
    st.session_state[key] = page  # clamped: a filter may have made the list shorter
    if pages > 1:
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        c1.caption(f"{what.capitalize()} {first + 1}–{last} of {n_items}, {per_page} a page")
        c2.number_input("Page", min_value=1, max_value=pages, step=1, key=key)
    else:
        st.caption(f"{n_items} {what}")
    return first, last
