"""``studio-app script …``: lint, price check, import, export and a new-show template from a terminal.

Exit status, the same for every subcommand: 0 all good; 1 something was found (a forbidden phrase, a price
to confirm, an unknown show); 2 the file could not be read or is not a valid script, or a review was refused
(forbidden terms accepted without a reason). Module-level imports stay
light (argparse only): handlers import what they need when they run.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_UNREADABLE = 2


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "script",
        help="show scripts: compliance lint (极限词), price check, import, export, new-show template",
        description="Work with show scripts in the plain-text script format. Exit status: 0 all good, "
        "1 something found (forbidden phrase, price to confirm, unknown show), 2 unreadable or invalid file.",
    )
    commands = parser.add_subparsers(dest="script_command", metavar="SUBCOMMAND", required=True)

    lint = commands.add_parser(
        "lint",
        help="flag 广告法 absolute claims, guarantees, false authority, medical and numeric claims",
        description="Checks a script or any UTF-8 text file ('-' reads standard input) against the word "
        "list (built in, plus <workspace>/wordlists/ad_law_zh.json when present). Exit 1 when a forbidden "
        "phrase is found.",
    )
    lint.add_argument("file", metavar="FILE")
    lint.add_argument("--json", action="store_true", help="print one JSON object instead of lines")
    lint.add_argument("--wordlist", metavar="JSON", help="use this word list instead of the built-in one")
    lint.add_argument(
        "--record",
        metavar="SHOW_ID",
        help="keep this check as the show's pre-stream compliance record (who, when, what was flagged)",
    )
    lint.add_argument(
        "--checked-by",
        metavar="NAME",
        default="",
        help="the reviewer's name (with --record; default: login name)",
    )
    lint.add_argument(
        "--accept",
        action="store_true",
        help="the reviewer accepts what was flagged (with --record); forbidden terms need --note",
    )
    lint.add_argument(
        "--note",
        metavar="REASON",
        default="",
        help="why the flagged terms are kept (with --record); required to --accept forbidden terms",
    )
    lint.set_defaults(func=lint_handler)

    records = commands.add_parser(
        "records",
        help="list the signed compliance records (直播前审核), of one show and/or between two days",
        description="Lists compliance records oldest first, deleted shows' records included (they are kept "
        "for three years). DATE is YYYY-MM-DD in local time, both ends included.",
    )
    records.add_argument("--show", metavar="SHOW_ID", help="only this show's records")
    records.add_argument("--from", dest="first_day", metavar="DATE", help="checked on or after this day")
    records.add_argument("--to", dest="last_day", metavar="DATE", help="checked on or before this day")
    records.add_argument("--csv", metavar="FILE", help="write them as CSV to FILE instead of listing them")
    records.set_defaults(func=records_handler)

    check = commands.add_parser(
        "check",
        help="price sanity: a missing or extra zero, live price above list price, no stock",
        description="Reads a script and lists the product cards whose prices or stock need a second "
        "confirmation before the show. Exit 1 when there is any.",
    )
    check.add_argument("file", metavar="FILE")
    check.add_argument("--json", action="store_true", help="print one JSON object instead of lines")
    check.set_defaults(func=check_handler)

    new = commands.add_parser("new", help="write a new-show template with the standard modules")
    new.add_argument("file", metavar="FILE")
    new.add_argument("--title", default="", help="the show's title")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    new.set_defaults(func=new_handler)

    imp = commands.add_parser(
        "import",
        help="store a script file with a show (a new show unless --show is given)",
        description="Parses FILE (nothing is stored if it has an error) and saves it as the show's newest "
        "script revision. Prints the show id.",
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--show", metavar="SHOW_ID", help="attach to this show instead of creating one")
    imp.set_defaults(func=import_handler)

    exp = commands.add_parser(
        "export", help="write a show's current script to FILE ('-' for standard output)"
    )
    exp.add_argument("show_id", metavar="SHOW_ID")
    exp.add_argument("file", metavar="FILE")
    exp.set_defaults(func=export_handler)

    delete = commands.add_parser(
        "delete-show",
        help="delete a show (it leaves every list; refused while it is on air)",
        description="Marks the show deleted, the way that syncs to the head office. Exit 1 when there is no "
        "such show, it is already deleted, or it is on air.",
    )
    delete.add_argument("show_id", metavar="SHOW_ID")
    delete.set_defaults(func=delete_show_handler)


# ----------------------------------------------------------------------------------------------------------
# helpers


def _install_translator(args: argparse.Namespace) -> None:
    from studio_app.cli.common import install_cli_translator

    install_cli_translator(getattr(args, "lang", None))


def _error(message: str) -> None:
    print(f"studio-app script: {message}", file=sys.stderr)


def _read_text(name: str) -> str | None:
    """The file's text, or None after printing why it cannot be read."""
    from studio_app.i18n import translate

    if name == "-":
        try:
            return sys.stdin.buffer.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            _error(translate("ScriptCli", "standard input is not UTF-8 text."))
            return None
    path = Path(name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        _error(translate("ScriptCli", "cannot read {path}: {error}").format(path=path, error=exc.strerror))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        _error(
            translate("ScriptCli", "{path} is not UTF-8 text; save it as UTF-8 and try again.").format(
                path=path
            )
        )
        return None


def _parse(name: str) -> tuple[str, Any] | None:
    from studio_app.i18n import translate
    from studio_app.script.format import ScriptFormatError, parse_script

    text = _read_text(name)
    if text is None:
        return None
    try:
        return text, parse_script(text)
    except ScriptFormatError as exc:
        _error(translate("ScriptCli", "{path}: {error}").format(path=name, error=exc))
        return None


def _print_json(data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


# ----------------------------------------------------------------------------------------------------------
# handlers


def lint_handler(args: argparse.Namespace) -> int:
    from studio_app.cli.common import workspace_for
    from studio_app.i18n import translate
    from studio_app.script.lint import (
        Severity,
        WordlistError,
        count_by_severity,
        default_wordlist,
        describe_hit,
        lint_text,
        load_wordlist,
    )

    _install_translator(args)
    try:
        if args.wordlist:
            wordlist = load_wordlist(Path(args.wordlist))
        else:
            wordlist = default_wordlist(workspace_for(args).root)
    except WordlistError as exc:
        _error(str(exc))
        return EXIT_UNREADABLE
    text = _read_text(args.file)
    if text is None:
        return EXIT_UNREADABLE
    hits = lint_text(text, wordlist)
    counts = count_by_severity(hits)
    forbidden = counts[Severity.FORBIDDEN] > 0
    if args.json:
        _print_json(
            {
                "file": args.file,
                "wordlist_version": wordlist.version,
                "counts": {severity.value: count for severity, count in counts.items()},
                "forbidden": forbidden,
                "hits": [hit.to_dict() for hit in hits],
            }
        )
    else:
        for hit in hits:
            print(f"{args.file}:{hit.line}:{hit.column}: {describe_hit(hit, with_position=False)}")
        print(
            translate(
                "ScriptCli", "{forbidden} forbidden, {caution} caution, {evidence} needing evidence."
            ).format(
                forbidden=counts[Severity.FORBIDDEN],
                caution=counts[Severity.CAUTION],
                evidence=counts[Severity.NEEDS_EVIDENCE],
            )
        )
    if args.record:
        recorded = _record_review(args, text, hits, wordlist)
        if recorded != EXIT_OK:
            return recorded
    return EXIT_FOUND if forbidden else EXIT_OK


def _record_review(args: argparse.Namespace, text: str, hits: list[Any], wordlist: Any) -> int:
    """Sign the check with the show: 0 when stored, 1 for an unknown show, 2 when the rule refuses it
    (nothing is stored then)."""
    import getpass

    from studio_app.cli.common import open_context
    from studio_app.i18n import translate
    from studio_app.script.compliance import ReviewRefused, flagged_terms
    from studio_app.script.format import ScriptFormatError, parse_script
    from studio_app.script.pricing import check_prices
    from studio_app.script.service import ScriptService

    try:
        price_flags = check_prices(parse_script(text).products)
    except ScriptFormatError:
        price_flags = []  # plain text, not a script: no product cards to check
    context = open_context(args)
    try:
        recorded = ScriptService(context).record_review(
            args.record,
            text,
            hits=hits,
            wordlist=wordlist,
            price_flags=price_flags,
            checked_by=args.checked_by or getpass.getuser(),
            accepted=args.accept,
            note=args.note,
            # One --note is the reason for every term kept.
            reasons=dict.fromkeys((term.text for term in flagged_terms(hits)), args.note),
        )
    except ReviewRefused as exc:
        _error(str(exc))
        return EXIT_UNREADABLE
    finally:
        context.close()
    if not recorded.found:
        _error(translate("ScriptCli", "there is no show with id {id}.").format(id=args.record))
        return EXIT_FOUND
    if args.accept:
        message = translate("ScriptCli", "Compliance review saved with show {id}: accepted.")
    else:
        message = translate("ScriptCli", "Compliance review saved with show {id}: not accepted.")
    print(message.format(id=args.record), file=sys.stderr if args.json else sys.stdout)
    return EXIT_OK


def _day(text: str | None) -> date | None:
    """A YYYY-MM-DD argument; raises ValueError with the translated reason."""
    from studio_app.i18n import translate

    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            translate("ScriptCli", "{text} is not a date; write it as YYYY-MM-DD.").format(text=text)
        ) from None


def records_handler(args: argparse.Namespace) -> int:
    from studio_app.cli.common import open_context
    from studio_app.i18n import translate
    from studio_app.script.records_report import (
        accepted_text,
        checked_at_text,
        show_text,
        terms_text,
        write_records_csv,
    )
    from studio_app.script.service import ScriptService

    _install_translator(args)
    try:
        first_day, last_day = _day(args.first_day), _day(args.last_day)
    except ValueError as exc:
        _error(str(exc))
        return EXIT_UNREADABLE
    context = open_context(args)
    try:
        records = ScriptService(context).list_records(args.show, first_day, last_day)
    finally:
        context.close()
    if args.csv:
        path = Path(args.csv)
        try:
            write_records_csv(records, path)
        except OSError as exc:
            _error(
                translate("ScriptCli", "cannot write {path}: {error}").format(path=path, error=exc.strerror)
            )
            return EXIT_UNREADABLE
        print(
            translate("ScriptCli", "Wrote {n} compliance record(s) to {path}.").format(
                n=len(records), path=path
            )
        )
        return EXIT_OK
    for record in records:
        print(
            "\t".join(
                (
                    checked_at_text(record),
                    show_text(record),
                    record.checked_by,
                    accepted_text(record),
                    terms_text(record),
                    record.note,
                )
            )
        )
    print(translate("ScriptCli", "{n} compliance record(s).").format(n=len(records)))
    return EXIT_OK


def check_handler(args: argparse.Namespace) -> int:
    from studio_app.i18n import translate
    from studio_app.script.pricing import check_prices

    _install_translator(args)
    parsed = _parse(args.file)
    if parsed is None:
        return EXIT_UNREADABLE
    _text, script = parsed
    flags = check_prices(script.products)
    if args.json:
        _print_json(
            {
                "file": args.file,
                "products": len(script.products),
                "flags": [
                    {"key": f.key, "link_no": f.link_no, "kind": f.kind.value, "message": f.message}
                    for f in flags
                ],
            }
        )
    else:
        for flag in flags:
            print(flag.message)
        if flags:
            print(
                translate("ScriptCli", "{n} price or stock warning(s) need a second confirmation.").format(
                    n=len(flags)
                )
            )
        else:
            print(
                translate("ScriptCli", "{n} product card(s) checked; prices and stock look sane.").format(
                    n=len(script.products)
                )
            )
    return EXIT_FOUND if flags else EXIT_OK


def new_handler(args: argparse.Namespace) -> int:
    from studio_app.i18n import translate
    from studio_app.script.format import new_show_template

    _install_translator(args)
    path = Path(args.file)
    if path.exists() and not args.force:
        _error(
            translate("ScriptCli", "{path} already exists; use --force to overwrite it.").format(path=path)
        )
        return EXIT_FOUND
    try:
        path.write_text(new_show_template(args.title), encoding="utf-8")
    except OSError as exc:
        _error(translate("ScriptCli", "cannot write {path}: {error}").format(path=path, error=exc.strerror))
        return EXIT_UNREADABLE
    print(translate("ScriptCli", "Wrote a new-show template to {path}.").format(path=path))
    return EXIT_OK


def import_handler(args: argparse.Namespace) -> int:
    from studio_app.cli.common import open_context
    from studio_app.i18n import translate
    from studio_app.script.service import ScriptService

    _install_translator(args)
    parsed = _parse(args.file)  # before opening the workspace: a bad file changes nothing
    if parsed is None:
        return EXIT_UNREADABLE
    text, script = parsed
    context = open_context(args)
    try:
        saved = ScriptService(context).import_script(script, text, Path(args.file).name, show_id=args.show)
    finally:
        context.close()
    if saved is None:
        _error(translate("ScriptCli", "there is no show with id {id}.").format(id=args.show))
        return EXIT_FOUND
    show_id, revision = saved.show_id, saved.revision
    print(
        translate(
            "ScriptCli", "Imported “{title}” ({n} segments, {p} products) as revision {rev} of show {id}."
        ).format(title=script.title, n=len(script.segments), p=len(script.products), rev=revision, id=show_id)
    )
    return EXIT_OK


def export_handler(args: argparse.Namespace) -> int:
    from studio_app.cli.common import open_context
    from studio_app.i18n import translate
    from studio_app.script.service import ScriptService

    context = open_context(args)
    try:
        text = ScriptService(context).script_source(args.show_id)
    finally:
        context.close()
    if text is None:
        _error(
            translate("ScriptCli", "show {id} has no script (or there is no such show).").format(
                id=args.show_id
            )
        )
        return EXIT_FOUND
    if args.file == "-":
        sys.stdout.write(text)
        return EXIT_OK
    path = Path(args.file)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        _error(translate("ScriptCli", "cannot write {path}: {error}").format(path=path, error=exc.strerror))
        return EXIT_UNREADABLE
    print(
        translate("ScriptCli", "Wrote the script of show {id} to {path}.").format(id=args.show_id, path=path)
    )
    return EXIT_OK


def delete_show_handler(args: argparse.Namespace) -> int:
    from studio_app.cli.common import open_context
    from studio_app.i18n import translate
    from studio_app.script.repo import DeleteShowOutcome
    from studio_app.script.service import ScriptService

    _install_translator(args)
    context = open_context(args)
    try:
        outcome = ScriptService(context).delete_show(args.show_id)
    finally:
        context.close()
    if outcome is DeleteShowOutcome.NOT_FOUND:
        _error(translate("ScriptCli", "there is no show with id {id}.").format(id=args.show_id))
        return EXIT_FOUND
    if outcome is DeleteShowOutcome.ON_AIR:
        _error(
            translate("ScriptCli", "show {id} is on air; end it before deleting it.").format(id=args.show_id)
        )
        return EXIT_FOUND
    print(translate("ScriptCli", "Deleted show {id}.").format(id=args.show_id))
    return EXIT_OK
