"""Live camera preview with the lighting overlays: 3×3 grid luma, clipped areas in red, focus score."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio_app.probes.thresholds import LightingThresholds
from studio_app.ui import theme

if TYPE_CHECKING:
    import numpy as np

    from studio_app.probes.camera_analysis import FrameOverlay
    from studio_app.probes.preview_feed import PreviewFrame


# The lighting check's own line: a cell the overlay marks dark is one the check would warn about.
UNIFORMITY_WARN = LightingThresholds().uniformity_warn


def _bgr_to_qimage(frame: np.ndarray, width: int, height: int) -> QImage:
    import cv2  # loaded with the first frame: the check screen opens before OpenCV does

    small = cv2.resize(frame, (width, height), interpolation=cv2.INTER_AREA)
    rgb = cv2.cvtColor(small, cv2.COLOR_BGR2RGB)
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def _mask_to_qimage(mask: np.ndarray) -> QImage:
    import numpy as np

    h, w = mask.shape
    rgba = np.zeros((h, w, 4), dtype=np.uint8)
    rgba[mask] = (231, 76, 60, 170)
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


class CameraPreview(QWidget):
    """Shows the newest frame handed to :meth:`show_frame`; older ones are simply never drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._mask: QImage | None = None
        self._overlay: FrameOverlay | None = None
        self._fps = 0.0
        self._aspect = 16 / 9
        self.shown_seq = 0
        self.message = self.tr("Preview off")
        self.setMinimumSize(QSize(320, 180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    @property
    def overlay(self) -> FrameOverlay | None:
        return self._overlay

    def _frame_rect(self) -> QRectF:
        w, h = float(self.width()), float(self.height())
        if w / h > self._aspect:
            fw, fh = h * self._aspect, h
        else:
            fw, fh = w, w / self._aspect
        return QRectF((w - fw) / 2, (h - fh) / 2, fw, fh)

    def show_frame(self, preview: PreviewFrame) -> None:
        if preview.seq == self.shown_seq:
            return
        self.shown_seq = preview.seq
        fh, fw = preview.frame_bgr.shape[:2]
        self._aspect = fw / fh if fh else 16 / 9
        rect = self._frame_rect()
        self._image = _bgr_to_qimage(preview.frame_bgr, max(2, int(rect.width())), max(2, int(rect.height())))
        if preview.overlay is not self._overlay:
            self._overlay = preview.overlay
            self._mask = (
                _mask_to_qimage(preview.overlay.clipped_mask) if preview.overlay is not None else None
            )
        self._fps = preview.fps
        self.update()

    def show_message(self, text: str) -> None:
        self.message = text
        self._image = None
        self._overlay = None
        self._mask = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#0b0d12"))
        rect = self._frame_rect()
        if self._image is None:
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message
            )
            painter.end()
            return
        painter.drawImage(rect, self._image)
        overlay = self._overlay
        if overlay is not None:
            if self._mask is not None:
                painter.drawImage(rect, self._mask)
            self._draw_grid(painter, rect, overlay)
            self._draw_readout(painter, rect, overlay)
        painter.end()

    def _draw_grid(self, painter: QPainter, rect: QRectF, overlay: FrameOverlay) -> None:
        cell_w, cell_h = rect.width() / 3, rect.height() / 3
        lumas = [v for row in overlay.grid_luma for v in row]
        mean = sum(lumas) / len(lumas) if lumas else 0.0
        painter.setPen(QPen(QColor(255, 255, 255, 110), 1, Qt.PenStyle.DashLine))
        for i in (1, 2):
            painter.drawLine(
                int(rect.left() + i * cell_w),
                int(rect.top()),
                int(rect.left() + i * cell_w),
                int(rect.bottom()),
            )
            painter.drawLine(
                int(rect.left()),
                int(rect.top() + i * cell_h),
                int(rect.right()),
                int(rect.top() + i * cell_h),
            )
        font = painter.font()
        font.setPointSizeF(9)
        font.setBold(True)
        painter.setFont(font)
        for r, row in enumerate(overlay.grid_luma):
            for c, luma in enumerate(row):
                dark = mean > 0 and luma < UNIFORMITY_WARN * mean
                label = QRectF(rect.left() + c * cell_w + 4, rect.top() + r * cell_h + 4, 46, 18)
                painter.fillRect(label, QColor(0, 0, 0, 150))
                painter.setPen(QColor(theme.WARN if dark else "#ffffff"))
                painter.drawText(label, Qt.AlignmentFlag.AlignCenter, f"{luma:.0f}")

    def _draw_readout(self, painter: QPainter, rect: QRectF, overlay: FrameOverlay) -> None:
        text = self.tr("Focus {focus:.0f} · U0 {u0:.2f} · clipped {clipped:.1f} % · {fps:.1f} fps").format(
            focus=overlay.sharpness, u0=overlay.uniformity, clipped=overlay.clipped_pct, fps=self._fps
        )
        fm = painter.fontMetrics()
        box = QRectF(rect.left(), rect.bottom() - fm.height() - 8, rect.width(), fm.height() + 8)
        painter.fillRect(box, QColor(0, 0, 0, 160))
        u0_bad = overlay.uniformity < UNIFORMITY_WARN
        painter.setPen(QColor(theme.WARN if u0_bad else "#ffffff"))
        painter.drawText(box.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, text)
