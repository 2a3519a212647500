"""Which keys the host's clicker sends, and what those keys may never do (no Qt)."""

from __future__ import annotations

from studio_app.script.host_keys import (
    CLICKER_KEYS,
    DEFAULT_BINDINGS,
    PrompterAction,
    is_clicker_key,
    keep_off_clicker_keys,
    refused_keys,
)


def test_no_default_key_a_clicker_sends_shows_an_emergency_or_writes_the_record() -> None:
    for action, keys in DEFAULT_BINDINGS.items():
        if action.kept_off_clicker_keys:
            assert not [k for k in keys if is_clicker_key(k)], action


def test_emergencies_default_to_ctrl_f1_to_f6() -> None:
    emergencies = [a for a in PrompterAction if a.emergency_number is not None]
    assert [DEFAULT_BINDINGS[a] for a in emergencies] == [(f"Ctrl+F{n}",) for n in range(1, 7)]


def test_clicker_keys_cover_what_presenters_send() -> None:
    for key in ("PgUp", "PgDown", "Up", "Down", "Left", "Right", "B", ".", "F5", "Shift+F5", "Esc", "Tab"):
        assert key in CLICKER_KEYS
    assert not is_clicker_key("Ctrl+F5")


def test_an_emergency_on_a_clicker_key_is_refused_but_paging_is_not() -> None:
    assert refused_keys(PrompterAction.EMERGENCY_5, ["F5", "F9"]) == ("F5",)
    assert refused_keys(PrompterAction.PROMO_SKIPPED, ["Tab"]) == ("Tab",)
    assert refused_keys(PrompterAction.NEXT_SEGMENT, ["PgDown", "F5"]) == ()


def test_old_bindings_with_an_emergency_on_f5_move_to_the_safe_default() -> None:
    old = {**DEFAULT_BINDINGS, PrompterAction.EMERGENCY_5: ("F5",), PrompterAction.EMERGENCY_2: ("F2", "B")}
    fixed, moved = keep_off_clicker_keys(old)
    assert fixed[PrompterAction.EMERGENCY_5] == ("Ctrl+F5",)
    assert fixed[PrompterAction.EMERGENCY_2] == ("F2",)  # a key no clicker sends stays
    assert {m.action: m.removed for m in moved} == {
        PrompterAction.EMERGENCY_5: ("F5",),
        PrompterAction.EMERGENCY_2: ("B",),
    }
    assert fixed[PrompterAction.BLANK] == DEFAULT_BINDINGS[PrompterAction.BLANK]


def test_a_moved_action_does_not_take_a_key_another_action_holds() -> None:
    old = {PrompterAction.EMERGENCY_1: ("F5",), PrompterAction.PAUSE: ("Ctrl+F1",)}
    fixed, _moved = keep_off_clicker_keys(old)
    assert fixed[PrompterAction.EMERGENCY_1] == ()
    assert fixed[PrompterAction.PAUSE] == ("Ctrl+F1",)
