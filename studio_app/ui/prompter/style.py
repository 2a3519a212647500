"""How the prompter looks: the host's chosen profile (see :mod:`studio_app.script.host_profile`)."""

from __future__ import annotations

from studio_app.script.host_profile import (
    FONT_PX_MAX,
    FONT_PX_MIN,
    LEGACY_SECTION,
    HostProfile,
    ReadingMarker,
    load_profiles,
)

# The view draws a host profile as it is; the name says what the widgets use it for.
PrompterStyle = HostProfile
SETTINGS_SECTION = LEGACY_SECTION

__all__ = [
    "FONT_PX_MAX",
    "FONT_PX_MIN",
    "SETTINGS_SECTION",
    "PrompterStyle",
    "ReadingMarker",
    "load_prompter_style",
]


def load_prompter_style() -> PrompterStyle:
    """The chosen profile (the old single look, migrated, until profiles are first saved)."""
    return load_profiles().current
