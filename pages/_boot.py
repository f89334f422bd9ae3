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
