"""The host's prompter look is kept in the app's Qt-free settings file."""

from __future__ import annotations

import json

from studio_app import settings
from studio_app.script import host_profile
from studio_app.script.host_profile import ProfileBook
from studio_app.ui.prompter.style import (
    FONT_PX_MAX,
    SETTINGS_SECTION,
    PrompterStyle,
    load_prompter_style,
)


def test_font_size_and_mirroring_survive_a_restart() -> None:
    assert load_prompter_style() == PrompterStyle()
    host_profile.save_profiles(ProfileBook().updated(PrompterStyle(font_px=72, mirror_horizontal=True)))
    loaded = load_prompter_style()
    assert (loaded.font_px, loaded.mirror_horizontal, loaded.mirror_vertical) == (72, True, False)
    saved = json.loads(settings.value(host_profile.SETTINGS_SECTION, "profiles"))
    assert saved[0]["font_px"] == 72


def test_a_hand_edited_font_size_is_clamped_or_ignored() -> None:
    settings.save_section(SETTINGS_SECTION, {"font_px": "999", "mirror_vertical": "yes"})
    loaded = load_prompter_style()
    assert loaded.font_px == FONT_PX_MAX and loaded.mirror_vertical
    settings.save_section(SETTINGS_SECTION, {"font_px": "huge"})
    assert load_prompter_style().font_px == PrompterStyle().font_px
