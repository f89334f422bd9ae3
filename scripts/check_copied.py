"""Find text of the real-article set that slipped into the repository.

The real articles (eval/real, not in git) are other people's writing. Test sentences, docstring examples and
documentation must be written by us: this script lists every string literal of the given Python files (and every
line of other text files) that shares a run of WINDOW characters (default 45, after folding case, spaces and
apostrophes) with one of the articles.

    python scripts/check_copied.py                      # tests, newsmap, README.md, eval/*.md
    python scripts/check_copied.py tests/test_x.py --window 30

Exit status 1 when something is found, 0 when nothing is, 2 when the real set is missing.
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILES = ["tests/**/*.py", "newsmap/**/*.py", "app.py", "pages/*.py", "README.md", "eval/*.md"]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2019\u02bc\u2018]", "'", text)
    return re.sub(r"\s+", " ", text).lower()


def windows(text: str, width: int):
    for i in range(len(text) - width + 1):
        yield text[i:i + width]


def index(articles: Path, width: int) -> dict[str, set[str]]:
    grams: dict[str, set[str]] = {}
    for path in sorted(articles.glob("*.txt")):
        for gram in windows(fold(path.read_text(encoding="utf-8")), width):
            grams.setdefault(gram, set()).add(path.stem)
    return grams


def pieces(path: Path):
    """(line, text) for each string literal of a Python file, each line of any other file."""
    source = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield node.lineno, node.value
    else:
        yield from enumerate(source.splitlines(), 1)


def find(files: list[Path], grams: dict[str, set[str]], width: int):
    for path in files:
        for line, text in pieces(path):
            hits = {}
            for gram in windows(fold(text), width):
                for article in grams.get(gram, ()):
                    hits.setdefault(article, gram)
            if hits:
                yield path, line, hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--window", type=int, default=45, help="shared characters that count as copied (45)")
    parser.add_argument("--real", type=Path, default=ROOT / "eval" / "real" / "articles", help="the articles' folder")
    args = parser.parse_args(argv)
    if not args.real.is_dir():
        print(f"check_copied: {args.real} is missing; rebuild the real set as eval/REAL.md explains", file=sys.stderr)
        return 2
    files = args.files or sorted({p for pattern in DEFAULT_FILES for p in ROOT.glob(pattern)})
    found = 0
    for path, line, hits in find(files, index(args.real, args.window), args.window):
        found += 1
        shown = path.relative_to(ROOT) if path.is_absolute() and path.is_relative_to(ROOT) else path
        print(f"{shown}:{line}: " + "; ".join(f"{a} «{g}»" for a, g in sorted(hits.items())))
    print(f"check_copied: {found} piece(s) share {args.window} characters with a real article", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
