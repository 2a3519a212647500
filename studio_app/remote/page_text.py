"""The pages' words in either language, from the same .ts catalogs as the app (context "RemotePage").

A phone may want English while the desktop runs in Chinese, so the page asks for its language and gets the
catalog's entries directly instead of the app's installed translator.
"""

from __future__ import annotations

from functools import cache

from studio_app.i18n import SUPPORTED, load_catalog

CONTEXT = "RemotePage"


# The name pyside6-lupdate looks for: it collects these strings into the .ts files like self.tr's.
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


SOURCES: dict[str, str] = {
    "remote_title": QT_TRANSLATE_NOOP("RemotePage", "Prompter remote"),
    "follower_title": QT_TRANSLATE_NOOP("RemotePage", "Follower prompter"),
    "not_paired": QT_TRANSLATE_NOOP(
        "RemotePage", "This device is not paired. Scan the QR code in Studio Console (Tools → Phone remote)."
    ),
    "revoked": QT_TRANSLATE_NOOP("RemotePage", "This pairing was revoked in Studio Console. Pair again."),
    "offline": QT_TRANSLATE_NOOP("RemotePage", "Connection lost — reconnecting…"),
    "no_show": QT_TRANSLATE_NOOP("RemotePage", "No show is open in the script runner."),
    "pause": QT_TRANSLATE_NOOP("RemotePage", "Pause"),
    "resume": QT_TRANSLATE_NOOP("RemotePage", "Resume"),
    "start": QT_TRANSLATE_NOOP("RemotePage", "Start the show"),
    "previous": QT_TRANSLATE_NOOP("RemotePage", "◀ Previous"),
    "next": QT_TRANSLATE_NOOP("RemotePage", "Next ▶"),
    "slower": QT_TRANSLATE_NOOP("RemotePage", "Slower"),
    "faster": QT_TRANSLATE_NOOP("RemotePage", "Faster"),
    "gear": QT_TRANSLATE_NOOP("RemotePage", "Gear"),
    "promo_done": QT_TRANSLATE_NOOP("RemotePage", "Promo done"),
    "promo_skipped": QT_TRANSLATE_NOOP("RemotePage", "Promo skipped"),
    "blank": QT_TRANSLATE_NOOP("RemotePage", "Blank"),
    "unblank": QT_TRANSLATE_NOOP("RemotePage", "Show text"),
    "dismiss": QT_TRANSLATE_NOOP("RemotePage", "Dismiss"),
    "emergency": QT_TRANSLATE_NOOP("RemotePage", "Emergency scripts"),
    "cue": QT_TRANSLATE_NOOP("RemotePage", "Cue to the host"),
    "cue_placeholder": QT_TRANSLATE_NOOP("RemotePage", "Type a cue…"),
    "send": QT_TRANSLATE_NOOP("RemotePage", "Send"),
    "segments": QT_TRANSLATE_NOOP("RemotePage", "Segments"),
    "promo_clock": QT_TRANSLATE_NOOP("RemotePage", "Promo"),
    "qa": QT_TRANSLATE_NOOP("RemotePage", "Q&A"),
    "alerts": QT_TRANSLATE_NOOP("RemotePage", "Alerts"),
    "paused": QT_TRANSLATE_NOOP("RemotePage", "Paused"),
    "on_air": QT_TRANSLATE_NOOP("RemotePage", "On air"),
    "ready": QT_TRANSLATE_NOOP("RemotePage", "Ready"),
    "ended": QT_TRANSLATE_NOOP("RemotePage", "Ended"),
    "mirror": QT_TRANSLATE_NOOP("RemotePage", "Mirror"),
    "follower_link": QT_TRANSLATE_NOOP("RemotePage", "Follower prompter"),
    "remote_link": QT_TRANSLATE_NOOP("RemotePage", "Remote"),
    "language": QT_TRANSLATE_NOOP("RemotePage", "中文 / EN"),
    "quick_cue_1": QT_TRANSLATE_NOOP("RemotePage", "Slow down"),
    "quick_cue_2": QT_TRANSLATE_NOOP("RemotePage", "Speed up"),
    "quick_cue_3": QT_TRANSLATE_NOOP("RemotePage", "Show the product to the camera"),
    "quick_cue_4": QT_TRANSLATE_NOOP("RemotePage", "Read the comments"),
    "quick_cue_5": QT_TRANSLATE_NOOP("RemotePage", "Push the link now"),
    "quick_cue_6": QT_TRANSLATE_NOOP("RemotePage", "Wrap up in one minute"),
}


@cache
def page_strings(lang: str) -> dict[str, str]:
    if lang not in SUPPORTED or lang == "en":
        return dict(SOURCES)
    catalog = load_catalog(lang)
    return {key: catalog.get((CONTEXT, text), text) for key, text in SOURCES.items()}
