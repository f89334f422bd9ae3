"""The command line as a user meets it: real processes, exit codes, one-line errors, no traceback."""
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEED, snapshot


def run(*args, cwd=None, env=None):
    e = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run([sys.executable, "-m", "newsmap", *args], capture_output=True, text=True, cwd=cwd or ROOT, env=e, timeout=300)


def assert_clean_error(r, *needles):
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsmap: "), r.stderr
    assert "Traceback" not in r.stderr
    for n in needles:
        assert n in lines[0]


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    (d / "empty.txt").write_text("  \n\t \n", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" + bytes(range(256)) * 4)
    (d / "latin1.txt").write_bytes("L'armée a frappé la région, a déclaré le ministre à Kiev.".encode("latin-1"))
    (d / "big.txt").write_bytes(b"Le ministre a parle. " * (20 * 1024 * 1024 // 21 + 1))
    (d / "english.txt").write_text(
        "The minister said on Tuesday that the government was ready to talk. " * 8, encoding="utf-8")
    (d / "nodate.txt").write_text("Le ministre a parlé mardi à Kiev, a déclaré son porte-parole.", encoding="utf-8")
    return d


def test_extract_prints_json_and_writes_nothing(tmp_path):
    before = snapshot(ROOT / "data")
    r = run("extract", str(SEED), "--published", "2024-11-20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert set(doc) == {"schema", "article", "quotes", "dates", "places", "actors", "events"}
    assert list(tmp_path.iterdir()) == [] and snapshot(ROOT / "data") == before


@pytest.mark.parametrize("name,needle", [
    ("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8"), ("big.txt", "MB"),
    ("english.txt", "looks like 'en'"), ("nodate.txt", "--published"),
])
def test_bad_input_gives_one_line_and_exit_2(bad_files, name, needle):
    args = ["extract", str(bad_files / name)] + ([] if name == "nodate.txt" else ["--published", "2024-11-20"])
    assert_clean_error(run(*args), needle)


def test_latin1_with_explicit_encoding_works(bad_files):
    r = run("extract", str(bad_files / "latin1.txt"), "--published", "2024-11-20", "--encoding", "latin-1")
    assert r.returncode == 0 and json.loads(r.stdout)["places"][0]["name"] == "Kiev"


def test_bad_publication_date():
    assert_clean_error(run("extract", str(SEED), "--published", "2024-02-31"), "2024-02-31")


def test_missing_file():
    assert_clean_error(run("extract", "no/such/file.txt", "--published", "2024-11-20"), "no such file")


def test_html_with_scripts(tmp_path):
    html = ("<html><head><title>Frappe sur Odessa</title><script>alert('x')</script></head><body><article>"
            "<p>« Nous tiendrons », a déclaré mardi le maire d'Odessa, Guennadi Troukhanov, devant la presse réunie sur le port.</p>"
            + "<p>Les secours ont travaillé toute la nuit dans le centre de la ville, où plusieurs immeubles ont été touchés par les frappes.</p>" * 3
            + "<script>document.write('pirate')</script></article></body></html>")
    f = tmp_path / "page.html"
    f.write_text(html, encoding="utf-8")
    r = run("extract", str(f), "--published", "2024-11-20")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert "alert" not in doc["article"]["text"] and "pirate" not in doc["article"]["text"]
    assert doc["quotes"][0]["text"] == "Nous tiendrons" and doc["article"]["title"] == "Frappe sur Odessa"


def test_unbalanced_guillemets_and_impossible_date(tmp_path):
    f = tmp_path / "odd.txt"
    f.write_text("Le ministre a déclaré le 31 février que « tout allait bien. Puis il est parti à Paris.", encoding="utf-8")
    r = run("extract", str(f), "--published", "2024-11-20")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["dates"][0]["value"] is None and doc["places"][0]["name"] == "Paris"


def test_ingest_bad_input_leaves_corpus_unchanged(seed_corpus, bad_files):
    before = snapshot(seed_corpus)
    for name in ("empty.txt", "binary.txt", "latin1.txt", "big.txt", "english.txt", "nodate.txt"):
        pub = [] if name == "nodate.txt" else ["--published", "2024-11-20"]
        r = run("ingest", str(bad_files / name), "--data-dir", str(seed_corpus), *pub)
        assert r.returncode == 2 and "Traceback" not in r.stderr, (name, r.stdout, r.stderr)
    # a good file next to a bad one: nothing is written either
    r = run("ingest", str(SEED), str(bad_files / "empty.txt"), "--data-dir", str(seed_corpus), "--published", "2024-11-20")
    assert r.returncode == 2 and "nothing was written" in r.stderr
    assert snapshot(seed_corpus) == before


def test_ingest_is_idempotent_and_reports(seed_corpus, tmp_path):
    art = tmp_path / "nouveau.txt"
    art.write_text("Le président Emmanuel Macron a déclaré lundi à Paris que « la France tiendra bon ».", encoding="utf-8")
    r = run("ingest", str(art), "--data-dir", str(seed_corpus), "--published", "2024-11-25", "--source", "Le Monde")
    assert r.returncode == 0 and "1 new" in r.stdout
    assert len(list(seed_corpus.glob("newsmap-*.duckdb"))) == 1  # the query store follows the corpus
    after_first = snapshot(seed_corpus)
    r = run("ingest", str(art), "--data-dir", str(seed_corpus), "--published", "2024-11-25", "--source", "Le Monde")
    assert "0 new, 0 updated, 1 unchanged" in r.stdout and snapshot(seed_corpus) == after_first
    man = json.loads((seed_corpus / "corpus.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in man["articles"]] == ["article-2024-11-20-fr", "nouveau"] and man["articles"][1]["source"] == "Le Monde"
    assert (seed_corpus / "raw" / "nouveau.txt").exists()


def test_export_is_the_data_twin(seed_corpus):
    r = run("export", "quotes", "--data-dir", str(seed_corpus), "--actor", "Sergueï Lavrov", "--format", "json")
    assert r.returncode == 0
    assert {q["speaker"] for q in json.loads(r.stdout)} == {"Sergueï Lavrov"} and len(json.loads(r.stdout)) == 3
    r = run("export", "places", "--data-dir", str(seed_corpus), "--format", "geojson")
    feats = json.loads(r.stdout)["features"]
    assert {"Kiev", "Bryansk", "Rio de Janeiro"} & {f["properties"]["name"] for f in feats} >= {"Kiev", "Rio de Janeiro"}


def test_missing_corpus_is_a_clear_error(tmp_path):
    assert_clean_error(run("export", "events", "--data-dir", str(tmp_path / "none")), "no corpus")


# ---------------------------------------------------------------- export names what it cannot find
@pytest.mark.parametrize("args,line", [
    (["--from", "2024-13-01"], "newsmap: invalid --from date '2024-13-01': expected YYYY-MM-DD (a real calendar date)"),
    (["--to", "demain"], "newsmap: invalid --to date 'demain'"),
    (["--actor", "Sergei Lavrov"], "newsmap: unknown --actor value: 'Sergei Lavrov' (did you mean 'Sergueï Lavrov'?"),
    (["--actor", "X", "--actor", "Y"], "newsmap: unknown --actor values: 'X', 'Y'"),
    (["--kind", "shout"], "newsmap: unknown --kind value: 'shout' (use direct, partial, indirect)"),
    (["--place", "Atlantide"], "newsmap: unknown --place value: 'Atlantide'"),
    (["--article", "nope"], "newsmap: unknown --article value: 'nope'"),
])
def test_export_names_an_invalid_or_unknown_filter_value(seed_corpus, capsys, args, line):
    from newsmap.cli import main

    code = main(["export", "quotes", "--data-dir", str(seed_corpus), *args])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and err.startswith(line), err


# ---------------------------------------------------------------- the newsmap command
def test_newsmap_is_a_console_script(tmp_path):
    import shutil
    import tomllib

    from newsmap.cli import build_parser, main

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"] == {"newsmap": "newsmap.cli:main"} and callable(main)
    assert "-e ." in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert build_parser().prog == "newsmap"
    exe = shutil.which("newsmap")
    if exe is None:
        pytest.skip("`pip install -r requirements.txt` has not been run in this environment")
    r = subprocess.run([exe, "--version"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert r.returncode == 0 and r.stdout.startswith("newsmap ")
    r = subprocess.run([exe, "export", "events", "--data-dir", str(tmp_path / "none")], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert r.returncode == 2 and r.stderr.startswith("newsmap: no corpus")
