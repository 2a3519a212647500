"""Keeps the on-air session's state in a small JSON file in the workspace, written atomically.

The state is local to the machine running the show (the run log is what syncs); a file beside the
database survives a crash of the app and is easy to inspect or delete.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from studio_app.i18n import translate


class SessionFileError(ValueError):
    """The saved state could not be read; the message is translated and names the file."""


class SessionFile:
    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def for_show(cls, workspace_root: Path, show_id: str) -> SessionFile:
        return cls(workspace_root / "onair" / f"{show_id}.json")

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> dict[str, Any] | None:
        if not self.path.exists():
            return None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise SessionFileError(
                translate("SessionFile", "The saved on-air state {path} could not be read: {error}").format(
                    path=self.path, error=exc
                )
            ) from exc
        if not isinstance(data, dict):
            raise SessionFileError(
                translate("SessionFile", "The saved on-air state {path} is not valid.").format(path=self.path)
            )
        return data

    def save(self, data: dict[str, Any]) -> None:
        # Write beside and rename, so a crash mid-write leaves the previous state, never half a file.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
