"""Each host keeps her own prompter look; the profiles survive a restart and a hand-edited settings file."""

from __future__ import annotations

import json

import pytest

from studio_app import settings
from studio_app.script import host_profile as hp
from studio_app.script.host_profile import (
    HostProfile,
    ProfileBook,
    ReadingMarker,
    load_profiles,
    save_profiles,
)


def test_out_of_range_values_are_clamped_and_bad_colours_fall_back() -> None:
    profile = HostProfile(
        name="  小林   主播 ",
        font_px=500,
        line_spacing_pct=10,
        margin_pct=-3.0,
        reading_line_pct=99.0,
        text_color="red",
        background="#1A2B3C",
    ).clamped()
    assert profile.name == "小林 主播"
    assert (profile.font_px, profile.line_spacing_pct) == (hp.FONT_PX_MAX, hp.LINE_SPACING_PCT_MIN)
    assert (profile.margin_pct, profile.reading_line_pct) == (hp.MARGIN_PCT_MIN, hp.READING_LINE_PCT_MAX)
    assert profile.text_color == HostProfile().text_color
    assert profile.background == "#1a2b3c"


def test_a_profile_round_trips_through_its_dict_and_ignores_junk() -> None:
    profile = HostProfile(
        name="Lin",
        font_family="Noto Serif CJK SC",
        font_px=72,
        line_spacing_pct=160,
        margin_pct=12.5,
        reading_line_pct=45.0,
        reading_marker=ReadingMarker.ARROW,
        text_color="#ffee00",
        background="#102030",
        mirror_horizontal=True,
    )
    assert HostProfile.from_dict(json.loads(json.dumps(profile.to_dict()))) == profile
    junk = HostProfile.from_dict(
        {
            "font_px": "huge",
            "margin_pct": "nan",
            "reading_marker": "laser",
            "colour": "#000000",
            "mirror_vertical": "on",
        }
    )
    assert junk == HostProfile(mirror_vertical=True)


def test_profiles_are_created_renamed_chosen_and_deleted() -> None:
    book = ProfileBook().updated(HostProfile(font_px=80))
    book = book.created("小林")
    assert book.chosen == "小林" and book.current.font_px == 80  # starts as a copy of the chosen look
    book = book.updated(HostProfile(name="ignored", margin_pct=20.0))
    assert book.current.name == "小林" and book.current.margin_pct == 20.0
    assert book.choose(hp.DEFAULT_PROFILE_NAME).current.font_px == 80
    book = book.renamed("Lin")
    assert book.names() == [hp.DEFAULT_PROFILE_NAME, "Lin"]
    with pytest.raises(ValueError):
        book.created(hp.DEFAULT_PROFILE_NAME)
    with pytest.raises(ValueError):
        book.renamed("   ")
    book = book.deleted()
    assert book.names() == [hp.DEFAULT_PROFILE_NAME] and book.chosen == hp.DEFAULT_PROFILE_NAME
    with pytest.raises(ValueError):
        book.deleted()


def test_the_profiles_and_the_choice_survive_a_restart() -> None:
    book = ProfileBook().created("小林").updated(HostProfile(reading_line_pct=50.0, background="#202020"))
    save_profiles(book)
    assert load_profiles() == book
    save_profiles(book.choose(hp.DEFAULT_PROFILE_NAME))
    assert load_profiles().chosen == hp.DEFAULT_PROFILE_NAME


def test_the_old_single_look_becomes_the_default_profile_with_nothing_lost() -> None:
    settings.save_section(hp.LEGACY_SECTION, {"font_px": "72", "mirror_horizontal": "true"})
    book = load_profiles()
    assert book.names() == [hp.DEFAULT_PROFILE_NAME]
    assert book.current == HostProfile(font_px=72, mirror_horizontal=True)


def test_a_broken_profiles_entry_keeps_what_can_be_read() -> None:
    good = HostProfile(name="Lin", font_px=64).to_dict()
    settings.save_section(
        hp.SETTINGS_SECTION,
        {"chosen": "gone", "profiles": json.dumps([good, "junk", dict(good, font_px=99)])},
    )
    book = load_profiles()
    assert book.names() == ["Lin"] and book.chosen == "Lin" and book.current.font_px == 64
    settings.save_section(hp.SETTINGS_SECTION, {"profiles": "[not json"})
    assert load_profiles() == ProfileBook()
