"""The "On air" tab: promo clock, reading speed and schedule, cues for the host, emergency scripts.

Its buttons act on the show's :class:`OnAirController` (set by the panel while a show is loaded); the
texts it shows come from :func:`studio_app.promo.onair_text.onair_text`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio_app.promo.clock import PromoMarkKind
from studio_app.promo.onair_text import OnAirText
from studio_app.promo.rules import fit_to_time_cpm, fraction_read
from studio_app.promo.session import OperatorCue, SessionPhase
from studio_app.script.model import EmergencyKind
from studio_app.script.service import Calibration, ScriptService
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.keys import PrompterAction
from studio_app.ui.prompter.view import PrompterView
from studio_app.ui.workers import run_in_thread


class OnAirPage(QWidget):
    message = Signal(str, bool)  # text, is_error: for the panel's status line
    shown = Signal()  # wants its tab in front

    def __init__(
        self, prompter_view: Callable[[], PrompterView | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller: OnAirController | None = None
        self._prompter_view = prompter_view
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_promo())
        layout.addWidget(self._build_reading())
        layout.addWidget(self._build_cues())
        layout.addWidget(self._build_emergencies())
        layout.addStretch(1)
        self.promo_done.clicked.connect(lambda: self.mark_promo(PromoMarkKind.DONE))
        self.promo_skip.clicked.connect(lambda: self.mark_promo(PromoMarkKind.SKIPPED))
        self.fit_button.clicked.connect(self.fit_to_time)
        self.cue_edit.returnPressed.connect(self.send_cue)
        self.cue_send.clicked.connect(self.send_cue)
        self.cue_dismiss.clicked.connect(self.dismiss)
        self.correction_button.clicked.connect(self.log_correction)
        for kind, button in self.emergency_buttons.items():
            button.clicked.connect(lambda _checked=False, k=kind: self.emergency(k))

    def _build_promo(self) -> QGroupBox:
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
        self.promo_skip = QPushButton(self.tr("Skipped (Ctrl+K)"))
        self.promo_history = QListWidget()
        self.promo_history.setMaximumHeight(90)
        promo_layout.addWidget(self.promo_label, 0, 0, 1, 2)
        promo_layout.addWidget(self.promo_detail, 1, 0, 1, 2)
        promo_layout.addWidget(self.promo_done, 2, 0)
        promo_layout.addWidget(self.promo_skip, 2, 1)
        promo_layout.addWidget(self.promo_history, 0, 2, 3, 1)
        promo_layout.setColumnStretch(2, 1)
        return promo_box

    def _build_reading(self) -> QGroupBox:
        reading_box = QGroupBox(self.tr("Reading"))
        reading_layout = QFormLayout(reading_box)
        self.segment_label = QLabel("—")
        self.speed_label = QLabel("—")
        self.schedule_label = QLabel("—")
        self.qa_label = QLabel("—")
        self.fit_button = QPushButton(self.tr("Fit to time (Ctrl+T)"))
        self.fit_button.setToolTip(self.tr("Set the speed so the current segment ends on time"))
        reading_layout.addRow(self.tr("Segment"), self.segment_label)
        reading_layout.addRow(self.tr("Speed"), self.speed_label)
        reading_layout.addRow(self.tr("Schedule"), self.schedule_label)
        reading_layout.addRow(self.tr("Q&&A timer"), self.qa_label)
        self.calibrate_button = QPushButton(self.tr("Calibrate rate from this show"))
        self.calibrate_button.setToolTip(
            self.tr("Learn the host's rate (chars/min) from the segments read so far and use it as gear 5")
        )
        fit_row = QHBoxLayout()
        fit_row.addWidget(self.fit_button)
        fit_row.addWidget(self.calibrate_button)
        reading_layout.addRow(fit_row)
        return reading_box

    def _build_cues(self) -> QGroupBox:
        cue_box = QGroupBox(self.tr("Cue for the host"))
        cue_layout = QGridLayout(cue_box)
        self.cue_edit = QLineEdit()
        self.cue_edit.setObjectName("cueEdit")
        self.cue_edit.setPlaceholderText(self.tr("e.g. 讲3号链接 / 库存剩50 — Enter sends (Ctrl+L to type)"))
        self.cue_edit.setMaxLength(60)
        self.cue_send = QPushButton(self.tr("Send"))
        self.cue_dismiss = QPushButton(self.tr("Dismiss (Ctrl+Shift+D)"))
        self.cue_list = QListWidget()
        self.cue_list.setMaximumHeight(70)
        cue_layout.addWidget(self.cue_edit, 0, 0)
        cue_layout.addWidget(self.cue_send, 0, 1)
        cue_layout.addWidget(self.cue_dismiss, 0, 2)
        cue_layout.addWidget(self.cue_list, 1, 0, 1, 3)
        return cue_box

    def _build_emergencies(self) -> QGroupBox:
        emergency_box = QGroupBox(self.tr("Emergency scripts"))
        emergency_layout = QGridLayout(emergency_box)
        self.emergency_buttons: dict[EmergencyKind, QPushButton] = {}
        for index, kind in enumerate(EmergencyKind):
            button = QPushButton(f"Ctrl+{kind.default_key}  {kind.display_name()}")
            self.emergency_buttons[kind] = button
            emergency_layout.addWidget(button, index // 3, index % 3)
        self.correction_edit = QLineEdit()
        self.correction_edit.setPlaceholderText(self.tr("What was corrected (optional)"))
        self.correction_button = QPushButton(self.tr("Log correction (Ctrl+R)"))
        emergency_layout.addWidget(self.correction_edit, 2, 0, 1, 2)
        emergency_layout.addWidget(self.correction_button, 2, 2)
        return emergency_box

    def controls(self) -> list[QWidget]:
        """What works only while a show is loaded."""
        return [
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
        ]

    def show_text(self, text: OnAirText, on_air: bool) -> None:
        self.segment_label.setText(text.segment)
        self.speed_label.setText(text.speed_detail)
        self.promo_label.setText(text.promo_countdown)
        self.promo_detail.setText(text.promo_detail)
        if not on_air:
            self.schedule_label.setText("—")
            self.qa_label.setText("—")
            return
        color = {"strong": "#e5484d", "cue": "#f5a524"}.get(text.promo_level, "")
        self.promo_label.setStyleSheet(f"color: {color};" if color else "")
        self.schedule_label.setText(text.schedule)
        self.qa_label.setText(text.qa_detail)
        shown = [self.promo_history.item(i).text() for i in range(self.promo_history.count())]
        if list(text.promo_history) != shown:
            self.promo_history.clear()
            self.promo_history.addItems(list(text.promo_history))

    def show_cues(self, cues: list[OperatorCue]) -> None:
        self.cue_list.clear()
        for cue in cues:
            self.cue_list.addItem(f"{cue.sent_at.astimezone().strftime('%H:%M:%S')}  {cue.text}")

    # ---- actions ---------------------------------------------------------------------------------------

    def mark_promo(self, kind: PromoMarkKind) -> None:
        if self.controller is not None:
            self.controller.mark_promo(kind)

    def focus_cue(self) -> None:
        self.shown.emit()
        self.cue_edit.setFocus()
        self.cue_edit.selectAll()

    def send_cue(self) -> None:
        if self.controller is not None and self.controller.send_cue(self.cue_edit.text()):
            self.cue_edit.clear()

    def dismiss(self) -> None:
        if self.controller is not None:
            self.controller.dismiss()

    def emergency(self, kind: EmergencyKind) -> None:
        if self.controller is not None:
            self.controller.show_emergency(kind)

    def on_emergency_shown(self, script: object) -> None:
        if script is not None:
            self.message.emit(
                self.tr("Emergency script on the prompter: {title} (Esc closes it)").format(
                    title=getattr(script, "title", "")
                ),
                False,
            )

    def log_correction(self) -> None:
        if self.controller is not None:
            self.controller.log_correction(self.correction_edit.text())
            self.correction_edit.clear()
            self.message.emit(self.tr("Correction logged."), False)

    def go_to(self, row: int) -> None:
        if self.controller is not None:
            self.controller.go_to_segment(row)

    def go_to_relative(self, step: int) -> None:
        if self.controller is not None:
            self.controller.go_to_segment(self.controller.session.segment_index + step)

    def gear(self, step: int) -> None:
        if self.controller is not None:
            self.controller.perform(PrompterAction.FASTER if step > 0 else PrompterAction.SLOWER)

    def fit_to_time(self) -> None:
        """Set the speed so the rest of the current segment is read by its planned end."""
        controller = self.controller
        if controller is None or controller.session.phase is not SessionPhase.ON_AIR:
            self.message.emit(self.tr("Fit to time works once the show is on air."), True)
            return
        session = controller.session
        read: float | None = None
        view = self._prompter_view()
        if view is not None:
            index = session.segment_index
            top = view.segment_top_px(index)
            bottom = view.segment_top_px(index + 1) if index + 1 < len(session.script.segments) else top + 1.0
            read = fraction_read(view.position_px(), top, bottom)
        rate = fit_to_time_cpm(session, read)
        controller.set_speed_cpm(rate)
        self.message.emit(
            self.tr("Speed set to {cpm:.0f} chars/min to end the segment on time.").format(cpm=rate), False
        )

    def calibrate_rate(self, service: ScriptService, show_id: str) -> None:
        """Set gear 5 to the rate the host actually read at (run log → reading samples → calibration)."""
        controller = self.controller
        if controller is None:
            return
        session = controller.session

        def done(result: Calibration) -> None:
            if not result.samples_used or self.controller is not controller:
                self.message.emit(
                    self.tr("Not enough reading yet to calibrate: read a few segments first."), True
                )
                return
            controller.set_base_cpm(result.rate_cpm)
            self.message.emit(
                self.tr("Host's rate calibrated to {cpm:.0f} chars/min from {n} segments.").format(
                    cpm=result.rate_cpm, n=result.samples_used
                ),
                False,
            )

        run_in_thread(service.calibrate_rate, show_id, session.script, session.base_cpm, on_result=done)
