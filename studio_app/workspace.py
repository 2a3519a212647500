"""The workspace: one folder holding a studio's database, logs, backups and exported reports."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENV_VAR = "STUDIO_APP_WORKSPACE"
APP_NAME = "StudioConsole"


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / "studio.sqlite3"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def log_file(self) -> Path:
        return self.logs_dir / "studio-app.log"

    def ensure(self) -> Workspace:
        for folder in (self.root, self.logs_dir, self.reports_dir, self.backups_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @staticmethod
    def default_root() -> Path:
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))

    @classmethod
    def resolve(cls, explicit: str | os.PathLike[str] | None = None) -> Workspace:
        """``--workspace`` wins, then ``STUDIO_APP_WORKSPACE``, then the platform's user data folder."""
        chosen = explicit or os.environ.get(ENV_VAR) or cls.default_root()
        return cls(Path(chosen).expanduser().resolve())
