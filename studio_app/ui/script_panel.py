"""The operator's view of the show: rundown, product card, promo clock, cues, emergency scripts, editor.

The host reads from the prompter window (:mod:`studio_app.ui.prompter.window`); both are clients of one
:class:`OnAirController`. Everything on air goes to the run log through :class:`OnAirStoreWriter`, on the
one writer. Every action here has a key (see the tooltips), so a show can be run without the mouse.
Queries, writes and rules live in :mod:`studio_app.script.service` and :mod:`studio_app.promo`; this panel
wires widgets to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from studio_app.context import AppContext
from studio_app.promo.clock import PromoMarkKind
from studio_app.promo.onair_text import onair_text
from studio_app.promo.service import OnAirService
from studio_app.promo.session import OnAirSnapshot, SessionError, SessionPhase, open_session
from studio_app.script.host_profile import load_profiles
from studio_app.script.model import EmergencyKind, RunLogEvent, Script
from studio_app.script.repo import DeleteShowOutcome
from studio_app.script.service import ScriptService, ShowScript
from studio_app.store.writer import Changes
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.keys import KeyMap
from studio_app.ui.prompter.keys_dialog import KeyBindingsDialog
from studio_app.ui.prompter.store_writer import OnAirStoreWriter
from studio_app.ui.prompter.window import PrompterWindow
from studio_app.ui.script.editor import ScriptEditorPage
from studio_app.ui.script.onair_bar import OnAirPage
from studio_app.ui.script.rundown_list import RundownList
from studio_app.ui.script.show_bar import ShowBar
from studio_app.ui.workers import change_feed, run_in_thread

SHOW_TABLES = ("shows",)  # the show list changes with these


@dataclass(frozen=True)
class _Loaded:
    show: ShowScript
    snapshot: OnAirSnapshot | None
    resume_error: str  # the saved on-air state could not be read (translated)


class ScriptPanel(QWidget):
    loaded = Signal()  # a show's script and state are in (tests wait on it)
    shows_refreshed = Signal()  # the show list was reloaded after a sync
    show_deleted = Signal(str)  # the operator deleted this show (id); the list is reloaded next
    on_air_state = Signal(str, bool)  # show id, on air; sent on every refresh (listeners act on a change)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptPanel")
        self.context = context
        self.service = ScriptService(context)
        self.onair = OnAirService(context)
        self.controller: OnAirController | None = None
        self.writer: OnAirStoreWriter | None = None
        self.prompter: PrompterWindow | None = None
        # Rebindable keys and the prompter's look live in the app's one settings file.
        self.keymap = KeyMap.load()
        self._show_id: str | None = None
        self._script: Script | None = None
        self._planned_start: datetime | None = None  # the open show's, for the countdown
        self._shutting_down = False
        self._deleting: str | None = None  # a show this panel is deleting: its leaving the list is expected

        self._build()
        self._bind_keys()
        self._set_on_air_enabled(False)
        change_feed(context.writer).changed.connect(self._on_changes)
        run_in_thread(self._list_shows, on_result=self._on_shows, on_error=self._on_load_error)
        run_in_thread(self.service.wordlist, on_result=self.editor_page.set_wordlist)

    # ---- building ------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.bar = ShowBar(load_profiles())
        bar = self.bar
        self.show_combo, self.delete_show_button = bar.show_combo, bar.delete_show_button
        self.start_button, self.prompter_button = bar.start_button, bar.prompter_button
        self.mirror_h, self.mirror_v, self.font_spin = bar.mirror_h, bar.mirror_v, bar.font_spin
        bar.show_combo.currentIndexChanged.connect(self._on_show_chosen)
        bar.delete_show_button.clicked.connect(self.delete_current_show)
        bar.start_button.clicked.connect(self._start_or_end)
        bar.prompter_button.clicked.connect(self.toggle_prompter)
        bar.style_changed.connect(self._apply_prompter_style)
        bar.keys_button.clicked.connect(self.edit_keys)

        self.rundown_list = RundownList()
        self.rundown_list.setMinimumWidth(520)
        self.rundown, self.rundown_summary = self.rundown_list.rundown, self.rundown_list.summary

        self.tabs = QTabWidget()
        self.on_air_page = page = OnAirPage(lambda: self.prompter.view if self.prompter is not None else None)
        self.promo_label, self.cue_edit, self.cue_list = page.promo_label, page.cue_edit, page.cue_list
        self.correction_edit = page.correction_edit
        page.calibrate_button.clicked.connect(self.calibrate_rate)
        self.rundown_list.segment_chosen.connect(page.go_to)
        page.message.connect(self._say)
        page.shown.connect(lambda: self.tabs.setCurrentIndex(0))

        self.editor_page = editor_page = ScriptEditorPage(self.service)
        bar.import_button.clicked.connect(self.editor_page.choose_import)
        bar.export_button.clicked.connect(self.editor_page.choose_export)
        self.editor, self.issues = self.editor_page.editor, self.editor_page.issues
        self.editor_page.save_button.clicked.connect(self.save_editor)
        self.editor_page.sign_button.clicked.connect(self.sign_review)
        editor_page.records_button.clicked.connect(lambda: editor_page.show_records(self._show_id))
        self.editor_page.message.connect(self._say)
        self.editor_page.saved.connect(self._on_saved)
        self.editor_page.shown.connect(lambda: self.tabs.setCurrentIndex(1))

        self.tabs.addTab(page, self.tr("On air"))
        self.tabs.addTab(self.editor_page, self.tr("Script editor"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.rundown_list)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([620, 760])
        self.status = QLabel()
        self.status.setObjectName("scriptStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def _bind_keys(self) -> None:
        def shortcut(sequence: str, slot: Callable[[], object]) -> None:
            item = QShortcut(QKeySequence(sequence), self)
            item.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            item.activated.connect(slot)

        page = self.on_air_page
        for sequence, slot in (
            ("Ctrl+Return", self._start_or_end),
            ("Ctrl+P", self.toggle_prompter),
            ("Ctrl+D", lambda: page.mark_promo(PromoMarkKind.DONE)),
            ("Ctrl+K", lambda: page.mark_promo(PromoMarkKind.SKIPPED)),
            ("Ctrl+L", page.focus_cue),
            ("Ctrl+Shift+D", page.dismiss),
            ("Ctrl+R", self.log_correction),
            ("Ctrl+T", page.fit_to_time),
            ("Ctrl+PgDown", lambda: page.go_to_relative(1)),
            ("Ctrl+PgUp", lambda: page.go_to_relative(-1)),
            ("Ctrl+Up", lambda: page.gear(1)),
            ("Ctrl+Down", lambda: page.gear(-1)),
            ("Ctrl+S", self.save_editor),
            ("F7", self.check_editor),
            ("Ctrl+O", self.editor_page.choose_import),
            ("Ctrl+E", self.editor_page.choose_export),
        ):
            shortcut(sequence, slot)
        for kind in EmergencyKind:
            # Ctrl+F1..F6, as on the prompter: a bare F5 is a clicker's "start presentation" button.
            shortcut(f"Ctrl+{kind.default_key}", partial(page.emergency, kind))

    # ---- loading -----------------------------------------------------------------------------------------

    def _list_shows(self) -> list[tuple[str, str]]:
        # On a worker thread: only the service, no widget.
        return [(show.id, show.title) for show in self.service.list_shows()]

    def _load(self, show_id: str) -> _Loaded:
        # On a worker thread: only the services, no widget.
        show = self.service.load_show(show_id)
        try:
            return _Loaded(show, self.onair.saved_snapshot(show_id), "")
        except SessionError as exc:
            return _Loaded(show, None, str(exc))

    def _on_shows(self, shows: list[tuple[str, str]]) -> None:
        if self._shutting_down:
            return
        self.bar.set_shows(shows)
        if shows:
            self._on_show_chosen(0)
        else:
            self._say(self.tr("No show yet. Create one, then write or import its script."))
            self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*SHOW_TABLES):
            self.reload_lists()

    def reload_lists(self) -> None:
        """Shows changed elsewhere (a sync round, another window): one deleted there leaves the list (the
        open one is kept while on air; the editor of a show still there is not touched)."""
        run_in_thread(self._list_shows, on_result=self._on_shows_refreshed, on_error=self._on_load_error)

    def _on_shows_refreshed(self, shows: list[tuple[str, str]]) -> None:
        if self._shutting_down:
            return
        current = self._show_id
        gone = current is not None and all(show_id != current for show_id, _ in shows)
        if gone and current != self._deleting:
            if self._on_air():
                self._say(
                    self.tr("This show was deleted on another computer; its run log is still kept."), True
                )
            else:
                self._forget_show()
                self._say(self.tr("The show you had open was deleted on another computer."), True)
                self._on_shows(shows)
            self.shows_refreshed.emit()
            return
        self.bar.set_shows(shows, keep=current)
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
        if self._on_air():
            self._say(self.tr("End the show on air before switching to another one."), error=True)
            self.show_combo.setCurrentIndex(self.show_combo.findData(self._show_id))
            return
        run_in_thread(self._load, show_id, on_result=self._on_loaded, on_error=self._on_load_error)

    def _on_air(self) -> bool:
        return self.controller is not None and self.controller.session.phase is SessionPhase.ON_AIR

    def delete_current_show(self) -> None:
        """Ask, then delete the show open in the selector (a tombstone that syncs); refused while on air."""
        show_id = self._show_id
        if show_id is None:
            return
        title = self.bar.title_of(show_id)
        if self._on_air():
            self._say(
                self.tr("“{title}” is on air: end the show before deleting it.").format(title=title), True
            )
            return
        if not self.bar.confirm_delete(title):
            return
        if self._on_air() or show_id != self._show_id:  # things moved while the dialog was open
            return
        self._deleting = show_id
        run_in_thread(
            self.service.delete_show,
            show_id,
            on_result=lambda outcome: self._on_show_deleted(show_id, title, outcome),
            on_error=lambda exc: self._say(
                self.tr("Could not delete the show: {error}").format(error=exc), True
            ),
            on_finished=self._deleted,
        )

    def _deleted(self) -> None:
        self._deleting = None

    def _on_show_deleted(self, show_id: str, title: str, outcome: DeleteShowOutcome) -> None:
        if self._shutting_down:
            return
        if outcome is DeleteShowOutcome.ON_AIR:
            self._say(
                self.tr("“{title}” is on air: end the show before deleting it.").format(title=title), True
            )
            return
        if self._show_id == show_id and not self._on_air():
            self._forget_show()
        if outcome is DeleteShowOutcome.DELETED:
            self._say(self.tr("Deleted the show “{title}”.").format(title=title))
        else:
            self._say(self.tr("The show “{title}” was already deleted.").format(title=title))
        self.show_deleted.emit(show_id)
        run_in_thread(self._list_shows, on_result=self._after_delete, on_error=self._on_load_error)

    def _after_delete(self, shows: list[tuple[str, str]]) -> None:
        if self._shutting_down:
            return
        message = self.status.text()
        self._on_shows(shows)
        if not shows:
            self._say(message + " " + self.tr("No show yet. Create one, then write or import its script."))

    def _on_load_error(self, exc: BaseException) -> None:
        self._say(self.tr("Could not load the show: {error}").format(error=exc), error=True)

    def _on_loaded(self, loaded: _Loaded) -> None:
        if self._shutting_down:
            return
        self._teardown_session()
        self._show_id = loaded.show.show_id
        self._script = loaded.show.script
        self._planned_start = loaded.show.planned_start
        self.editor_page.load_show(loaded.show)
        if loaded.resume_error:
            self._say(loaded.resume_error, error=True)
        if loaded.show.script is None:
            self._say(self.tr("This show has no script yet: write one in the editor or import a file."))
            self.tabs.setCurrentIndex(1)
            self._refresh_all()
            self.loaded.emit()
            return
        self._install_session(loaded.show.script, loaded.snapshot)
        self.check_editor()
        self.loaded.emit()

    def _install_session(self, script: Script, saved: OnAirSnapshot | None) -> None:
        assert self._show_id is not None
        writer = OnAirStoreWriter(self.context.writer, self._show_id, self.context.clock, self)
        writer.failed.connect(
            lambda message: self._say(self.tr("Run log not saved: {error}").format(error=message), True)
        )

        def log_event(event: RunLogEvent) -> None:
            writer.append(event)
            if self.controller is not None:
                self.controller.forward_logged(event)

        try:
            opened = open_session(
                self.context.clock, script, self._show_id, saved, log=log_event, save_state=writer.save_state
            )
        except SessionError as exc:
            self._say(str(exc), error=True)
            return
        if opened.resume_problem:
            self._say(opened.resume_problem, error=True)
        elif opened.resumed:
            self._say(self.tr("Resumed the show in progress."))
        session = opened.session
        session.planned_start = self._planned_start
        self.writer = writer
        controller = OnAirController(session, self)
        controller.changed.connect(self._refresh_all)
        controller.ticked.connect(self._refresh_timers)
        controller.error.connect(lambda message: self._say(message, error=True))
        controller.emergency_shown.connect(self.on_air_page.on_emergency_shown)
        self.controller = self.on_air_page.controller = controller
        self._set_on_air_enabled(True)
        for kind, button in self.on_air_page.emergency_buttons.items():
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
            self.controller = self.on_air_page.controller = None
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        self._set_on_air_enabled(False)

    def shutdown(self) -> None:
        """Called by the main window before it closes: stop timers, write what is left, close the prompter."""
        if not self._shutting_down:
            self._shutting_down = True
            change_feed(self.context.writer).changed.disconnect(self._on_changes)
        self._teardown_session()

    # ---- on-air actions ------------------------------------------------------------------------------------

    def _set_on_air_enabled(self, enabled: bool) -> None:
        for widget in (self.start_button, self.prompter_button, *self.on_air_page.controls()):
            widget.setEnabled(enabled)

    def _start_or_end(self) -> None:
        controller = self.controller
        if controller is None:
            return
        if controller.session.phase is SessionPhase.READY:
            controller.request_start()
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
            self.prompter = PrompterWindow(
                self.controller, keymap=self.keymap, style=self.bar.prompter_style()
            )
            self.prompter.closed.connect(lambda: self.prompter_button.setText(self.tr("Open prompter")))
            if self.controller.session.reading_char:
                self.prompter.view.scroll_to_char(self.controller.session.reading_char)
        self.prompter.show_on(self.bar.chosen_screen())
        self.prompter_button.setText(self.tr("Close prompter"))

    def _apply_prompter_style(self) -> None:
        if self.prompter is not None:
            self.prompter.view.set_style(self.bar.prompter_style())

    def edit_keys(self) -> None:
        dialog = KeyBindingsDialog(self.keymap, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            dialog.apply()  # the prompter shares this key map: the new keys work at once
            self.keymap.save()

    def log_correction(self) -> None:
        self.on_air_page.log_correction()

    def calibrate_rate(self) -> None:
        if self._show_id is not None:
            self.on_air_page.calibrate_rate(self.service, self._show_id)

    # ---- refreshing ----------------------------------------------------------------------------------------

    def _refresh_all(self) -> None:
        controller = self.controller
        session = controller.session if controller else None
        self.rundown_list.show_script(session.script if session else self._script, session)
        self._refresh_timers()
        self.on_air_page.show_cues(controller.session.active_cues() if controller else [])
        if controller is not None:
            phase = controller.session.phase
            self.start_button.setText(
                self.tr("Start show") if phase is SessionPhase.READY else self.tr("End show")
            )
            self.start_button.setEnabled(phase is not SessionPhase.ENDED)
            self.on_air_state.emit(controller.session.show_id, phase is SessionPhase.ON_AIR)

    def _refresh_timers(self) -> None:
        if self.controller is None:
            self.bar.show_countdown("", late=False)
            return
        session = self.controller.session
        on_air = session.phase is SessionPhase.ON_AIR and session.promo is not None
        text = onair_text(session)
        self.on_air_page.show_text(text, on_air)
        self.bar.show_countdown(text.start_countdown, text.start_late)

    # ---- the editor ----------------------------------------------------------------------------------------

    def check_editor(self) -> Script | None:
        """Parse, lint and price-check the editor's text and list the findings; the script if it parses."""
        return self.editor_page.check()

    def save_editor(self) -> None:
        """Save the editor's script to the show; price flags need a second confirmation first."""
        self._with_show(self.editor_page.save_to)

    def sign_review(self) -> None:  # saving signs nothing: the named reviewer does, here
        self._with_show(self.editor_page.sign_to)

    def _with_show(self, action: Callable[[str], None]) -> None:
        if self._show_id is None:
            self._say(self.tr("Choose a show first."), error=True)
            return
        action(self._show_id)

    def _on_saved(self, script: Script) -> None:
        self._script = script
        controller = self.controller
        if controller is not None and controller.session.phase is not SessionPhase.READY:
            # Keep the show going on the new text: same segment, clock and cues.
            snapshot = controller.session.snapshot()
            self._teardown_session()
            self._install_session(script, snapshot)
        else:
            self._teardown_session()
            self._install_session(script, None)
        self._say(self.tr("Script saved to the show."))

    def import_file(self, path: Path) -> None:
        self.editor_page.import_file(path)

    def export_file(self, path: Path) -> None:
        self.editor_page.export_file(path)

    # ---- messages ----------------------------------------------------------------------------------------

    def _say(self, message: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #e5484d;" if error else "")
        self.status.setText(message)
