"""The operator's live room: the numbers now against the show's own baseline, the alerts with a cue to
send, the hot products, the flash-sale stock, the question queue and the rest of the rundown.

It follows the show the script runner has on air (through that panel's :class:`OnAirController`): cues,
the reordered rundown and the board (question, stock) reach the prompter through it. Rules, queries and
writes live in :mod:`studio_app.liveroom`; the folder is polled and the store read on the worker pool.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from studio_app.context import AppContext
from studio_app.liveroom.questions import Question, shown_now
from studio_app.liveroom.room import LiveRoom, RoomView
from studio_app.liveroom.rundown import RundownError, move_by, move_next, move_product_next, script_product
from studio_app.liveroom.service import DropRound, LiveRoomService
from studio_app.liveroom.stock import StockChange, initial_stock, sold_out_cue
from studio_app.liveroom.watch import DropFolderWatcher, FileState, drop_folder, earlier_drop_folders
from studio_app.promo.onair_text import onair_text
from studio_app.promo.session import HostBoard, SessionPhase
from studio_app.script.model import RunLogEvent, RunLogKind, Script
from studio_app.store.writer import Changes
from studio_app.ui.liveroom.questions_view import QuestionsView
from studio_app.ui.liveroom.rundown_view import RundownView
from studio_app.ui.liveroom.stock_card import StockCard
from studio_app.ui.liveroom.widgets import AlertList, HotTable, RoomTile
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.workers import change_feed, run_in_thread

TICK_MS = 1000  # numbers and rules once a second; the prompter draws the board at its own 4 Hz
POLL_S = 3.0  # the watched folder, on the injected clock
SAMPLES_RELOAD_S = 5.0  # the feed writes every second: the room rereads the store at most this often


class LiveRoomPanel(QWidget):
    refreshed = Signal(object)  # RoomView, after each evaluation (tests wait on it)
    drops_taken = Signal(object)  # DropRound
    rundown_saved = Signal(str)  # show id: the reordered script is the show's newest revision
    samples_dropped = Signal(str, object)  # show id, samples from a dropped minute table or feed file

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveRoomPanel")
        self.context = context
        self.service = LiveRoomService(context)
        self.room = LiveRoom()
        # The workspace's one drop folder: this panel is its only reader (ShowDay points the data panel here).
        self.watcher = DropFolderWatcher(
            self.drop_folder(), context.clock, carry_from=earlier_drop_folders(context.workspace.root)
        )
        self._onair: Callable[[], OnAirController | None] = lambda: None
        self._feed_show: Callable[[], str | None] = lambda: None
        self.controller: OnAirController | None = None
        self._show_id: str | None = None
        self._questions: tuple[Question, ...] = ()
        self._stock: dict[int, int] = {}
        self._polling = False
        self._last_poll = self._samples_read = -1e9
        self._samples_dirty = True
        self._build()
        change_feed(context.writer).changed.connect(self._on_changes)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def _build(self) -> None:
        self.online_tile = RoomTile(self.tr("Online now"))
        self.dwell_tile = RoomTile(self.tr("Dwell"))
        self.interaction_tile = RoomTile(self.tr("Interaction / min"))
        self.gmv_tile = RoomTile(self.tr("GMV"))
        self.orders_tile = RoomTile(self.tr("Orders"))
        tiles = QHBoxLayout()
        for tile in (
            self.online_tile,
            self.dwell_tile,
            self.interaction_tile,
            self.gmv_tile,
            self.orders_tile,
        ):
            tiles.addWidget(tile)

        self.alerts = AlertList()
        self.alerts.send_cue.connect(self.send_cue)
        alerts_box = QGroupBox(self.tr("Data alerts"))
        QVBoxLayout(alerts_box).addWidget(self.alerts)
        self.hot = HotTable()
        self.hot_next_button = QPushButton(self.tr("Move this product next"))
        self.hot_next_button.setToolTip(self.tr("Its segments still to come follow the one on air"))
        self.hot_next_button.clicked.connect(self.move_hot_product_next)
        self.hot.cellDoubleClicked.connect(lambda _row, _column: self.move_hot_product_next())
        hot_box = QGroupBox(self.tr("Hot products"))
        hot_layout = QVBoxLayout(hot_box)
        hot_layout.addWidget(self.hot)
        hot_layout.addWidget(self.hot_next_button)
        self.rundown = RundownView()
        self.rundown.move_requested.connect(self.move_segment)
        # The hot list is as tall as its products; the rundown below takes the rest, so a product moved
        # next is seen arriving in the order beside the list it came from.
        left = QVBoxLayout()
        left.addWidget(alerts_box)
        left.addWidget(hot_box)
        left.addWidget(self.rundown, 1)

        self.stock_card = StockCard()
        self.stock_card.stock_set.connect(self.set_stock)
        self.stock_card.sold_out_cue.connect(self._send_sold_out)
        self.questions = QuestionsView()
        self.questions.add_requested.connect(self.add_questions)
        self.questions.star_toggled.connect(self.star_question)
        self.questions.resolved.connect(self.resolve_question)
        right = QVBoxLayout()
        right.addWidget(self.stock_card)
        right.addWidget(self.questions, 1)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self.status = QLabel()
        self.status.setObjectName("liveRoomStatus")
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(tiles)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)

    # ---- following the show on air -------------------------------------------------------------------------

    def set_onair_source(self, onair: Callable[[], OnAirController | None]) -> None:
        """Where the show's controller comes from (the script runner's); asked on every tick."""
        self._onair = onair
        self.tick()

    def set_feed_show_source(self, feed_show: Callable[[], str | None]) -> None:
        """The data panel's feed show: the drop folder's files go there while no show is on air."""
        self._feed_show = feed_show

    def drop_folder(self) -> Path:
        return drop_folder(self.context.workspace.root)

    def _bind(self, controller: OnAirController | None) -> None:
        if controller is self.controller:
            return
        if self.controller is not None and isValid(self.controller):
            # The script runner deletes a controller it replaces (a saved script, another show).
            self.controller.logged.disconnect(self._on_logged)
        self.controller = controller
        show_id = controller.session.show_id if controller is not None else None
        if controller is not None:
            controller.logged.connect(self._on_logged)
        if show_id != self._show_id:
            self._show_id = show_id
            self.room = LiveRoom()
            self._questions, self._stock = (), {}
            self._samples_dirty = True
            if show_id is not None:
                self._reload_questions()
                run_in_thread(self.service.stock, show_id, on_result=self._on_stock_loaded)

    def _on_logged(self, event: RunLogEvent) -> None:
        show_id = self._show_id
        if show_id is None:
            return
        if event.kind is RunLogKind.QA_START:
            run_in_thread(self.service.start_qa, show_id, event.segment_index, on_result=self._after_write)
        elif event.kind is RunLogKind.QA_END:
            run_in_thread(self.service.end_qa, show_id, on_result=self._after_write)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("live_questions"):
            self._reload_questions()
        if changes.touches("metric_samples"):
            self._samples_dirty = True

    def shutdown(self) -> None:
        self._timer.stop()
        change_feed(self.context.writer).changed.disconnect(self._on_changes)

    # ---- the rhythm ----------------------------------------------------------------------------------------

    def tick(self) -> None:
        self._bind(self._onair())
        self._poll_folder()
        controller, show_id = self.controller, self._show_id
        if controller is None or show_id is None:
            self.status.setText(self.tr("Open a show in the script runner: the live room follows it."))
            self.stock_card.show_product(None, None, "")
            self.rundown.show_rest(None, 0)
            return
        clock = self.context.clock
        now_s = clock.monotonic()
        if self._samples_dirty and now_s - self._samples_read >= SAMPLES_RELOAD_S:
            self._samples_dirty, self._samples_read = False, now_s
            run_in_thread(self.service.sample_series, show_id, on_result=self.room.set_samples)
        session = controller.session
        view = self.room.evaluate(clock.now())
        self._show_view(view)
        stock = {**initial_stock(session.script), **self._stock}
        shown = shown_now(self._questions)
        session.board = HostBoard(question=shown.text if shown is not None else "", stock=stock)
        product = session.script.product_for(session.segment)
        count = stock.get(product.link_no) if product is not None else None
        self.stock_card.show_product(product, count, onair_text(session).flash_sale)
        self.rundown.show_rest(session.script, session.segment_index)
        self.refreshed.emit(view)

    def _poll_folder(self) -> None:
        """The show on air takes the folder's files; with none on air, the data panel's feed show does."""
        controller = self.controller
        show_id: str | None = self._feed_show()
        script: Script | None = None
        if controller is not None and controller.session.phase is SessionPhase.ON_AIR:
            show_id, script = controller.session.show_id, controller.session.script
        now_s = self.context.clock.monotonic()
        if show_id is None or self._polling or now_s - self._last_poll < POLL_S:
            return
        self._polling, self._last_poll = True, now_s
        run_in_thread(
            self.service.take_drops,
            self.watcher,
            show_id,
            script,
            on_result=self._on_drops,
            on_error=self._report_error,
            on_finished=self._poll_done,
        )

    def _poll_done(self) -> None:
        self._polling = False

    def _show_view(self, view: RoomView) -> None:
        low = self.room.thresholds.drop_ratio
        self.online_tile.show_value("—" if view.online_viewers is None else f"{view.online_viewers:,}")
        for tile, line, unit in (
            (self.dwell_tile, view.dwell, "s"),
            (self.interaction_tile, view.interaction, ""),
        ):
            base = (
                self.tr("usually {value:.0f}{unit}").format(value=line.baseline, unit=unit)
                if line.baseline is not None
                else self.tr("baseline after 5 min")
            )
            ratio = line.ratio
            text = "—" if line.recent is None else f"{line.recent:.0f}{unit}"
            tile.show_value(text, base, low=ratio is not None and ratio < low)
        self.gmv_tile.show_value(f"¥{view.gmv_fen / 100:,.0f}")
        self.orders_tile.show_value(f"{view.orders:,}")
        self.alerts.show_alerts(view.alerts)
        self.hot.show_products(view.hot)

    # ---- numbers coming in ---------------------------------------------------------------------------------

    def _on_drops(self, result: DropRound) -> None:
        for outcome in result.outcomes:
            content = outcome.content
            if content.samples:
                self.samples_dropped.emit(content.show_id or result.show_id, content.samples)
            if result.show_id != self._show_id:
                continue  # the data panel's show, not the one in this room
            self.room.add_points(content.points)
            if content.products is not None:
                self.room.add_table(content.products)
        for change in result.stock:
            self._on_stock_changed(change)
        failed = [o.error for o in result.outcomes if o.state is FileState.FAILED]
        read = [o.name for o in result.outcomes if o.state is FileState.READ]
        if failed:
            self._say(self.tr("Skipped (kept in failed/): {errors}").format(errors="; ".join(failed)))
        elif read:
            self._say(
                self.tr("Read {names} from {folder}").format(names=", ".join(read), folder=self.drop_folder())
            )
        self.drops_taken.emit(result)

    # ---- actions -------------------------------------------------------------------------------------------

    def send_cue(self, text: str) -> None:
        if self.controller is not None and self.controller.send_cue(text):
            self._say(self.tr("Sent to the host: {text}").format(text=text))

    def add_questions(self, text: str) -> None:
        if self._show_id is not None:
            run_in_thread(self.service.add_questions, self._show_id, text, on_result=self._after_write)

    def star_question(self, question_id: str, starred: bool) -> None:
        run_in_thread(self.service.set_starred, question_id, starred, on_result=self._after_write)

    def resolve_question(self, question_id: str, answered: bool) -> None:
        run_in_thread(self.service.resolve_question, question_id, answered, on_result=self._after_write)

    def _after_write(self, _result: object) -> None:
        self._reload_questions()

    def _reload_questions(self) -> None:
        if self._show_id is not None:
            show_id = self._show_id
            run_in_thread(_questions_of, self.service, show_id, on_result=self._on_questions)

    def _on_questions(self, loaded: tuple[str, tuple[Question, ...]]) -> None:
        show_id, questions = loaded
        if show_id == self._show_id:
            self._questions = questions
            self.questions.show_questions(questions)

    def set_stock(self, link_no: int, count: int) -> None:
        if self._show_id is not None:
            run_in_thread(
                self.service.set_stock, self._show_id, link_no, count, on_result=self._on_stock_changed
            )

    def _on_stock_loaded(self, counts: dict[int, int]) -> None:
        self._stock = {**counts, **self._stock}

    def _on_stock_changed(self, change: StockChange) -> None:
        self._stock[change.link_no] = change.count
        if change.sold_out_now:
            self._send_sold_out(change.link_no)

    def _send_sold_out(self, link_no: int) -> None:
        product = self.controller.session.script.product(link_no) if self.controller is not None else None
        if product is not None:
            self.send_cue(sold_out_cue(product))

    def move_segment(self, index: int, step: int) -> None:
        controller = self.controller
        if controller is None:
            return
        session = controller.session
        try:
            if step == 0:
                script = move_next(session.script, session.segment_index, index)
            else:
                script = move_by(session.script, session.segment_index, index, step)
        except RundownError as exc:
            self._say(str(exc))
            return
        self._reorder(controller, script)

    def move_hot_product_next(self) -> None:
        controller, chosen = self.controller, self.hot.selected()
        if controller is None or chosen is None:
            self._say(self.tr("Choose a product in the hot list first."))
            return
        session = controller.session
        product = script_product(session.script, chosen.product.product_id, chosen.product.name)
        if product is None:
            self._say(self.tr("{name} has no product card in the script.").format(name=chosen.product.name))
            return
        try:
            script = move_product_next(session.script, session.segment_index, product.link_no)
        except RundownError as exc:
            self._say(str(exc))
            return
        self._reorder(controller, script)

    def _reorder(self, controller: OnAirController, script: Script) -> None:
        index = controller.session.segment_index
        show_id = self._show_id
        if controller.replace_script(script) and show_id is not None:
            run_in_thread(
                self.service.save_rundown,
                show_id,
                script,
                index,
                on_result=self._on_rundown_saved,
            )
            self._say(self.tr("Rundown changed: the prompter follows the new order."))
        self.tick()

    def _on_rundown_saved(self, show_id: str) -> None:
        self.rundown_saved.emit(show_id)

    def _report_error(self, exc: BaseException) -> None:
        self._say(str(exc))

    def _say(self, message: str) -> None:
        self.status.setText(message)


def _questions_of(service: LiveRoomService, show_id: str) -> tuple[str, tuple[Question, ...]]:
    """On a worker: the show's questions, named by show (the room may follow another show by the time they
    arrive). A module function, so a panel deleted meanwhile is not called back."""
    return show_id, service.questions(show_id)
