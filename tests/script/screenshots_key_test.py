"""Screenshot of the prompter's key test (not a test), after a clicker's usual presses.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/script/screenshots_key_test.py [zh_CN|en]

Writes docs/screenshots/key_test_<lang>.png (zh_CN: key_test_zh.png).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio_app.ui.prompter.key_test import KeyTestDialog
from studio_app.ui.prompter.keys import KeyMap
from studio_app.ui.theme import apply_theme
from studio_app.ui.translations import install_translator

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

PRESSES = [
    (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F2, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_PageUp, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier),
]


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    app = QApplication(sys.argv[:1])
    install_translator(app, lang)
    apply_theme(app)
    dialog = KeyTestDialog(KeyMap())
    dialog.show()
    for key, modifiers in PRESSES:
        QTest.keyClick(dialog, key, modifiers)
    app.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"key_test_{'zh' if lang == 'zh_CN' else lang}.png"
    dialog.grab().save(str(path))
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
