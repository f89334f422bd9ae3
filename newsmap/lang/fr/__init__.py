"""French: word lists and patterns (lexicon.py, places.py)."""
