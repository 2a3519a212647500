"""The show day's choices in the app's one settings file (section ``[showday]``)."""

from __future__ import annotations

from datetime import timedelta

from studio_app import settings

SETTINGS_SECTION = "showday"
DEFAULT_CHECK_MAX_AGE_MIN = 120


def check_max_age() -> timedelta:
    """How old the show's device check may be when it goes live (``check_max_age_minutes``, default 2 h)."""
    raw = settings.value(SETTINGS_SECTION, "check_max_age_minutes")
    return timedelta(minutes=settings.read_int(raw, DEFAULT_CHECK_MAX_AGE_MIN, 5, 24 * 60))


def alert_sound() -> bool:
    """Whether a newly raised on-air alert also sounds (``alert_sound``); off unless chosen."""
    return settings.read_bool(settings.value(SETTINGS_SECTION, "alert_sound") or None, False)
