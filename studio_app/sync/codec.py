"""Which tables travel, and how a row becomes JSON and back, the same way on every machine.

Every table whose model uses :class:`SyncedMixin` travels, including tables added after this code was
written: they are discovered from the mapper registry. A row travels as a dict of column name to a JSON
value; :func:`canonical_json` of that dict is what checksums are computed over, so encoding must be
deterministic (UTC ISO datetimes with microseconds, sorted keys).
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import enum
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import Mapper
from sqlalchemy.types import TypeDecorator

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


@dataclass(frozen=True)
class ColumnCodec:
    name: str
    attr_key: str
    encode: Encoder
    decode: Decoder
    # The value travels as it is (text, integers): bulk encoding skips the call.
    plain: bool = False


@dataclass(frozen=True)
class TableCodec:
    table: Table
    columns: tuple[ColumnCodec, ...]
    column_names: frozenset[str]

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def keys_are_column_names(self) -> bool:
        """ORM bulk parameters (keyed by attribute) are then also the table's columns."""
        return all(c.name == c.attr_key for c in self.columns)

    def encode_object(self, obj: object) -> dict[str, Any]:
        return {c.name: c.encode(getattr(obj, c.attr_key)) for c in self.columns}

    def encode_row(self, row: Any) -> dict[str, Any]:
        """``row``: a mapping of column name to value (a Core ``RowMapping`` or a dict)."""
        return {c.name: c.encode(row[c.name]) for c in self.columns}

    def encode_rows(self, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """:meth:`encode_row` of many rows (a bulk write): a value repeated down a column (the times every
        row of one write is stamped with) is encoded once."""
        plain = [c.name for c in self.columns if c.plain]
        coded = [(c.name, c.encode, dict[Any, Any]()) for c in self.columns if not c.plain]
        out = []
        for row in rows:
            payload = {name: row[name] for name in plain}
            for name, encode, memo in coded:
                value = row[name]
                encoded = memo.get(value, _MISSING)
                if encoded is _MISSING:
                    encoded = memo[value] = encode(value)
                payload[name] = encoded
            out.append(payload)
        return out

    def decode_payload(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Column values for an insert; columns the payload lacks (an older sender) are left out."""
        return {c.name: c.decode(payload[c.name]) for c in self.columns if c.name in payload}


_MISSING = object()


def _none_safe(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def wrapped(value: Any) -> Any:
        return None if value is None else fn(value)

    return wrapped


def _encode_datetime(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _encode_enum_for(column: Column[Any]) -> Encoder:
    names = set(getattr(column.type, "enums", ()) or ())

    def encode(value: Any) -> Any:
        if isinstance(value, enum.Enum):
            return value.name if value.name in names else value.value
        return value

    return encode


def column_python_type(column: Column[Any]) -> type:
    """The Python type of the column's values (``object`` when the type does not say)."""
    sql_type = column.type
    if isinstance(sql_type, TypeDecorator):
        sql_type = sql_type.impl_instance
    try:
        return sql_type.python_type
    except NotImplementedError:
        return object


def _codec_for_column(column: Column[Any], attr_key: str) -> ColumnCodec:
    identity: Callable[[Any], Any] = lambda v: v  # noqa: E731
    if isinstance(column.type, SAEnum):
        return ColumnCodec(column.name, attr_key, _encode_enum_for(column), identity)
    python_type = column_python_type(column)
    encode: Encoder = identity
    decode: Decoder = identity
    if python_type is dt.datetime:
        encode, decode = _encode_datetime, dt.datetime.fromisoformat
    elif python_type in (dt.date, dt.time):
        encode, decode = (lambda v: v.isoformat()), python_type.fromisoformat
    elif python_type is dt.timedelta:
        encode, decode = (lambda v: v.total_seconds()), (lambda v: dt.timedelta(seconds=v))
    elif python_type is decimal.Decimal:
        encode, decode = str, decimal.Decimal
    elif python_type is bytes:
        encode, decode = (lambda v: base64.b64encode(v).decode("ascii")), base64.b64decode
    elif python_type is float:
        encode = float
    elif python_type is bool:
        # A bulk write may pass 0/1; the row reads back as a bool, and the entry must say the same.
        encode = bool
    return ColumnCodec(
        column.name, attr_key, _none_safe(encode), _none_safe(decode), plain=encode is identity
    )


def _mapper_codec(mapper: Mapper[Any]) -> TableCodec:
    table = mapper.local_table
    assert isinstance(table, Table)
    columns = []
    for column in table.columns:
        prop = mapper.get_property_by_column(column)
        columns.append(_codec_for_column(column, prop.key))
    return TableCodec(table, tuple(columns), frozenset(c.name for c in columns))


_codecs: dict[str, TableCodec] | None = None
_codec_by_class: dict[type, TableCodec] = {}


def synced_codecs() -> dict[str, TableCodec]:
    """Every synced table by name, discovered from the mapper registry (all models imported first)."""
    global _codecs
    if _codecs is not None:
        return _codecs
    import studio_app.store.models  # noqa: F401  (registers every area's tables)
    from studio_app.store.models.base import Base, SyncedMixin

    codecs: dict[str, TableCodec] = {}
    by_class: dict[type, TableCodec] = {}
    for mapper in Base.registry.mappers:
        if issubclass(mapper.class_, SyncedMixin) and mapper.inherits is None:
            codec = _mapper_codec(mapper)
            codecs[codec.name] = codec
            by_class[mapper.class_] = codec
    _codec_by_class.clear()
    _codec_by_class.update(by_class)
    _codecs = codecs
    return codecs


def codec_for_object(obj: object) -> TableCodec:
    codec = _codec_by_class.get(type(obj))
    if codec is None:
        synced_codecs()
        codec = _codec_by_class[type(obj)]
    return codec


# One encoder for every row: json.dumps with options builds a new one per call.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def canonical_json(payload: Mapping[str, Any]) -> str:
    return _CANONICAL.encode(payload)


def row_digest(table_name: str, canonical: str) -> int:
    """A 31-bit digest of one row; the sum over a table is the checksum both sides compare.

    31 bits keep the SQL ``SUM`` of millions of rows inside a 64-bit integer on SQLite.
    """
    raw = hashlib.blake2b(f"{table_name}\x00{canonical}".encode(), digest_size=8).digest()
    return int.from_bytes(raw, "big") & 0x7FFF_FFFF


def schema_fingerprint() -> str:
    """Identifies the shape of the synced tables; the server refuses a client whose shape differs."""
    parts = []
    for name, codec in sorted(synced_codecs().items()):
        cols = ",".join(sorted(f"{c.name}:{type(c.type).__name__}" for c in codec.table.columns))
        parts.append(f"{name}({cols})")
    return hashlib.sha256(";".join(parts).encode()).hexdigest()[:16]
