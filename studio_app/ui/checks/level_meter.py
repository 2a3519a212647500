"""A live microphone level meter: RMS bar with peak hold, yellow from −12 dBFS, red from −3 dBFS."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio_app.ui import theme

FLOOR_DBFS = -60.0
YELLOW_DBFS = -12.0
RED_DBFS = -3.0
PEAK_HOLD_S = 1.5
PEAK_FALL_DB_PER_S = 20.0


def level_colour(dbfs: float) -> str:
    """Green below −12 dBFS, yellow up to −3, red from −3 (the broadcast meter convention)."""
    if dbfs >= RED_DBFS:
        return theme.FAIL
    if dbfs >= YELLOW_DBFS:
        return theme.WARN
    return theme.GO


class LevelMeter(QWidget):
    """One horizontal bar per channel. Feed it with :meth:`set_levels`; it repaints itself.

    The peak marker holds for 1.5 s and then falls at 20 dB/s, so a short shout stays visible long enough
    to read. ``monotonic`` is injectable for tests.
    """

    def __init__(
        self, parent: QWidget | None = None, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self._rms: list[float] = [FLOOR_DBFS]
        self._peak_hold: list[float] = [FLOOR_DBFS]
        self._peak_at: list[float] = [0.0]
        self._active = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(44)
        self.setAccessibleName(self.tr("Microphone level"))

    def sizeHint(self) -> QSize:
        return QSize(320, 44)

    @property
    def rms_dbfs(self) -> list[float]:
        return list(self._rms)

    @property
    def peak_hold_dbfs(self) -> list[float]:
        return list(self._peak_hold)

    def set_inactive(self) -> None:
        self._active = False
        self._rms = [FLOOR_DBFS] * len(self._rms)
        self._peak_hold = [FLOOR_DBFS] * len(self._peak_hold)
        self.update()

    def set_levels(self, levels: list[tuple[float, float]]) -> None:
        """``[(rms_dbfs, peak_dbfs), ...]`` per channel."""
        now = self._monotonic()
        if len(levels) != len(self._rms):
            self._rms = [FLOOR_DBFS] * len(levels)
            self._peak_hold = [FLOOR_DBFS] * len(levels)
            self._peak_at = [now] * len(levels)
        for i, (rms, peak) in enumerate(levels):
            rms = max(FLOOR_DBFS, rms if math.isfinite(rms) else FLOOR_DBFS)
            peak = max(FLOOR_DBFS, peak if math.isfinite(peak) else FLOOR_DBFS)
            self._rms[i] = rms
            if peak >= self._peak_hold[i]:
                self._peak_hold[i] = peak
                self._peak_at[i] = now
            elif now - self._peak_at[i] > PEAK_HOLD_S:
                fallen = self._peak_hold[i] - PEAK_FALL_DB_PER_S * (now - self._peak_at[i] - PEAK_HOLD_S)
                self._peak_hold[i] = max(peak, fallen)
        self._active = True
        self.update()

    @staticmethod
    def _x(dbfs: float, width: float) -> float:
        return width * (max(FLOOR_DBFS, min(0.0, dbfs)) - FLOOR_DBFS) / -FLOOR_DBFS

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = float(self.width())
        scale_h = 14.0
        n = max(1, len(self._rms))
        bar_h = max(6.0, (self.height() - scale_h - 2 * (n - 1)) / n)
        for i in range(n):
            top = i * (bar_h + 2)
            painter.fillRect(QRectF(0, top, w, bar_h), QColor("#2a3040"))
            if not self._active:
                continue
            rms = self._rms[i]
            # The bar is drawn in its three zones so the colour says where the level is at a glance.
            for lo, hi, colour in (
                (FLOOR_DBFS, YELLOW_DBFS, theme.GO),
                (YELLOW_DBFS, RED_DBFS, theme.WARN),
                (RED_DBFS, 0.0, theme.FAIL),
            ):
                if rms <= lo:
                    break
                x0, x1 = self._x(lo, w), self._x(min(rms, hi), w)
                painter.fillRect(QRectF(x0, top, x1 - x0, bar_h), QColor(colour))
            peak_x = self._x(self._peak_hold[i], w)
            painter.fillRect(QRectF(peak_x - 1.5, top, 3, bar_h), QColor(level_colour(self._peak_hold[i])))
        painter.setPen(QColor(theme.MUTED))
        font = painter.font()
        font.setPointSizeF(7.5)
        painter.setFont(font)
        base = self.height() - 1.0
        for mark in (-60, -48, -36, -24, -12, -6, -3, 0):
            x = self._x(mark, w)
            painter.drawLine(int(x), int(base - scale_h + 2), int(x), int(base - scale_h + 5))
            text = str(mark)
            fm = painter.fontMetrics()
            tx = min(max(0.0, x - fm.horizontalAdvance(text) / 2), w - fm.horizontalAdvance(text))
            painter.drawText(int(tx), int(base), text)
        painter.end()
