"""Command line: ``studio-app`` opens the GUI; subcommands serve technicians over SSH and scripts."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from studio_app import __version__

if TYPE_CHECKING:
    from studio_app.context import AppContext
    from studio_app.workspace import Workspace

log = logging.getLogger(__name__)

# Each module adds its subcommands through register(subparsers); handlers return the exit code.
FEATURE_CLIS = (
    "studio_app.selftest",
    "studio_app.probes.cli",
    "studio_app.script.cli",
    "studio_app.metrics.cli",
    "studio_app.sync.cli",
    "studio_app.server.cli",
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
    gui.set_defaults(func=_run_gui)
    for name in FEATURE_CLIS:
        importlib.import_module(name).register(sub)
    return parser


def open_context(args: argparse.Namespace) -> AppContext:
    """The workspace and its database for a command; sets up logging and the translator."""
    from studio_app.context import AppContext
    from studio_app.logs import setup_logging

    workspace = workspace_for(args).ensure()
    setup_logging(workspace.log_file, console=getattr(args, "verbose", False))
    install_cli_translator(getattr(args, "lang", None))
    return AppContext.open(workspace)


def workspace_for(args: argparse.Namespace) -> Workspace:
    """``--workspace``, else ``STUDIO_APP_WORKSPACE``, else the folder set in settings, else the default."""
    from studio_app.ui.settings import resolve_workspace

    return resolve_workspace(getattr(args, "workspace", None))


def install_cli_translator(lang: str | None) -> None:
    """Commands speak the app's language: ``--lang``, else the one chosen in settings, else the system's."""
    from studio_app.ui.settings import saved_language
    from studio_app.ui.translations import install_translator

    install_translator(None, lang or saved_language())


def _run_gui(args: argparse.Namespace) -> int:
    from studio_app.app import run_gui

    return run_gui(args)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        func = _run_gui
        args.quit_after = None
        args.screenshot = None
        args.tab = None
    from studio_app.store.db import StoreError

    try:
        return int(func(args) or 0)
    except StoreError as exc:
        print(f"studio-app: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
