"""Screenshots of the prompter's appearance per host (not a test): the profile editor and the prompter
drawn with a host's own profile.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/script/screenshots_appearance.py [zh_CN|en]

Writes docs/screenshots/{prompter_appearance_dialog,prompter_host_profile}_<lang>.png.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from onair_fixtures import onair_script
from PySide6.QtWidgets import QApplication

from studio_app.clock import FakeClock
from studio_app.promo.session import OnAirSession
from studio_app.script.host_profile import HostProfile, ProfileBook, ReadingMarker
from studio_app.ui.prompter.appearance_dialog import AppearanceDialog
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.view import PrompterView
from studio_app.ui.theme import apply_theme
from studio_app.ui.translations import install_translator

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

HOST = HostProfile(
    name="小林",
    font_family="Noto Serif CJK SC",
    font_px=64,
    line_spacing_pct=150,
    margin_pct=16.0,
    reading_line_pct=30.0,
    reading_marker=ReadingMarker.ARROW,
    text_color="#f5e6b8",
    background="#10233a",
    heading_color="#7fd4ff",
)


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    app = QApplication(sys.argv[:1])
    install_translator(app, lang)
    apply_theme(app)
    OUT.mkdir(parents=True, exist_ok=True)

    dialog = AppearanceDialog(ProfileBook((HostProfile(), HOST), HOST.name))
    dialog.resize(460, dialog.sizeHint().height())
    dialog.show()
    app.processEvents()
    dialog_path = OUT / f"prompter_appearance_dialog_{lang}.png"
    dialog.grab().save(str(dialog_path))

    clock = FakeClock(start=datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    controller = OnAirController(OnAirSession(clock, onair_script(paragraphs=3), "show-1"))
    view = PrompterView(controller, style=HOST)
    view.resize(1280, 720)
    view.show()
    controller.start_show()
    controller.go_to_segment(1)
    app.processEvents()
    view_path = OUT / f"prompter_host_profile_{lang}.png"
    view.grab().save(str(view_path))
    controller.shutdown()
    print(dialog_path)
    print(view_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
