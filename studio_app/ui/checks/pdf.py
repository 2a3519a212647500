"""The check report as PDF: the same HTML as the report, laid out by Qt's rich-text engine."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from studio_app.ui.theme import ui_font


def write_pdf(html: str, path: Path) -> Path:
    """Needs a QGuiApplication (the panel has one; tests run offscreen)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle("Studio Console")
    document = QTextDocument()
    document.setDefaultFont(ui_font(10))  # a CJK face, or the Chinese comes out as boxes
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the file
    return path
