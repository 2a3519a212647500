"""Command line: ``studio-app`` opens the GUI; subcommands serve technicians over SSH and scripts.

Each module of this package is a thin shell over one area's service: it parses arguments, opens the
workspace and prints; the work itself lives in the area (``probes``, ``script``, ``metrics``, ``sync``).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from studio_app import __version__

log = logging.getLogger(__name__)

# Each module adds its subcommands through register(subparsers); handlers return the exit code.
FEATURE_CLIS = (
    "studio_app.cli.selftest",
    "studio_app.cli.check",
    "studio_app.cli.script",
    "studio_app.cli.show",
    "studio_app.cli.data",
    "studio_app.cli.sync",
    "studio_app.cli.serve",
    "studio_app.cli.remote",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studio-app",
        description="Studio Console: device checks, teleprompter and review for a live-commerce studio. "
        "Without a subcommand it opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"studio-app {__version__}")
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        help="workspace folder (database, logs, reports); "
        "default: $STUDIO_APP_WORKSPACE or the user data folder",
    )
    parser.add_argument(
        "--lang", choices=("zh_CN", "en"), help="language for this run (overrides the setting)"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="also log to the terminal")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    gui.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    gui.add_argument("--tab", choices=("checks", "script", "data"), help="area to show first")
    gui.add_argument(
        "--remote", action="store_true", help="serve the phone remote and follower prompter on the studio LAN"
    )
    gui.add_argument(
        "--remote-port", type=int, metavar="N", help="port for --remote (default: the one in settings, 8765)"
    )
    gui.set_defaults(func=_run_gui)
    for name in FEATURE_CLIS:
        importlib.import_module(name).register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    # No cyclic collection while the app starts (run_gui turns it back on once the window is up): start-up
    # makes objects that live as long as the app, and walking them again and again cost a sixth of it.
    gc.disable()
    from studio_app.app import run_gui

    code = run_gui(args)
    # By now the window saved its layout, the workers and devices stopped and the database closed. Leave
    # without tearing Qt and every module down object by object: that took a fifth of a second of each quit.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        func = _run_gui
        args.quit_after = None
        args.screenshot = None
        args.tab = None
    from studio_app.store.errors import StoreError

    try:
        return int(func(args) or 0)
    except StoreError as exc:
        print(f"studio-app: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
