"""``studio-app serve``: run the backend; ``studio-app serve add-studio NAME`` prints a new studio's token."""

from __future__ import annotations

import argparse
import sys


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
    serve.set_defaults(func=_serve)
    actions = serve.add_subparsers(dest="serve_command", metavar="ACTION")
    add = actions.add_parser("add-studio", help="create a studio and print its token (shown only once)")
    add.add_argument("name")
    add.add_argument("--database", metavar="URL", required=True)
    add.add_argument(
        "--head-office", action="store_true", help="this studio sees and edits every studio's data"
    )
    add.set_defaults(func=_add_studio)


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

    app = create_app(args.database, max_request_bytes=args.max_request_bytes)
    # Bind before announcing: whoever reads the line below can connect at once (port 0 picks a free one).
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(2048)
    port = sock.getsockname()[1]
    print(f"studio-app backend on http://{args.host}:{port}", flush=True)
    uvicorn.run(app, fd=sock.fileno(), log_level="warning", access_log=False)
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
