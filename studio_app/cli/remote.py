"""``studio-app remote``: pair a phone, tablet or Stream Deck with the app on this workspace, list, revoke.

The running app reads pairings from the workspace's database on every request, so a pairing made here
works at once, without restarting it. Module-level imports stay light (argparse only).
"""

from __future__ import annotations

import argparse
import json
import sys

EXIT_OK = 0
EXIT_NOT_FOUND = 1


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "remote",
        help="pair phones and tablets with the prompter remote; list and revoke pairings",
        description="Pairings for the phone remote and the follower prompter (studio-app gui --remote).",
    )
    commands = parser.add_subparsers(dest="remote_command", metavar="SUBCOMMAND", required=True)
    pair = commands.add_parser(
        "pair",
        help="make a pairing and print its link and token",
        description="Makes a pairing for the app on this workspace and prints the remote page's link and the "
        "token (send it as 'Authorization: Bearer TOKEN'). The token is shown once and not stored.",
    )
    pair.add_argument("--name", default="", help="what the device is, for the list (default: 'command line')")
    pair.add_argument("--json", action="store_true", help='print {"url": ..., "token": ...}')
    pair.set_defaults(func=pair_handler)
    listing = commands.add_parser("list", help="list pairings")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.set_defaults(func=list_handler)
    revoke = commands.add_parser("revoke", help="revoke a pairing: its device is refused from now on")
    revoke.add_argument("pairing_id", type=int, metavar="ID", help="the number shown by 'remote list'")
    revoke.set_defaults(func=revoke_handler)


def pair_handler(args: argparse.Namespace) -> int:
    from studio_app.cli.common import open_context
    from studio_app.i18n import translate
    from studio_app.remote.endpoint import base_url, load_settings, running_endpoint
    from studio_app.remote.pairing import PairingService

    context = open_context(args)
    try:
        made = PairingService(context).create_token(args.name or translate("RemoteCli", "command line"))
        served = running_endpoint(context.workspace)
        if served is None:
            saved = load_settings()
            served = base_url(saved.host, saved.port)
            print(
                translate(
                    "RemoteCli",
                    "The app on this workspace is not serving the remote now; start it with "
                    "'studio-app gui --remote'. The link assumes the port in settings.",
                ),
                file=sys.stderr,
            )
        url = f"{served}/remote#token={made.secret}"
        if args.json:
            print(json.dumps({"url": url, "token": made.secret, "pairing_id": made.pairing_id}))
        else:
            print(translate("RemoteCli", "Pairing {n}").format(n=made.pairing_id))
            print(translate("RemoteCli", "Link:  {url}").format(url=url))
            print(translate("RemoteCli", "Token: {token}").format(token=made.secret))
        return EXIT_OK
    finally:
        context.close()


def list_handler(args: argparse.Namespace) -> int:
    from studio_app.cli.common import open_context
    from studio_app.remote.pairing import PairingService

    context = open_context(args)
    try:
        rows = PairingService(context).pairings()
    finally:
        context.close()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": row.id,
                        "name": row.name,
                        "active": row.active,
                        "paired_at": row.paired_at.isoformat() if row.paired_at else None,
                        "last_seen_at": row.last_seen_at.isoformat() if row.last_seen_at else None,
                        "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None,
                    }
                    for row in rows
                ],
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    for row in rows:
        state = "revoked" if row.revoked_at else "active" if row.active else "link not opened"
        print(f"{row.id:>4}  {state:<16} {row.name}")
    return EXIT_OK


def revoke_handler(args: argparse.Namespace) -> int:
    from studio_app.cli.common import open_context
    from studio_app.i18n import translate
    from studio_app.remote.pairing import PairingService

    context = open_context(args)
    try:
        changes = PairingService(context).revoke(args.pairing_id)
    finally:
        context.close()
    if not changes:
        print(
            translate("RemoteCli", "No active pairing {n}.").format(n=args.pairing_id),
            file=sys.stderr,
        )
        return EXIT_NOT_FOUND
    return EXIT_OK
