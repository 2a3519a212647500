"""``studio-app serve``: run the backend; its actions manage studios: ``add-studio NAME`` and
``rotate-token NAME`` print a token (shown once), ``revoke-studio NAME`` withdraws one, ``list-studios`` and
``list-computers`` show who may sync."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from studio_app.server.tokens import Computer


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    serve = subparsers.add_parser(
        "serve", help="run the sync backend (needs the 'server' extra: pip install studio-app[server])"
    )
    serve.add_argument("--database", metavar="URL", help="postgresql://user@host/db or sqlite:///path")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument(
        "--max-request-bytes", type=int, default=None, help="larger push requests are refused with 413"
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="server processes sharing the port (PostgreSQL: pushes run side by side; restarted if one dies)",
    )
    serve.add_argument("--tls-cert", metavar="FILE", help="serve HTTPS with this certificate (PEM)")
    serve.add_argument("--tls-key", metavar="FILE", help="the certificate's private key (PEM)")
    serve.add_argument(
        "--log-level",
        # Not uvicorn's "trace": it logs whole requests, headers and their tokens included.
        choices=("critical", "error", "warning", "info", "debug"),
        default="warning",
        help="info and debug also log each request (address and path, never its headers)",
    )
    serve.set_defaults(func=_serve)
    actions = serve.add_subparsers(dest="serve_command", metavar="ACTION")
    add = actions.add_parser("add-studio", help="create a studio and print its token (shown only once)")
    add.add_argument("name")
    add.add_argument("--database", metavar="URL", required=True)
    add.add_argument(
        "--head-office", action="store_true", help="this studio sees and edits every studio's data"
    )
    add.set_defaults(func=_add_studio)
    for name, help_text, func in (
        ("revoke-studio", "withdraw a studio's token: its desktops stop syncing at once", _revoke_studio),
        ("rotate-token", "give a studio a new token and print it (the old one stops working)", _rotate_token),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("name")
        action.add_argument("--database", metavar="URL", required=True)
        action.set_defaults(func=func)
    listing = actions.add_parser("list-studios", help="the studios, whether revoked, and their computers")
    listing.add_argument("--database", metavar="URL", required=True)
    listing.add_argument("--computers", action="store_true", help="also list each studio's computers")
    listing.set_defaults(func=_list_studios)
    computers = actions.add_parser("list-computers", help="the computers that synced, per studio")
    computers.add_argument("name", nargs="?", help="only this studio's")
    computers.add_argument("--database", metavar="URL", required=True)
    computers.set_defaults(func=_list_computers)


def _missing_extra(exc: ModuleNotFoundError) -> int:
    print(
        f"The backend needs the 'server' extra ({exc.name} is missing): pip install 'studio-app[server]'",
        file=sys.stderr,
    )
    return 1


def _serve(args: argparse.Namespace) -> int:
    if not args.database:
        print("studio-app serve: --database URL is required", file=sys.stderr)
        return 2
    try:
        import uvicorn

        from studio_app.server.app import create_app
    except ModuleNotFoundError as exc:
        return _missing_extra(exc)
    import socket

    if bool(args.tls_cert) != bool(args.tls_key):
        print("studio-app serve: --tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("studio-app serve: --workers is at least 1", file=sys.stderr)
        return 2
    # Bind before announcing: whoever reads the line below can connect at once (port 0 picks a free one).
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(2048)
    port = sock.getsockname()[1]
    scheme = "https" if args.tls_cert else "http"
    print(f"studio-app backend on {scheme}://{args.host}:{port}", flush=True)
    # The access log (info and debug) names the address and path; tokens travel in headers, which it never
    # logs.
    options: dict[str, Any] = {
        "log_level": args.log_level,
        "access_log": args.log_level in ("info", "debug"),
        "ssl_certfile": args.tls_cert,
        "ssl_keyfile": args.tls_key,
    }
    if args.workers == 1:
        app = create_app(args.database, max_request_bytes=args.max_request_bytes)
        uvicorn.run(app, fd=sock.fileno(), **options)
        return 0
    # Several processes accept on the one socket; each builds the app from the environment (they are
    # started fresh, not forked), and uvicorn's supervisor restarts one that dies.
    from uvicorn.supervisors import Multiprocess

    os.environ["STUDIO_SERVER_DATABASE"] = args.database
    if args.max_request_bytes is not None:
        os.environ["STUDIO_SERVER_MAX_REQUEST_BYTES"] = str(args.max_request_bytes)
    config = uvicorn.Config(
        "studio_app.server.app:app_from_env", factory=True, workers=args.workers, **options
    )
    Multiprocess(config, sockets=[sock]).run()
    return 0


def _add_studio(args: argparse.Namespace) -> int:
    try:
        from studio_app.server import service
    except ModuleNotFoundError as exc:
        return _missing_extra(exc)
    engine = service.open_engine(args.database)
    service.create_schema(engine)
    try:
        _studio, token = service.add_studio(engine, args.name, head_office=args.head_office)
    except service.StudioExistsError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(token)
    return 0


def _studio_action(args: argparse.Namespace, action: Callable[[Engine], int]) -> int:
    """Open the database, run ``action``; an unknown studio name is a message, not a traceback."""
    try:
        from studio_app.server import service, tokens
    except ModuleNotFoundError as exc:
        return _missing_extra(exc)
    engine = service.open_engine(args.database)
    service.create_schema(engine)
    try:
        return action(engine)
    except tokens.UnknownStudioError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def _revoke_studio(args: argparse.Namespace) -> int:
    from studio_app.server import tokens

    def revoke(engine: Engine) -> int:
        tokens.revoke_studio(engine, args.name)
        print(f"Studio {args.name}: token revoked; its desktops stop syncing with their next request.")
        return 0

    return _studio_action(args, revoke)


def _rotate_token(args: argparse.Namespace) -> int:
    from studio_app.server import tokens

    def rotate(engine: Engine) -> int:
        print(tokens.rotate_token(engine, args.name))
        return 0

    return _studio_action(args, rotate)


def _list_studios(args: argparse.Namespace) -> int:
    from studio_app.server import tokens

    def show(engine: Engine) -> int:
        for studio in tokens.list_studios(engine):
            state = f"revoked {studio.revoked_at:%Y-%m-%d %H:%M}" if studio.revoked_at else "active"
            role = "head office" if studio.head_office else "studio"
            print(f"{studio.name}\t{role}\t{state}\t{studio.computers} computers")
            if args.computers:
                _print_computers(tokens.list_computers(engine, studio.name), indent="  ")
        return 0

    return _studio_action(args, show)


def _list_computers(args: argparse.Namespace) -> int:
    from studio_app.server import tokens

    def show(engine: Engine) -> int:
        _print_computers(tokens.list_computers(engine, args.name))
        return 0

    return _studio_action(args, show)


def _print_computers(computers: list[Computer], indent: str = "") -> None:
    for computer in computers:
        print(
            f"{indent}{computer.studio}\t{computer.node_id}"
            f"\tfirst seen {computer.first_seen_at:%Y-%m-%d %H:%M}"
            f"\tlast seen {computer.last_seen_at:%Y-%m-%d %H:%M}"
        )
