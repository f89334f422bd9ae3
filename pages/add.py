"""Add articles: upload .txt/.html files or paste a text; the ingest runs in a background process
(newsmap/jobs.py), so this dashboard never loads spaCy. Its status is read from the job's folder, so a
reload still shows it; when it ends the app reruns and the new corpus version opens a new store."""
import streamlit as st

from newsmap import jobs
from newsmap.corpus import data_dir_default
from pages._boot import frame_state

frame_state()
DATA = data_dir_default()

st.caption("Articles are added with the same ingest as `newsmap ingest … --skip-bad`, in a background process: "
           "a bad file is reported and skipped, the others are added. Uploading a file with the same name again updates its article.")
with st.form("add_form"):
    uploads = st.file_uploader("Article files (.txt, .html)", type=["txt", "html", "htm"], accept_multiple_files=True, key="add_files")
    pasted = st.text_area("…or paste an article's text", height=180, key="add_text", placeholder="Titre\n\nTexte de l'article…")
    c1, c2, c3 = st.columns([1, 2, 1])
    published = c1.date_input("Publication date", value=None, format="YYYY-MM-DD", key="add_published",
                              help="Needed for pasted text and .txt files; an HTML page may carry its own.")
    title = c2.text_input("Title", key="add_title", help="For pasted text or a single file (else the headline line is used).")
    outlet = c3.text_input("Outlet", key="add_outlet", help="For every file of this batch (else the HTML site name).")
    submitted = st.form_submit_button("Add to the corpus", icon=":material/add_circle:", type="primary")

if submitted:
    uploads = uploads or []
    problem = jobs.form_problem([u.name for u in uploads], pasted, published)
    if problem:
        st.error(problem, icon=":material/error:")
    else:
        day = published.isoformat() if published else ""
        job = jobs.new_job(DATA)
        one = len(uploads) + bool(pasted.strip()) == 1
        for u in uploads:
            jobs.add_file(job, u.name, u.getvalue(), day, title if one else "", outlet)
        if pasted.strip():
            jobs.add_file(job, None, pasted.encode("utf-8"), day, title, outlet)
        jobs.start(job, DATA)


def show(job, status):
    state = status.get("state")
    files = ", ".join(status.get("files", []))
    with st.container(border=True, key=f"job-{job.name}"):
        if state == "done":
            st.success(status.get("summary") or "done", icon=":material/check_circle:")
        elif state == "failed":
            st.error(f"The ingest failed (exit {status.get('returncode')}).", icon=":material/error:")
        else:
            st.info(f"Running since {status.get('started', '')[11:]}: extracting {files}…", icon=":material/hourglass_top:")
        for m in status.get("messages", []):
            st.caption(m)
        st.caption(f"Job {job.name} · {files}")


def jobs_panel(polling: bool):
    listed = jobs.list_jobs(DATA)
    if polling and not any(s.get("state") == "running" for _, s in listed):
        st.rerun()  # the jobs ended: the whole app reruns, reads the new corpus version and opens its store
    if listed:
        st.markdown("#### Recent additions")
    for job, status in listed:
        show(job, status)


running_now = any(s.get("state") == "running" for _, s in jobs.list_jobs(DATA))
st.fragment(jobs_panel, run_every=2 if running_now else None)(running_now)
