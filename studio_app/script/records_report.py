"""Compliance records for an inspector: CSV for a spreadsheet, and one HTML page the UI prints to PDF.

The HTML keeps to what Qt's rich-text engine renders (tables, inline styles), as the check report does.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from html import escape
from pathlib import Path

from studio_app.i18n import translate
from studio_app.script.compliance import ComplianceRecord, TermOutcome


def _columns() -> tuple[str, ...]:
    return (
        translate("ComplianceReport", "Checked at"),
        translate("ComplianceReport", "Show"),
        translate("ComplianceReport", "Show ID"),
        translate("ComplianceReport", "Reviewer"),
        translate("ComplianceReport", "Accepted"),
        translate("ComplianceReport", "Forbidden"),
        translate("ComplianceReport", "Caution"),
        translate("ComplianceReport", "Needs evidence"),
        translate("ComplianceReport", "Terms"),
        translate("ComplianceReport", "Note"),
        translate("ComplianceReport", "Word list"),
    )


def checked_at_text(record: ComplianceRecord) -> str:
    return record.checked_at.astimezone().strftime("%Y-%m-%d %H:%M")


def show_text(record: ComplianceRecord) -> str:
    if record.show_deleted:
        return translate("ComplianceReport", "{title} (deleted)").format(title=record.show_title)
    return record.show_title


def accepted_text(record: ComplianceRecord) -> str:
    return translate("ComplianceReport", "Yes") if record.accepted else translate("ComplianceReport", "No")


def terms_text(record: ComplianceRecord) -> str:
    """Each term and its fate on one line: “全网最低” kept: 有比价截图; “第一” rewritten."""
    parts = []
    for term in record.terms:
        if term.outcome is TermOutcome.KEPT and term.reason:
            parts.append(
                translate("ComplianceReport", "“{text}” kept: {reason}").format(
                    text=term.text, reason=term.reason
                )
            )
        else:
            parts.append(
                translate("ComplianceReport", "“{text}” {outcome}").format(
                    text=term.text, outcome=term.outcome.display_name()
                )
            )
    return "; ".join(parts)


def _cells(record: ComplianceRecord) -> tuple[str, ...]:
    return (
        checked_at_text(record),
        show_text(record),
        record.show_id,
        record.checked_by,
        accepted_text(record),
        str(record.forbidden),
        str(record.caution),
        str(record.evidence),
        terms_text(record),
        record.note,
        record.wordlist_version,
    )


def records_csv(records: Sequence[ComplianceRecord]) -> str:
    """A header row, then one row per record."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_columns())
    writer.writerows(_cells(record) for record in records)
    return out.getvalue()


def write_records_csv(records: Sequence[ComplianceRecord], path: Path) -> Path:
    # With a BOM, or Excel on a Chinese Windows reads the UTF-8 as GBK and shows mojibake.
    path.write_text(records_csv(records), encoding="utf-8-sig")
    return path


def records_html(records: Sequence[ComplianceRecord], period: str) -> str:
    """The records as one self-contained HTML page; ``period`` says which show or days it covers."""
    heading = translate("ComplianceReport", "Compliance records (直播前审核)")
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in _cells(record)[:-1]) + "</tr>"
        for record in records
    )
    header = "".join(f"<th>{escape(name)}</th>" for name in _columns()[:-1])
    empty = (
        ""
        if records
        else f"<p>{escape(translate('ComplianceReport', 'No compliance record in this period.'))}</p>"
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{escape(heading)}</title>"
        "<style>body{font-size:9pt}table{border-collapse:collapse}"
        "td,th{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}"
        "th{background:#eee}</style></head><body>"
        f"<h2>{escape(heading)}</h2><p>{escape(period)}</p>"
        f"<table><tr>{header}</tr>{rows}</table>{empty}</body></html>"
    )
