"""``python -m newsmap``: extract, ingest, export, evaluate.

Errors a user can fix print one line, ``newsmap: <what is wrong and what to do>``, on stderr and
exit with status 2. Set ``NEWSMAP_DEBUG=1`` to see tracebacks of unexpected errors.
Installed as the ``newsmap`` command (pyproject.toml); ``python -m newsmap`` is the same.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from . import SCHEMA_VERSION, __version__
from .errors import E, NewsmapError


def _add_article_meta(p):
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date (anchors relative dates); else from the HTML or a sidecar <stem>.meta.json")
    p.add_argument("--lang", default=None, help="article language (default: fr, or the sidecar's)")
    p.add_argument("--encoding", default=None, help="text encoding when the file is not UTF-8 (e.g. latin-1)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsmap", description="News articles → places, dates, quotes, actors and events.")
    parser.add_argument("--version", action="version", version=f"newsmap {__version__} (schema {SCHEMA_VERSION})")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="print the extraction of one article as JSON on stdout (writes nothing)")
    p.add_argument("file", help=".txt (UTF-8) or .html file")
    _add_article_meta(p)
    p.add_argument("--title", help="article title (default: headline line, HTML title or first sentence)")
    p.add_argument("--source", help="outlet name")
    p.add_argument("--url", help="article URL")
    p.add_argument("--compact", action="store_true", help="one-line JSON")

    p = sub.add_parser("ingest", help="add or update articles in the corpus (one article per source file; atomic)")
    p.add_argument("files", nargs="+", help=".txt or .html files")
    p.add_argument("--data-dir", default=None, help="corpus folder (default: $NEWSMAP_DATA_DIR or data)")
    _add_article_meta(p)
    p.add_argument("--processes", type=int, default=None, help="parser processes (default: 2 for 8+ files, else 1)")
    p.add_argument("--skip-bad", action="store_true", help="ingest the readable files and report the others (exit 0 if any file was readable, 2 if none; default: write nothing if any file is bad)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--force", action="store_true", help="extract unchanged articles again (after upgrading newsmap)")
    p.add_argument("--source", help="outlet name for every file (default: the HTML site name or the sidecar's)")

    p = sub.add_parser("build-store", help="rebuild the query store (data/newsmap-<fingerprint>.duckdb) from the documents and corrections")
    p.add_argument("--data-dir", default=None, help="corpus folder (default: $NEWSMAP_DATA_DIR or data)")

    p = sub.add_parser("export", help="the data behind a dashboard view: filtered table as CSV, JSON or GeoJSON")
    p.add_argument("table", choices=["events", "quotes", "places", "actors"])
    p.add_argument("--format", choices=["csv", "json", "geojson"], default="json")
    p.add_argument("--data-dir", default=None)
    p.add_argument("--actor", action="append", default=[], help="repeatable")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    p.add_argument("--place", action="append", default=[], help="repeatable")
    p.add_argument("--kind", action="append", default=[], help="quote kind, repeatable: direct|partial|indirect")
    p.add_argument("--article", action="append", default=[], help="article id, repeatable")
    p.add_argument("--q", default="", help="free-text search")

    p = sub.add_parser("evaluate", help="score the pipeline against the gold annotations")
    p.add_argument("--gold", default=None, help="folder of gold files (default: eval/gold)")
    p.add_argument("--details", action="store_true", help="list every miss and false alarm")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def _progress(enabled):
    if not enabled:
        return None
    from tqdm import tqdm

    def wrap(it, total):
        return tqdm(it, total=total, unit="article", file=sys.stderr, disable=total < 2)

    return wrap


def cmd_extract(a) -> int:
    from .pipeline import extract
    from .reader import read_article

    art = read_article(a.file, published=a.published, lang=a.lang, title=a.title, source=a.source, url=a.url, encoding=a.encoding)
    doc = extract(art)
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=None if a.compact else 1)
    sys.stdout.write("\n")
    return 0


def _say(message: str) -> None:
    print(f"newsmap: {message}", file=sys.stderr, flush=True)


def cmd_ingest(a) -> int:
    from .corpus import data_dir_default, ingest

    data_dir = a.data_dir or data_dir_default()
    n = a.processes or (2 if len(a.files) >= 8 else 1)
    errors: list[str] = []
    report = ingest(a.files, data_dir=data_dir, published=a.published, lang=a.lang, n_process=n, encoding=a.encoding,
                    progress=_progress(not a.no_progress), skip_bad=a.skip_bad, errors=errors, notify=_say,
                    source=a.source, force=a.force)
    for e in errors:
        _say(f"skipped {e}")
    for w in report.warnings:
        _say(f"warning: {w}")
    if report.cleaned:
        _say(f"removed {report.cleaned} file{'s' if report.cleaned > 1 else ''} left by an interrupted ingest")
    print(report.line(data_dir))
    return 2 if errors and not report.total else 0  # --skip-bad: a partial ingest is a success


def _option_date(option: str, value: str | None):
    from .reader import parse_date

    if not value:
        return None
    try:
        return parse_date(value)
    except NewsmapError:
        raise NewsmapError(E.BAD_OPTION_DATE.format(option=option, value=value)) from None


def _check_known(option: str, wanted: list[str], known: set[str], hint: str) -> None:
    """One line naming the values of a filter option that the corpus does not have."""
    import difflib

    unknown = [v for v in dict.fromkeys(wanted) if v not in known]
    if not unknown:
        return
    close = [m for v in unknown for m in difflib.get_close_matches(v, sorted(known), n=1)]
    shown = ", ".join(repr(v) for v in unknown[:5]) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
    hint = f"did you mean {', '.join(repr(m) for m in close)}? " + hint if close else hint
    raise NewsmapError(E.UNKNOWN_VALUES.format(option=option, s="s" if len(unknown) > 1 else "", values=shown, hint=hint))


def cmd_build_store(a) -> int:
    import time

    from .store import build

    t0 = time.perf_counter()
    path = build(a.data_dir)
    print(f"built {path} in {time.perf_counter() - t0:.1f} s")
    return 0


def cmd_export(a) -> int:
    from . import export
    from .filters import QUOTE_KINDS, Filters, apply
    from .load import load

    start, end = _option_date("--from", a.start), _option_date("--to", a.end)
    corpus = load(a.data_dir)
    speakers = set(corpus.quotes["speaker"].dropna()) | set(corpus.events["asserted_by"].dropna())
    actors = set(corpus.actors["name"].dropna()) | speakers | {x for xs in corpus.events["actors"] for x in xs}
    _check_known("--actor", a.actor, actors, "`newsmap export actors` lists them")
    _check_known("--place", a.place, set(corpus.places["name"].dropna()), "`newsmap export places` lists them")
    _check_known("--kind", a.kind, set(QUOTE_KINDS), "use " + ", ".join(QUOTE_KINDS))
    _check_known("--article", a.article, set(corpus.articles["id"]), "the article ids are in corpus.json")
    f = Filters(actors=a.actor, start=start, end=end, places=a.place, kinds=a.kind, articles=a.article, q=a.q)
    sys.stdout.write(export.render(apply(corpus, f), a.table, a.format))
    return 0


def cmd_evaluate(a) -> int:
    from .evaluate import evaluate, report

    scores = evaluate(a.gold)
    print(json.dumps(scores["summary"], indent=1) if a.json else report(scores, details=a.details))
    return 0


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    handler = {"extract": cmd_extract, "ingest": cmd_ingest, "export": cmd_export, "evaluate": cmd_evaluate,
               "build-store": cmd_build_store}[args.command]
    try:
        return handler(args)
    except NewsmapError as exc:
        print(f"newsmap: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("newsmap: interrupted; the corpus is unchanged or fully updated (writes are atomic)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line, and the way to see more
        if os.environ.get("NEWSMAP_DEBUG"):
            raise
        print(f"newsmap: internal error ({type(exc).__name__}: {exc}); rerun with NEWSMAP_DEBUG=1 and report it", file=sys.stderr)
        return 1
