"""``studio-app sync --server URL [--token-from-keyring] [--once]``: push and pull this workspace."""

from __future__ import annotations

import argparse
import sys

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_NO_TOKEN = 2
EXIT_OFFLINE = 3
EXIT_INSECURE = 4


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "sync",
        help="send this workspace's changes to the head-office server and fetch its changes",
        description="The token comes from $STUDIO_APP_TOKEN, or (--token-from-keyring) from the OS keyring.",
    )
    parser.add_argument(
        "--server", metavar="URL", help="e.g. https://hq.example.com (default: the last one used)"
    )
    parser.add_argument(
        "--token-from-keyring", action="store_true", help="read the studio token from the keyring"
    )
    parser.add_argument("--once", action="store_true", help="sync once and exit (default: keep syncing)")
    parser.add_argument("--interval", type=float, default=60.0, metavar="SECONDS", help="between syncs")
    parser.add_argument("--batch", type=int, default=5000, metavar="OPS", help="changes per push request")
    parser.add_argument("--page", type=int, default=1000, metavar="CHANGES", help="changes per pull request")
    parser.add_argument(
        "--ca",
        metavar="FILE",
        help="trust the server certificates this CA file signed (PEM), and remember it",
    )
    parser.add_argument(
        "--allow-http",
        action="store_true",
        help="allow plain http:// to this server (not loopback) from now on: only on a network you trust",
    )
    parser.set_defaults(func=_sync)


def _sync(args: argparse.Namespace) -> int:
    import time

    from studio_app.cli.common import open_context
    from studio_app.i18n import translate
    from studio_app.sync import transport
    from studio_app.sync.client import SyncClient, SyncError, resolve_token, token_from_keyring
    from studio_app.sync.report import AuthError, InsecureServerError
    from studio_app.sync.status import read_snapshot, restored_message

    context = open_context(args)
    try:
        server = args.server or read_snapshot(context).server_url
        if not server:
            print(translate("Sync", "No server given: use --server URL."), file=sys.stderr)
            return EXIT_NO_TOKEN
        token = (
            token_from_keyring(server)
            if args.token_from_keyring
            else resolve_token(server, use_keyring=False)
        )
        if not token:
            print(
                translate(
                    "Sync", "No studio token: set STUDIO_APP_TOKEN, or save it in the app's sync settings."
                ),
                file=sys.stderr,
            )
            return EXIT_NO_TOKEN
        if args.ca:
            transport.save_ca_file(args.ca)
        if args.allow_http:
            transport.set_http_allowed(server, True)
        try:
            client = SyncClient(
                context.writer, server, token, clock=context.clock, batch_ops=args.batch, page_size=args.page
            )
        except InsecureServerError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_INSECURE
        try:
            while True:
                try:
                    report = client.sync()
                except SyncError as exc:
                    client.record_failure(str(exc))
                    print(str(exc), file=sys.stderr)
                    if isinstance(exc, AuthError):
                        return EXIT_NO_TOKEN  # a revoked or wrong token does not heal by waiting
                    if isinstance(exc, InsecureServerError):
                        return EXIT_INSECURE
                    if args.once:
                        return EXIT_OFFLINE if exc.status == "offline" else EXIT_ERROR
                else:
                    print(
                        translate(
                            "Sync",
                            "Sent {pushed} changes, received {pulled}; "
                            "{conflicts} conflicts, {pending} waiting.",
                        ).format(
                            pushed=report.pushed_ops,
                            pulled=report.pulled_changes,
                            conflicts=report.new_conflicts + report.rejected_ops,
                            pending=report.pending_ops,
                        ),
                        flush=True,
                    )
                    if report.restored:
                        print(restored_message(), flush=True)
                    quarantined = read_snapshot(context).quarantined
                    if quarantined:
                        print(
                            translate(
                                "Sync",
                                "{new} incoming changes set aside this time, {total} in all: they are not "
                                "valid records and were not applied (see the sync_quarantine table).",
                            ).format(new=report.quarantined, total=quarantined),
                            file=sys.stderr,
                        )
                    if report.mismatched_tables:
                        print(
                            translate("Sync", "These tables still differ from the server: {tables}").format(
                                tables=", ".join(report.mismatched_tables)
                            ),
                            file=sys.stderr,
                        )
                    if report.clock_warning:
                        print(report.clock_warning, file=sys.stderr)
                    if args.once:
                        return EXIT_OK if not report.mismatched_tables else EXIT_ERROR
                time.sleep(args.interval)
        finally:
            client.close()
    finally:
        context.close()
