"""What every panel and command receives: the workspace, its database and the clock."""

from __future__ import annotations

from dataclasses import dataclass, field

from studio_app.clock import Clock, SystemClock
from studio_app.store.backups import BackupPolicy
from studio_app.store.db import Database
from studio_app.store.writer import Writer
from studio_app.workspace import Workspace


@dataclass
class AppContext:
    workspace: Workspace
    db: Database
    clock: Clock = field(default_factory=SystemClock)
    # Every write goes through this one thread (see store/writer.py); reads use db.session() anywhere.
    writer: Writer = field(init=False)

    def __post_init__(self) -> None:
        self.writer = Writer(self.db)

    @classmethod
    def open(
        cls,
        workspace: Workspace,
        clock: Clock | None = None,
        seed_demo: bool = True,
        backup_policy: BackupPolicy | None = None,
    ) -> AppContext:
        """Create the workspace if needed, open and migrate its database, load the demo show on first run.

        The file is backed up before a migration; with ``backup_policy`` (the desktop) also when due.
        """
        workspace.ensure()
        db = Database.open(workspace.db_path, backups_dir=workspace.backups_dir, backup_policy=backup_policy)
        context = cls(workspace, db, clock or SystemClock())
        # Changes to synced rows leave outbox entries, stamped by the same clock as everything else.
        from studio_app.sync import outbox

        outbox.install(db.engine, context.clock)
        if seed_demo:
            from studio_app.demo import seed_demo_once

            seed_demo_once(context)
        return context

    def close(self) -> None:
        self.writer.close()
        self.db.close()
