"""The workspace's one drop folder: export files, the room's JSON and the live feed's JSON dropped in
while the show runs. Minute tables become the show's samples, product and traffic-source tables are
imported for the review (and product tables feed the live room), as ``LiveRoomService.take_drops`` routes.

:meth:`DropFolderWatcher.poll` runs on a worker, every few seconds of the injected clock. A file is read
only once its size and time have stayed the same for ``settle_s`` (a file still being copied is left for
the next poll); one that will not read is retried while it keeps changing and given up after
``give_up_s`` unchanged: then it moves to ``failed/`` with its error beside it and is named in the
outcome. A file read moves to ``done/``. Nothing is deleted.
"""

from __future__ import annotations

import enum
import json
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from studio_app.clock import Clock
from studio_app.i18n import translate
from studio_app.liveroom.numbers import ProductTable, RoomPoint, product_from_json, product_table
from studio_app.metrics.columns import TableKind
from studio_app.metrics.feed import FeedError, batch_from_json, parse_time
from studio_app.metrics.imports import (
    MetricImportError,
    detect_mapping,
    detect_table_kind,
    parse_samples,
    read_table,
)
from studio_app.metrics.products import ParsedProducts, detect_product_mapping, parse_products
from studio_app.metrics.samples import Sample
from studio_app.metrics.traffic import ParsedTraffic, detect_traffic_mapping, parse_traffic

SETTLE_S = 2.0
GIVE_UP_S = 20.0
_SKIPPED_SUFFIXES = (".tmp", ".part", ".crdownload", ".error.txt")
_READ_SUFFIXES = (".json", ".csv", ".xlsx")


def drop_folder(workspace_root: Path) -> Path:
    """The one folder of a workspace that exports, the room's JSON and the feed's files are dropped into."""
    return Path(workspace_root) / "drop"


def earlier_drop_folders(workspace_root: Path) -> tuple[Path, ...]:
    """Folders earlier versions read (the data panel's ``metrics-drop``, the live room's first one). A
    studio's exporter may still write there, so files that appear in them are carried into the drop folder."""
    return tuple(Path(workspace_root) / name for name in ("metrics-drop", "liveroom-drop"))


@dataclass(frozen=True)
class DropContent:
    """What one file gave: minute-table or feed samples (``show_id`` when the feed's JSON names a show),
    room points (interaction), a product table (as the room sees it, and as parsed for the review), a
    traffic-source table."""

    samples: tuple[Sample, ...] = ()
    points: tuple[RoomPoint, ...] = ()
    products: ProductTable | None = None
    parsed_products: ParsedProducts | None = None
    traffic: ParsedTraffic | None = None
    show_id: str | None = None


class FileState(enum.StrEnum):
    READ = "read"
    FAILED = "failed"


@dataclass(frozen=True)
class FileOutcome:
    name: str
    state: FileState
    content: DropContent = field(default_factory=DropContent)
    error: str = ""


class DropFileError(ValueError):
    """The file cannot be read as any of the live room's files (translated)."""


def _number(value: Any, key: str) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DropFileError(translate("LiveRoom", "{key}: expected a number").format(key=key))
    return value


def _room_from_json(obj: Any, now: datetime) -> tuple[RoomPoint | None, ProductTable | None]:
    if not isinstance(obj, dict):
        raise DropFileError(translate("LiveRoom", "each entry must be a JSON object"))
    at = parse_time(obj.get("at"), now)
    counts = [_number(obj.get(k), k) for k in ("comments", "likes", "shares")]
    online = _number(obj.get("online_viewers"), "online_viewers")
    dwell = _number(obj.get("avg_watch_seconds"), "avg_watch_seconds")
    point = None
    if online is not None or dwell is not None or any(c is not None for c in counts):
        interactions = (
            sum(int(c) for c in counts if c is not None) if any(c is not None for c in counts) else None
        )
        point = RoomPoint(
            at, None if online is None else int(online), None if dwell is None else float(dwell), interactions
        )
    items = obj.get("products")
    table = None
    if items is not None:
        if not isinstance(items, list):
            raise DropFileError(translate("LiveRoom", "products must be a list"))
        table = ProductTable(at, tuple(product_from_json(item) for item in items))
    return point, table


def read_room_json(data: Any, now: datetime) -> DropContent:
    """``{"at", "online_viewers", "avg_watch_seconds", "comments", "likes", "shares", "products": [...]}``,
    or a list of them (docs/live_room.md)."""
    entries = data if isinstance(data, list) else [data]
    points, tables = [], []
    for entry in entries:
        point, table = _room_from_json(entry, now)
        if point is not None:
            points.append(point)
        if table is not None:
            tables.append(table)
    return DropContent(points=tuple(points), products=tables[-1] if tables else None)


# Keys only the room's JSON has; any other JSON object is the live feed's body (docs/metrics_feed.md).
_ROOM_KEYS = frozenset({"products", "comments", "likes", "shares"})


def read_json_drop(path: Path, now: datetime) -> DropContent:
    """The room's JSON (a list, or an object with room keys) or the live feed's request body."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, list) or (isinstance(data, dict) and _ROOM_KEYS & data.keys()):
        return read_room_json(data, now)
    batch = batch_from_json(data, now)
    return DropContent(samples=batch.samples, show_id=batch.show_id)


def read_drop_file(path: Path, now: datetime) -> DropContent:
    """One dropped file: JSON, or a minute, product or traffic-source table (CSV/XLSX, any encoding) told
    apart by its header as an import does, and parsed with the import's rules."""
    if path.suffix.lower() == ".json":
        return read_json_drop(path, now)
    table = read_table(path)
    kind = detect_table_kind(table.headers)
    if kind is TableKind.PRODUCTS:
        parsed = parse_products(table, detect_product_mapping(table.headers))
        return DropContent(products=product_table(parsed, now), parsed_products=parsed)
    if kind is TableKind.TRAFFIC:
        return DropContent(traffic=parse_traffic(table, detect_traffic_mapping(table.headers)))
    return DropContent(samples=parse_samples(table, detect_mapping(table.headers)).samples)


_READ_ERRORS = (DropFileError, FeedError, MetricImportError, ValueError, UnicodeDecodeError, OSError)


@dataclass
class _Seen:
    signature: tuple[int, int]
    since: float  # monotonic time the file last changed (as far as the polls saw)
    failed_since: float | None = None
    error: str = ""


class DropFolderWatcher:
    def __init__(
        self,
        folder: Path,
        clock: Clock,
        read: Callable[[Path, datetime], DropContent] = read_drop_file,
        settle_s: float = SETTLE_S,
        give_up_s: float = GIVE_UP_S,
        carry_from: Sequence[Path] = (),
    ) -> None:
        self.folder = Path(folder)
        self._carry_from = tuple(carry_from)
        self._clock = clock
        self._read = read
        self._settle_s = settle_s
        self._give_up_s = give_up_s
        self._seen: dict[str, _Seen] = {}

    def poll(self) -> list[FileOutcome]:
        """Read what has settled; returns the files read or given up in this poll."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._carry_files()
        now = self._clock.monotonic()
        outcomes = []
        present = set()
        for path in sorted(p for p in self.folder.iterdir() if p.is_file()):
            name = path.name
            if (
                name.startswith(".")
                or name.endswith(_SKIPPED_SUFFIXES)
                or not name.lower().endswith(_READ_SUFFIXES)
            ):
                continue
            present.add(name)
            try:
                stat = path.stat()
            except OSError:
                continue  # moved away between the listing and now
            signature = (stat.st_size, stat.st_mtime_ns)
            seen = self._seen.get(name)
            if seen is None or seen.signature != signature:
                self._seen[name] = _Seen(signature, now)  # new or still growing: a fresh start
                continue
            if now - seen.since < self._settle_s:
                continue
            if seen.failed_since is not None and now - seen.failed_since < self._settle_s:
                continue  # failed on the last poll and unchanged since: wait a little
            outcome = self._try(path, seen, now)
            if outcome is not None:
                outcomes.append(outcome)
                self._seen.pop(name, None)
        for gone in set(self._seen) - present:
            del self._seen[gone]
        return outcomes

    def _carry_files(self) -> None:
        """Move files from the earlier folders in; a file still being written keeps growing under its new
        name (POSIX) or cannot be moved yet (Windows) and is tried on the next poll, and settles here."""
        for folder in self._carry_from:
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                target = self.folder / path.name
                if not path.is_file() or path.name.startswith(".") or target.exists():
                    continue
                try:
                    os.replace(path, target)
                except OSError:
                    continue

    def _try(self, path: Path, seen: _Seen, now: float) -> FileOutcome | None:
        try:
            content = self._read(path, self._clock.now())
        except _READ_ERRORS as exc:
            error = translate("LiveRoom", "{name}: {error}").format(name=path.name, error=exc)
            if seen.failed_since is None:
                seen.failed_since = now
            seen.error = error
            if now - seen.since < self._give_up_s:
                return None  # perhaps a writer that pauses: retry until it stays broken
            _move(path, self.folder / "failed")
            (self.folder / "failed" / f"{path.name}.error.txt").write_text(error, encoding="utf-8")
            return FileOutcome(path.name, FileState.FAILED, error=error)
        _move(path, self.folder / "done")
        return FileOutcome(path.name, FileState.READ, content)


def _move(path: Path, target_dir: Path) -> None:
    target_dir.mkdir(exist_ok=True)
    target = target_dir / path.name
    counter = 1
    while target.exists():
        target = target_dir / f"{path.stem}-{counter}{path.suffix}"
        counter += 1
    shutil.move(str(path), target)
