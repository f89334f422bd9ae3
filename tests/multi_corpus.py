"""A small multi-article corpus for view and page tests: copies of the seed document under other
ids, titles, outlets and dates (one copy's Lavrov renamed, so a filter can pick one article)."""
import copy
import json
from pathlib import Path

from conftest import ROOT

SEED_DOC = ROOT / "data" / "articles" / "article-2024-11-20-fr.json"


def _rename(doc: dict, old: str, new: str):
    for q in doc["quotes"]:
        if q.get("speaker") == old:
            q["speaker"] = new
    for ev in doc["events"]:
        ev["actors"] = [new if a == old else a for a in ev.get("actors") or []]
        if ev.get("asserted_by") == old:
            ev["asserted_by"] = new
    for a in doc["actors"]:
        if a["name"] == old:
            a["name"] = new


def write_copies(data_dir: Path, n: int = 3) -> Path:
    seed = json.loads(SEED_DOC.read_text(encoding="utf-8"))
    entries = []
    (data_dir / "articles").mkdir(parents=True, exist_ok=True)
    for k in range(1, n + 1):
        doc = copy.deepcopy(seed)
        aid = f"copy-{k}"
        art = doc["article"]
        art.update(id=aid, title=f"Copy number {k} of the seed", source=f"Outlet {k}", published=f"2024-11-2{k}", hash=f"h{k}")
        if k == 2:
            _rename(doc, "Sergueï Lavrov", "Dmitri Peskov")
        (data_dir / "articles" / f"{aid}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        entries.append({"id": aid, "hash": f"h{k}", "title": art["title"], "source": art["source"], "url": "",
                        "published": art["published"], "lang": "fr", "file": f"raw/{aid}.txt"})
    (data_dir / "corpus.json").write_text(json.dumps({"schema": "1.0", "articles": entries}, ensure_ascii=False), encoding="utf-8")
    return data_dir
