"""AppTest for the *Add articles* page: the form's validation, and a submitted text becoming a job
folder with its sidecar (the background ingest itself is tested in test_jobs.py)."""
import datetime as dt
import json

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from newsmap import jobs


@pytest.fixture
def add_page(seed_corpus, monkeypatch):
    monkeypatch.setenv("NEWSMAP_DATA_DIR", str(seed_corpus))
    started = []

    def start(job, data_dir):  # no spaCy run here: the job is recorded and reads as done
        started.append((job, data_dir))
        jobs._write_status(job, state="done", summary="ingested (test)", files=["pasted.txt"], messages=["newsmap: a message"])

    monkeypatch.setattr(jobs, "start", start)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/add.py").run()
    assert not at.exception, at.exception
    return at, started, seed_corpus


def submit(at):
    next(b for b in at.button if b.label == "Add to the corpus").click().run()


def test_pasted_text_without_a_date_is_refused(add_page):
    at, started, data = add_page
    at.text_area(key="add_text").set_value("Emmanuel Macron était à Lyon.")
    submit(at)
    assert not at.exception and any("publication date is needed" in e.value and "pasted text" in e.value for e in at.error)
    assert not started and not (data / ".incoming").exists()


def test_empty_form_is_refused(add_page):
    at, started, _ = add_page
    submit(at)
    assert any(e.value == jobs.E.ADD_NOTHING for e in at.error) and not started


def test_pasted_text_makes_a_job_with_its_sidecar(add_page):
    at, started, data = add_page
    at.text_area(key="add_text").set_value("Emmanuel Macron était à Lyon.")
    at.date_input(key="add_published").set_value(dt.date(2025, 3, 4))
    at.text_input(key="add_title").set_value("Macron à Lyon")
    at.text_input(key="add_outlet").set_value("Le Test")
    submit(at)
    assert not at.exception and not at.error
    assert any(m.value == "ingested (test)" for m in at.success) and any(c.value == "newsmap: a message" for c in at.caption)
    [(job, data_dir)] = started
    assert job.parent == data / ".incoming" and str(data_dir) == str(data)
    assert (job / "pasted.txt").read_text(encoding="utf-8") == "Emmanuel Macron était à Lyon."
    meta = json.loads((job / "pasted.meta.json").read_text(encoding="utf-8"))
    assert meta["published"] == "2025-03-04" and meta["title"] == "Macron à Lyon" and meta["source"] == "Le Test"
    assert meta["id"].startswith("pasted-")
