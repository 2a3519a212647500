"""The reviewer's side in the GUI: the signing dialog, the panel's sign action and the records view."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from studio_app.context import AppContext
from studio_app.script.compliance import SignedReview, TermOutcome, TermReview
from studio_app.script.lint import LintHit, default_wordlist, lint_text
from studio_app.script.service import ScriptService, saved_reviewer
from studio_app.ui.script.compliance_dialog import ComplianceDialog
from studio_app.ui.script.compliance_records import ComplianceRecordsDialog
from studio_app.ui.script_panel import ScriptPanel

DRAFT = "家人们，这是全网最低价，品质极致"


def _hits(text: str) -> list[LintHit]:
    return lint_text(text, default_wordlist())


def test_the_dialog_refuses_forbidden_terms_without_a_reason_and_signs_with_one(qtbot: QtBot) -> None:
    dialog = ComplianceDialog(_hits(DRAFT), "阿杰")
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2 and set(dialog.reason_edits) == {"全网最低", "极致"}

    dialog.sign()
    assert dialog.signed is None and dialog.result() != QDialog.DialogCode.Accepted
    assert "“全网最低”" in dialog.error.text()
    assert dialog.reason_edits["全网最低"].styleSheet()  # the field to fill is marked

    dialog.reviewer_edit.clear()
    dialog.reason_edits["全网最低"].setText("平台比价截图为证")
    dialog.sign()
    assert dialog.signed is None and "name" in dialog.error.text()

    dialog.reviewer_edit.setText("场控 阿杰")
    dialog.sign()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.signed is not None and dialog.signed.reviewer == "场控 阿杰"
    assert dialog.signed.terms[0] == TermReview(
        "全网最低", dialog.signed.terms[0].severity, TermOutcome.KEPT, "平台比价截图为证"
    )


def test_the_panel_signs_through_the_dialog_and_remembers_the_reviewer(
    qtbot: QtBot, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = ScriptPanel(app_context)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.controller is not None, timeout=10000)
    qtbot.waitUntil(lambda: panel.editor_page.wordlist is not None, timeout=10000)
    show_id = panel._show_id
    assert show_id is not None
    panel.editor.setPlainText(panel.editor.toPlainText() + "\n" + DRAFT + "\n")
    panel.check_editor()
    panel.editor.setPlainText(panel.editor.toPlainText().replace("全网最低价", "今天直播间的优惠价"))
    seen: list[ComplianceDialog] = []

    def fill_and_sign(hits: list[LintHit], earlier: list[TermReview]) -> SignedReview | None:
        dialog = ComplianceDialog(hits, "场控 阿杰", earlier, panel)
        seen.append(dialog)
        dialog.sign()
        return dialog.signed

    monkeypatch.setattr(panel.editor_page, "_ask_signature", fill_and_sign)
    panel.sign_review()
    qtbot.waitUntil(lambda: "signed by 场控 阿杰" in panel.status.text(), timeout=10000)
    (record,) = ScriptService(app_context).list_records(show_id)
    assert record.checked_by == "场控 阿杰" and record.accepted
    assert ("全网最低", TermOutcome.REWRITTEN) in [(t.text, t.outcome) for t in record.terms]
    assert saved_reviewer() == "场控 阿杰"
    panel.shutdown()


def test_the_records_view_lists_and_exports(qtbot: QtBot, app_context: AppContext, tmp_path: Path) -> None:
    service = ScriptService(app_context)
    show = service.list_shows()[0]
    wordlist = service.wordlist()
    service.record_review(
        show.id,
        DRAFT,
        hits=lint_text(DRAFT, wordlist),
        wordlist=wordlist,
        price_flags=[],
        checked_by="场控 阿杰",
        accepted=True,
        reasons={"全网最低": "平台比价截图为证"},
    )
    view = ComplianceRecordsDialog(service, show.id)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.show()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10000)
    assert view.show_combo.currentData() == show.id
    reviewer, terms = view.table.item(0, 2), view.table.item(0, 5)
    assert reviewer is not None and reviewer.text() == "场控 阿杰"
    assert terms is not None and "平台比价截图为证" in terms.text()

    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.range_check.setChecked(True)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.from_edit.setDate(view.from_edit.date().addYears(1))  # a range after the record: none
    assert view.table.rowCount() == 0

    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.range_check.setChecked(False)
    csv_path = view.export(tmp_path / "records.csv")
    assert csv_path is not None
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 2 and rows[1][3] == "场控 阿杰"
    pdf_path = view.export(tmp_path / "records.pdf")
    assert pdf_path is not None and pdf_path.read_bytes().startswith(b"%PDF")
