"""How the prompter looks, and where the host's choice of it is kept (the app's Qt-free settings file)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from studio_app import settings

SETTINGS_SECTION = "prompter"
FONT_PX_MIN = 24
FONT_PX_MAX = 160


@dataclass(frozen=True)
class PrompterStyle:
    font_family: str = "Noto Sans CJK SC"
    font_px: int = 56
    line_spacing_pct: int = 110
    margin_pct: float = 8.0  # of the width, each side
    reading_line_ratio: float = 0.38  # from the top of the text area
    mirror_horizontal: bool = False
    mirror_vertical: bool = False
    text_color: str = "#ffffff"
    background: str = "#000000"
    heading_color: str = "#ffd23f"


def load_prompter_style() -> PrompterStyle:
    """The saved font size and mirroring over the defaults (a hand-edited value out of range is clamped)."""
    saved = settings.section(SETTINGS_SECTION)
    style = PrompterStyle()
    return replace(
        style,
        font_px=settings.read_int(saved.get("font_px"), style.font_px, FONT_PX_MIN, FONT_PX_MAX),
        mirror_horizontal=settings.read_bool(saved.get("mirror_horizontal"), style.mirror_horizontal),
        mirror_vertical=settings.read_bool(saved.get("mirror_vertical"), style.mirror_vertical),
    )


def save_prompter_style(style: PrompterStyle) -> None:
    settings.save_section(
        SETTINGS_SECTION,
        {
            "font_px": str(style.font_px),
            "mirror_horizontal": str(style.mirror_horizontal).lower(),
            "mirror_vertical": str(style.mirror_vertical).lower(),
        },
    )
