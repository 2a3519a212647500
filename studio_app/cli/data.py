"""``studio-app data …``: import a platform export, print or export a show's review, run the live feed.

Exit status: 0 done; 1 no such show (or no shows); 2 the file could not be read or imported (the message
names the line). Module-level imports stay light (argparse only).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_NO_SHOW = 1
EXIT_BAD_FILE = 2


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "data",
        help="metrics: import platform exports, review a show (复盘), export the review, live feed",
        description="Show metrics. --show takes a show id; without it the most recent show is used. "
        "Exit status: 0 done, 1 no such show, 2 the file could not be read or imported.",
    )
    commands = parser.add_subparsers(dest="data_command", metavar="SUBCOMMAND", required=True)

    shows = commands.add_parser("shows", help="list shows with their ids and sample counts")
    shows.set_defaults(func=shows_handler)

    imp = commands.add_parser(
        "import",
        help="import a CSV/XLSX minute table (抖音罗盘 / 巨量百应); all rows or none",
        description="Columns are recognised by their usual names (在线人数, 成交金额, watch_ucnt, "
        "pay_gmv ...) or by the mapping last used for --source.",
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--show", metavar="SHOW_ID")
    imp.add_argument(
        "--source", default="抖音罗盘", help="where the file comes from (mapping remembered per source)"
    )
    imp.add_argument("--date", metavar="YYYY-MM-DD", help="the show's date, for files with times of day only")
    imp.set_defaults(func=import_handler)

    review = commands.add_parser("review", help="print the review metrics with their formulas")
    review.add_argument("--show", metavar="SHOW_ID")
    review.set_defaults(func=review_handler)

    export = commands.add_parser("export", help="write the review as CSV or as an HTML report with charts")
    export.add_argument("--show", metavar="SHOW_ID")
    export.add_argument("--format", choices=("csv", "html"), default="html")
    export.add_argument("--out", metavar="PATH", required=True)
    export.set_defaults(func=export_handler)

    feed = commands.add_parser(
        "feed", help="run the live HTTP feed on loopback until Ctrl-C (see docs/metrics_feed.md)"
    )
    feed.add_argument("--show", metavar="SHOW_ID")
    feed.add_argument("--port", type=int, default=8765)
    feed.set_defaults(func=feed_handler)


def _context(args: argparse.Namespace) -> Any:
    from studio_app.cli.common import open_context

    return open_context(args)


def _show_id(context: Any, wanted: str | None) -> str | None:
    from studio_app.metrics import repo

    with context.db.session() as s:
        shows = repo.list_shows(s)
    if wanted:
        return wanted if any(sh.id == wanted for sh in shows) else None
    return shows[0].id if shows else None


def _no_show(wanted: str | None) -> int:
    from studio_app.i18n import translate

    if wanted:
        print(translate("DataCli", "No show with id {id}.").format(id=wanted), file=sys.stderr)
    else:
        print(translate("DataCli", "There are no shows in this workspace."), file=sys.stderr)
    return EXIT_NO_SHOW


def shows_handler(args: argparse.Namespace) -> int:
    from studio_app.metrics import repo

    context = _context(args)
    try:
        with context.db.session() as s:
            for show in repo.list_shows(s):
                start = repo.show_start(show).astimezone().strftime("%Y-%m-%d %H:%M")
                print(f"{show.id}  {start}  {repo.sample_count(s, show.id):6d}  {show.title}")
    finally:
        context.close()
    return EXIT_OK


def import_handler(args: argparse.Namespace) -> int:
    from datetime import date

    from studio_app.i18n import translate
    from studio_app.metrics import repo
    from studio_app.metrics.imports import MetricImportError, detect_mapping, parse_samples, read_table

    context = _context(args)
    try:
        show_id = _show_id(context, args.show)
        if show_id is None:
            return _no_show(args.show)
        try:
            day = date.fromisoformat(args.date) if args.date else None
            table = read_table(Path(args.file))
            with context.db.session() as s:
                mapping = detect_mapping(table.headers, repo.remembered_mapping(s, args.source))
            parsed = parse_samples(table, mapping, day=day)
        except (MetricImportError, ValueError) as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_BAD_FILE
        with context.db.session() as s:
            repo.save_import(s, show_id, parsed, args.source)
        print(
            translate("DataCli", "Imported {n} rows from {name} (encoding {encoding}).").format(
                n=len(parsed.samples), name=table.file_name, encoding=table.encoding
            )
        )
        for warning in parsed.warnings:
            print(warning)
        return EXIT_OK
    finally:
        context.close()


def review_handler(args: argparse.Namespace) -> int:
    from studio_app.metrics import repo
    from studio_app.metrics.review import format_metric_value

    context = _context(args)
    try:
        show_id = _show_id(context, args.show)
        if show_id is None:
            return _no_show(args.show)
        with context.db.session() as s:
            _source, review, _timeline = repo.load_review(s, show_id)
        for m in review.metrics:
            print(f"{m.label:<28} {format_metric_value(m.value, m.unit):>16}   {m.formula}")
        return EXIT_OK
    finally:
        context.close()


def export_handler(args: argparse.Namespace) -> int:
    from studio_app.i18n import translate
    from studio_app.metrics import repo
    from studio_app.metrics.export import ReportInput, write_review_csv, write_review_html
    from studio_app.store.live import get_live
    from studio_app.store.models import Show

    context = _context(args)
    try:
        show_id = _show_id(context, args.show)
        if show_id is None:
            return _no_show(args.show)
        with context.db.session() as s:
            source, review, timeline = repo.load_review(s, show_id)
            _, samples = repo.review_samples(s, show_id)
            show = get_live(s, Show, show_id)
            title = show.title if show else ""
            incidents = tuple((i.at, i.kind, i.description) for i in repo.incidents(s, show_id))
        report = ReportInput(
            title, review, samples, timeline.segments, timeline.promos, source or "", incidents
        )
        out = Path(args.out)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            (write_review_csv if args.format == "csv" else write_review_html)(out, report)
        except OSError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_BAD_FILE
        print(translate("DataCli", "Review saved to {path}").format(path=out))
        return EXIT_OK
    finally:
        context.close()


def feed_handler(args: argparse.Namespace) -> int:  # pragma: no cover - runs until interrupted
    import contextlib
    import threading

    from studio_app.metrics import repo
    from studio_app.metrics.feed import MetricsFeedServer

    context = _context(args)
    try:
        show_id = _show_id(context, args.show)
        if show_id is None:
            return _no_show(args.show)

        def sink(requested: str | None, samples: Any) -> int:
            with context.db.session() as s:
                return repo.add_feed_samples(s, requested or show_id, samples)

        server = MetricsFeedServer(sink, context.clock, port=args.port)
        server.start()
        print(f"{server.url}/v1/samples  (show {show_id}); Ctrl-C to stop", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
        server.stop()
        return EXIT_OK
    finally:
        context.close()
