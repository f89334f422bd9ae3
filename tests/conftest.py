import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "data" / "raw" / "article-2024-11-20-fr.txt"


@pytest.fixture(scope="session")
def nlp():
    from newsmap import nlp as nlp_mod

    return nlp_mod.load("fr")


@pytest.fixture(scope="session")
def seed_doc():
    from newsmap.pipeline import extract
    from newsmap.reader import read_article

    return extract(read_article(SEED, published="2024-11-20"))


@pytest.fixture(scope="session")
def extract_text(tmp_path_factory):
    """Extract an ad-hoc French text: extract_text("…", "2024-11-20") → document."""
    from newsmap.pipeline import extract
    from newsmap.reader import read_article

    base = tmp_path_factory.mktemp("texts")
    counter = iter(range(10_000))

    def run(text, published="2024-11-20"):
        p = base / f"t{next(counter)}.txt"
        p.write_text(text, encoding="utf-8")
        return extract(read_article(p, published=published, check_language=False))

    return run


@pytest.fixture
def seed_corpus(tmp_path):
    """A copy of the committed seed corpus in a temporary data folder."""
    dest = tmp_path / "data"
    shutil.copytree(ROOT / "data", dest, ignore=shutil.ignore_patterns("corrections.toml"))
    return dest


def snapshot(folder: Path) -> dict:
    """Every corpus file and its bytes (the writers' empty lock file, DIR/.lock, is not corpus content)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".lock"}


def blocks(at) -> list[str]:
    """What an AppTest page shows as HTML or Markdown: its ``st.html`` blocks (the frame's summary and
    run marker, the Overview's figures and story), then its ``st.markdown`` ones."""
    return [h.value for h in at.get("html")] + [m.value for m in at.markdown]
