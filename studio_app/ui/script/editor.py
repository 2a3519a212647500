"""The script editor tab: the text, its findings (format, prices, wording) and reading or writing files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio_app.script.compliance import SignedReview, TermOutcome, TermReview, earlier_terms
from studio_app.script.format import ScriptFormatError, parse_script
from studio_app.script.lint import LintHit, Wordlist, describe_hit
from studio_app.script.model import Script
from studio_app.script.pricing import PriceFlag
from studio_app.script.service import (
    ReviewRecorded,
    SavedScript,
    ScriptCheck,
    ScriptService,
    ShowScript,
    check_script_text,
    remember_reviewer,
    saved_reviewer,
)
from studio_app.store.writer import Written
from studio_app.ui.script.compliance_dialog import ComplianceDialog
from studio_app.ui.script.compliance_records import ComplianceRecordsDialog
from studio_app.ui.script.severity_colors import SEVERITY_COLORS
from studio_app.ui.workers import run_in_thread


class LintHighlighter(QSyntaxHighlighter):
    """Underlines flagged phrases in the editor, coloured by severity (hits come from ``lint_text``)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._hits_by_block: dict[int, list[LintHit]] = {}

    def set_hits(self, hits: list[LintHit]) -> None:
        by_block: dict[int, list[LintHit]] = {}
        for hit in hits:
            by_block.setdefault(hit.line - 1, []).append(hit)
        self._hits_by_block = by_block
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for hit in self._hits_by_block.get(self.currentBlock().blockNumber(), []):
            fmt = QTextCharFormat()
            color = QColor(SEVERITY_COLORS[hit.severity])
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(color)
            background = QColor(color)
            background.setAlpha(50)
            fmt.setBackground(background)
            fmt.setToolTip(describe_hit(hit))
            self.setFormat(hit.column - 1, hit.end - hit.start, fmt)


class ScriptEditorPage(QWidget):
    message = Signal(str, bool)  # text, is_error: for the panel's status line
    shown = Signal()  # wants its tab in front (a finding was clicked, a file was imported)
    saved = Signal(object)  # the Script now stored with the show
    signed = Signal()  # a compliance review of the text was stored with the show

    def __init__(self, service: ScriptService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.wordlist: Wordlist | None = None
        self.issue_hits: list[LintHit] = []
        self._confirmed_price_keys: set[str] = set()
        # Every term flagged since the show's text was loaded: those gone when signing were rewritten.
        self._seen_terms: dict[str, TermReview] = {}
        # The show and script revision the text was opened from: a save on top of a newer one is refused.
        self.show_id: str | None = None
        self.base_revision: int | None = None
        layout = QVBoxLayout(self)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("scriptEditor")
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = LintHighlighter(self.editor.document())
        self.issues = QListWidget()
        self.issues.setObjectName("scriptIssues")
        self.issues.setWordWrap(True)
        self.issues.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.issues.itemActivated.connect(self._jump_to_issue)
        self.issues.itemClicked.connect(self._jump_to_issue)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check (F7)"))
        self.check_button.clicked.connect(self.check)
        self.save_button = QPushButton(self.tr("Save to show (Ctrl+S)"))
        self.sign_button = QPushButton(self.tr("Sign compliance review…"))
        self.sign_button.setToolTip(
            self.tr("The named reviewer signs the text: each flagged term rewritten or kept with a reason")
        )
        self.records_button = QPushButton(self.tr("Compliance records…"))
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.sign_button)
        buttons.addStretch(1)
        buttons.addWidget(self.records_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.issues)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

    def load_show(self, shown: ShowScript) -> None:
        """A show's text, fresh: what was flagged in another show's text says nothing about this one."""
        self._seen_terms = {}
        self._confirmed_price_keys = set()
        self.show_id, self.base_revision = shown.show_id, shown.revision
        self.editor.setPlainText(shown.source)
        self.editor.document().setModified(False)

    def follow_new_revision(self, show_id: str) -> None:
        """The show's script was saved elsewhere (the live room reordered the rundown): text not edited
        since it was opened is replaced by the newest; edited text stays, and saving it is refused."""
        if show_id != self.show_id:
            return
        if self.editor.document().isModified():
            self._say(
                self.tr("The rundown was reordered: your unsaved edits are on the old order."), error=True
            )
            return
        run_in_thread(self.service.load_show, show_id, on_result=self._reload)

    def _reload(self, shown: ShowScript) -> None:
        if shown.show_id == self.show_id and not self.editor.document().isModified():
            self.load_show(shown)
            self.check()
            self._say(
                self.tr("The editor shows the reordered rundown (revision {n}).").format(n=shown.revision)
            )

    def set_wordlist(self, wordlist: Wordlist) -> None:
        self.wordlist = wordlist
        if self.editor.toPlainText():
            self.check()

    def check(self) -> Script | None:
        """Parse, lint and price-check the editor's text and list the findings; the script if it parses."""
        return self._check().script

    def _check(self) -> ScriptCheck:
        found = check_script_text(self.editor.toPlainText(), self.wordlist)
        self.issues.clear()
        hits = list(found.hits)
        self.issue_hits = hits
        for term in earlier_terms(hits):
            self._seen_terms.setdefault(term.text, term)
        self.highlighter.set_hits(hits)
        if found.error_line is not None:
            item = QListWidgetItem(
                self.tr("Line {n}: {message}").format(n=found.error_line, message=found.error_message)
            )
            item.setForeground(QColor("#e5484d"))
            item.setData(Qt.ItemDataRole.UserRole, ("line", found.error_line))
            self.issues.addItem(item)
        for flag in found.price_flags:
            item = QListWidgetItem(self.tr("Price check: {message}").format(message=flag.message))
            item.setForeground(QColor("#f5a524"))
            item.setData(Qt.ItemDataRole.UserRole, ("price", flag.key))
            self.issues.addItem(item)
        for index, hit in enumerate(hits):
            item = QListWidgetItem(describe_hit(hit))
            item.setForeground(QColor(SEVERITY_COLORS[hit.severity]))
            item.setData(Qt.ItemDataRole.UserRole, ("hit", index))
            self.issues.addItem(item)
        if not self.issues.count():
            self.issues.addItem(self.tr("No problems found."))
        return found

    def _jump_to_issue(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        kind, value = data
        cursor = self.editor.textCursor()
        if kind == "hit":
            hit = self.issue_hits[value]
            cursor.setPosition(hit.start)
            cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
        elif kind == "line":
            block = self.editor.document().findBlockByNumber(max(0, value - 1))
            cursor.setPosition(block.position())
        else:
            return
        self.shown.emit()
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a script"), "", self.tr("Scripts (*.md *.txt);;All files (*)")
        )
        if path:
            self.import_file(Path(path))

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the script"), "script.md", self.tr("Scripts (*.md *.txt)")
        )
        if path:
            self.export_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Read the file off the GUI thread; a bad file changes nothing and says which line is wrong."""

        def read() -> tuple[str, str]:
            # Expected failures come back as a message (text, error), never as an exception.
            try:
                text = path.read_text(encoding="utf-8")
                parse_script(text)
            except ScriptFormatError as exc:
                return "", self.tr("{name}, line {n}: {message} Nothing was imported.").format(
                    name=path.name, n=exc.line_no, message=exc.message
                )
            except UnicodeDecodeError:
                return "", self.tr("{name} is not UTF-8 text. Nothing was imported.").format(name=path.name)
            except OSError as exc:
                return "", self.tr("Could not read {name}: {error}").format(
                    name=path.name, error=exc.strerror
                )
            return text, ""

        def done(result: tuple[str, str]) -> None:
            text, error = result
            if error:
                self.message.emit(error, True)
                return
            self.editor.setPlainText(text)
            self.shown.emit()
            self.check()
            self.message.emit(
                self.tr("Imported {name}. Check it, then save it to the show (Ctrl+S).").format(
                    name=path.name
                ),
                False,
            )

        run_in_thread(read, on_result=done)

    def export_file(self, path: Path) -> None:
        text = self.editor.toPlainText()

        def write() -> str:
            try:
                path.write_text(text, encoding="utf-8")
            except OSError as exc:
                return self.tr("Could not export to {path}: {error}").format(path=path, error=exc.strerror)
            return ""

        def done(error: str) -> None:
            if error:
                self.message.emit(error, True)
            else:
                self.message.emit(self.tr("Exported to {path}.").format(path=path), False)

        run_in_thread(write, on_result=done)

    def save_to(self, show_id: str) -> None:
        """Save the script to the show (saving signs no review); price flags need a second confirmation
        first, which the review signed later records."""
        found = self._check()
        script = found.script
        if script is None:
            self._say(self.tr("The script was not saved: fix the line shown in the list first."), error=True)
            return
        flags = list(found.price_flags)
        if flags and not self._confirm_prices(flags):
            self._say(self.tr("Not saved: the prices need a second look."), error=True)
            return
        self._confirmed_price_keys |= {f.key for f in flags}
        text, service = self.editor.toPlainText(), self.service
        base = self.base_revision if show_id == self.show_id else None

        def save() -> Written[SavedScript]:
            # On a worker thread: only the service and the arguments.
            return service.save_script(show_id, script, text, base_revision=base)

        def done(written: Written[SavedScript]) -> None:
            if show_id == self.show_id:
                self.base_revision = written.value.revision
                self.editor.document().setModified(False)
            self.saved.emit(script)

        run_in_thread(
            save,
            on_result=done,
            on_error=lambda exc: self._say(
                self.tr("Could not save the script: {error}").format(error=exc), True
            ),
        )

    def sign_to(self, show_id: str) -> None:
        """Ask the reviewer to sign the editor's text for the show; nothing is stored if they cancel."""
        if self.wordlist is None:
            self._say(self.tr("The word list is still loading; try again in a moment."), error=True)
            return
        found = self._check()
        flags = list(found.price_flags)
        if flags and not set(f.key for f in flags) <= self._confirmed_price_keys:
            if not self._confirm_prices(flags):
                self._say(self.tr("Not signed: the prices need a second look."), error=True)
                return
            self._confirmed_price_keys |= {f.key for f in flags}
        hits, earlier = list(found.hits), list(self._seen_terms.values())
        signed = self._ask_signature(hits, earlier)
        if signed is None:
            return
        remember_reviewer(signed.reviewer)
        text, wordlist, confirmed = (
            self.editor.toPlainText(),
            self.wordlist,
            sorted(self._confirmed_price_keys),
        )
        service = self.service

        def record() -> ReviewRecorded:
            # On a worker thread: only the service and the arguments. The service applies the rule again.
            return service.record_review(
                show_id,
                text,
                hits=hits,
                wordlist=wordlist,
                price_flags=flags,
                checked_by=signed.reviewer,
                accepted=signed.accepted,
                note=signed.note,
                reasons={t.text: t.reason for t in signed.terms if t.outcome is TermOutcome.KEPT},
                confirmed_price_keys=confirmed,
                earlier=earlier,
            )

        def done(recorded: ReviewRecorded) -> None:
            if recorded.found:
                self._say(self.tr("Compliance review signed by {name}.").format(name=signed.reviewer))
                self.signed.emit()
            else:
                self._say(self.tr("The show no longer exists; nothing was signed."), error=True)

        run_in_thread(
            record,
            on_result=done,
            on_error=lambda exc: self._say(self.tr("Could not sign: {error}").format(error=exc), True),
        )

    def _ask_signature(self, hits: list[LintHit], earlier: list[TermReview]) -> SignedReview | None:
        dialog = ComplianceDialog(hits, saved_reviewer(), earlier, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.signed
        return None

    def show_records(self, show_id: str | None) -> None:
        ComplianceRecordsDialog(self.service, show_id, self).open()

    def _confirm_prices(self, flags: list[PriceFlag]) -> bool:
        lines = "\n".join(f"• {flag.message}" for flag in flags)
        answer = QMessageBox.warning(
            self,
            self.tr("Check the prices"),
            self.tr("These prices look wrong:\n\n{lines}\n\nAre they really right?").format(lines=lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _say(self, text: str, error: bool = False) -> None:
        self.message.emit(text, error)
