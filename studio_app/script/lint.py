"""Compliance check of what the host will say: 广告法 极限词, guarantees, false authority, medical claims.

The word list is data (``resources/wordlists/ad_law_zh.json``), updated without a release by a file of the
same name in the workspace's ``wordlists/`` folder: its entries replace built-in ones with the same pattern
(``"disabled": true`` removes one) and its exceptions are added. Each entry is a literal or a regular
expression with a category, a severity (禁用 / 慎用 / 需依据), the legal basis and a rewrite hint.
Exceptions are ordinary phrases (第一步, 最好先, 最后 …): a hit lying wholly inside an exception is dropped,
so the host is not flooded with false alarms.

:func:`lint_text` works on any text and gives offsets, line and column of each hit, so the editor can
highlight them and the command line can point at them.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from studio_app.i18n import translate
from studio_app.paths import resource_path

WORDLIST_FILE = "ad_law_zh.json"
WORKSPACE_WORDLIST_DIR = "wordlists"
_NEWLINE_RE = re.compile("\n")


class Severity(StrEnum):
    FORBIDDEN = "forbidden"  # 禁用
    CAUTION = "caution"  # 慎用
    NEEDS_EVIDENCE = "needs_evidence"  # 需依据

    @property
    def rank(self) -> int:
        return {Severity.FORBIDDEN: 3, Severity.CAUTION: 2, Severity.NEEDS_EVIDENCE: 1}[self]

    def display_name(self) -> str:
        names = {
            Severity.FORBIDDEN: translate("Lint", "Forbidden"),
            Severity.CAUTION: translate("Lint", "Caution"),
            Severity.NEEDS_EVIDENCE: translate("Lint", "Needs evidence"),
        }
        return names[self]


class Category(StrEnum):
    ABSOLUTE_CLAIM = "absolute_claim"
    GUARANTEE_OF_EFFECT = "guarantee_of_effect"
    FALSE_AUTHORITY = "false_authority"
    MEDICAL_CLAIM = "medical_claim"
    NUMERIC_CLAIM = "numeric_claim"
    MISLEADING_PRICE = "misleading_price"

    def display_name(self) -> str:
        names = {
            Category.ABSOLUTE_CLAIM: translate("Lint", "Absolute claim"),
            Category.GUARANTEE_OF_EFFECT: translate("Lint", "Guarantee of effect"),
            Category.FALSE_AUTHORITY: translate("Lint", "False authority"),
            Category.MEDICAL_CLAIM: translate("Lint", "Medical claim"),
            Category.NUMERIC_CLAIM: translate("Lint", "Numeric claim"),
            Category.MISLEADING_PRICE: translate("Lint", "Price or urgency claim"),
        }
        return names[self]


class WordlistError(ValueError):
    """A word list file that cannot be used; the message is translated and names the file and entry."""


@dataclass(frozen=True)
class WordEntry:
    pattern: str
    category: Category
    severity: Severity
    basis: str  # the legal basis, e.g. 《广告法》第九条第（三）项
    hint: str  # how to say it instead
    is_regex: bool = False
    compiled: re.Pattern[str] = field(compare=False, hash=False, repr=False, default=re.compile(""))


@dataclass(frozen=True)
class WordException:
    pattern: str
    is_regex: bool = False
    note: str = ""
    compiled: re.Pattern[str] = field(compare=False, hash=False, repr=False, default=re.compile(""))


@dataclass(frozen=True)
class Wordlist:
    version: str
    entries: tuple[WordEntry, ...]
    exceptions: tuple[WordException, ...] = ()
    sources: tuple[str, ...] = ()  # the files it was loaded from, for the compliance record


@dataclass(frozen=True)
class LintHit:
    start: int  # offset in the text, in characters (Python str indices = Qt positions for BMP text)
    end: int
    line: int  # 1-based
    column: int  # 1-based, in characters
    text: str
    entry: WordEntry

    @property
    def severity(self) -> Severity:
        return self.entry.severity

    @property
    def category(self) -> Category:
        return self.entry.category

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "pattern": self.entry.pattern,
            "category": self.entry.category.value,
            "severity": self.entry.severity.value,
            "basis": self.entry.basis,
            "hint": self.entry.hint,
        }


# ----------------------------------------------------------------------------------------------------------
# loading


def _compile(pattern: str, is_regex: bool, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern if is_regex else re.escape(pattern))
    except re.error as exc:
        raise WordlistError(
            translate(
                "Lint", "{where}: the pattern “{pattern}” is not a valid regular expression ({error})."
            ).format(where=where, pattern=pattern, error=exc)
        ) from None


def _entry_from(raw: Any, where: str) -> WordEntry:
    if not isinstance(raw, dict) or not isinstance(raw.get("pattern"), str) or not raw["pattern"]:
        raise WordlistError(
            translate("Lint", "{where}: every entry needs a non-empty “pattern”.").format(where=where)
        )
    try:
        category = Category(raw.get("category", ""))
        severity = Severity(raw.get("severity", ""))
    except ValueError:
        raise WordlistError(
            translate(
                "Lint",
                "{where}: “{pattern}” needs a category ({categories}) and a severity (forbidden, caution, "
                "needs_evidence).",
            ).format(where=where, pattern=raw["pattern"], categories=", ".join(c.value for c in Category))
        ) from None
    is_regex = bool(raw.get("regex", False))
    return WordEntry(
        pattern=raw["pattern"],
        category=category,
        severity=severity,
        basis=str(raw.get("basis", "")),
        hint=str(raw.get("hint", "")),
        is_regex=is_regex,
        compiled=_compile(raw["pattern"], is_regex, where),
    )


def _exception_from(raw: Any, where: str) -> WordException:
    if not isinstance(raw, dict) or not isinstance(raw.get("pattern"), str) or not raw["pattern"]:
        raise WordlistError(
            translate("Lint", "{where}: every exception needs a non-empty “pattern”.").format(where=where)
        )
    is_regex = bool(raw.get("regex", False))
    return WordException(
        pattern=raw["pattern"],
        is_regex=is_regex,
        note=str(raw.get("note", "")),
        compiled=_compile(raw["pattern"], is_regex, where),
    )


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise WordlistError(
            translate("Lint", "Cannot read the word list {path}: {error}").format(
                path=path, error=exc.strerror
            )
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WordlistError(
            translate("Lint", "The word list {path} is not valid UTF-8 JSON: {error}").format(
                path=path, error=exc
            )
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("entries", []), list):
        raise WordlistError(
            translate("Lint", "The word list {path} must be a JSON object with an “entries” list.").format(
                path=path
            )
        )
    return data


def load_wordlist(*paths: Path) -> Wordlist:
    """Load the first file and layer each later one over it (same pattern replaces, ``disabled`` removes)."""
    entries: dict[str, WordEntry] = {}
    exceptions: dict[str, WordException] = {}
    versions: list[str] = []
    for path in paths:
        data = _read_json(path)
        versions.append(str(data.get("version", "?")))
        for index, raw in enumerate(data.get("entries", [])):
            where = f"{path.name} entries[{index}]"
            if isinstance(raw, dict) and raw.get("disabled"):
                entries.pop(str(raw.get("pattern", "")), None)
                continue
            entry = _entry_from(raw, where)
            entries.pop(entry.pattern, None)  # a replaced entry moves to the end, like a new one
            entries[entry.pattern] = entry
        for index, raw in enumerate(data.get("exceptions", [])):
            where = f"{path.name} exceptions[{index}]"
            if isinstance(raw, dict) and raw.get("disabled"):
                exceptions.pop(str(raw.get("pattern", "")), None)
                continue
            item = _exception_from(raw, where)
            exceptions[item.pattern] = item
    return Wordlist(
        version="+".join(versions),
        entries=tuple(entries.values()),
        exceptions=tuple(exceptions.values()),
        sources=tuple(str(p) for p in paths),
    )


def builtin_wordlist_path() -> Path:
    return resource_path("wordlists", WORDLIST_FILE)


def workspace_wordlist_path(workspace_root: Path) -> Path:
    return workspace_root / WORKSPACE_WORDLIST_DIR / WORDLIST_FILE


def default_wordlist(workspace_root: Path | None = None) -> Wordlist:
    """The built-in list, with the workspace's override file layered on top when there is one."""
    paths = [builtin_wordlist_path()]
    if workspace_root is not None and workspace_wordlist_path(workspace_root).is_file():
        paths.append(workspace_wordlist_path(workspace_root))
    return load_wordlist(*paths)


# ----------------------------------------------------------------------------------------------------------
# checking


def lint_text(text: str, wordlist: Wordlist) -> list[LintHit]:
    """Every flagged phrase in ``text``, in reading order.

    A hit inside an exception span (第一步, 最好先 …) is dropped, as is a hit lying inside a longer hit
    (最低 inside 全网最低) or overlapping one of the same or higher severity, so each phrase is reported
    once, by its most specific entry.
    """
    exception_spans = sorted(
        (match.start(), match.end())
        for item in wordlist.exceptions
        for match in item.compiled.finditer(text)
        if match.end() > match.start()
    )
    exception_starts = [start for start, _ in exception_spans]
    raw: list[tuple[int, int, WordEntry]] = []
    for entry in wordlist.entries:
        for match in entry.compiled.finditer(text):
            start, end = match.span()
            if end > start and not _inside_any(start, end, exception_spans, exception_starts):
                raw.append((start, end, entry))
    # Longest first at each start; a hit nested in an earlier kept one is dropped, and so is one that merely
    # overlaps it (国家免检 / 免检产品) unless it is more severe, so the editor gets one mark per phrase.
    raw.sort(key=lambda item: (item[0], -(item[1] - item[0]), -item[2].severity.rank))
    kept: list[tuple[int, int, WordEntry]] = []
    reach = -1
    reach_rank = 0
    for start, end, entry in raw:
        if end <= reach or (start < reach and entry.severity.rank <= reach_rank):
            continue
        kept.append((start, end, entry))
        if end > reach:
            reach, reach_rank = end, entry.severity.rank
    line_starts = [0] + [match.end() for match in _NEWLINE_RE.finditer(text)]
    hits = []
    for start, end, entry in kept:
        line_index = bisect.bisect_right(line_starts, start) - 1
        hits.append(
            LintHit(
                start=start,
                end=end,
                line=line_index + 1,
                column=start - line_starts[line_index] + 1,
                text=text[start:end],
                entry=entry,
            )
        )
    return hits


def _inside_any(start: int, end: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    # Spans are sorted by start; any containing span starts at or before ``start``. Exception phrases are
    # short, so looking back a few spans is enough and keeps this linear on long scripts.
    index = bisect.bisect_right(starts, start) - 1
    while index >= 0 and start - spans[index][0] <= 64:
        span_start, span_end = spans[index]
        if span_start <= start and end <= span_end:
            return True
        index -= 1
    return False


def worst_severity(hits: list[LintHit]) -> Severity | None:
    return max((hit.severity for hit in hits), key=lambda s: s.rank, default=None)


def count_by_severity(hits: list[LintHit]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for hit in hits:
        counts[hit.severity] += 1
    return counts


def describe_hit(hit: LintHit, with_position: bool = True) -> str:
    """One line for a list, a tooltip or a terminal, in the UI language."""
    text = translate("Lint", "{severity} “{text}”: {category} ({basis}). {hint}").format(
        text=hit.text,
        severity=hit.severity.display_name(),
        category=hit.category.display_name(),
        basis=hit.entry.basis,
        hint=hit.entry.hint,
    )
    if not with_position:
        return text
    return translate("Lint", "Line {line}, column {column}: {description}").format(
        line=hit.line, column=hit.column, description=text
    )
