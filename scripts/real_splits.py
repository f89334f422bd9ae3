"""Make eval/real/splits/{dev,heldout,fresh,fresh2,fresh3,fresh4,fresh5,fresh6,fresh7,fresh8,fresh9}/: folders of links to the gold files of each split.

The real-article set (eval/REAL.md) is not in git; eval/real_sources.tsv lists its articles with
their split (every split named there gets a folder). ``python scripts/real_splits.py`` then
``python -m newsmap evaluate --gold eval/real/splits/dev`` scores the development part; ``heldout``
is scored once, at the end; ``fresh`` to ``fresh7`` (each scored once, now used for development too) were the
earlier unseen sets; ``fresh8`` (16 articles collected after ``fresh7`` was scored, which no developer has seen) is the
unseen set for the final measurement, and ``fresh9`` (16 more, collected independently while ``fresh8`` was unscored) is
a second one: both are scored once, at the end.
"""
from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "eval" / "real"


def main() -> int:
    gold = REAL / "gold"
    if not gold.is_dir():
        print(f"real_splits: {gold} is missing; rebuild the set as eval/REAL.md explains", file=sys.stderr)
        return 2
    with open(ROOT / "eval" / "real_sources.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    counts = {}
    for split in sorted({r["split"] for r in rows}):
        out = REAL / "splits" / split
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob("*.json"):
            old.unlink()
        for r in rows:
            src = gold / f"{r['id']}.json"
            if r["split"] == split and src.exists():
                os.symlink(os.path.relpath(src, out), out / src.name)
                counts[split] = counts.get(split, 0) + 1
    missing = [r["id"] for r in rows if not (gold / f"{r['id']}.json").exists()]
    print(" · ".join(f"{k}: {v} articles → {REAL / 'splits' / k}" for k, v in counts.items()))
    if missing:
        print(f"real_splits: no gold file for {', '.join(missing)} (rebuild them as eval/REAL.md explains)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
