"""``studio-app data …``: import a platform export, print or export a show's review, run the live feed.

Exit status: 0 done; 1 no such show (or no shows); 2 the file could not be read or imported (the message
names the line), or a bad amount. Module-level imports stay light (argparse only).
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
        help="import a CSV/XLSX minute, product or traffic-source table (抖音罗盘 / 巨量百应); "
        "all rows or none",
        description="The kind of table is told from its header (时间 / 商品ID / 渠道). Columns are "
        "recognised by their usual names (在线人数, 成交金额, 商品点击人数, watch_ucnt, pay_gmv ...) or by "
        "the mapping last used for --source.",
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--show", metavar="SHOW_ID")
    imp.add_argument(
        "--source", default="抖音罗盘", help="where the file comes from (mapping remembered per source)"
    )
    imp.add_argument("--date", metavar="YYYY-MM-DD", help="the show's date, for files with times of day only")
    imp.set_defaults(func=import_handler)

    review = commands.add_parser(
        "review",
        help="print the review metrics with their formulas, or the whole review as JSON",
        description="--json prints one object: metrics (money in yuan), segments, promos, products, "
        "weak_products, never_sold, traffic, interaction.",
    )
    review.add_argument("--show", metavar="SHOW_ID")
    review.add_argument("--json", action="store_true", help="one JSON object on stdout")
    review.set_defaults(func=review_handler)

    spend = commands.add_parser(
        "spend", help="enter ad spend for a show (千川, 随心推 ...): the review's ad ROI uses it"
    )
    spend.add_argument("--show", metavar="SHOW_ID")
    spend.add_argument("--amount", metavar="YUAN", type=float, required=True, help="money spent, in yuan")
    spend.add_argument("--channel", default="千川", help="where it was spent (default 千川)")
    spend.set_defaults(func=spend_handler)

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


def _service(context: Any) -> Any:
    from studio_app.metrics.service import MetricsService

    return MetricsService(context)


def _no_show(wanted: str | None) -> int:
    from studio_app.i18n import translate

    if wanted:
        print(translate("DataCli", "No show with id {id}.").format(id=wanted), file=sys.stderr)
    else:
        print(translate("DataCli", "There are no shows in this workspace."), file=sys.stderr)
    return EXIT_NO_SHOW


def _open(args: argparse.Namespace) -> Any:
    from studio_app.cli.common import open_context

    return open_context(args)


def shows_handler(args: argparse.Namespace) -> int:
    context = _open(args)
    try:
        for show, count in _service(context).show_counts():
            start = show.start.astimezone().strftime("%Y-%m-%d %H:%M")
            print(f"{show.id}  {start}  {count:6d}  {show.title}")
    finally:
        context.close()
    return EXIT_OK


def import_handler(args: argparse.Namespace) -> int:
    from datetime import date

    from studio_app.i18n import translate
    from studio_app.metrics.imports import MetricImportError

    context = _open(args)
    try:
        service = _service(context)
        show_id = service.resolve_show(args.show)
        if show_id is None:
            return _no_show(args.show)
        try:
            day = date.fromisoformat(args.date) if args.date else None
            result = service.import_file(show_id, Path(args.file), args.source, day)
        except (MetricImportError, ValueError) as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_BAD_FILE
        print(
            translate("DataCli", "Imported {n} rows from {name} (encoding {encoding}).").format(
                n=result.rows, name=result.file_name, encoding=result.encoding
            )
        )
        for warning in result.warnings:
            print(warning)
        return EXIT_OK
    finally:
        context.close()


def review_handler(args: argparse.Namespace) -> int:
    from studio_app.metrics.review import format_metric_value

    context = _open(args)
    try:
        service = _service(context)
        show_id = service.resolve_show(args.show)
        if show_id is None:
            return _no_show(args.show)
        data = service.load_review(show_id)
        if args.json:
            import json

            from studio_app.metrics.imports import CHINA_TZ
            from studio_app.metrics.review_json import review_json

            print(json.dumps(review_json(data, CHINA_TZ), ensure_ascii=False, indent=2))
            return EXIT_OK
        for m in data.review.metrics:
            print(f"{m.label:<28} {format_metric_value(m.value, m.unit):>16}   {m.formula}")
        return EXIT_OK
    finally:
        context.close()


def spend_handler(args: argparse.Namespace) -> int:
    from studio_app.i18n import translate

    if args.amount <= 0:
        print(translate("DataCli", "The amount must be more than 0 yuan."), file=sys.stderr)
        return EXIT_BAD_FILE
    context = _open(args)
    try:
        service = _service(context)
        show_id = service.resolve_show(args.show)
        if show_id is None:
            return _no_show(args.show)
        service.add_ad_spend(show_id, args.channel, args.amount)
        print(
            translate("DataCli", "Added ¥{amount:,.2f} of ad spend ({channel}) to show {id}.").format(
                amount=args.amount, channel=args.channel, id=show_id
            )
        )
        return EXIT_OK
    finally:
        context.close()


def export_handler(args: argparse.Namespace) -> int:
    from studio_app.i18n import translate

    context = _open(args)
    try:
        service = _service(context)
        show_id = service.resolve_show(args.show)
        if show_id is None:
            return _no_show(args.show)
        out = Path(args.out)
        try:
            service.export_review(show_id, out, args.format)
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

    from studio_app.metrics.live_feed import LiveFeed

    context = _open(args)
    try:
        service = _service(context)
        show_id = service.resolve_show(args.show)
        if show_id is None:
            return _no_show(args.show)
        feed = LiveFeed(service, context.clock)
        feed.on_air_show_id = show_id
        url = feed.start(args.port)
        print(f"{url}/v1/samples  (show {show_id}); Ctrl-C to stop", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
        feed.stop()
        return EXIT_OK
    finally:
        context.close()
