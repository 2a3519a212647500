"""``studio-app check``: the pre-show device check from a terminal (SSH, scripts, CI of the studio).

Module-level imports stay light (argparse only): the handler imports the probes when it runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

PROBE_NAMES = ("camera", "lighting", "mic", "network", "hotspot")
EXIT_BAD_ARGS = 2


def parse_only(text: str) -> frozenset[str]:
    """``--only camera,mic``: a comma list of probe names (argparse turns the error into exit 2)."""
    names = {part.strip().lower() for part in text.split(",") if part.strip()}
    unknown = sorted(names - set(PROBE_NAMES))
    if not names or unknown:
        raise argparse.ArgumentTypeError(
            f"unknown probe(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(PROBE_NAMES)}"
        )
    return frozenset(names)


def parse_duration(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    # A full check must end within 10 s, and the probes need ~1.5 s around their capture.
    if not (0.5 <= value <= 8.0):
        raise argparse.ArgumentTypeError("the capture duration must be between 0.5 and 8 seconds")
    return value


def parse_report_path(text: str) -> str:
    if text.lower().endswith(".pdf"):
        # PDF is laid out by Qt, which the headless command does not load; the app exports PDF.
        raise argparse.ArgumentTypeError(
            "the command writes HTML reports (use FILE.html); export PDF from the app's check history"
        )
    return text


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "check",
        help="run the pre-show device check (camera, lighting, microphone, network, backup hotspot)",
        description="Runs the selected probes in parallel (at most 10 s), prints a table or JSON, stores "
        "the run in the workspace. Exit status: 0 GO or GO with warnings, 1 NO-GO, 2 bad arguments.",
    )
    parser.add_argument("--profile", metavar="NAME", help="studio profile (default: the default profile)")
    parser.add_argument("--camera", metavar="SRC", help="camera: device index, video file or URL")
    parser.add_argument("--mic", metavar="DEVICE", help="microphone: device name (or part of it) or index")
    parser.add_argument("--ingest", metavar="URL", help="ingest: rtmp://host[:port]/app or host:port")
    parser.add_argument(
        "--upload-target",
        metavar="URL",
        help="upload measurement endpoint (http(s)://… or iperf3://host:port)",
    )
    parser.add_argument("--hotspot", metavar="IFACE", help="backup hotspot network interface")
    parser.add_argument(
        "--duration", metavar="SECONDS", type=parse_duration, help="capture time per probe (0.5-8, default 3)"
    )
    parser.add_argument(
        "--only",
        metavar="PROBES",
        type=parse_only,
        help=f"comma-separated subset of: {','.join(PROBE_NAMES)}",
    )
    parser.add_argument(
        "--drill",
        choices=("failover",),
        help="instead of the check, run a drill: 'failover' takes the main line away (as root; otherwise "
        "binds to the hotspot) and tests the RTMP handshake and upload to the ingest over --hotspot",
    )
    parser.add_argument("--show", metavar="SHOW_ID", help="link the stored run to this show")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument(
        "--report",
        metavar="FILE",
        type=parse_report_path,
        help="also write an HTML report of the run to FILE",
    )
    parser.set_defaults(func=handler)


def _table(run: Any) -> str:
    from studio_app.i18n import translate
    from studio_app.probes.labels import probe_label, status_label
    from studio_app.probes.report import format_metric
    from studio_app.probes.verdict import fix_list

    key_metrics = {
        "camera": ("width", "height", "fps", "dropped_frames", "sharpness"),
        "lighting": ("mean_luma", "uniformity", "clipped_pct", "flicker_hz"),
        "mic": ("rms_dbfs", "peak_dbfs", "noise_floor_dbfs", "snr_db"),
        "network": ("rtt_ms", "jitter_ms", "loss_pct", "upload_mbps"),
        "hotspot": ("rtt_ms", "upload_mbps"),
        "failover": ("mode", "switch_s", "handshake_ms", "via_interface", "upload_mbps"),
    }
    rows = []
    for r in run.results:
        shown = " ".join(
            f"{name}={format_metric(r.metrics[name])}"
            for name in key_metrics.get(r.probe, ())
            if r.metrics.get(name) is not None
        )
        rows.append((probe_label(r.probe), status_label(r.status), r.message, shown))
    headers = (
        translate("CheckCli", "Check"),
        translate("CheckCli", "Status"),
        translate("CheckCli", "Result"),
        translate("CheckCli", "Key figures"),
    )
    widths = [max(_width(x) for x in col) for col in zip(headers, *rows, strict=False)]
    lines = []
    for row in (headers, *rows):
        cells = (cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True))
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines.append(
        translate("CheckCli", "Verdict: {verdict} ({seconds:.1f} s)").format(
            verdict=run.verdict.label(), seconds=run.duration_s
        )
    )
    fixes = fix_list(run.results)
    if fixes:
        lines.append(translate("CheckCli", "What to fix:"))
        for n, (probe, finding) in enumerate(fixes, 1):
            fix = f" → {finding.fix}" if finding.fix else ""
            lines.append(f"  {n}. [{probe_label(probe)}] {finding.message}{fix}")
    return "\n".join(lines)


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def handler(args: argparse.Namespace) -> int:
    from studio_app.cli.common import open_context
    from studio_app.i18n import translate
    from studio_app.probes.plan import DEFAULT_DURATION_S
    from studio_app.probes.profile import ProfileError
    from studio_app.probes.report import write_html_report
    from studio_app.probes.service import CheckService, DrillSetupError

    context = open_context(args)
    service = CheckService(context)
    if args.show is not None and not service.show_exists(args.show):
        print(
            "studio-app check: " + translate("CheckCli", "No show with the id {id}.").format(id=args.show),
            file=sys.stderr,
        )
        context.close()
        return EXIT_BAD_ARGS
    try:
        profile = service.profile(args.profile).with_overrides(
            camera_source=args.camera,
            mic_device=args.mic,
            ingest_url=args.ingest,
            upload_target=args.upload_target,
            hotspot_interface=args.hotspot,
        )
    except ProfileError as exc:
        print(f"studio-app check: {exc}", file=sys.stderr)
        context.close()
        return EXIT_BAD_ARGS
    try:
        if args.drill:
            saved = service.run_drill(profile, source="cli", show_id=args.show)
        else:
            # `--only camera` still runs the camera task, which measures lighting too; the run keeps what
            # was asked for.
            saved = service.run_check(
                profile,
                args.only or frozenset(PROBE_NAMES),
                source="cli",
                duration_s=args.duration or DEFAULT_DURATION_S,
                show_id=args.show,
            )
        run = saved.run
        if args.report:
            write_html_report(run, args.report)
        if args.json:
            out = run.to_json_dict()
            out["run_id"] = saved.run_id
            print(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        else:
            print(_table(run))
            if args.report:
                print(translate("CheckCli", "Report written to {path}").format(path=args.report))
        return run.verdict.exit_code
    except DrillSetupError as exc:
        print(f"studio-app check: {exc}", file=sys.stderr)
        return EXIT_BAD_ARGS
    except OSError as exc:
        print(f"studio-app check: {exc}", file=sys.stderr)
        return 1
    finally:
        context.close()
