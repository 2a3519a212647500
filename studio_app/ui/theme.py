"""The dark studio theme and a font that renders Chinese properly on each platform."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

# Per platform, the CJK face people expect; the rest are fallbacks when the first is missing.
CJK_FAMILIES = {
    "linux": ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei"],
    "win32": ["Microsoft YaHei UI", "Microsoft YaHei", "SimHei"],
    "darwin": ["PingFang SC", "Hiragino Sans GB", "Heiti SC"],
}

ACCENT = "#ff4d6d"  # the live-commerce red, used sparingly: primary actions and "on air"
GO = "#2ecc71"
WARN = "#f5b041"
FAIL = "#e74c3c"
MUTED = "#8b93a7"


def cjk_families() -> list[str]:
    key = "linux" if sys.platform.startswith("linux") else sys.platform
    wanted = CJK_FAMILIES.get(key, CJK_FAMILIES["linux"])
    available = set(QFontDatabase.families())
    chosen = [family for family in wanted if family in available]
    return chosen or wanted[:1]


def ui_font(point_size: float = 10.5) -> QFont:
    font = QFont()
    font.setFamilies(cjk_families())
    font.setPointSizeF(point_size)
    return font


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setFont(ui_font())
    palette = QPalette()
    base, window, text = QColor("#14161c"), QColor("#1b1e26"), QColor("#e8eaf0")
    palette.setColor(QPalette.ColorRole.Window, window)
    palette.setColor(QPalette.ColorRole.WindowText, text)
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#20242e"))
    palette.setColor(QPalette.ColorRole.Text, text)
    palette.setColor(QPalette.ColorRole.Button, QColor("#262a35"))
    palette.setColor(QPalette.ColorRole.ButtonText, text)
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#262a35"))
    palette.setColor(QPalette.ColorRole.ToolTipText, text)
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(MUTED))
    palette.setColor(QPalette.ColorRole.Link, QColor("#6ab0ff"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#5d6475"))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)


STYLESHEET = f"""
QMainWindow, QDialog {{ background: #1b1e26; }}
QListWidget#navigation {{
    background: #12141a; border: none; padding-top: 8px; outline: 0;
}}
QListWidget#navigation::item {{
    color: #aab1c3; padding-left: 14px; margin: 3px 8px; border-radius: 8px; font-size: 13pt;
}}
QListWidget#navigation::item:selected {{ background: #262a35; color: #ffffff; }}
QListWidget#navigation::item:hover {{ background: #1f232c; }}
QPushButton {{
    background: #262a35; border: 1px solid #343a48; border-radius: 6px; padding: 6px 14px;
}}
QPushButton:hover {{ background: #2e3340; }}
QPushButton[primary="true"] {{
    background: {ACCENT}; border: none; color: white; font-weight: 600; padding: 10px 22px;
}}
QPushButton[primary="true"]:hover {{ background: #ff6b85; }}
QGroupBox {{
    border: 1px solid #2c3140; border-radius: 8px; margin-top: 14px; padding-top: 8px;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {MUTED}; }}
QStatusBar {{ background: #12141a; color: {MUTED}; }}
QStatusBar QLabel {{ color: {MUTED}; padding: 0 8px; }}
QLabel[role="placeholder-title"] {{ font-size: 22pt; font-weight: 600; color: #e8eaf0; }}
QLabel[role="placeholder-text"] {{ font-size: 12pt; color: {MUTED}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QHeaderView::section {{ background: #20242e; color: #aab1c3; border: none; padding: 6px; }}
QTableView, QTreeView, QListView {{ gridline-color: #2c3140; selection-background-color: #3a2430; }}
QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QComboBox {{
    background: #14161c; border: 1px solid #343a48; border-radius: 5px; padding: 4px;
}}
QTabBar::tab {{ background: #20242e; padding: 8px 16px; border-top-left-radius: 6px;
    border-top-right-radius: 6px; margin-right: 2px; color: #aab1c3; }}
QTabBar::tab:selected {{ background: #2c3140; color: white; }}
"""
