"""One logger setup for the GUI and the CLI: a rotating file in the workspace, plus faulthandler."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
from pathlib import Path
from typing import TextIO

_fault_file: TextIO | None = None


def setup_logging(log_file: Path, level: int = logging.INFO, console: bool = False) -> None:
    global _fault_file
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_studio_app", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    file_handler._studio_app = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream._studio_app = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    root.setLevel(level)
    # A crash inside Qt or PortAudio kills the process without a Python traceback; faulthandler still
    # writes the stacks of every thread to the log folder.
    if _fault_file is not None:
        _fault_file.close()
    _fault_file = open(log_file.with_name("crash-stacks.log"), "a", encoding="utf-8")  # noqa: SIM115
    faulthandler.enable(_fault_file, all_threads=True)
