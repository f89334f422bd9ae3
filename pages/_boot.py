"""Shared by the pages: the frame's state, and a way out of Streamlit's legacy ``pages/`` mode.

Until ``app.py`` has run once, a server that finds a ``pages/`` folder runs a page opened by URL
(``/map``) on its own, without the router. The first such request switches the server to
``st.navigation`` for good and reruns, so a shared link works even on a freshly started server.
"""
import streamlit as st


def frame_state() -> dict:
    if "nm" not in st.session_state:
        from streamlit.runtime.pages_manager import PagesManager

        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state["nm"]


def png_export(label: str, key: str, file_name: str, make) -> None:
    """An image export that always ends in a download or a message. The PNG is drawn on a click (it
    starts a browser, so it is not done on every rerun), kept for this view, and offered as plain
    bytes: nothing is generated lazily at download time, so no rerun can lose it."""
    import logging

    from newsmap.briefing import CHROMIUM
    from newsmap.errors import UI

    store = st.session_state.setdefault("_nm_png", {})
    if st.button(label, key=key, icon=":material/image:"):
        store.pop(key, None)
        try:
            with st.spinner(f"Drawing {label}…"):
                store[key] = (file_name, make())
        except Exception as exc:  # a missing or crashing browser: say so, keep the traceback in the server log
            logging.getLogger("newsmap.app").exception("newsmap: %s failed", label)
            st.error(UI.EXPORT_FAILED.format(label=label, error=f"{type(exc).__name__}: {str(exc)[:200]}", chromium=CHROMIUM),
                     icon=":material/error:")
    kept = store.get(key)
    if kept and kept[0] == file_name:
        st.download_button(f"Save {label}", kept[1], file_name=file_name, mime="image/png", key=f"{key}_save",
                           on_click="ignore", icon=":material/download:", type="primary")


def fragment_done(name: str) -> None:
    """The last element of every complete run of the fragment ``name``, numbered (a fragment rerun
    does not rerun the app, so the app's own ``nm-done`` marker stays as it was): browser tests
    wait on it after an action that reruns only the fragment."""
    key = f"_nm_fragment_{name}"
    n = st.session_state[key] = st.session_state.get(key, 0) + 1
    st.html(f"<div data-testid='nm-fragment-done' data-name='{name}' data-run='{n}'></div>")
