"""Is a row's payload a row of its table? The one check both sides run before a change is stored.

The server refuses an op that fails it (nothing stored); a desktop sets a pulled change that fails it
aside in its quarantine (a server older than this check may hold such rows) and goes on with its pull.
Checked against the table itself: every column of the right JSON type for the column (ISO datetimes,
integers, booleans, money in fen as integers), text within the column's length, NOT NULL columns present
and not null, no unknown column, and the row's id equal to the payload's ``id``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import decimal
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Table

from studio_app.i18n import translate
from studio_app.sync.codec import TableCodec, column_python_type
from studio_app.sync.hlc import Hlc

# Wider than any column here (SQLite and PostgreSQL's BIGINT are 64-bit signed).
_INT_LIMIT = 1 << 63


@dataclass(frozen=True)
class Refusal:
    """Why a change cannot be stored: a stable ``code`` for programs, a ``message`` for people."""

    code: str
    message: str


def check_stamp(text: str) -> Refusal | None:
    try:
        Hlc.decode(text)
    except ValueError:
        return bad_stamp(text)
    return None


def bad_stamp(text: str) -> Refusal:
    return Refusal(
        "bad_stamp",
        translate(
            "Sync",
            "The change's clock stamp {stamp!r} is not in the app's format; the computer that made it runs "
            "a damaged or foreign program.",
        ).format(stamp=text[:80]),
    )


def check_payload(codec: TableCodec, row_id: str, data: Any) -> Refusal | None:
    """None when ``data`` (the decoded JSON of a row) can be stored in ``codec``'s table as row ``row_id``."""
    table = codec.name
    if not isinstance(data, dict):
        return Refusal(
            "bad_row", translate("Sync", "The data for a {table} row is not a record.").format(table=table)
        )
    if data.get("id") != row_id:
        return Refusal(
            "id_mismatch",
            translate("Sync", "The {table} row {row} carries the id {other} in its data.").format(
                table=table, row=row_id, other=str(data.get("id"))[:40]
            ),
        )
    rules = _rules(codec.table)
    for name, value in data.items():
        rule = rules.get(name)
        if rule is None:
            unknown = sorted(data.keys() - rules.keys())
            return Refusal(
                "unknown_column",
                translate("Sync", "Unknown columns for {table}: {columns}.").format(
                    table=table, columns=", ".join(unknown)[:200]
                ),
            )
        if value is None:
            if rule.nullable:
                continue
        elif rule.fits(value) and (rule.length is None or len(value) <= rule.length):
            continue
        return rule.refusal(table, value)
    for rule in rules.values():
        if rule.required and rule.name not in data:
            return rule.refusal(table, _ABSENT)
    return None


_ABSENT = object()


@dataclass(frozen=True)
class _Rule:
    """What one column takes, worked out once per table (a push checks every column of every row)."""

    name: str
    required: bool  # absent is refused: NOT NULL and no default to fill it
    nullable: bool
    kind: str  # what ``fits`` wants, for the message
    fits: Callable[[Any], bool]
    length: int | None  # for text columns

    def refusal(self, table: str, value: Any) -> Refusal:
        """Why ``value`` (``_ABSENT``: none was sent) does not fit."""
        if value is _ABSENT:
            code, problem = "missing_value", translate("Sync", "a value is required and none was sent.")
        elif value is None:
            code, problem = "missing_value", translate("Sync", "a value is required, got null.")
        elif not self.fits(value):
            code, problem = (
                "bad_type",
                translate("Sync", "expected {kind}, got {value}.").format(
                    kind=self.kind, value=repr(value)[:60]
                ),
            )
        else:
            code, problem = (
                "too_long",
                translate("Sync", "{n} characters, at most {limit} fit.").format(
                    n=len(value), limit=self.length
                ),
            )
        return Refusal(
            code,
            translate("Sync", "{table}.{column}: {problem}").format(
                table=table, column=self.name, problem=problem
            ),
        )


@functools.cache
def _rules(table: Table) -> dict[str, _Rule]:
    rules = {}
    for column in table.columns:
        kind, fits = _checker(column)
        has_default = column.default is not None or column.server_default is not None
        rules[column.name] = _Rule(
            column.name,
            required=not column.nullable and not has_default,
            nullable=bool(column.nullable),
            kind=kind,
            fits=fits,
            length=getattr(column.type, "length", None),
        )
    return rules


def _checker(column: Column[Any]) -> tuple[str, Callable[[Any], bool]]:
    """A name for the expected kind of value (for the message) and the test a JSON value must pass."""
    python_type = column_python_type(column)
    if python_type is bool:
        return translate("Sync", "true or false"), lambda v: isinstance(v, bool)
    if python_type is int:
        return translate("Sync", "a whole number"), _is_int
    if python_type is float:
        return translate("Sync", "a number"), lambda v: type(v) is float or _is_int(v)
    if python_type is str:
        return translate("Sync", "text"), lambda v: type(v) is str
    if python_type is dt.datetime:
        return translate("Sync", "an ISO date and time with its time zone"), _is_aware_datetime
    if python_type in (dt.date, dt.time):
        return translate("Sync", "an ISO date or time"), _parses(python_type.fromisoformat)
    if python_type is dt.timedelta:
        return translate("Sync", "a number of seconds"), lambda v: _is_int(v) or isinstance(v, float)
    if python_type is decimal.Decimal:
        return translate("Sync", "a decimal number as text"), _parses(decimal.Decimal)
    if python_type is bytes:
        return translate("Sync", "base64 text"), _parses(lambda v: base64.b64decode(v, validate=True))
    return translate("Sync", "any value"), lambda _v: True


def _is_int(value: Any) -> bool:
    # JSON gives exactly int (never a subclass but bool, which is not a number here).
    return type(value) is int and -_INT_LIMIT <= value < _INT_LIMIT


def _is_aware_datetime(value: Any) -> bool:
    return type(value) is str and _aware(value)


@functools.lru_cache(maxsize=4096)  # the times a bulk write stamps every row with, checked once
def _aware(value: str) -> bool:
    try:
        return dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _parses(parse: Callable[[Any], Any]) -> Callable[[Any], bool]:
    def fits(value: Any) -> bool:
        if not isinstance(value, str):
            return False
        try:
            parse(value)
        except (ValueError, decimal.InvalidOperation, binascii.Error):
            return False
        return True

    return fits
