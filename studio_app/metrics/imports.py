"""Reading platform exports (抖音罗盘 / 巨量百应 style minute tables) from CSV or XLSX into samples.

The flow is: :func:`read_table` finds the header row and the data rows (with their line numbers in the
file), :func:`detect_mapping` proposes which column is which field (a remembered mapping for the source
wins), and :func:`parse_samples` turns every row into a :class:`Sample`, or raises
:class:`MetricImportError` naming the first bad line. Nothing is written here: the caller stores the whole
result in one transaction (``metrics.repo.save_import``), so an import is all-or-nothing.

Encodings: UTF-8 (with or without BOM) first, then GB18030 (a superset of GBK, what Excel on a Chinese
Windows writes). A strict UTF-8 decode of GBK text fails on the first Chinese character, so trying in that
order is reliable without a detection library.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal, InvalidOperation
from pathlib import Path
from zoneinfo import ZoneInfo

from studio_app.i18n import translate
from studio_app.metrics.columns import (
    TableKind,
    detect_kind,
    header_unit,
    is_known_name,
    normalise_header,
)
from studio_app.metrics.samples import FIELD_KIND, FieldKind, MetricField, Sample

CHINA_TZ = ZoneInfo("Asia/Shanghai")


def local_tz() -> tzinfo:
    """The studio PC's time zone: the chart axes use it, so every time on the panel does too."""
    return datetime.now().astimezone().tzinfo or CHINA_TZ


MAX_ERRORS_REPORTED = 20
_HEADER_SCAN_ROWS = 30

Cell = str | int | float | datetime | date | time | None


class MetricImportError(ValueError):
    """A file the user gave cannot be imported; ``str()`` is the message to show (already translated)."""

    def __init__(self, message: str, errors: Sequence[RowError] = ()) -> None:
        super().__init__(message)
        self.errors = tuple(errors)


@dataclass(frozen=True)
class RowError:
    line: int  # 1-based line (CSV) or row number (XLSX) in the file, as a spreadsheet shows it
    column: str
    message: str


# --------------------------------------------------------------------------------------------- column names

TIME_COLUMN = "time"

# Aliases are compared after normalise_header (lower case, no spaces, no unit in brackets).
_ALIASES: dict[str, tuple[str, ...]] = {
    TIME_COLUMN: (
        "时间",
        "时间段",
        "时间点",
        "分钟",
        "统计时间",
        "日期时间",
        "日期",
        "time",
        "minute",
        "datetime",
        "date_time",
        "stat_time",
        "timestamp",
        "date",
    ),
    MetricField.ONLINE_VIEWERS: (
        "在线人数",
        "实时在线人数",
        "同时在线人数",
        "在线用户数",
        "在线观众",
        "pcu",
        "acu",
        "online",
        "online_viewers",
        "online_user_cnt",
        "onlineusers",
        "onlineviewers",
        "viewersonline",
        "concurrentviewers",
        "currentviewers",
    ),
    MetricField.ROOM_SHOW_UCNT: (
        "直播间曝光人数",
        "曝光人数",
        "room_show_ucnt",
        "live_show_ucnt",
        "roomimpressions",
        "roomexposureusers",
    ),
    MetricField.WATCH_UCNT: (
        "进入人数",
        "进入直播间人数",
        "直播间进入人数",
        "观看人数",
        "累计观看人数",
        "watch_ucnt",
        "viewers",
        "uniqueviewers",
        "enteredusers",
    ),
    MetricField.WATCH_CNT: (
        "进入次数",
        "进入直播间次数",
        "直播间进入次数",
        "观看次数",
        "累计观看次数",
        "watch_cnt",
        "views",
        "entries",
    ),
    MetricField.LEAVE_UCNT: ("离开人数", "离开直播间人数", "leave_ucnt", "leftusers", "leavers"),
    MetricField.LEAVE_CNT: ("离开次数", "离开直播间次数", "leave_cnt", "leaves"),
    MetricField.AVG_WATCH_SECONDS: (
        "平均停留时长",
        "人均停留时长",
        "人均观看时长",
        "平均观看时长",
        "avg_watch_duration",
        "avg_watch_seconds",
        "averagedwell",
        "avgwatchtime",
        "averagewatchtime",
    ),
    MetricField.PRODUCT_SHOW_UCNT: (
        "商品曝光人数",
        "product_show_ucnt",
        "productexposureusers",
        "productimpressionusers",
    ),
    MetricField.PRODUCT_SHOW_CNT: (
        "商品曝光次数",
        "product_show_cnt",
        "productexposures",
        "productimpressions",
    ),
    MetricField.PRODUCT_CLICK_UCNT: ("商品点击人数", "product_click_ucnt", "productclickusers"),
    MetricField.PRODUCT_CLICK_CNT: ("商品点击次数", "product_click_cnt", "productclicks"),
    MetricField.PAY_UCNT: ("成交人数", "支付人数", "下单人数", "pay_ucnt", "buyers"),
    MetricField.PAY_ORDER_CNT: ("成交订单数", "成交单数", "支付订单数", "pay_order_cnt", "orders"),
    MetricField.PAY_GMV_FEN: ("成交金额", "支付金额", "直播间成交金额", "gmv", "pay_gmv", "sales"),
    MetricField.REFUND_GMV_FEN: ("退款金额", "refund_gmv", "refunds", "refundamount"),
    MetricField.INCR_FANS_CNT: (
        "新增粉丝",
        "新增粉丝数",
        "涨粉",
        "涨粉数",
        "incr_fans_cnt",
        "newfollowers",
        "newfans",
    ),
    MetricField.COMMENT_CNT: ("评论次数", "评论数", "评论条数", "comment_cnt", "comments"),
    MetricField.COMMENT_UCNT: ("评论人数", "comment_ucnt", "commenters"),
    MetricField.LIKE_CNT: ("点赞次数", "点赞数", "like_cnt", "likes"),
    MetricField.SHARE_CNT: ("分享次数", "分享数", "share_cnt", "shares"),
    MetricField.FANS_CLUB_UCNT: (
        "新加粉丝团",
        "新加粉丝团人数",
        "新增粉丝团",
        "新增粉丝团人数",
        "加团人数",
        "fans_club_ucnt",
        "newfansclub",
    ),
}

_ALIAS_INDEX: dict[str, str] = {
    normalise_header(alias): key for key, aliases in _ALIASES.items() for alias in aliases
}


def _time_alias_rank(header: str) -> int:
    names = [normalise_header(a) for a in _ALIASES[TIME_COLUMN]]
    return names.index(normalise_header(header))


def recognise_column(header: str) -> MetricField | str | None:
    """The field (or ``TIME_COLUMN``) a header names, or ``None`` when it is not a known name."""
    key = _ALIAS_INDEX.get(normalise_header(header))
    if key is None:
        return None
    return key if key == TIME_COLUMN else MetricField(key)


def detect_table_kind(headers: Sequence[str]) -> TableKind:
    """Minute, product or traffic-source table, from its header row."""
    kinds = {recognise_column(h) for h in headers if h}
    return detect_kind(headers, TIME_COLUMN in kinds and MetricField.ONLINE_VIEWERS in kinds)


# --------------------------------------------------------------------------------------------- mapping


@dataclass(frozen=True)
class ColumnMapping:
    """Which header holds the time and which holds each field. Headers not listed are ignored."""

    time_column: str
    fields: tuple[tuple[str, MetricField], ...]

    def field_for(self, header: str) -> MetricField | None:
        for h, f in self.fields:
            if h == header:
                return f
        return None

    def to_json(self) -> str:
        return json.dumps(
            {"time": self.time_column, "fields": {h: f.value for h, f in self.fields}}, ensure_ascii=False
        )

    @staticmethod
    def from_json(text: str) -> ColumnMapping:
        data = json.loads(text)
        return ColumnMapping(
            time_column=str(data["time"]),
            fields=tuple((str(h), MetricField(f)) for h, f in data["fields"].items()),
        )


def detect_mapping(headers: Sequence[str], remembered: ColumnMapping | None = None) -> ColumnMapping:
    """Propose a mapping: the remembered one for the headers it knows, then the common names.

    When two columns name the same field, the first one wins (a file with both 在线人数 and acu keeps
    在线人数 if it comes first); the user can change it in the import dialog.
    """
    headers = [h for h in headers if h]
    time_column = ""
    chosen: dict[MetricField, str] = {}
    if remembered is not None:
        if remembered.time_column in headers:
            time_column = remembered.time_column
        for h, f in remembered.fields:
            if h in headers and f not in chosen:
                chosen[f] = h
    if not time_column:
        # "时间" beats "日期" when a file has both: rank candidates by their place in the alias list.
        candidates = [h for h in headers if recognise_column(h) == TIME_COLUMN]
        if candidates:
            time_column = min(candidates, key=_time_alias_rank)
    taken = set(chosen.values()) | {time_column}
    for h in headers:
        if h in taken:
            continue
        kind = recognise_column(h)
        if isinstance(kind, MetricField) and kind not in chosen:
            chosen[kind] = h
    order = {h: i for i, h in enumerate(headers)}
    pairs = sorted(((h, f) for f, h in chosen.items()), key=lambda p: order[p[0]])
    return ColumnMapping(time_column=time_column, fields=tuple(pairs))


# --------------------------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class RawTable:
    file_name: str
    encoding: str  # "utf-8", "utf-8-sig", "gb18030" or "xlsx"
    sha256: str
    headers: tuple[str, ...]
    header_line: int
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]  # (line in the file, cells)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise MetricImportError(
            translate(
                "DataImport",
                "The file is neither UTF-8 nor GBK text. "
                "Save it again as CSV (UTF-8) or as an Excel .xlsx file.",
            )
        ) from exc


def _csv_rows(text: str) -> list[tuple[int, tuple[Cell, ...]]]:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    out: list[tuple[int, tuple[Cell, ...]]] = []
    try:
        for row in reader:
            out.append((reader.line_num, tuple(row)))
    except csv.Error as exc:
        raise MetricImportError(
            translate("DataImport", "Line {line}: the CSV is malformed ({detail}).").format(
                line=reader.line_num, detail=exc
            ),
            [RowError(reader.line_num, "", str(exc))],
        ) from exc
    return out


def _xlsx_rows(data: bytes) -> list[tuple[int, tuple[Cell, ...]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise MetricImportError(
            translate("DataImport", "The file is not a readable Excel .xlsx workbook.")
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        return [(i, tuple(row)) for i, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()


def is_blank(cells: Iterable[Cell]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _find_header(rows: Sequence[tuple[int, tuple[Cell, ...]]]) -> int:
    """Index of the header row: exports often start with a title line or two above it."""
    best, best_score = -1, 1
    for i, (_line, cells) in enumerate(rows[:_HEADER_SCAN_ROWS]):
        names = [c for c in cells if isinstance(c, str) and c.strip()]
        kinds = [recognise_column(c) for c in names]
        known = sum(1 for c, k in zip(names, kinds, strict=True) if k is not None or is_known_name(c))
        score = known + (1 if TIME_COLUMN in kinds else 0)
        if score > best_score:
            best, best_score = i, score
    return best


def read_table(path: Path) -> RawTable:
    """Read a CSV or XLSX export: the header row and the data rows with their line numbers."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MetricImportError(
            translate("DataImport", "Cannot read {name}: {reason}").format(
                name=path.name, reason=exc.strerror
            )
        ) from exc
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise MetricImportError(
            translate("DataImport", "Old Excel .xls files are not supported; save the file as .xlsx or .csv.")
        )
    if suffix in (".xlsx", ".xlsm") or data[:2] == b"PK":
        rows, encoding = _xlsx_rows(data), "xlsx"
    else:
        text, encoding = _decode(data)
        rows = _csv_rows(text)
    rows = [(line, cells) for line, cells in rows if not is_blank(cells)]
    header_index = _find_header(rows)
    if header_index < 0:
        raise MetricImportError(
            translate(
                "DataImport",
                "No header row found in {name}. Expected columns such as 时间, 在线人数, 成交金额 "
                "(or time, online_viewers, pay_gmv).",
            ).format(name=path.name)
        )
    header_line, header_cells = rows[header_index]
    headers = tuple("" if c is None else str(c).strip() for c in header_cells)
    while headers and not headers[-1]:
        headers = headers[:-1]
    return RawTable(
        file_name=path.name,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        headers=headers,
        header_line=header_line,
        rows=tuple(rows[header_index + 1 :]),
    )


# --------------------------------------------------------------------------------------------- values

_EMPTY = {"", "-", "--", "—", "——", "/", "n/a", "na", "null", "none"}
_TIME_RE = re.compile(
    r"^\s*(?:(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:t|\s)?\s*)?"
    r"(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?",
    re.IGNORECASE,
)
SUMMARY_WORDS = ("合计", "总计", "汇总", "total", "sum")


class CellError(ValueError):
    pass


def _parse_time(cell: Cell, day: date | None, tz: tzinfo) -> tuple[datetime | None, time | None]:
    """Either a full aware datetime, or a bare time of day (the caller supplies the date)."""
    if isinstance(cell, datetime):
        return (cell.replace(tzinfo=tz) if cell.tzinfo is None else cell), None
    if isinstance(cell, time):
        return None, cell
    if isinstance(cell, date):
        return datetime(cell.year, cell.month, cell.day, tzinfo=tz), None
    if isinstance(cell, int | float):
        if cell > 1e12:
            return datetime.fromtimestamp(cell / 1000.0, UTC), None
        if cell > 1e9:
            return datetime.fromtimestamp(cell, UTC), None
        raise CellError(translate("DataImport", "not a time: {value}").format(value=cell))
    text = "" if cell is None else str(cell).strip()
    if len(text) == 19 and text[10] == " ":  # "2026-11-20 20:00:00", every row of a per-second export
        try:
            return datetime.fromisoformat(text).replace(tzinfo=tz), None
        except ValueError:
            pass  # the pattern below says what is wrong with it
    match = _TIME_RE.match(text)
    if not match:
        raise CellError(translate("DataImport", "not a time: {value}").format(value=text or "∅"))
    year, month, dom, hour, minute, second = match.groups()
    try:
        clock_time = time(int(hour), int(minute), int(second or 0))
        if year:
            d = date(int(year), int(month), int(dom))
            return datetime.combine(d, clock_time, tzinfo=tz), None
    except ValueError as exc:
        raise CellError(translate("DataImport", "not a time: {value}").format(value=text)) from exc
    return None, clock_time


_REFUND = MetricField.REFUND_GMV_FEN.value
_MINUTE_UNITS = ("分钟", "min", "分")
_FEN_UNITS = ("分", "fen")
_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _parse_decorated(text: str, cell: Cell) -> Decimal:
    """A number with thousands separators, a currency sign or a 万/亿 suffix."""
    text = re.sub(r"[,，\s¥￥元]", "", text)
    factor = Decimal(1)
    if text.endswith(("万", "w")):
        factor, text = Decimal(10000), text[:-1]
    elif text.endswith("亿"):
        factor, text = Decimal(100_000_000), text[:-1]
    try:
        number = Decimal(text) * factor
    except InvalidOperation as exc:
        raise CellError(translate("DataImport", "not a number: {value}").format(value=cell)) from exc
    return number


def parse_number(cell: Cell, kind: FieldKind, unit: str) -> int | float | None:
    if cell is None:
        return None
    # CSV cells are all str: the first test spares them the type checks meant for XLSX cells.
    if type(cell) is not str and isinstance(cell, (bool, datetime | date | time)):
        if isinstance(cell, time) and kind is FieldKind.SECONDS:
            return cell.hour * 3600 + cell.minute * 60 + cell.second
        raise CellError(translate("DataImport", "not a number: {value}").format(value=cell))
    if isinstance(cell, int | float):
        number = Decimal(str(cell))
    else:
        text = str(cell).strip().lower()
        if text in _EMPTY:
            return None
        if kind is FieldKind.SECONDS:
            return _parse_duration_s(text, unit)
        number = Decimal(text) if _PLAIN_NUMBER.fullmatch(text) else _parse_decorated(text, cell)
    if kind is FieldKind.SECONDS:
        return float(number) * (60.0 if unit in _MINUTE_UNITS else 1.0)
    if kind is FieldKind.MONEY_FEN:
        fen = number if unit in _FEN_UNITS else number * 100
        return int(fen.quantize(Decimal(1)))
    if number != number.to_integral_value():
        raise CellError(translate("DataImport", "not a whole number: {value}").format(value=cell))
    return int(number)


_DURATION_RE = re.compile(
    r"^(?:(\d+(?:\.\d+)?)\s*(?:小时|h))?\s*(?:(\d+(?:\.\d+)?)\s*(?:分钟|分|m|min))?\s*"
    r"(?:(\d+(?:\.\d+)?)\s*(?:秒|s|sec))?$"
)


def _parse_duration_s(text: str, unit: str) -> float:
    text = text.replace(" ", "")
    if re.fullmatch(r"\d+(?::\d{1,2}){1,2}", text):
        parts = [int(p) for p in text.split(":")]
        if len(parts) == 2:
            return float(parts[0] * 60 + parts[1])
        return float(parts[0] * 3600 + parts[1] * 60 + parts[2])
    try:
        value = float(text)
        return value * (60.0 if unit in _MINUTE_UNITS else 1.0)
    except ValueError:
        pass
    match = _DURATION_RE.match(text)
    if match and any(match.groups()):
        h, m, s = (float(g) if g else 0.0 for g in match.groups())
        return h * 3600 + m * 60 + s
    raise CellError(translate("DataImport", "not a duration: {value}").format(value=text))


# --------------------------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class ParsedExport:
    table: RawTable
    mapping: ColumnMapping
    samples: tuple[Sample, ...]
    warnings: tuple[str, ...] = field(default=())


def parse_samples(
    table: RawTable, mapping: ColumnMapping, day: date | None = None, tz: tzinfo = CHINA_TZ
) -> ParsedExport:
    """Every data row as a :class:`Sample`, or :class:`MetricImportError` listing the bad lines.

    ``day`` is the show's local date, used when the file gives only times of day (``20:01``); a time that
    goes back by more than 12 hours is taken as past midnight. Local times are read in ``tz``
    (China time by default) and stored as UTC.
    """
    if not mapping.time_column or mapping.time_column not in table.headers:
        raise MetricImportError(
            translate("DataImport", "Choose the column that holds the time (时间) of each row.")
        )
    if not mapping.fields:
        raise MetricImportError(translate("DataImport", "Choose at least one column to import."))
    width = len(table.headers)
    time_index = table.headers.index(mapping.time_column)
    field_columns = [
        (table.headers.index(h), h, f.value, FIELD_KIND[f], header_unit(h))
        for h, f in mapping.fields
        if h in table.headers
    ]
    errors: list[RowError] = []
    warnings: list[str] = []
    samples: list[Sample] = []
    seen_at: dict[datetime, int] = {}
    current_day = day
    last_local: datetime | None = None

    for line, cells in table.rows:
        if len(cells) > width and not is_blank(cells[width:]):
            errors.append(
                RowError(
                    line,
                    "",
                    translate("DataImport", "the row has {n} cells but the header has {m}").format(
                        n=len(cells), m=width
                    ),
                )
            )
            continue
        time_cell = cells[time_index] if time_index < len(cells) else None
        # is_summary_cell, inline: a call per row is a few percent of an 8-hour import.
        if type(time_cell) is str and time_cell.strip().lower().startswith(SUMMARY_WORDS):
            warnings.append(translate("DataImport", "Line {line}: summary row skipped.").format(line=line))
            continue
        if len(cells) < width:
            errors.append(
                RowError(
                    line,
                    "",
                    translate("DataImport", "the row has {n} cells but the header has {m}").format(
                        n=len(cells), m=width
                    ),
                )
            )
            continue
        try:
            full, clock_time = _parse_time(time_cell, current_day, tz)
        except CellError as exc:
            errors.append(RowError(line, mapping.time_column, str(exc)))
            continue
        if full is None:
            assert clock_time is not None
            if current_day is None:
                raise MetricImportError(
                    translate(
                        "DataImport",
                        "The file gives times without a date (line {line}); choose the show's date.",
                    ).format(line=line)
                )
            local = datetime.combine(current_day, clock_time, tzinfo=tz)
            if last_local is not None and local < last_local - timedelta(hours=12):
                current_day = current_day + timedelta(days=1)
                local = local + timedelta(days=1)
            last_local = local
            full = local
        at = full.astimezone(UTC)
        values: dict[str, int | float] = {}
        row_ok = True
        for index, header, name, kind, unit in field_columns:
            cell = cells[index]
            # The common cells take a short way: an 8-hour per-second export has 300,000 of them.
            if type(cell) is str and cell.isascii():
                if kind is FieldKind.COUNT and cell.isdigit():
                    values[name] = int(cell)
                    continue
                plain = _PLAIN_NUMBER.fullmatch(cell)
                if plain is not None and kind is FieldKind.SECONDS:
                    values[name] = float(cell) * (60.0 if unit in _MINUTE_UNITS else 1.0)
                    continue
                if plain is not None and kind is FieldKind.MONEY_FEN and unit not in _FEN_UNITS:
                    # Whole fen in integers, as exact as the Decimal way below (2 decimals or fewer).
                    yuan, _, cents = cell.partition(".")
                    if len(cents) <= 2:
                        values[name] = int(yuan) * 100 + int(cents.ljust(2, "0"))
                        continue
            try:
                value = parse_number(cell, kind, unit)
            except CellError as exc:
                errors.append(RowError(line, header, str(exc)))
                row_ok = False
                continue
            if value is None:
                continue
            if value < 0:
                if name == _REFUND:
                    value = -value  # some exports show refunds as negative money
                else:
                    errors.append(
                        RowError(
                            line,
                            header,
                            translate("DataImport", "negative value: {value}").format(value=cells[index]),
                        )
                    )
                    row_ok = False
                    continue
            values[name] = value
        if not row_ok:
            continue
        if at in seen_at:
            errors.append(
                RowError(
                    line,
                    mapping.time_column,
                    translate("DataImport", "the same time as line {other}").format(other=seen_at[at]),
                )
            )
            continue
        seen_at[at] = line
        samples.append(Sample(at=at, **values))  # type: ignore[arg-type]

    raise_row_errors(errors)
    if not samples:
        raise MetricImportError(translate("DataImport", "The file has a header but no data rows."))
    samples.sort(key=lambda s: s.at)
    return ParsedExport(table=table, mapping=mapping, samples=tuple(samples), warnings=tuple(warnings))


def raise_row_errors(errors: Sequence[RowError]) -> None:
    """Refuse the whole file when any row is bad, naming the first bad line (and how many there are)."""
    if not errors:
        return
    first = errors[0]
    where = f"{first.column}: " if first.column else ""
    message = translate("DataImport", "Line {line}: {where}{problem}. Nothing was imported.").format(
        line=first.line, where=where, problem=first.message
    )
    if len(errors) > 1:
        message += " " + translate("DataImport", "({n} lines have problems in all.)").format(n=len(errors))
    raise MetricImportError(message, errors[:MAX_ERRORS_REPORTED])


def cell_count_error(line: int, cells: Sequence[Cell], width: int) -> RowError | None:
    """A row wider or narrower than the header (trailing empty cells do not count)."""
    if len(cells) > width and is_blank(cells[width:]):
        return None
    if len(cells) == width:
        return None
    return RowError(
        line,
        "",
        translate("DataImport", "the row has {n} cells but the header has {m}").format(n=len(cells), m=width),
    )


def is_summary_cell(cell: Cell) -> bool:
    """合计 / 总计 / total: the summary row a platform adds under its data."""
    return isinstance(cell, str) and cell.strip().lower().startswith(SUMMARY_WORDS)


def load_export(
    path: Path,
    mapping: ColumnMapping | None = None,
    day: date | None = None,
    tz: tzinfo = CHINA_TZ,
    remembered: ColumnMapping | None = None,
) -> ParsedExport:
    """Read and parse in one go; the dialog and the drop folder call the steps themselves."""
    table = read_table(path)
    chosen = mapping or detect_mapping(table.headers, remembered)
    return parse_samples(table, chosen, day=day, tz=tz)
