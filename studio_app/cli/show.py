"""``studio-app show report``: a show's whole record from a terminal (checks, compliance, promos, alerts ...).

Exit status: 0 printed; 1 no such show. Module-level imports stay light (argparse only).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studio_app.showday.report import ShowReport

EXIT_OK = 0
EXIT_NO_SHOW = 1


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "show",
        help="a show's record: checks, compliance, promos, cues, alerts, incidents, segments",
        description="Reports on one show. Exit status: 0 printed, 1 no such show.",
    )
    commands = parser.add_subparsers(dest="show_command", metavar="SUBCOMMAND", required=True)
    report = commands.add_parser(
        "report",
        help="print the show's record (default: the most recent show)",
        description="Prints what was recorded about the show: its device checks, compliance reviews, "
        "promos due, done and missed, cues, on-air alerts, incidents and segment times.",
    )
    report.add_argument("show_id", metavar="SHOW_ID", nargs="?", help="the show (default: the most recent)")
    report.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    report.set_defaults(func=report_handler)


def report_handler(args: argparse.Namespace) -> int:
    from studio_app.cli.common import open_context
    from studio_app.i18n import translate
    from studio_app.showday.report import ShowNotFoundError, build_show_report

    context = open_context(args)
    try:
        try:
            report = build_show_report(context, args.show_id)
        except ShowNotFoundError:
            if args.show_id is None:
                message = translate("ShowCli", "There is no show yet.")
            else:
                message = translate("ShowCli", "No show with the id {id}.").format(id=args.show_id)
            print(f"studio-app show report: {message}", file=sys.stderr)
            return EXIT_NO_SHOW
        if args.json:
            print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        else:
            print(format_report(report))
        return EXIT_OK
    finally:
        context.close()


def format_report(report: ShowReport) -> str:
    from studio_app.i18n import translate
    from studio_app.probes.labels import probe_label
    from studio_app.showday.report import checklist_lines

    def when(at: object) -> str:
        return "-" if at is None else f"{at:%Y-%m-%d %H:%M}"

    show = report.show
    lines = [
        show.title,
        translate("ShowCli", "Planned: {start} to {end}").format(
            start=when(show.planned_start), end=when(report.planned_end)
        ),
        translate("ShowCli", "On air: {start} to {end}").format(
            start=when(show.started_at), end=when(show.ended_at)
        ),
        "",
        translate("ShowCli", "Device checks: {count}").format(count=len(report.checks)),
    ]
    lines += [f"  {when(c.at)}  {c.verdict}" for c in report.checks]
    lines.append(f"{probe_label('failover')}: {len(report.drills)}")
    for d in report.drills:
        switch = "-" if d.switch_s is None else f"{d.switch_s:.1f} s"
        lines.append(f"  {when(d.at)}  {d.verdict}  {d.mode or '-'}  {d.interface or '-'}  {switch}")
    lines += checklist_lines(report.checklist)
    lines.append(translate("ShowCli", "Compliance reviews: {count}").format(count=len(report.compliance)))
    for c in report.compliance:
        state = translate("ShowCli", "accepted") if c.accepted else translate("ShowCli", "refused")
        lines.append(
            "  "
            + translate("ShowCli", "{at}  {who}  {state}, {forbidden} forbidden  {note}")
            .format(at=when(c.at), who=c.checked_by, state=state, forbidden=c.forbidden, note=c.note)
            .rstrip()
        )
    lines.append(
        translate("ShowCli", "Promos: {due} due, {done} done, {missed} missed").format(
            due=len(report.promos_due), done=len(report.promos_done), missed=len(report.promos_missed)
        )
    )
    lines.append(translate("ShowCli", "Cues: {count}").format(count=len(report.cues)))
    lines.append(translate("ShowCli", "On-air alerts: {count}").format(count=len(report.alerts)))
    lines += [f"  {when(a.start)} - {when(a.end)}  {a.kind}" for a in report.alerts]
    lines.append(translate("ShowCli", "Incidents: {count}").format(count=len(report.incidents)))
    lines += [f"  {when(i.at)}  {i.kind}  {i.description}".rstrip() for i in report.incidents]
    status = {
        "queued": translate("ShowCli", "waiting"),
        "shown": translate("ShowCli", "on the prompter"),
        "answered": translate("ShowCli", "answered"),
        "unanswered": translate("ShowCli", "not answered"),
    }
    lines.append(
        translate("ShowCli", "Viewer questions: {count}, {answered} answered").format(
            count=len(report.questions), answered=sum(q.status == "answered" for q in report.questions)
        )
    )
    lines += [
        f"  {when(q.asked_at)}  {'★' if q.starred else '☆'} {q.text}  ({status.get(q.status, q.status)})"
        for q in report.questions
    ]
    lines.append(translate("ShowCli", "Segments (planned / on air, minutes):"))
    for s in report.segments:
        actual = "-" if s.actual_s is None else f"{s.actual_s / 60:.1f}"
        lines.append(f"  {s.index + 1}. {s.title}  {s.planned_s / 60:.1f} / {actual}")
    return "\n".join(lines)
