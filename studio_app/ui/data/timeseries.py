"""A time-series chart that stays fluid with an 8-hour show at one sample per second.

After pyqtgraph's own advice for long live series: the data lives in preallocated numpy buffers that grow
by doubling; ``flush()`` hands views of them to one ``PlotDataItem`` (never a new item per frame) and
only when something changed; the plot downsamples by peak to the pixel width and clips to the view.
Segments are shaded bands, promos dashed markers.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from studio_app.ui.theme import ui_font

BACKGROUND = "#14161c"
# Opaque band colours, pre-blended with the background: translucent fills cost a third of a redraw.
BAND_COLORS = ("#1c2233", "#24211d")
PROMO_COLOR = "#ff8c42"
_INITIAL_CAPACITY = 4096


class TimeSeriesChart(pg.PlotWidget):
    def __init__(self, title: str, color: str, y_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, background=BACKGROUND, axisItems={"bottom": pg.DateAxisItem()})
        self.setObjectName("timeSeriesChart")
        plot = self.getPlotItem()
        plot.setTitle(title, color="#c9cedb", size="11pt")
        # No grid: pyqtgraph draws it translucent through the axis picture, which costs about 10 ms a frame
        # (three quarters of a live tick); the axis ticks and the segment bands are reference enough.
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        if y_label:
            plot.setLabel("left", y_label, color="#8b93a7")
        for axis in ("left", "bottom"):
            plot.getAxis(axis).setTextPen("#aab1c3")
            plot.getAxis(axis).setPen("#3a4050")
        self.setMouseEnabled(x=True, y=False)
        self._t = np.empty(_INITIAL_CAPACITY, dtype=np.float64)
        self._y = np.empty(_INITIAL_CAPACITY, dtype=np.float64)
        self._n = 0
        self._dirty = False
        self._curve = plot.plot(pen=pg.mkPen(color, width=2))
        # Peak-downsample to about one min/max pair per pixel (pyqtgraph's default keeps five per pixel,
        # which draws 14,400 segments for an 8-hour show instead of about 2,800; the trace looks the same).
        self._curve.opts["autoDownsampleFactor"] = 1.0
        self._decorations: list[pg.GraphicsObject] = []
        # A CJK face named up front: segment titles are Chinese, and a font-fallback search per label
        # per frame is both slow and, on some systems, boxes.
        self._label_font = ui_font(9)
        self.setMinimumHeight(160)

    # -- data ----------------------------------------------------------------------------------------
    @property
    def point_count(self) -> int:
        return self._n

    def _reserve(self, n: int) -> None:
        if n <= len(self._t):
            return
        size = len(self._t)
        while size < n:
            size *= 2
        for name in ("_t", "_y"):
            old = getattr(self, name)
            new = np.empty(size, dtype=np.float64)
            new[: self._n] = old[: self._n]
            setattr(self, name, new)

    def set_series(self, t_s: Sequence[float] | np.ndarray, values: Sequence[float] | np.ndarray) -> None:
        """Replace the whole series (epoch seconds, values)."""
        n = len(t_s)
        self._reserve(n)
        self._t[:n] = t_s
        self._y[:n] = values
        self._n = n
        self._dirty = True

    def append(self, t_s: float, value: float) -> None:
        self._reserve(self._n + 1)
        self._t[self._n] = t_s
        self._y[self._n] = value
        self._n += 1
        self._dirty = True

    def last_value(self) -> float | None:
        return float(self._y[self._n - 1]) if self._n else None

    def flush(self) -> bool:
        """Redraw if the data changed since the last flush; the panel calls this from one timer."""
        if not self._dirty:
            return False
        self._curve.setData(self._t[: self._n], self._y[: self._n])
        self._dirty = False
        return True

    def redraw(self) -> None:
        """Force the curve to be rebuilt (the benchmark measures this)."""
        self._dirty = True
        self.flush()

    # -- segments and promos -------------------------------------------------------------------------
    def set_timeline(
        self, segments: Sequence[tuple[str, float, float]], promos: Sequence[tuple[str, float]]
    ) -> None:
        plot = self.getPlotItem()
        for item in self._decorations:
            plot.removeItem(item)
        self._decorations.clear()
        total_s = (max(e for _, _, e in segments) - min(s for _, s, _ in segments)) if segments else 0.0
        # Labels go to the longest segments first, and only where they keep clear of the labels already
        # placed: a 34-segment rundown would otherwise print its titles on top of each other.
        labelled: list[float] = []
        for _name, start, _end in sorted(segments, key=lambda seg: seg[1] - seg[2]):
            near_end = start > max(e for _, _, e in segments) - total_s / 12  # would run off the plot
            if not near_end and all(abs(start - other) >= total_s / 6 for other in labelled):
                labelled.append(start)
        for i, (name, start, end) in enumerate(segments):
            color = QColor(BAND_COLORS[i % 2])
            band = pg.LinearRegionItem(values=(start, end), movable=False, brush=color, pen=pg.mkPen(None))
            band.setZValue(-20)
            plot.addItem(band)
            self._decorations.append(band)
            if start not in labelled:
                continue
            label = pg.InfiniteLine(
                pos=start,
                angle=90,
                movable=False,
                pen=pg.mkPen(None),
                label=name if len(name) <= 6 else name[:5] + "…",
                labelOpts={"position": 0.93, "color": "#9aa3b8", "anchors": [(0, 0), (0, 0)]},
            )
            label.label.setFont(self._label_font)
            plot.addItem(label)
            self._decorations.append(label)
        for name, at in promos:
            line = pg.InfiniteLine(
                pos=at,
                angle=90,
                movable=False,
                pen=pg.mkPen(PROMO_COLOR, width=1, style=Qt.PenStyle.DashLine),
                label=name,
                labelOpts={"position": 0.06, "color": PROMO_COLOR, "anchors": [(0, 1), (0, 1)]},
            )
            line.label.setFont(self._label_font)
            plot.addItem(line)
            self._decorations.append(line)

    def decoration_count(self) -> int:
        return len(self._decorations)
