"""Painting the prompter's chrome: the HUD across the top, the banners along the bottom, the emergency box,
the reading line.

The texts come from :func:`studio_app.promo.onair_text.onair_text`; this module only draws them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from studio_app.promo.onair_text import OnAirText
from studio_app.ui.prompter.style import PrompterStyle, ReadingMarker

READING_LINE_COLOUR = "#37c8ff"


def elide(painter: QPainter, text: str, width: float) -> str:
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))


def paint_hud(painter: QPainter, hud: OnAirText, style: PrompterStyle, width: int, hud_h: int) -> None:
    painter.fillRect(QRectF(0, 0, width, hud_h), QColor("#111418"))
    painter.setPen(QPen(QColor("#2b3038"), 1))
    painter.drawLine(0, hud_h, width, hud_h)
    pad = hud_h * 0.12
    big = QFont(style.font_family)
    big.setPixelSize(max(14, int(hud_h * 0.30)))
    big.setBold(True)
    small = QFont(style.font_family)
    small.setPixelSize(max(11, int(hud_h * 0.20)))
    # Three columns that never overlap: segment | promo clock | product; long text is elided.
    columns = (
        (pad, width * 0.36 - pad, Qt.AlignmentFlag.AlignLeft),
        (width * 0.36, width * 0.28, Qt.AlignmentFlag.AlignHCenter),
        (width * 0.64 + pad, width * 0.36 - 2 * pad, Qt.AlignmentFlag.AlignRight),
    )
    promo_color = {"cue": "#ffb020", "strong": "#ff4d4d"}.get(hud.promo_level, "#7ee08a")
    # Before the show the middle column counts down to the planned start instead (red once it is late).
    middle = (hud.promo, promo_color)
    if hud.start_countdown:
        middle = (hud.start_countdown, "#ff4d4d" if hud.start_late else "#ffb020")
    rows = (
        ((hud.segment, "#ffffff"), middle, (hud.product, "#ffffff")),
        ((hud.speed, "#a9b1bc"), (hud.schedule, "#a9b1bc"), (hud.product_detail, "#ffd23f")),
    )
    for row_index, (font, top, row_h) in enumerate(
        ((big, pad, hud_h * 0.5 - pad), (small, hud_h * 0.52, hud_h * 0.42))
    ):
        painter.setFont(font)
        for (x, column_w, align), (text, color) in zip(columns, rows[row_index], strict=True):
            painter.setPen(QColor(color))
            painter.drawText(
                QRectF(x, top, column_w, row_h),
                align | Qt.AlignmentFlag.AlignVCenter,
                elide(painter, text, column_w),
            )


def render_banners(hud: OnAirText, style: PrompterStyle, width: int, height: int) -> QImage | None:
    banners: list[tuple[str, str, str]] = []  # text, background, foreground
    if hud.promo_level == "strong":
        banners.append((hud.promo_banner, "#d7263d", "#ffffff"))
    elif hud.promo_level == "cue":
        banners.append((hud.promo_banner, "#ffb020", "#000000"))
    if hud.flash_sale:
        banners.append((hud.flash_sale, "#5a5f68" if hud.sold_out else "#ff7a1a", "#ffffff"))
    if hud.qa:
        banners.append((hud.qa, "#2f6fde", "#ffffff"))
    if hud.question:
        banners.append((hud.question, "#1f3f7a", "#ffffff"))
    if hud.cue:
        banners.append((hud.cue, "#ffe14d", "#000000"))
    if not banners:
        return None
    band_h = max(48, int(height * 0.09))
    image = QImage(width, band_h * len(banners), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    font = QFont(style.font_family)
    font.setPixelSize(int(band_h * 0.5))
    font.setBold(True)
    painter.setFont(font)
    y = 0
    for text, background, foreground in banners:
        painter.fillRect(QRectF(0, y, width, band_h), QColor(background))
        painter.setPen(QColor(foreground))
        painter.drawText(
            QRectF(0, y, width, band_h), Qt.AlignmentFlag.AlignCenter, elide(painter, text, width * 0.96)
        )
        y += band_h
    painter.end()
    return image


def paint_emergency(
    painter: QPainter, title: str, text: str, style: PrompterStyle, width: int, height: int
) -> None:
    box = QRectF(width * 0.06, height * 0.18, width * 0.88, height * 0.64)
    painter.fillRect(box, QColor("#1c0606"))
    painter.setPen(QPen(QColor("#ff4d4d"), 4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    title_font = QFont(style.font_family)
    title_font.setPixelSize(max(16, int(style.font_px * 0.7)))
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(QColor("#ff8080"))
    pad = box.width() * 0.04
    title_rect = QRectF(
        box.left() + pad, box.top() + pad, box.width() - 2 * pad, title_font.pixelSize() * 1.6
    )
    painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    body_font = QFont(style.font_family)
    body_font.setPixelSize(max(14, int(style.font_px * 0.85)))
    painter.setFont(body_font)
    painter.setPen(QColor("#ffffff"))
    body = QRectF(box.left() + pad, title_rect.bottom() + pad * 0.5, box.width() - 2 * pad, box.height())
    body.setBottom(box.bottom() - pad)
    painter.drawText(body, int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap), text)


def paint_reading_line(
    painter: QPainter, style: PrompterStyle, reading_y: float, width: int, column_width: float
) -> None:
    """The profile's marker at ``reading_y``: a line across the text column, an arrow at the left edge."""
    color = QColor(READING_LINE_COLOUR)
    color.setAlpha(150)
    if style.reading_marker in (ReadingMarker.LINE, ReadingMarker.LINE_AND_ARROW):
        painter.setPen(QPen(color, 2))
        margin = (width - column_width) / 2.0
        painter.drawLine(QPointF(margin * 0.25, reading_y), QPointF(width - margin * 0.25, reading_y))
    if style.reading_marker in (ReadingMarker.ARROW, ReadingMarker.LINE_AND_ARROW):
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        size = max(8.0, style.font_px * 0.25)
        painter.drawPolygon(
            [QPointF(0, reading_y - size), QPointF(size * 1.4, reading_y), QPointF(0, reading_y + size)]
        )
