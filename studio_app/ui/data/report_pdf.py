"""The review report as a file: CSV or HTML as the CLI writes them, or PDF laid out by Qt's rich-text engine
with pictures of the panel's charts."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from studio_app.metrics.export import ReportInput, review_html, write_review_csv, write_review_html
from studio_app.ui.theme import ui_font


def write_report(path: Path, kind: str, report: ReportInput, images: Mapping[str, QImage]) -> Path:
    """``kind``: ``csv``, ``html`` or ``pdf`` (with ``images``, the charts grabbed on the GUI thread)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "csv":
        return write_review_csv(path, report)
    if kind == "html":
        return write_review_html(path, report)
    sources = {key: f"chart-{key}.png" for key in images}
    return write_review_pdf(review_html(report, sources), images, sources, path)


def write_review_pdf(html: str, images: Mapping[str, QImage], sources: Mapping[str, str], path: Path) -> Path:
    """``sources`` maps each image key to the ``<img src>`` the HTML uses for it."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(120)
    writer.setTitle("Studio Console review")
    document = QTextDocument()
    document.setDefaultFont(ui_font(9))  # a CJK face, or the Chinese comes out as boxes
    for key, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(sources[key]), image)
    document.setHtml(html)
    # Lay the page out in the writer's own pixels, so an <img width="860"> fits the A4 text width
    # (about 880 px at 120 dpi) instead of being cut at the right margin.
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer  # finishes the file
    return Path(path)
