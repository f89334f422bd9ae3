"""Ingest as several users meet it: concurrent writers, edited sources, same-named files, partial
ingests, leftovers of a killed run, file modes, unreadable and hostile input."""
import fcntl
import json
import os
import stat
import subprocess
import sys

import pytest

from conftest import ROOT
from newsmap import cli, corpus
from newsmap.errors import NewsmapError
from newsmap.reader import read_article

PHRASES = [
    "Le ministre des Affaires étrangères a déclaré lundi à Paris que « la France tiendra bon ».",
    "La maire de Lyon a annoncé mardi la fermeture des écoles, selon la préfecture.",
    "« Nous resterons vigilants », a affirmé mercredi le porte-parole du gouvernement à Marseille.",
    "Le président du Sénat a averti jeudi que le budget serait rejeté.",
]


def write_article(path, n, published="2024-11-25"):
    """A short, distinct French article with its sidecar."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Dépêche numéro {n}\n{PHRASES[n % len(PHRASES)]} Réunion numéro {n} à Bordeaux.\n", encoding="utf-8")
    path.with_name(path.stem + ".meta.json").write_text(json.dumps({"published": published}), encoding="utf-8")
    return path


def manifest(data_dir):
    return json.loads((data_dir / "corpus.json").read_text(encoding="utf-8"))["articles"]


def documents(data_dir):
    return sorted(p.stem for p in (data_dir / "articles").glob("*.json"))


def run_cli(*args, capsys):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- 1. concurrent writers
def test_two_ingests_at_once_keep_every_article(tmp_path):
    data = tmp_path / "data"
    first = [write_article(tmp_path / "a" / f"premier-{i}.txt", i) for i in range(4)]
    second = [write_article(tmp_path / "b" / f"second-{i}.txt", 10 + i) for i in range(4)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-m", "newsmap", "ingest", *map(str, files), "--data-dir", str(data), "--no-progress"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for files in (first, second)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0 and "4 new" in out, err
    ids = sorted(e["id"] for e in manifest(data))
    assert ids == sorted([f"premier-{i}" for i in range(4)] + [f"second-{i}" for i in range(4)])
    assert documents(data) == ids  # no orphan document
    assert not list(data.rglob("*.tmp"))


def test_a_waiting_writer_says_so_then_gives_up_with_one_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    art = write_article(tmp_path / "x.txt", 1)
    fd = os.open(data / ".lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another ingest holds the corpus
    try:
        r = subprocess.run([sys.executable, "-m", "newsmap", "ingest", str(art), "--data-dir", str(data)], cwd=ROOT,
                           env=dict(os.environ, PYTHONPATH=str(ROOT), NEWSMAP_LOCK_TIMEOUT="0.3"),
                           capture_output=True, text=True, timeout=300)
    finally:
        os.close(fd)
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 2 and len(lines) == 2, r.stderr
    assert lines[0].startswith("newsmap: waiting for another ingest") and "NEWSMAP_LOCK_TIMEOUT" in lines[0]
    assert "still holds its lock after 0.3 s; nothing was written" in lines[1]
    assert not (data / "corpus.json").exists() and not (data / "articles").exists()


def test_a_bad_lock_timeout_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSMAP_LOCK_TIMEOUT", "soon")
    with pytest.raises(NewsmapError, match="NEWSMAP_LOCK_TIMEOUT='soon' is not valid"):
        corpus.ingest([write_article(tmp_path / "x.txt", 1)], data_dir=tmp_path / "data")


# ---------------------------------------------------------------- 2. identity = source
def test_an_edited_article_is_updated_not_copied(tmp_path):
    data = tmp_path / "data"
    art = write_article(tmp_path / "cables-baltique.txt", 1)
    assert corpus.ingest([art], data_dir=data).new == 1
    art.write_text(art.read_text(encoding="utf-8").replace("Bordeaux", "Toulouse"), encoding="utf-8")
    report = corpus.ingest([art], data_dir=data)
    assert (report.new, report.updated, report.unchanged) == (0, 1, 0)
    assert [e["id"] for e in manifest(data)] == ["cables-baltique"] and documents(data) == ["cables-baltique"]
    doc = json.loads((data / "articles" / "cables-baltique.json").read_text(encoding="utf-8"))
    assert "Toulouse" in doc["article"]["text"] and doc["article"]["hash"] == manifest(data)[0]["hash"]
    assert "Toulouse" in (data / "raw" / "cables-baltique.txt").read_text(encoding="utf-8")
    # a changed sidecar (the date fixed) is a change too
    art.with_name("cables-baltique.meta.json").write_text('{"published": "2024-11-26"}', encoding="utf-8")
    assert corpus.ingest([art], data_dir=data).updated == 1 and manifest(data)[0]["published"] == "2024-11-26"
    assert corpus.ingest([art], data_dir=data).unchanged == 1


def test_same_names_from_different_places_stay_different_articles(tmp_path):
    data = tmp_path / "data"
    files = [write_article(tmp_path / "dirA" / "dépêche.txt", 1), write_article(tmp_path / "dirB" / "dépêche.txt", 2),
             write_article(tmp_path / "c" / "Été.txt", 3), write_article(tmp_path / "c" / "ete.txt", 4)]
    report = corpus.ingest(files, data_dir=data)
    assert (report.new, report.updated) == (4, 0)
    entries = manifest(data)
    assert len({e["id"] for e in entries}) == 4 and len({e["source_key"] for e in entries}) == 4
    assert documents(data) == sorted(e["id"] for e in entries)
    assert len({(data / e["file"]).read_text(encoding="utf-8") for e in entries}) == 4
    again = corpus.ingest(files, data_dir=data)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 4) and len(manifest(data)) == 4


def test_the_sidecar_id_is_the_identity(tmp_path):
    data = tmp_path / "data"
    a = write_article(tmp_path / "v1" / "brouillon.txt", 1)
    b = write_article(tmp_path / "v2" / "finale.txt", 2)
    for f in (a, b):
        f.with_name(f.stem + ".meta.json").write_text('{"published": "2024-11-25", "id": "AFP-123"}', encoding="utf-8")
    corpus.ingest([a], data_dir=data)
    assert corpus.ingest([b], data_dir=data).updated == 1
    assert [(e["id"], e["source_key"]) for e in manifest(data)] == [("afp-123", "id:AFP-123")]
    with pytest.raises(NewsmapError, match="same source as"):
        corpus.ingest([a, b], data_dir=tmp_path / "other")


def test_an_old_manifest_without_source_keys_still_works(seed_corpus):
    from conftest import SEED

    path = seed_corpus / "corpus.json"
    old = json.loads(path.read_text(encoding="utf-8"))
    for entry in old["articles"]:
        entry.pop("source_key", None)  # as written before source keys existed
    path.write_text(json.dumps(old, ensure_ascii=False, indent=1), encoding="utf-8")
    report = corpus.ingest([SEED], data_dir=seed_corpus)
    assert (report.new, report.updated, report.unchanged) == (0, 0, 1)
    [entry] = manifest(seed_corpus)
    assert entry["id"] == "article-2024-11-20-fr" and entry["source_key"].startswith("path:")


# ---------------------------------------------------------------- 3. partial ingests, modes, leftovers
def test_skip_bad_exits_0_after_a_partial_ingest_and_2_when_nothing_was_readable(tmp_path, capsys):
    data = tmp_path / "data"
    good = write_article(tmp_path / "bon.txt", 1)
    unreadable = write_article(tmp_path / "illisible.txt", 2)
    unreadable.with_name("illisible.meta.json").unlink()
    unreadable.with_name("illisible.meta.json").mkdir()  # a sidecar that cannot be read
    code, out, err = run_cli("ingest", good, unreadable, "--data-dir", data, "--skip-bad", "--no-progress", capsys=capsys)
    assert code == 0 and "1 new" in out
    assert err.strip().splitlines() == [f"newsmap: skipped {unreadable.with_name('illisible.meta.json')}: cannot read the file (Is a directory); check its permissions"]
    code, out, err = run_cli("ingest", unreadable, "--data-dir", data, "--skip-bad", capsys=capsys)
    assert code == 2 and "skipped" in err
    code, out, err = run_cli("ingest", unreadable, "--data-dir", data, capsys=capsys)
    assert code == 2 and "Is a directory" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o002, 0o664)])
def test_written_files_respect_the_umask(tmp_path, umask, mode):
    data = tmp_path / "data"
    old = os.umask(umask)
    try:
        corpus.ingest([write_article(tmp_path / "x.txt", 1)], data_dir=data)
    finally:
        os.umask(old)
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {"corpus.json", "x.json", "x.txt", "x.meta.json", ".lock"} <= {p.name for p in files}
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in files} == {p.name: mode for p in files}


def test_leftovers_of_a_killed_ingest_are_cleaned_by_the_next(seed_corpus, tmp_path):
    from conftest import SEED

    (seed_corpus / "articles" / "orphelin.json").write_text("{}", encoding="utf-8")
    (seed_corpus / ".corpus.jsonab12cd.tmp").write_text("{", encoding="utf-8")
    (seed_corpus / "raw" / ".x.txtzz.tmp").write_text("x", encoding="utf-8")
    report = corpus.ingest([SEED], data_dir=seed_corpus)
    assert report.cleaned == 3 and report.unchanged == 1
    assert documents(seed_corpus) == ["article-2024-11-20-fr"] and not list(seed_corpus.rglob("*.tmp"))


# ---------------------------------------------------------------- 12-13. checked input
@pytest.mark.parametrize("sidecar,needle", [
    ({"published": "2024-11-25", "title": ["a", "b"]}, "sidecar field 'title' must be a string, not list"),
    ({"published": "0005-06-01"}, "publication date 0005-06-01 is out of range"),
    ({"published": "9999-06-01"}, "publication date 9999-06-01 is out of range"),
    ({"published": 20241125}, "field 'published' must be a string"),
    ({"published": "2024-11-25", "lang": {"fr": 1}}, "field 'lang' must be a string"),
    ({"published": "2024-11-25", "id": "///"}, "field 'id' must be a string with letters or digits"),
    ({"published": "2024-02-31"}, "invalid publication date '2024-02-31'"),
])
def test_bad_sidecar_values_are_one_error_naming_file_and_field(tmp_path, sidecar, needle):
    art = write_article(tmp_path / "x.txt", 1)
    art.with_name("x.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    with pytest.raises(NewsmapError) as exc:
        read_article(art)
    assert str(exc.value).startswith(str(art.with_name("x.meta.json"))) and needle in str(exc.value)


def test_out_of_range_published_option_is_refused(tmp_path):
    with pytest.raises(NewsmapError, match="out of range"):
        read_article(write_article(tmp_path / "x.txt", 1), published="1750-01-01")


def test_a_nul_byte_anywhere_is_binary(tmp_path):
    art = write_article(tmp_path / "x.txt", 1)
    art.write_bytes(art.read_bytes() + b"a" * 10_000 + b"\x00" + b"fin.\n")
    with pytest.raises(NewsmapError, match="binary"):
        read_article(art)


def test_symlinks_reach_only_files_in_their_own_folder(tmp_path):
    inside = write_article(tmp_path / "vrai.txt", 1)
    (tmp_path / "lien.txt").symlink_to(inside)
    assert read_article(tmp_path / "lien.txt", published="2024-11-25").text == read_article(inside).text
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    with pytest.raises(NewsmapError, match="symbolic link to /etc/passwd"):
        read_article(tmp_path / "passwd.txt", published="2024-11-25")
    (tmp_path / "autre.meta.json").symlink_to("/etc/hostname")
    (tmp_path / "autre.txt").write_text("Le ministre a parlé lundi à Paris.", encoding="utf-8")
    with pytest.raises(NewsmapError, match="symbolic link"):
        read_article(tmp_path / "autre.txt", published="2024-11-25")


@pytest.mark.parametrize("which", ["article", "sidecar"])
def test_permission_denied_is_a_user_error(tmp_path, monkeypatch, which):
    art = write_article(tmp_path / "x.txt", 1)
    target = art if which == "article" else art.with_name("x.meta.json")
    real = type(art).read_bytes

    def denied(self):
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(type(art), "read_bytes", denied)
    with pytest.raises(NewsmapError, match=f"{target}: cannot read the file \\(Permission denied\\)"):
        read_article(art)


def test_many_bad_files_give_one_readable_line(tmp_path):
    files = []
    for i in range(12):
        f = tmp_path / f"sans-date-{i:02d}.txt"
        f.write_text("Le ministre a parlé lundi à Paris.", encoding="utf-8")
        files.append(f)
    with pytest.raises(NewsmapError) as exc:
        corpus.ingest(files, data_dir=tmp_path / "data")
    msg = str(exc.value)
    assert msg.startswith(f"{files[0]}: no publication date") and "(and 11 more files)" in msg and len(msg) < 400


# ---------------------------------------------------------------- 14. the evaluation articles ingest
def test_evaluation_articles_carry_their_sidecars():
    golds = [*sorted((ROOT / "eval" / "gold").glob("*.json")), *sorted((ROOT / "eval" / "heldout" / "gold").glob("*.json"))]
    checked = 0
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        path = ROOT / gold["file"]
        if not gold["file"].startswith("eval/"):
            continue
        art = read_article(path)  # no --published: the sidecar has it
        assert art.published.isoformat() == gold["published"] and art.title, path
        checked += 1
    assert checked == 19


# ---------------------------------------------------------------- 13. the dashboard sees edits
def test_corpus_version_changes_when_a_document_is_edited_in_place(seed_corpus, monkeypatch):
    monkeypatch.setattr(corpus, "SCAN_EVERY", 0.0)
    doc = seed_corpus / "articles" / "article-2024-11-20-fr.json"
    before = corpus.corpus_version(seed_corpus)
    assert corpus.corpus_version(seed_corpus) == before
    with open(doc, "r+b") as fh:  # in place: the folder's mtime does not move
        fh.seek(0, os.SEEK_END)
        fh.write(b"\n")
    assert corpus.corpus_version(seed_corpus) != before


def test_a_slow_document_scan_is_redone_in_the_background(seed_corpus, monkeypatch):
    """On a large corpus the scan (one stat per document) is slow: a run must not wait on it. The run
    gets the last digest at once; the edit shows once the background scan is done."""
    monkeypatch.setattr(corpus, "SCAN_EVERY", 0.0)
    monkeypatch.setattr(corpus, "SCAN_INLINE", -1.0)  # every scan counts as slow
    doc = seed_corpus / "articles" / "article-2024-11-20-fr.json"
    before = corpus.corpus_version(seed_corpus)  # the first scan is inline: there is no digest yet
    started = []
    real_start = corpus._scan_in_background
    monkeypatch.setattr(corpus, "_scan_in_background", lambda *a: (started.append(a), real_start(*a)))
    with open(doc, "r+b") as fh:
        fh.seek(0, os.SEEK_END)
        fh.write(b"\n")
    assert corpus.corpus_version(seed_corpus) == before  # answered from the last scan…
    assert started  # …while a rescan runs in the background
    corpus.wait_for_scans()
    assert corpus.corpus_version(seed_corpus) != before


def test_the_dashboards_slow_rescan_starts_after_its_run_not_beside_it(seed_corpus, monkeypatch):
    """A run reads the version with rescan=False (a slow scan would compete with the filter change it
    serves); the app asks for the rescan once its page is drawn (rescan_documents)."""
    monkeypatch.setattr(corpus, "SCAN_EVERY", 0.0)
    monkeypatch.setattr(corpus, "SCAN_INLINE", -1.0)  # every scan counts as slow
    before = corpus.corpus_version(seed_corpus)
    started = []
    real_start = corpus._scan_in_background
    monkeypatch.setattr(corpus, "_scan_in_background", lambda *a: (started.append(a), real_start(*a)))
    with open(seed_corpus / "articles" / "article-2024-11-20-fr.json", "r+b") as fh:
        fh.seek(0, os.SEEK_END)
        fh.write(b"\n")
    assert corpus.corpus_version(seed_corpus, rescan=False) == before and not started
    corpus.rescan_documents(seed_corpus)
    assert started
    corpus.wait_for_scans()
    assert corpus.corpus_version(seed_corpus, rescan=False) != before
    # the dashboard: no rescan while its run reads the version; one once the page is drawn
    from streamlit.testing.v1 import AppTest

    from test_app import APP
    monkeypatch.setenv("NEWSMAP_DATA_DIR", str(seed_corpus))
    seen = []
    monkeypatch.setattr(corpus, "corpus_version", lambda *a, real=corpus.corpus_version, **k: (seen.append(k), real(*a, **k))[1])
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert seen[0] == {"rescan": False} and seen[-1] == {}, seen
