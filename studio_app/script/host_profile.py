"""The prompter's look, one named profile per host, kept in the app's Qt-free settings file.

All profiles live in one settings section as a JSON list (a profile name may hold any character an INI key
cannot); every value read back is validated and clamped, so a hand-edited file never breaks the prompter.
The first version kept a single look in the ``prompter`` section; it becomes the default profile, unchanged.
"""

from __future__ import annotations

import enum
import json
import math
import re
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from studio_app import settings

SETTINGS_SECTION = "prompter_profiles"
LEGACY_SECTION = "prompter"
DEFAULT_PROFILE_NAME = "Default"
NAME_MAX_CHARS = 40

FONT_PX_MIN, FONT_PX_MAX = 24, 160
LINE_SPACING_PCT_MIN, LINE_SPACING_PCT_MAX = 80, 250
MARGIN_PCT_MIN, MARGIN_PCT_MAX = 0.0, 30.0  # of the width, each side: 2 x 30 % still leaves 40 % of text
READING_LINE_PCT_MIN, READING_LINE_PCT_MAX = 10.0, 90.0  # of the text area, from its top

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class ReadingMarker(enum.Enum):
    LINE_AND_ARROW = "line_and_arrow"
    LINE = "line"
    ARROW = "arrow"
    NONE = "none"


@dataclass(frozen=True)
class HostProfile:
    name: str = DEFAULT_PROFILE_NAME
    font_family: str = "Noto Sans CJK SC"
    font_px: int = 56
    line_spacing_pct: int = 110
    margin_pct: float = 8.0
    reading_line_pct: float = 38.0
    reading_marker: ReadingMarker = ReadingMarker.LINE_AND_ARROW
    text_color: str = "#ffffff"
    background: str = "#000000"
    heading_color: str = "#ffd23f"
    mirror_horizontal: bool = False
    mirror_vertical: bool = False

    @property
    def reading_line_ratio(self) -> float:
        return self.reading_line_pct / 100.0

    def clamped(self) -> HostProfile:
        """The same profile with every value inside its range (a bad colour falls back to the default's)."""
        default = HostProfile()
        return replace(
            self,
            name=clean_name(self.name) or DEFAULT_PROFILE_NAME,
            font_family=self.font_family.strip() or default.font_family,
            font_px=int(_clamp(int(self.font_px), FONT_PX_MIN, FONT_PX_MAX)),
            line_spacing_pct=int(
                _clamp(int(self.line_spacing_pct), LINE_SPACING_PCT_MIN, LINE_SPACING_PCT_MAX)
            ),
            margin_pct=_clamp(float(self.margin_pct), MARGIN_PCT_MIN, MARGIN_PCT_MAX),
            reading_line_pct=_clamp(float(self.reading_line_pct), READING_LINE_PCT_MIN, READING_LINE_PCT_MAX),
            text_color=colour_or(self.text_color, default.text_color),
            background=colour_or(self.background, default.background),
            heading_color=colour_or(self.heading_color, default.heading_color),
        )

    def to_dict(self) -> dict[str, Any]:
        values = asdict(self)
        values["reading_marker"] = self.reading_marker.value
        return values

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> HostProfile:
        """Known keys of ``values`` over the defaults; values of a wrong type are ignored, ranges clamped."""
        default = cls()
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in values:
                continue
            raw, current = values[f.name], getattr(default, f.name)
            if isinstance(current, ReadingMarker):
                kwargs[f.name] = next((m for m in ReadingMarker if m.value == raw), current)
            elif isinstance(current, bool):
                kwargs[f.name] = settings.read_bool(str(raw), current)
            elif isinstance(current, int):
                kwargs[f.name] = _number(raw, int, current)
            elif isinstance(current, float):
                kwargs[f.name] = _number(raw, float, current)
            elif isinstance(raw, str):
                kwargs[f.name] = raw
        return cls(**kwargs).clamped()


@dataclass(frozen=True)
class ProfileBook:
    """The hosts' profiles, in the order they were made, and the one the prompter shows."""

    profiles: tuple[HostProfile, ...] = field(default_factory=lambda: (HostProfile(),))
    chosen: str = DEFAULT_PROFILE_NAME

    def __post_init__(self) -> None:
        if not self.profiles:
            raise ValueError("a profile book holds at least one profile")
        if len({p.name for p in self.profiles}) != len(self.profiles):
            raise ValueError("profile names must be unique")
        if self.chosen not in self.names():
            raise ValueError(f"no profile named {self.chosen!r}")

    def names(self) -> list[str]:
        return [p.name for p in self.profiles]

    @property
    def current(self) -> HostProfile:
        return next(p for p in self.profiles if p.name == self.chosen)

    def choose(self, name: str) -> ProfileBook:
        return replace(self, chosen=name)

    def updated(self, profile: HostProfile) -> ProfileBook:
        """``profile`` (clamped) in place of the chosen one, keeping the chosen one's name."""
        edited = replace(profile, name=self.chosen).clamped()
        return replace(self, profiles=tuple(edited if p.name == self.chosen else p for p in self.profiles))

    def created(self, name: str) -> ProfileBook:
        """A new profile starting as a copy of the chosen one, and chosen."""
        name = self._free_name(name)
        return ProfileBook((*self.profiles, replace(self.current, name=name)), name)

    def renamed(self, name: str) -> ProfileBook:
        name = self._free_name(name)
        profiles = tuple(replace(p, name=name) if p.name == self.chosen else p for p in self.profiles)
        return ProfileBook(profiles, name)

    def deleted(self) -> ProfileBook:
        """Without the chosen profile; the one before it is chosen. The last profile cannot go."""
        if len(self.profiles) == 1:
            raise ValueError("the last profile cannot be deleted")
        index = self.names().index(self.chosen)
        profiles = tuple(p for p in self.profiles if p.name != self.chosen)
        return ProfileBook(profiles, profiles[max(0, index - 1)].name)

    def _free_name(self, name: str) -> str:
        cleaned = clean_name(name)
        if not cleaned:
            raise ValueError("a profile needs a name")
        if cleaned != self.chosen and cleaned in self.names():
            raise ValueError(f"a profile named {cleaned!r} already exists")
        return cleaned


def clean_name(name: str) -> str:
    return " ".join(name.split())[:NAME_MAX_CHARS]


def colour_or(text: str, fallback: str) -> str:
    """``text`` as lower-case ``#rrggbb`` when it is one, else ``fallback``."""
    text = str(text).strip()
    return text.lower() if _COLOUR.match(text) else fallback


def load_profiles() -> ProfileBook:
    saved = settings.section(SETTINGS_SECTION)
    try:
        raw = json.loads(saved.get("profiles", ""))
    except json.JSONDecodeError:
        raw = None
    if not isinstance(raw, list):
        return ProfileBook((_migrated_legacy_profile(),))
    profiles: list[HostProfile] = []
    for item in raw:
        if isinstance(item, dict):
            profile = HostProfile.from_dict(item)
            if profile.name not in {p.name for p in profiles}:
                profiles.append(profile)
    if not profiles:
        return ProfileBook()
    chosen = saved.get("chosen", "")
    return ProfileBook(tuple(profiles), chosen if chosen in {p.name for p in profiles} else profiles[0].name)


def save_profiles(book: ProfileBook) -> None:
    settings.save_section(
        SETTINGS_SECTION,
        {
            "chosen": book.chosen,
            "profiles": json.dumps([p.to_dict() for p in book.profiles], ensure_ascii=False),
        },
        replace=True,
    )


def _migrated_legacy_profile() -> HostProfile:
    """The font size and mirroring of the single look kept before profiles existed (defaults otherwise)."""
    legacy = settings.section(LEGACY_SECTION)
    return HostProfile.from_dict(
        {k: legacy[k] for k in ("font_px", "mirror_horizontal", "mirror_vertical") if k in legacy}
    )


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _number(raw: object, kind: type[int] | type[float], default: float) -> float:
    """``raw`` as a finite number of ``kind`` (``"72.0"`` is a fine font size), else ``default``."""
    try:
        number = float(str(raw))
    except (TypeError, ValueError):
        return default
    return kind(number) if math.isfinite(number) else default
