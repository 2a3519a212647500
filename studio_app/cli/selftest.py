"""``studio-app selftest``: proves the parts a build can silently lose are present and load."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "selftest", help="check that Qt, OpenCV, PortAudio, translations and the store load"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    checks: list[tuple[str, str]] = []
    failed = False

    def check(name: str, fn) -> None:  # type: ignore[no-untyped-def]
        nonlocal failed
        try:
            checks.append((name, str(fn())))
        except Exception as exc:  # a selftest reports every failure, whatever it is
            failed = True
            checks.append((name, f"FAILED: {exc}"))

    def qt() -> str:
        from PySide6 import QtCore

        return QtCore.qVersion()

    def opencv() -> str:
        import cv2

        return str(cv2.__version__)

    def portaudio() -> str:
        import sounddevice

        return str(sounddevice.get_portaudio_version()[1])

    def translations() -> str:
        from PySide6.QtCore import QTranslator

        from studio_app.paths import resource_path

        files = sorted(resource_path("i18n").glob("*_zh_CN.qm"))
        loaded = [qm.name for qm in files if QTranslator().load(str(qm))]
        if not loaded:
            raise RuntimeError("no Chinese translation loads")
        return ", ".join(loaded)

    def store() -> str:
        from studio_app.cli.common import open_context
        from studio_app.store.migrate import current_revisions

        context = open_context(args)
        try:
            return ", ".join(sorted(current_revisions(context.db.engine)))
        finally:
            context.close()

    for name, fn in (
        ("Qt", qt),
        ("OpenCV", opencv),
        ("PortAudio", portaudio),
        ("translations", translations),
        ("store", store),
    ):
        check(name, fn)
    for name, result in checks:
        print(f"{name:>13}: {result}")
    return 1 if failed else 0
