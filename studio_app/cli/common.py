"""What every command shares: the workspace, its database and the language, with no Qt loaded."""

from __future__ import annotations

import argparse
import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studio_app.context import AppContext
    from studio_app.workspace import Workspace


def open_context(args: argparse.Namespace) -> AppContext:
    """The workspace and its database for a command; sets up logging and the translator."""
    # Start-up makes hundreds of thousands of objects that live as long as the command (modules, classes,
    # the ORM's mappers); the cyclic collector walking them again and again cost a sixth of the start.
    # Frozen afterwards, it leaves them alone during a long import too.
    gc.disable()
    try:
        context = _open(args)
    finally:
        gc.freeze()
        gc.enable()
    return context


def _open(args: argparse.Namespace) -> AppContext:
    from studio_app.context import AppContext
    from studio_app.logs import setup_logging

    workspace = workspace_for(args).ensure()
    setup_logging(workspace.log_file, console=getattr(args, "verbose", False))
    install_cli_translator(getattr(args, "lang", None))
    return AppContext.open(workspace)


def workspace_for(args: argparse.Namespace) -> Workspace:
    """``--workspace``, else ``STUDIO_APP_WORKSPACE``, else the folder set in settings, else the default."""
    from studio_app.settings import resolve_workspace

    return resolve_workspace(getattr(args, "workspace", None))


def install_cli_translator(lang: str | None) -> None:
    """Commands speak the app's language: ``--lang``, else the one chosen in settings, else the system's."""
    from studio_app.i18n import install_catalog
    from studio_app.settings import saved_language

    install_catalog(lang or saved_language())
