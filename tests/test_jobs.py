"""The *Add articles* page's background ingest (newsmap/jobs.py): a real ingest in a child process,
its status file, the bad file's message, and the running dashboard seeing the new article."""
import json
import time

from streamlit.testing.v1 import AppTest

from conftest import ROOT, blocks
from newsmap import corpus, jobs

TEXT = ("Visite à Marseille\n\nLe maire de Marseille, Benoît Payan, a inauguré mardi le nouveau quai du port. "
        "« Ce chantier change la ville », a déclaré Benoît Payan devant la presse.\n").encode("utf-8")


def wait_for(job, condition, timeout=120):
    """Poll the job's status file (its own signal) until ``condition`` holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = jobs.read_status(job)
        if condition(status):
            return status
        time.sleep(0.05)
    raise AssertionError(f"status never reached the condition: {jobs.read_status(job)}")


def summary(at):
    return next(v for v in blocks(at) if "nm-summary" in v)


def test_background_ingest_adds_the_article_and_the_running_app_shows_it(seed_corpus, monkeypatch):
    monkeypatch.setenv("NEWSMAP_DATA_DIR", str(seed_corpus))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    before, version = summary(at), corpus.corpus_version(seed_corpus)

    job = jobs.new_job(seed_corpus)
    jobs.add_file(job, None, TEXT, "2025-03-04", "Le port de Marseille", "Le Test")
    jobs.add_file(job, "vide.txt", b"  \n", "2025-03-04")
    with corpus.corpus_lock(seed_corpus):  # another ingest holds the corpus: the job waits and says so
        proc = jobs.start(job, seed_corpus)
        waiting = wait_for(job, lambda s: any("waiting for another ingest" in m for m in s["messages"]))
        assert waiting["state"] == "running" and proc.poll() is None
    assert proc.wait(timeout=300) == 0  # the job's own end

    status = jobs.read_status(job)
    assert status["state"] == "done" and status["summary"].startswith("ingested 1 article (1 new"), status
    assert status["messages"][1:] == ["newsmap: skipped vide.txt: the file is empty (or only whitespace); nothing to extract"]
    assert sorted(p.name for p in job.iterdir()) == ["status.json"]  # inputs removed
    entry = next(e for e in json.loads((seed_corpus / "corpus.json").read_text())["articles"] if e["source"] == "Le Test")
    assert entry["title"] == "Le port de Marseille" and entry["published"] == "2025-03-04"
    assert entry["file"].startswith("raw/") and (seed_corpus / entry["file"]).read_bytes() == TEXT  # copied, not left in .incoming

    assert corpus.corpus_version(seed_corpus) != version
    again = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)  # a new session in the same process: the
    again.run()  # store cache (st.cache_resource) is shared, so only the new corpus version can open a new store
    assert not again.exception and summary(again) != before
    assert "Payan" in " ".join(again.session_state["nm"]["store"].actor_options())


def test_form_problems():
    assert jobs.form_problem([], "  ", None) == jobs.E.ADD_NOTHING
    assert "pasted text" in jobs.form_problem([], "Texte", None)
    assert "a.txt" in jobs.form_problem(["a.txt", "b.html"], "", None)
    assert jobs.form_problem(["b.html"], "", None) is None  # an HTML page may carry its date
    assert jobs.form_problem(["a.txt"], "Texte", "2025-03-04") is None


def test_a_killed_job_reads_as_failed(tmp_path):
    job = jobs.new_job(tmp_path)
    (job / "status.json").write_text(json.dumps({"state": "running", "pid": 2**22 + 12345, "files": []}))
    assert jobs.read_status(job)["state"] == "failed"
