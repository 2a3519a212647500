"""The operator's view of the show: rundown, product card, promo clock, cues, emergency scripts, editor.

The host reads from the prompter window (:mod:`studio_app.ui.prompter.window`); both are clients of one
:class:`OnAirController`. Everything on air goes to the run log through :class:`OnAirStoreWriter`, off the
GUI thread. Every action here has a key (see the tooltips), so a show can be run without the mouse.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from studio_app.context import AppContext
from studio_app.promo.clock import PromoMarkKind, PromoPhase, format_mm_ss
from studio_app.promo.session import OnAirSession, SessionError, SessionPhase
from studio_app.script import repo
from studio_app.script.format import ScriptFormatError, parse_script
from studio_app.script.lint import LintHit, Severity, Wordlist, default_wordlist, describe_hit, lint_text
from studio_app.script.model import EmergencyKind, RunLogEvent, Script, format_price
from studio_app.script.pricing import PriceFlag, check_prices
from studio_app.script.reading import (
    RateCalibration,
    count_units,
    estimate_script,
    fit_rate_cpm,
    reading_samples_from_run_log,
)
from studio_app.store.live import get_live, not_deleted
from studio_app.store.models import Show
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.keys import KeyMap, PrompterAction
from studio_app.ui.prompter.keys_dialog import KeyBindingsDialog
from studio_app.ui.prompter.store_writer import OnAirStoreWriter
from studio_app.ui.prompter.view import PrompterStyle
from studio_app.ui.prompter.window import PrompterWindow
from studio_app.ui.settings import app_settings
from studio_app.ui.workers import run_in_thread

log = logging.getLogger(__name__)

SEVERITY_COLORS = {
    Severity.FORBIDDEN: "#e5484d",
    Severity.CAUTION: "#f5a524",
    Severity.NEEDS_EVIDENCE: "#3e9ef0",
}


@dataclass(frozen=True)
class _Loaded:
    show_id: str
    show_title: str
    script: Script | None
    source: str
    state: dict[str, Any] | None


def _load_show(context: AppContext, show_id: str) -> _Loaded:
    with context.db.session() as s:
        show = get_live(s, Show, show_id)
        title = show.title if show is not None else ""
        script = repo.load_script(s, show_id)
        source = repo.load_script_source(s, show_id) or ""
        state = repo.load_promo_state(s, show_id)
    return _Loaded(show_id, title, script, source, state)


def _list_shows(context: AppContext) -> list[tuple[str, str]]:
    with context.db.session() as s:
        rows = s.scalars(select(Show).where(not_deleted(Show)).order_by(Show.created_at.desc()))
        return [(row.id, row.title) for row in rows]


def _delete_show(context: AppContext, show_id: str) -> repo.DeleteShowOutcome:
    with context.db.session() as s:
        return repo.delete_show(s, show_id, context.clock.now())


_STYLE_KEYS = ("font_px", "mirror_horizontal", "mirror_vertical")


def _load_prompter_style() -> PrompterStyle:
    settings = app_settings()
    style = PrompterStyle()
    try:
        font_px = int(str(settings.value("prompter/font_px", style.font_px)))
    except ValueError:
        font_px = style.font_px
    return replace(
        style,
        font_px=max(24, min(160, font_px)),
        mirror_horizontal=str(settings.value("prompter/mirror_horizontal", "false")).lower() == "true",
        mirror_vertical=str(settings.value("prompter/mirror_vertical", "false")).lower() == "true",
    )


def _save_prompter_style(style: PrompterStyle) -> None:
    settings = app_settings()
    for key in _STYLE_KEYS:
        value = getattr(style, key)
        settings.setValue(f"prompter/{key}", str(value).lower() if isinstance(value, bool) else value)


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


class ScriptPanel(QWidget):
    loaded = Signal()  # a show's script and state are in (tests wait on it)
    shows_refreshed = Signal()  # the show list was reloaded after a sync
    show_deleted = Signal(str)  # the operator deleted this show (id); the list is reloaded next

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptPanel")
        self.context = context
        self.controller: OnAirController | None = None
        self.writer: OnAirStoreWriter | None = None
        self.prompter: PrompterWindow | None = None
        # Rebindable keys and the prompter's look live in the app's one settings store.
        self.keymap = KeyMap.from_settings(app_settings())
        self.prompter_style = _load_prompter_style()
        self._show_id: str | None = None
        self._script: Script | None = None
        self._wordlist: Wordlist | None = None
        self._confirmed_price_keys: set[str] = set()
        self._issue_hits: list[LintHit] = []
        self._shutting_down = False

        self._build()
        self._bind_keys()
        self._set_on_air_enabled(False)
        run_in_thread(_list_shows, context, on_result=self._on_shows, on_error=self._on_load_error)
        run_in_thread(default_wordlist, context.workspace.root, on_result=self._on_wordlist)

    # ---- building ------------------------------------------------------------------------------------

    def _build(self) -> None:
        top = QHBoxLayout()
        self.show_combo = QComboBox()
        self.show_combo.setMinimumWidth(260)
        self.show_combo.currentIndexChanged.connect(self._on_show_chosen)
        self.delete_show_button = QPushButton(self.tr("Delete show…"))
        self.delete_show_button.setToolTip(self.tr("Delete the chosen show (not while it is on air)"))
        self.delete_show_button.setEnabled(False)
        self.delete_show_button.clicked.connect(self.delete_current_show)
        self.start_button = QPushButton(self.tr("Start show"))
        self.start_button.setToolTip(self.tr("Ctrl+Enter (or Space on the prompter)"))
        self.start_button.clicked.connect(self._start_or_end)
        self.prompter_button = QPushButton(self.tr("Open prompter"))
        self.prompter_button.setToolTip(self.tr("Ctrl+P: full screen on the chosen display"))
        self.prompter_button.clicked.connect(self.toggle_prompter)
        self.screen_combo = QComboBox()
        for screen in QGuiApplication.screens():
            geometry = screen.geometry()
            self.screen_combo.addItem(
                f"{screen.name()} {geometry.width()}×{geometry.height()}", screen.name()
            )
        self.mirror_h = QCheckBox(self.tr("Mirror ↔"))
        self.mirror_v = QCheckBox(self.tr("Mirror ↕"))
        self.mirror_h.setChecked(self.prompter_style.mirror_horizontal)
        self.mirror_v.setChecked(self.prompter_style.mirror_vertical)
        self.mirror_h.toggled.connect(self._apply_prompter_style)
        self.mirror_v.toggled.connect(self._apply_prompter_style)
        self.font_spin = QSpinBox()
        self.font_spin.setRange(24, 160)
        self.font_spin.setValue(self.prompter_style.font_px)
        self.font_spin.setSuffix(" px")
        self.font_spin.setToolTip(self.tr("Prompter font size"))
        self.font_spin.valueChanged.connect(self._apply_prompter_style)
        self.keys_button = QPushButton(self.tr("Keys…"))
        self.keys_button.setToolTip(self.tr("Rebind the prompter's keys (clicker, foot pedal)"))
        self.keys_button.clicked.connect(self.edit_keys)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(self.import_script)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export_script)
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.show_combo)
        top.addWidget(self.delete_show_button)
        top.addWidget(self.start_button)
        top.addSpacing(12)
        top.addWidget(self.prompter_button)
        top.addWidget(self.screen_combo)
        top.addWidget(self.mirror_h)
        top.addWidget(self.mirror_v)
        top.addWidget(self.font_spin)
        top.addWidget(self.keys_button)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)

        # Left: the rundown.
        self.rundown = QTableWidget(0, 6)
        self.rundown.setObjectName("rundown")
        self.rundown.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Type"),
                self.tr("Segment"),
                self.tr("Planned"),
                self.tr("Estimated"),
                self.tr("Actual"),
            ]
        )
        self.rundown.verticalHeader().setVisible(False)
        self.rundown.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rundown.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.rundown.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rundown.cellDoubleClicked.connect(lambda row, _col: self._go_to(row))
        self.rundown_summary = QLabel()
        self.rundown_summary.setWordWrap(True)
        self.product_card = QLabel()
        self.product_card.setObjectName("productCard")
        self.product_card.setWordWrap(True)
        self.product_card.setTextFormat(Qt.TextFormat.RichText)
        self.product_card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        product_box = QGroupBox(self.tr("Product card"))
        QVBoxLayout(product_box).addWidget(self.product_card)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.rundown, 3)
        left_layout.addWidget(self.rundown_summary)
        left_layout.addWidget(product_box, 2)
        left.setMinimumWidth(520)

        # Right: on-air controls and the editor.
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_on_air(), self.tr("On air"))
        self.tabs.addTab(self._build_editor(), self.tr("Script editor"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([620, 760])

        self.status = QLabel()
        self.status.setObjectName("scriptStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def _build_on_air(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)

        promo_box = QGroupBox(self.tr("Promo clock"))
        promo_layout = QGridLayout(promo_box)
        self.promo_label = QLabel("—")
        self.promo_label.setObjectName("promoCountdown")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.0)
        big.setBold(True)
        self.promo_label.setFont(big)
        self.promo_detail = QLabel()
        self.promo_done = QPushButton(self.tr("Done (Ctrl+D)"))
        self.promo_done.clicked.connect(lambda: self._mark_promo(PromoMarkKind.DONE))
        self.promo_skip = QPushButton(self.tr("Skipped (Ctrl+K)"))
        self.promo_skip.clicked.connect(lambda: self._mark_promo(PromoMarkKind.SKIPPED))
        self.promo_history = QListWidget()
        self.promo_history.setMaximumHeight(90)
        promo_layout.addWidget(self.promo_label, 0, 0, 1, 2)
        promo_layout.addWidget(self.promo_detail, 1, 0, 1, 2)
        promo_layout.addWidget(self.promo_done, 2, 0)
        promo_layout.addWidget(self.promo_skip, 2, 1)
        promo_layout.addWidget(self.promo_history, 0, 2, 3, 1)
        promo_layout.setColumnStretch(2, 1)

        reading_box = QGroupBox(self.tr("Reading"))
        reading_layout = QFormLayout(reading_box)
        self.segment_label = QLabel("—")
        self.speed_label = QLabel("—")
        self.schedule_label = QLabel("—")
        self.qa_label = QLabel("—")
        self.fit_button = QPushButton(self.tr("Fit to time (Ctrl+T)"))
        self.fit_button.setToolTip(self.tr("Set the speed so the current segment ends on time"))
        self.fit_button.clicked.connect(self.fit_to_time)
        reading_layout.addRow(self.tr("Segment"), self.segment_label)
        reading_layout.addRow(self.tr("Speed"), self.speed_label)
        reading_layout.addRow(self.tr("Schedule"), self.schedule_label)
        reading_layout.addRow(self.tr("Q&&A timer"), self.qa_label)
        self.calibrate_button = QPushButton(self.tr("Calibrate rate from this show"))
        self.calibrate_button.setToolTip(
            self.tr("Learn the host's rate (chars/min) from the segments read so far and use it as gear 5")
        )
        self.calibrate_button.clicked.connect(self.calibrate_rate)
        fit_row = QHBoxLayout()
        fit_row.addWidget(self.fit_button)
        fit_row.addWidget(self.calibrate_button)
        reading_layout.addRow(fit_row)

        cue_box = QGroupBox(self.tr("Cue for the host"))
        cue_layout = QGridLayout(cue_box)
        self.cue_edit = QLineEdit()
        self.cue_edit.setObjectName("cueEdit")
        self.cue_edit.setPlaceholderText(self.tr("e.g. 讲3号链接 / 库存剩50 — Enter sends (Ctrl+L to type)"))
        self.cue_edit.setMaxLength(60)
        self.cue_edit.returnPressed.connect(self.send_cue)
        self.cue_send = QPushButton(self.tr("Send"))
        self.cue_send.clicked.connect(self.send_cue)
        self.cue_dismiss = QPushButton(self.tr("Dismiss (Ctrl+Shift+D)"))
        self.cue_dismiss.clicked.connect(self._dismiss)
        self.cue_list = QListWidget()
        self.cue_list.setMaximumHeight(70)
        cue_layout.addWidget(self.cue_edit, 0, 0)
        cue_layout.addWidget(self.cue_send, 0, 1)
        cue_layout.addWidget(self.cue_dismiss, 0, 2)
        cue_layout.addWidget(self.cue_list, 1, 0, 1, 3)

        emergency_box = QGroupBox(self.tr("Emergency scripts"))
        emergency_layout = QGridLayout(emergency_box)
        self.emergency_buttons: dict[EmergencyKind, QPushButton] = {}
        for index, kind in enumerate(EmergencyKind):
            button = QPushButton(f"{kind.default_key}  {kind.display_name()}")
            button.clicked.connect(lambda _checked=False, k=kind: self._emergency(k))
            self.emergency_buttons[kind] = button
            emergency_layout.addWidget(button, index // 3, index % 3)
        self.correction_edit = QLineEdit()
        self.correction_edit.setPlaceholderText(self.tr("What was corrected (optional)"))
        self.correction_button = QPushButton(self.tr("Log correction (Ctrl+R)"))
        self.correction_button.clicked.connect(self.log_correction)
        emergency_layout.addWidget(self.correction_edit, 2, 0, 1, 2)
        emergency_layout.addWidget(self.correction_button, 2, 2)

        layout.addWidget(promo_box)
        layout.addWidget(reading_box)
        layout.addWidget(cue_box)
        layout.addWidget(emergency_box)
        layout.addStretch(1)
        return page

    def _build_editor(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
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
        self.check_button.clicked.connect(self.check_editor)
        self.save_button = QPushButton(self.tr("Save to show (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_editor)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.issues)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        return page

    def _bind_keys(self) -> None:
        def shortcut(sequence: str, slot: Any) -> None:
            item = QShortcut(QKeySequence(sequence), self)
            item.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            item.activated.connect(slot)

        shortcut("Ctrl+Return", self._start_or_end)
        shortcut("Ctrl+P", self.toggle_prompter)
        shortcut("Ctrl+D", lambda: self._mark_promo(PromoMarkKind.DONE))
        shortcut("Ctrl+K", lambda: self._mark_promo(PromoMarkKind.SKIPPED))
        shortcut("Ctrl+L", self._focus_cue)
        shortcut("Ctrl+Shift+D", self._dismiss)
        shortcut("Ctrl+R", self.log_correction)
        shortcut("Ctrl+T", self.fit_to_time)
        shortcut("Ctrl+PgDown", lambda: self._go_to_relative(1))
        shortcut("Ctrl+PgUp", lambda: self._go_to_relative(-1))
        shortcut("Ctrl+Up", lambda: self._gear(1))
        shortcut("Ctrl+Down", lambda: self._gear(-1))
        shortcut("Ctrl+S", self.save_editor)
        shortcut("F7", self.check_editor)
        shortcut("Ctrl+O", self.import_script)
        shortcut("Ctrl+E", self.export_script)
        for kind in EmergencyKind:
            shortcut(kind.default_key, lambda k=kind: self._emergency(k))

    # ---- loading -----------------------------------------------------------------------------------------

    def _on_shows(self, shows: list[tuple[str, str]]) -> None:
        if self._shutting_down:
            return
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        for show_id, title in shows:
            self.show_combo.addItem(title, show_id)
        self.show_combo.blockSignals(False)
        self.delete_show_button.setEnabled(bool(shows))
        if shows:
            self._on_show_chosen(0)
        else:
            self._say(self.tr("No show yet. Create one, then write or import its script."))
            self.loaded.emit()

    def refresh_after_sync(self) -> None:
        """A sync round pulled changes: a show deleted elsewhere leaves the list (the open one is kept
        while on air; the editor of a show still there is not touched)."""
        run_in_thread(
            _list_shows, self.context, on_result=self._on_shows_refreshed, on_error=self._on_load_error
        )

    def _on_shows_refreshed(self, shows: list[tuple[str, str]]) -> None:
        if self._shutting_down:
            return
        current = self._show_id
        if current is not None and all(show_id != current for show_id, _ in shows):
            if self.controller is not None and self.controller.session.phase is SessionPhase.ON_AIR:
                self._say(
                    self.tr("This show was deleted on another computer; its run log is still kept."), True
                )
            else:
                self._forget_show()
                self._say(self.tr("The show you had open was deleted on another computer."), True)
                self._on_shows(shows)
            self.shows_refreshed.emit()
            return
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        for show_id, title in shows:
            self.show_combo.addItem(title, show_id)
        if current is not None:
            self.show_combo.setCurrentIndex(max(0, self.show_combo.findData(current)))
        self.show_combo.blockSignals(False)
        self.delete_show_button.setEnabled(bool(shows))
        if current is None and shows:
            self._on_show_chosen(0)
        self.shows_refreshed.emit()

    def _forget_show(self) -> None:
        self._teardown_session()
        self._show_id = None
        self._script = None
        self.editor.clear()
        self._refresh_all()

    def _on_show_chosen(self, index: int) -> None:
        show_id = self.show_combo.itemData(index)
        if not show_id or show_id == self._show_id:
            return
        if self.controller is not None and self.controller.session.phase is SessionPhase.ON_AIR:
            self._say(self.tr("End the show on air before switching to another one."), error=True)
            self.show_combo.setCurrentIndex(self.show_combo.findData(self._show_id))
            return
        run_in_thread(
            _load_show, self.context, show_id, on_result=self._on_loaded, on_error=self._on_load_error
        )

    def _on_air(self) -> bool:
        return self.controller is not None and self.controller.session.phase is SessionPhase.ON_AIR

    def delete_current_show(self) -> None:
        """Ask, then delete the show open in the selector (a tombstone that syncs); refused while on air."""
        show_id = self._show_id
        if show_id is None:
            return
        title = self.show_combo.itemText(max(0, self.show_combo.findData(show_id)))
        if self._on_air():
            self._say(
                self.tr("“{title}” is on air: end the show before deleting it.").format(title=title), True
            )
            return
        box = QMessageBox(self)
        box.setObjectName("deleteShowConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete show"))
        box.setText(self.tr("Delete the show “{title}”?").format(title=title))
        box.setInformativeText(
            self.tr(
                "It leaves the show list here and, after the next sync, at the head office and on the other "
                "computers. Its run log and compliance records are kept."
            )
        )
        delete_button = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel_button = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel_button)
        box.setEscapeButton(cancel_button)
        box.exec()
        if box.clickedButton() is not delete_button:
            return
        if self._on_air() or show_id != self._show_id:  # things moved while the dialog was open
            return
        run_in_thread(
            _delete_show,
            self.context,
            show_id,
            on_result=lambda outcome: self._on_show_deleted(show_id, title, outcome),
            on_error=lambda exc: self._say(
                self.tr("Could not delete the show: {error}").format(error=exc), True
            ),
        )

    def _on_show_deleted(self, show_id: str, title: str, outcome: repo.DeleteShowOutcome) -> None:
        if self._shutting_down:
            return
        if outcome is repo.DeleteShowOutcome.ON_AIR:
            self._say(
                self.tr("“{title}” is on air: end the show before deleting it.").format(title=title), True
            )
            return
        if self._show_id == show_id and not self._on_air():
            self._forget_show()
        if outcome is repo.DeleteShowOutcome.DELETED:
            self._say(self.tr("Deleted the show “{title}”.").format(title=title))
        else:
            self._say(self.tr("The show “{title}” was already deleted.").format(title=title))
        self.show_deleted.emit(show_id)
        run_in_thread(_list_shows, self.context, on_result=self._after_delete, on_error=self._on_load_error)

    def _after_delete(self, shows: list[tuple[str, str]]) -> None:
        if self._shutting_down:
            return
        message = self.status.text()
        self._on_shows(shows)
        if not shows:
            self._say(message + " " + self.tr("No show yet. Create one, then write or import its script."))

    def _on_wordlist(self, wordlist: Wordlist) -> None:
        self._wordlist = wordlist
        if self.editor.toPlainText():
            self.check_editor()

    def _on_load_error(self, exc: BaseException) -> None:
        self._say(self.tr("Could not load the show: {error}").format(error=exc), error=True)

    def _on_loaded(self, loaded: _Loaded) -> None:
        if self._shutting_down:
            return
        self._teardown_session()
        self._show_id = loaded.show_id
        self._script = loaded.script
        self.editor.setPlainText(loaded.source)
        if loaded.script is None:
            self._say(self.tr("This show has no script yet: write one in the editor or import a file."))
            self.tabs.setCurrentIndex(1)
            self._refresh_all()
            self.loaded.emit()
            return
        self._install_session(loaded.script, loaded.state)
        self.check_editor()
        self.loaded.emit()

    def _install_session(self, script: Script, state: dict[str, Any] | None) -> None:
        assert self._show_id is not None
        writer = OnAirStoreWriter(self.context.db, self._show_id, self.context.clock, self)
        writer.failed.connect(
            lambda message: self._say(self.tr("Run log not saved: {error}").format(error=message), True)
        )

        def log_event(event: RunLogEvent) -> None:
            writer.append(event)
            if self.controller is not None:
                self.controller.forward_logged(event)

        session: OnAirSession | None = None
        if state and state.get("show_id") == self._show_id and state.get("phase") != "ready":
            try:
                session = OnAirSession.resume(
                    self.context.clock, script, state, log=log_event, save_state=writer.save_state
                )
                if session.phase is SessionPhase.ON_AIR:
                    self._say(self.tr("Resumed the show in progress."))
            except SessionError as exc:
                self._say(str(exc), error=True)
        if session is None or session.phase is SessionPhase.ENDED:
            try:
                session = OnAirSession(
                    self.context.clock, script, self._show_id, log=log_event, save_state=writer.save_state
                )
            except SessionError as exc:
                self._say(str(exc), error=True)
                return
        self.writer = writer
        controller = OnAirController(session, self)
        controller.changed.connect(self._refresh_all)
        controller.ticked.connect(self._refresh_timers)
        controller.error.connect(lambda message: self._say(message, error=True))
        controller.emergency_shown.connect(self._on_emergency_shown)
        self.controller = controller
        self._set_on_air_enabled(True)
        for kind, button in self.emergency_buttons.items():
            button.setEnabled(script.emergency(kind) is not None)
        self._refresh_all()

    def _teardown_session(self) -> None:
        if self.prompter is not None:
            self.prompter.close()
            self.prompter.deleteLater()
            self.prompter = None
        if self.controller is not None:
            self.controller.shutdown()
            self.controller.deleteLater()
            self.controller = None
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        self._set_on_air_enabled(False)

    def shutdown(self) -> None:
        """Called by the main window before it closes: stop timers, write what is left, close the prompter."""
        self._shutting_down = True
        self._teardown_session()

    # ---- on-air actions ------------------------------------------------------------------------------------

    def _set_on_air_enabled(self, enabled: bool) -> None:
        for widget in (
            self.start_button,
            self.prompter_button,
            self.promo_done,
            self.promo_skip,
            self.fit_button,
            self.calibrate_button,
            self.cue_edit,
            self.cue_send,
            self.cue_dismiss,
            self.correction_button,
            self.correction_edit,
            *self.emergency_buttons.values(),
        ):
            widget.setEnabled(enabled)

    def _start_or_end(self) -> None:
        controller = self.controller
        if controller is None:
            return
        if controller.session.phase is SessionPhase.READY:
            controller.start_show()
        elif controller.session.phase is SessionPhase.ON_AIR:
            answer = QMessageBox.question(
                self,
                self.tr("End the show"),
                self.tr("End the show now? The run log is closed and the promo clock stops."),
            )
            if answer == QMessageBox.StandardButton.Yes:
                controller.end_show()

    def toggle_prompter(self) -> None:
        if self.controller is None:
            return
        if self.prompter is not None and self.prompter.isVisible():
            self.prompter.close()
            return
        if self.prompter is None:
            self.prompter = PrompterWindow(self.controller, keymap=self.keymap, style=self._current_style())
            self.prompter.closed.connect(lambda: self.prompter_button.setText(self.tr("Open prompter")))
            if self.controller.session.reading_char:
                self.prompter.view.scroll_to_char(self.controller.session.reading_char)
        wanted = self.screen_combo.currentData()
        screen = next((s for s in QGuiApplication.screens() if s.name() == wanted), None)
        self.prompter.show_on(screen)
        self.prompter_button.setText(self.tr("Close prompter"))

    def _current_style(self) -> PrompterStyle:
        return replace(
            self.prompter_style,
            font_px=self.font_spin.value(),
            mirror_horizontal=self.mirror_h.isChecked(),
            mirror_vertical=self.mirror_v.isChecked(),
        )

    def _apply_prompter_style(self) -> None:
        self.prompter_style = self._current_style()
        _save_prompter_style(self.prompter_style)
        if self.prompter is not None:
            self.prompter.view.set_style(self.prompter_style)

    def edit_keys(self) -> None:
        dialog = KeyBindingsDialog(self.keymap, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            dialog.apply()  # the prompter shares this key map: the new keys work at once
            self.keymap.to_settings(app_settings())

    def _mark_promo(self, kind: PromoMarkKind) -> None:
        if self.controller is not None:
            self.controller.mark_promo(kind)

    def _focus_cue(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.cue_edit.setFocus()
        self.cue_edit.selectAll()

    def send_cue(self) -> None:
        if self.controller is not None and self.controller.send_cue(self.cue_edit.text()):
            self.cue_edit.clear()

    def _dismiss(self) -> None:
        if self.controller is not None:
            self.controller.dismiss()

    def _emergency(self, kind: EmergencyKind) -> None:
        if self.controller is not None:
            self.controller.show_emergency(kind)

    def _on_emergency_shown(self, script: object) -> None:
        if script is not None:
            self._say(
                self.tr("Emergency script on the prompter: {title} (Esc closes it)").format(
                    title=getattr(script, "title", "")
                )
            )

    def log_correction(self) -> None:
        if self.controller is not None:
            self.controller.log_correction(self.correction_edit.text())
            self.correction_edit.clear()
            self._say(self.tr("Correction logged."))

    def _go_to(self, row: int) -> None:
        if self.controller is not None:
            self.controller.go_to_segment(row)

    def _go_to_relative(self, step: int) -> None:
        if self.controller is not None:
            self.controller.go_to_segment(self.controller.session.segment_index + step)

    def _gear(self, step: int) -> None:
        if self.controller is not None:
            self.controller.perform(PrompterAction.FASTER if step > 0 else PrompterAction.SLOWER)

    def fit_to_time(self) -> None:
        """Set the speed so the rest of the current segment is read by its planned end."""
        controller = self.controller
        if controller is None or controller.session.phase is not SessionPhase.ON_AIR:
            self._say(self.tr("Fit to time works once the show is on air."), error=True)
            return
        session = controller.session
        status = session.schedule()
        units = count_units(session.segment.host_text).units
        if self.prompter is not None:
            view = self.prompter.view
            index = session.segment_index
            top = view.segment_top_px(index)
            bottom = view.segment_top_px(index + 1) if index + 1 < len(session.script.segments) else top + 1.0
            read = min(1.0, max(0.0, (view.position_px() - top) / max(1.0, bottom - top)))
        else:
            read = min(1.0, status.in_segment_s / max(1.0, status.planned_segment_s))
        remaining_s = status.planned_segment_s - status.in_segment_s
        rate = fit_rate_cpm(units * (1.0 - read), remaining_s)
        controller.set_speed_cpm(rate)
        self._say(self.tr("Speed set to {cpm:.0f} chars/min to end the segment on time.").format(cpm=rate))

    def calibrate_rate(self) -> None:
        """Set gear 5 to the rate the host actually read at (run log → reading samples → calibration)."""
        controller, show_id = self.controller, self._show_id
        if controller is None or show_id is None:
            return
        session = controller.session
        script, prior = session.script, session.base_cpm

        def calibrate() -> tuple[float, int]:
            with self.context.db.session() as s:
                events = repo.list_run_log(s, show_id)
            base = RateCalibration(prior_rate_cpm=prior)
            # with_sample returns the calibration itself for a sample it rejects (too short, implausible).
            used = [
                sample
                for sample in reading_samples_from_run_log(events, script)
                if base.with_sample(sample) is not base
            ]
            return base.with_samples(used).rate_cpm, len(used)

        def done(result: tuple[float, int]) -> None:
            rate, used = result
            if not used or self.controller is not controller:
                self._say(
                    self.tr("Not enough reading yet to calibrate: read a few segments first."), error=True
                )
                return
            controller.set_base_cpm(rate)
            self._say(
                self.tr("Host's rate calibrated to {cpm:.0f} chars/min from {n} segments.").format(
                    cpm=rate, n=used
                )
            )

        run_in_thread(calibrate, on_result=done)

    # ---- refreshing ----------------------------------------------------------------------------------------

    def _refresh_all(self) -> None:
        self._refresh_rundown()
        self._refresh_product()
        self._refresh_timers()
        self._refresh_cues()
        controller = self.controller
        if controller is not None:
            phase = controller.session.phase
            self.start_button.setText(
                self.tr("Start show") if phase is SessionPhase.READY else self.tr("End show")
            )
            self.start_button.setEnabled(phase is not SessionPhase.ENDED)

    def _refresh_rundown(self) -> None:
        script = self._script
        self.rundown.setRowCount(0 if script is None else len(script.segments))
        if script is None:
            self.rundown_summary.setText("")
            return
        session = self.controller.session if self.controller else None
        rate = session.base_cpm if session else float(script.meta_int("rate", 260))
        estimate = estimate_script(script, rate)
        actual: dict[int, float] = {}
        if session is not None:
            for run in session.runs:
                if run.duration_s is not None:
                    actual[run.index] = actual.get(run.index, 0.0) + run.duration_s
        current = session.segment_index if session else -1
        bold = QFont(self.rundown.font())
        bold.setBold(True)
        for row, (segment, est) in enumerate(zip(script.segments, estimate.segments, strict=True)):
            marker = "▶ " if row == current and session and session.phase is SessionPhase.ON_AIR else ""
            cells = [
                f"{marker}{row + 1}",
                segment.kind.label_zh,
                segment.title,
                format_mm_ss(round(est.planned_s)),
                format_mm_ss(round(est.estimated_s)),
                format_mm_ss(round(actual[row])) if row in actual else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row == current:
                    item.setFont(bold)
                    item.setBackground(QColor(55, 120, 200, 70))
                if column == 4 and est.over_s > 30:
                    item.setForeground(QColor("#e5484d"))
                    item.setToolTip(
                        self.tr("The text takes {s:.0f} s longer to read than planned").format(s=est.over_s)
                    )
                self.rundown.setItem(row, column, item)
        total = self.tr("Planned {planned} · estimated {estimated} at {rate:.0f} chars/min").format(
            planned=format_mm_ss(round(estimate.total_planned_s)),
            estimated=format_mm_ss(round(estimate.total_estimated_s)),
            rate=rate,
        )
        self.rundown_summary.setText(total)

    def _refresh_product(self) -> None:
        script = self._script
        session = self.controller.session if self.controller else None
        product = script.product_for(session.segment) if script and session else None
        if product is None:
            self.product_card.setText(self.tr("<i>No product in this segment.</i>"))
            return
        lines = [
            f"<b style='font-size:15pt'>{product.link_label} · {product.name}</b>",
            self.tr(
                "Live price <b style='color:#e5484d;font-size:14pt'>{live}</b> (list {list}, {basis})"
            ).format(
                live=format_price(product.live_price),
                list=format_price(product.list_price),
                basis=product.price_basis or self.tr("basis not given"),
            ),
        ]
        if product.coupon:
            lines.append(self.tr("Coupon: {coupon}").format(coupon=product.coupon))
        if product.stock is not None:
            lines.append(self.tr("Stock: {n}").format(n=product.stock))
        fab = product.fab
        for label, items in (
            (self.tr("Features"), fab.features),
            (self.tr("Advantages"), fab.advantages),
            (self.tr("Benefits"), fab.benefits),
        ):
            if items:
                lines.append(f"<b>{label}</b>: " + "；".join(items))
        for entry in product.faq[:3]:
            lines.append(f"<b>Q</b> {entry.question}<br><b>A</b> {entry.answer}")
        self.product_card.setText("<br>".join(lines))

    def _refresh_timers(self) -> None:
        controller = self.controller
        if controller is None:
            return
        session = controller.session
        segment = session.segment
        position = f"{session.segment_index + 1}/{len(session.script.segments)}"
        self.segment_label.setText(f"{position} {segment.kind.label_zh} · {segment.title}")
        state = self.tr("paused") if session.paused else self.tr("running")
        self.speed_label.setText(
            self.tr("Gear {gear} · {cpm:.0f} chars/min · {state}").format(
                gear=session.gear, cpm=session.speed_cpm, state=state
            )
        )
        promo = session.promo
        if session.phase is not SessionPhase.ON_AIR or promo is None:
            self.promo_label.setText(self.tr("Starts with the show"))
            self.promo_detail.setText(
                self.tr("Every {m:.0f} min from the start").format(m=session.promo_interval_s / 60)
            )
            self.schedule_label.setText("—")
            self.qa_label.setText("—")
            return
        snap = promo.snapshot()
        color = "#e5484d" if snap.is_strong_cue else "#f5a524" if snap.is_cue else ""
        self.promo_label.setStyleSheet(f"color: {color};" if color else "")
        self.promo_label.setText(snap.label())
        self.promo_detail.setText(
            self.tr("Round {n} due at {time}").format(
                n=snap.slot, time=snap.due_at.astimezone().strftime("%H:%M:%S")
            )
        )
        self.schedule_label.setText(session.schedule().label())
        qa = session.qa.snapshot(session.elapsed_s())
        self.qa_label.setText(qa.label() if qa.running else self.tr("not running"))
        texts = [self._outcome_text(o) for o in reversed(promo.history())] or [self.tr("No promo due yet.")]
        shown = [self.promo_history.item(i).text() for i in range(self.promo_history.count())]
        if texts != shown:
            self.promo_history.clear()
            self.promo_history.addItems(texts)

    def _outcome_text(self, outcome: Any) -> str:
        due = outcome.due_at.astimezone().strftime("%H:%M")
        names = {
            PromoPhase.DONE: self.tr("done"),
            PromoPhase.SKIPPED: self.tr("skipped"),
            PromoPhase.MISSED: self.tr("missed"),
            PromoPhase.DUE: self.tr("due"),
            PromoPhase.OVERDUE: self.tr("overdue"),
            PromoPhase.PRE_CUE: self.tr("soon"),
            PromoPhase.UPCOMING: self.tr("upcoming"),
        }
        text = self.tr("Round {n} ({due}): {state}").format(
            n=outcome.slot, due=due, state=names[outcome.phase]
        )
        if outcome.late_s is not None and outcome.late_s > 60:
            text += " " + self.tr("{m:.1f} min late").format(m=outcome.late_s / 60)
        return text

    def _refresh_cues(self) -> None:
        self.cue_list.clear()
        if self.controller is None:
            return
        for cue in self.controller.session.active_cues():
            self.cue_list.addItem(f"{cue.sent_at.astimezone().strftime('%H:%M:%S')}  {cue.text}")

    # ---- the editor ----------------------------------------------------------------------------------------

    def check_editor(self) -> Script | None:
        """Parse, lint and price-check the editor's text and list the findings; the script if it parses."""
        text = self.editor.toPlainText()
        self.issues.clear()
        hits = lint_text(text, self._wordlist) if self._wordlist is not None else []
        self._issue_hits = hits
        self.highlighter.set_hits(hits)
        script: Script | None = None
        try:
            script = parse_script(text)
        except ScriptFormatError as exc:
            item = QListWidgetItem(self.tr("Line {n}: {message}").format(n=exc.line_no, message=exc.message))
            item.setForeground(QColor("#e5484d"))
            item.setData(Qt.ItemDataRole.UserRole, ("line", exc.line_no))
            self.issues.addItem(item)
        if script is not None:
            for flag in check_prices(script.products):
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
        return script

    def _jump_to_issue(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        kind, value = data
        cursor = self.editor.textCursor()
        if kind == "hit":
            hit = self._issue_hits[value]
            cursor.setPosition(hit.start)
            cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
        elif kind == "line":
            block = self.editor.document().findBlockByNumber(max(0, value - 1))
            cursor.setPosition(block.position())
        else:
            return
        self.tabs.setCurrentIndex(1)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def save_editor(self) -> None:
        """Save the editor's script to the show; price flags need a second confirmation first."""
        if self._show_id is None:
            self._say(self.tr("Choose a show first."), error=True)
            return
        script = self.check_editor()
        if script is None:
            self._say(self.tr("The script was not saved: fix the line shown in the list first."), error=True)
            return
        flags = check_prices(script.products)
        if flags and not self._confirm_prices(flags):
            self._say(self.tr("Not saved: the prices need a second look."), error=True)
            return
        self._confirmed_price_keys |= {f.key for f in flags}
        text = self.editor.toPlainText()
        run_in_thread(
            self._save_script,
            script,
            text,
            list(self._issue_hits),
            flags,
            sorted(self._confirmed_price_keys),
            on_result=lambda _: self._on_saved(script),
            on_error=lambda exc: self._say(
                self.tr("Could not save the script: {error}").format(error=exc), True
            ),
        )

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

    def _save_script(
        self, script: Script, text: str, hits: list[LintHit], flags: list[PriceFlag], confirmed: list[str]
    ) -> None:
        # Runs on a worker thread: touches only its arguments and the database.
        assert self._show_id is not None
        wordlist = self._wordlist or default_wordlist(self.context.workspace.root)
        with self.context.db.session() as s:
            row = repo.save_script(s, self._show_id, script, source_text=text, saved_by="studio-app")
            repo.record_compliance(
                s,
                self._show_id,
                checked_by="studio-app",
                at=self.context.clock.now(),
                hits=hits,
                wordlist=wordlist,
                price_flags=flags,
                confirmed_price_keys=confirmed,
                accepted=True,
                script_id=row.id,
            )

    def _on_saved(self, script: Script) -> None:
        self._script = script
        controller = self.controller
        if controller is not None and controller.session.phase is not SessionPhase.READY:
            # Keep the show going on the new text: same segment, clock and cues.
            state = controller.session.to_dict()
            self._teardown_session()
            self._install_session(script, state)
        else:
            self._teardown_session()
            self._install_session(script, None)
        self._say(self.tr("Script saved to the show."))

    def import_script(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a script"), "", self.tr("Scripts (*.md *.txt);;All files (*)")
        )
        if path:
            self.import_file(Path(path))

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
                self._say(error, error=True)
                return
            self.editor.setPlainText(text)
            self.tabs.setCurrentIndex(1)
            self.check_editor()
            self._say(
                self.tr("Imported {name}. Check it, then save it to the show (Ctrl+S).").format(
                    name=path.name
                )
            )

        run_in_thread(read, on_result=done)

    def export_script(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the script"), "script.md", self.tr("Scripts (*.md *.txt)")
        )
        if path:
            self.export_file(Path(path))

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
                self._say(error, error=True)
            else:
                self._say(self.tr("Exported to {path}.").format(path=path))

        run_in_thread(write, on_result=done)

    # ---- messages ----------------------------------------------------------------------------------------

    def _say(self, message: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #e5484d;" if error else "")
        self.status.setText(message)
