"""Newsmap: news articles → places, dates, quotes, actors and events.

The package never imports Streamlit; the dashboard (``app.py``, ``pages/``) is a thin view
over it.
"""
__version__ = "0.1.0"
#: Version of the JSON document produced by ``extract`` and stored in the corpus.
SCHEMA_VERSION = "1.0"
