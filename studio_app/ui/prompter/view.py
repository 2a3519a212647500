"""The full-screen prompter in the host's profile (fonts, colours, reading line); segment and product above.

Motion: the scroll position is a function of monotonic time (:class:`ScrollMotion`), evaluated once per
painted frame. Frames are paced by the window's own frame clock, ``QWindow.requestUpdate()`` (vsync-driven
on Wayland, macOS and Windows; a short timer on X11, which we thin out to the screen's refresh rate), never by
a timer that moves the text a step per tick. The laid-out text is cached in image tiles drawn with a
fractional translation and bilinear filtering, so the text moves in sub-pixel steps instead of jumping a
whole pixel every few frames. Timer and cue text are refreshed at 4 Hz by the controller's tick.
"""

from __future__ import annotations

import bisect
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QTextDocument,
    QTransform,
    QWindow,
)
from PySide6.QtWidgets import QWidget

from studio_app.promo.onair_text import OnAirText, onair_text
from studio_app.promo.session import OnAirSession, SessionPhase
from studio_app.script.model import EmergencyScript, Script
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.hud import paint_emergency, paint_hud, paint_reading_line, render_banners
from studio_app.ui.prompter.keys import KeyMap
from studio_app.ui.prompter.layout import lay_out_script, layout_key
from studio_app.ui.prompter.motion import MotionPiece, ScrollMotion, speed_px_per_s
from studio_app.ui.prompter.style import PrompterStyle
from studio_app.ui.prompter.tiles import SUBPIXEL_PHASES, TILE_HEIGHT_PX, TextTiles, mirrored

READING_SAVE_INTERVAL_S = 2.0  # how often the reading position goes into the saved state
REWIND_FACTOR = 3.0  # hold-to-rewind runs backwards at three times the reading speed


@dataclass(frozen=True)
class FrameSample:
    """One painted frame, for the benchmark: when it was painted and where the text was."""

    t_s: float  # when the position was sampled (start of the paint)
    painted_s: float  # when the painting was finished
    position_px: float
    velocity_px_s: float
    quantisation_px: float  # how far the drawn sub-pixel phase is from the exact position


class PrompterView(QWidget):
    frame_painted = Signal(float)  # position, for tests that wait for motion

    def __init__(
        self,
        controller: OnAirController,
        keymap: KeyMap | None = None,
        style: PrompterStyle | None = None,
        frame_time: Callable[[], float] = time.perf_counter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("prompterView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(QSize(320, 240))
        self._controller = controller
        self._keymap = keymap or KeyMap()
        self._style = style or PrompterStyle()
        self._now = frame_time
        self._motion = ScrollMotion()
        self._doc = QTextDocument(self)
        self._segment_tops_px: list[float] = []
        self._segment_jump_px: list[float] = []
        self._px_per_char = 1.0
        self._tiles = TextTiles(self._doc)
        self._chrome_key: tuple[object, ...] | None = None
        self._chrome: tuple[QImage | None, QImage | None] = (None, None)
        self._layout_width = -1
        self._rewinding = False
        self._emergency: EmergencyScript | None = None
        self._hud = OnAirText()
        self._last_paint_s = 0.0
        self._last_quantisation_px = 0.0
        self._reading_saved_s = 0.0
        self._frame_window: QWindow | None = None
        self._frame_pending = False
        self._reported_segment = -1
        self.frame_log: list[FrameSample] | None = None  # set to [] to record (benchmark)
        self._layout_ms = 0.0

        controller.changed.connect(self._on_session_changed)
        controller.ticked.connect(self._on_tick)
        controller.segment_jump.connect(self.jump_to_segment)
        controller.emergency_shown.connect(self._on_emergency)
        controller.blank_changed.connect(lambda _blank: self._invalidate_static())
        controller.rewind_held.connect(self._on_rewind)
        controller.script_replaced.connect(lambda: self.follow_script(controller.session.script))
        self.set_script(controller.session.script)

    # ---- public API ----------------------------------------------------------------------------------

    @property
    def session(self) -> OnAirSession:
        return self._controller.session

    @property
    def prompter_style(self) -> PrompterStyle:
        return self._style

    @property
    def keymap(self) -> KeyMap:
        return self._keymap

    @property
    def layout_ms(self) -> float:
        return self._layout_ms

    @property
    def px_per_char(self) -> float:
        return self._px_per_char

    def set_style(self, style: PrompterStyle) -> None:
        # Fonts, spacing and colours are baked into the laid-out document; the rest is applied when painting.
        relayout = layout_key(style) != layout_key(self._style)
        self._style = style
        if relayout:
            self._relayout(keep_place=True)
        self._tiles.clear()
        self.update()

    def set_mirror(self, horizontal: bool, vertical: bool) -> None:
        self.set_style(replace(self._style, mirror_horizontal=horizontal, mirror_vertical=vertical))

    def set_script(self, script: Script) -> None:
        self._script = script
        self._relayout(keep_place=False)
        self._reported_segment = -1
        self.jump_to_segment(self.session.segment_index)

    def follow_script(self, script: Script) -> None:
        """The rest of the rundown moved: lay it out again in place (the text read so far is unchanged)."""
        self._script = script
        self._relayout(keep_place=False)
        self.update()

    def position_px(self) -> float:
        return self._motion.position(self._now())

    def velocity_px_s(self) -> float:
        return self._motion.velocity(self._now())

    def target_velocity_px_s(self) -> float:
        return self._motion.target_velocity

    def follow_snapshot(self) -> tuple[MotionPiece, float, tuple[float, ...], float]:
        """The motion, the frame clock's now, every block's top and the text's height (for followers)."""
        layout, block, tops = self._doc.documentLayout(), self._doc.begin(), []
        while block.isValid():
            tops.append(layout.blockBoundingRect(block).top())
            block = block.next()
        return self._motion.piece(), self._now(), tuple(tops), self._doc.size().height()

    def segment_top_px(self, index: int) -> float:
        """Where the segment's heading starts in the laid-out text."""
        return self._segment_tops_px[index]

    def segment_start_px(self, index: int) -> float:
        """The scroll position a jump to the segment goes to (its first line at the reading line)."""
        return self._segment_jump_px[index]

    def segment_at(self, position_px: float) -> int:
        return max(0, bisect.bisect_right(self._segment_tops_px, position_px + 0.5) - 1)

    def jump_to_segment(self, index: int) -> None:
        if 0 <= index < len(self._segment_jump_px):
            self._motion.jump(self._now(), self._segment_jump_px[index])
            self._reported_segment = index
            self._request_frame()

    def scroll_char(self) -> int:
        """The character at the reading line (saved so a restart returns to the same place)."""
        pos = self.position_px()
        cursor = self._doc.documentLayout().hitTest(QPointF(1.0, pos), Qt.HitTestAccuracy.FuzzyHit)
        return max(0, cursor)

    def scroll_to_char(self, char_offset: int) -> None:
        block = self._doc.findBlock(max(0, min(char_offset, self._doc.characterCount() - 1)))
        if not block.isValid():
            return
        layout = block.layout()
        line = layout.lineForTextPosition(char_offset - block.position())
        top = self._doc.documentLayout().blockBoundingRect(block).top()
        y = top + (line.y() if line.isValid() else 0.0)
        self._motion.jump(self._now(), y)
        self._request_frame()

    # ---- layout ---------------------------------------------------------------------------------------

    def _column_width(self) -> float:
        width = max(200, self.width())
        return width * (1 - 2 * self._style.margin_pct / 100.0)

    def _relayout(self, keep_place: bool) -> None:
        started = time.perf_counter()
        old_height = max(1.0, self._doc.size().height())
        old_pos = self._motion.position(self._now())
        style = self._style
        laid_out = lay_out_script(self._doc, self._script, style, self._column_width())
        self._segment_tops_px = list(laid_out.segment_tops_px)
        self._segment_jump_px = list(laid_out.segment_jump_px)
        self._px_per_char = laid_out.px_per_char
        self._layout_width = self.width()
        self._tiles.clear()
        total = self._doc.size().height()
        t = self._now()
        self._motion.set_bounds(t, 0.0, max(0.0, total - style.font_px))
        if keep_place:
            self._motion.rescale(t, total / old_height if old_pos else 1.0, self._speed_px_s())
        self._apply_speed()
        self._layout_ms = (time.perf_counter() - started) * 1000.0

    def _tile_width(self) -> int:
        return max(1, int(self._column_width() + 0.5))

    def _tile_phase(self, index: int, phase: int) -> QImage:
        return self._tiles.phase(index, phase, self._style, self._tile_width())

    def _mirrored(self, image: QImage) -> QImage:
        return mirrored(image, self._style)

    # ---- motion ---------------------------------------------------------------------------------------

    def _speed_px_s(self) -> float:
        s = self.session
        if self._rewinding:
            return -REWIND_FACTOR * speed_px_per_s(s.speed_cpm, self._px_per_char)
        if s.paused or s.phase is not SessionPhase.ON_AIR:
            return 0.0
        return speed_px_per_s(s.speed_cpm, self._px_per_char)

    def _apply_speed(self) -> None:
        target = self._speed_px_s()
        if target != self._motion.target_velocity:
            self._motion.set_velocity(self._now(), target)
        self._request_frame()

    def _on_session_changed(self) -> None:
        self._apply_speed()
        self._hud = onair_text(self.session)
        self.update()

    def _on_tick(self) -> None:
        hud = onair_text(self.session)
        if hud != self._hud:
            self._hud = hud
            # While scrolling the next frame shows it; otherwise repaint once for the new text.
            if not self._motion.is_moving(self._now()):
                self.update()
        now = self._now()
        if (
            self.session.phase is SessionPhase.ON_AIR
            and now - self._reading_saved_s >= READING_SAVE_INTERVAL_S
        ):
            self._reading_saved_s = now
            self.session.note_reading_position(self.scroll_char())
        self._prefetch_tiles()

    def _prefetch_tiles(self) -> None:
        """Render the tile about to scroll into view between frames, so no frame has to wait for it."""
        if not self.isVisible() or self._controller.blank:
            return
        velocity = self._motion.target_velocity
        if velocity == 0:
            return
        hud_h = self._hud_height()
        reading_y = self.reading_line_y()
        doc_top = reading_y - self.position_px()
        edge = self.height() if velocity > 0 else hud_h
        index = math.floor((edge - doc_top) / TILE_HEIGHT_PX) + (1 if velocity > 0 else -1)
        if index >= 0 and index * TILE_HEIGHT_PX <= self._doc.size().height():
            for phase in range(SUBPIXEL_PHASES):
                self._tile_phase(index, phase)

    def _on_rewind(self, held: bool) -> None:
        self._rewinding = held
        self._apply_speed()

    def _on_emergency(self, script: object) -> None:
        self._emergency = script if isinstance(script, EmergencyScript) else None
        self.update()

    def _invalidate_static(self) -> None:
        self._hud = onair_text(self.session)
        self.update()

    # ---- frame clock ----------------------------------------------------------------------------------

    def _frame_interval_s(self) -> float:
        rate = self.screen().refreshRate() if self.screen() else 60.0
        return 1.0 / (rate if rate > 1 else 60.0)

    def _request_frame(self) -> None:
        window = self._frame_window
        if window is None:
            self.update()
            return
        if self._frame_pending:
            return  # a frame is already on its way
        self._frame_pending = True
        window.requestUpdate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._frame_window and event.type() == QEvent.Type.UpdateRequest:
            self._frame_pending = False
            if self._motion.is_moving(self._now()):
                # Thin a fast platform timer out to about one frame per refresh.
                if self._now() - self._last_paint_s >= self._frame_interval_s() - 0.0025:
                    # Only the text column moves: repaint (and send to the screen) just that.
                    self.update(self._moving_rect())
                else:
                    self._request_frame()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        window = self.window().windowHandle()
        if window is not None and window is not self._frame_window:
            if self._frame_window is not None:
                self._frame_window.removeEventFilter(self)
            self._frame_window = window
            window.installEventFilter(self)
        # A request made while hidden may never have been answered.
        self._frame_pending = False
        self._request_frame()

    # ---- events -----------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.width() != self._layout_width:
            self._relayout(keep_place=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._keymap.action_for(event)
        if action is None:
            super().keyPressEvent(event)
            return
        if event.isAutoRepeat():
            event.accept()
            return
        self._controller.perform(action, pressed=True)
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        action = self._keymap.action_for(event)
        if action is None or event.isAutoRepeat():
            super().keyReleaseEvent(event)
            return
        self._controller.perform(action, pressed=False)
        event.accept()

    # ---- painting ---------------------------------------------------------------------------------------

    def _moving_rect(self) -> QRect:
        """What changes from frame to frame: the text column between the HUD and the banners."""
        width, height = self.width(), self.height()
        tile_w = self._tile_width()
        x = (width - tile_w) // 2
        x_phys = width - x - tile_w if self._style.mirror_horizontal else x
        top, bottom = self._text_band(height)
        y_phys = height - bottom if self._style.mirror_vertical else top
        return QRect(x_phys, y_phys, tile_w, bottom - top)

    def _text_band(self, height: int) -> tuple[int, int]:
        """Logical top and bottom of the scrolling text: below the HUD, above the banners."""
        banner = self._chrome[1] if self._chrome_key is not None else None
        # +1: the HUD's bottom border row stays visible.
        return self._hud_height() + 1, height - (banner.height() if banner is not None else 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self._now()
        position = self._motion.position(t)
        style = self._style
        width, height = self.width(), self.height()
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(style.background))
        if not self._controller.blank:
            hud_h = self._hud_height()
            reading_y = self.reading_line_y()
            # Chrome first (its cache decides the banner height), then the text between HUD and banners.
            # Text and chrome are pre-mirrored images drawn at whole pixels (fast blits); only the thin
            # reading line and the rare emergency box are drawn through the mirror transform.
            self._paint_chrome(painter, width, height, hud_h)
            self._last_quantisation_px = self._paint_text(painter, position, reading_y, hud_h, width, height)
            painter.setTransform(self._mirror_transform(width, height))
            paint_reading_line(painter, style, reading_y, width, self._column_width())
            painter.resetTransform()
            if self._emergency is not None:
                painter.setTransform(self._mirror_transform(width, height))
                paint_emergency(
                    painter, self._hud.emergency_title, self._emergency.text, self._style, width, height
                )
        painter.end()

        self._last_paint_s = t
        if self.frame_log is not None:
            self.frame_log.append(
                FrameSample(t, self._now(), position, self._motion.velocity(t), self._last_quantisation_px)
            )
        segment = self.segment_at(position)
        if segment != self._reported_segment and self.session.phase is SessionPhase.ON_AIR:
            self._reported_segment = segment
            self._controller.segment_reached(segment)
        self.frame_painted.emit(position)
        if self._motion.is_moving(t):
            self._request_frame()

    def _mirror_transform(self, width: int, height: int) -> QTransform:
        transform = QTransform()
        if self._style.mirror_horizontal:
            transform.translate(width, 0)
            transform.scale(-1, 1)
        if self._style.mirror_vertical:
            transform.translate(0, height)
            transform.scale(1, -1)
        return transform

    def _hud_height(self) -> int:
        return max(72, int(self.height() * 0.13))

    def _paint_text(
        self, painter: QPainter, position: float, reading_y: float, text_top: int, width: int, height: int
    ) -> float:
        """Draw the visible tiles; returns the sub-pixel quantisation error of this frame (px)."""
        tile_w = self._tile_width()
        x = (width - tile_w) // 2
        x_phys = width - x - tile_w if self._style.mirror_horizontal else x
        doc_top = reading_y - position  # where y=0 of the document lands (fractional)
        first = max(0, math.floor((text_top - doc_top) / TILE_HEIGHT_PX))
        last = math.floor((height - doc_top) / TILE_HEIGHT_PX)
        doc_height = self._doc.size().height()
        band_top, band_bottom = self._text_band(height)
        clip_top = height - band_bottom if self._style.mirror_vertical else band_top
        painter.save()
        painter.setClipRect(0, clip_top, width, band_bottom - band_top)
        fraction = doc_top - math.floor(doc_top)  # the same for every tile: tiles are whole pixels tall
        quantisation = abs(round(fraction * SUBPIXEL_PHASES) / SUBPIXEL_PHASES - fraction)
        for index in range(first, last + 1):
            if index * TILE_HEIGHT_PX > doc_height:
                break
            y = doc_top + index * TILE_HEIGHT_PX
            whole = math.floor(y)
            phase = round((y - whole) * SUBPIXEL_PHASES)
            if phase == SUBPIXEL_PHASES:
                whole, phase = whole + 1, 0
            image = self._tile_phase(index, phase)
            y_phys = height - whole - TILE_HEIGHT_PX if self._style.mirror_vertical else whole
            painter.drawImage(x_phys, y_phys, image)
        painter.restore()
        return quantisation

    def _paint_chrome(self, painter: QPainter, width: int, height: int, hud_h: int) -> None:
        """The HUD and the banners, re-rendered only when their text changes (a few times a second)."""
        key = (self._hud, width, height, hud_h, self._style)
        if key != self._chrome_key:
            self._chrome_key = key
            hud = QImage(width, hud_h + 1, QImage.Format.Format_RGB32)
            hud_painter = QPainter(hud)
            paint_hud(hud_painter, self._hud, self._style, width, hud_h)
            hud_painter.end()
            banners = render_banners(self._hud, self._style, width, height)
            self._chrome = (self._mirrored(hud), self._mirrored(banners) if banners is not None else None)
        hud_image, banner_image = self._chrome
        if hud_image is not None:
            painter.drawImage(0, height - hud_image.height() if self._style.mirror_vertical else 0, hud_image)
        if banner_image is not None:
            painter.drawImage(
                0, 0 if self._style.mirror_vertical else height - banner_image.height(), banner_image
            )

    def reading_line_y(self) -> float:
        """Where the reading line is, in logical (unmirrored) widget pixels."""
        hud_h = self._hud_height()
        return hud_h + (self.height() - hud_h) * self._style.reading_line_ratio
