"""A studio updating from the first release keeps its language, workspace and prompter choices."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from studio_app import settings
from studio_app.ui.prompter.keys import KeyMap, PrompterAction
from studio_app.ui.prompter.style import load_prompter_style
from studio_app.ui.settings import app_settings, carry_over_old_settings


def test_first_release_choices_move_to_the_settings_file(qapp: QApplication, tmp_path: Path) -> None:
    old = app_settings()
    old.setValue("ui/language", "en")
    old.setValue("workspace/path", str(tmp_path / "studio"))
    old.setValue("prompter/font_px", 72)
    old.setValue("prompter/mirror_horizontal", "true")
    action = next(iter(PrompterAction))
    old.setValue(f"prompter/keys/{action.value}", ["F9", "Ctrl+G"])
    old.sync()

    carry_over_old_settings()

    assert settings.saved_language() == "en"
    assert settings.saved_workspace() == str(tmp_path / "studio")
    style = load_prompter_style()
    assert (style.font_px, style.mirror_horizontal, style.mirror_vertical) == (72, True, False)
    assert KeyMap.load().sequences(action) == ("F9", "Ctrl+G")
    reread = app_settings()
    assert not reread.contains("ui/language") and not reread.childGroups().count("prompter")


def test_a_choice_already_in_the_file_wins(qapp: QApplication) -> None:
    settings.save_language("zh_CN")
    old = app_settings()
    old.setValue("ui/language", "en")
    old.sync()
    carry_over_old_settings()
    assert settings.saved_language() == "zh_CN"
