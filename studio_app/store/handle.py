"""What an area's service needs of the running app, and nothing more.

``studio_app.context.AppContext`` satisfies this protocol; it sits above the areas (it seeds the demo show
and wires sync's change hooks), so the areas name this protocol instead of importing it.
"""

from __future__ import annotations

from typing import Protocol

from studio_app.clock import Clock
from studio_app.store.db import Database
from studio_app.store.writer import Writer
from studio_app.workspace import Workspace


class StoreHandle(Protocol):
    @property
    def workspace(self) -> Workspace: ...

    @property
    def db(self) -> Database:
        """Reads: ``with handle.db.session() as s`` on any thread (WAL)."""
        ...

    @property
    def writer(self) -> Writer:
        """Writes: ``handle.writer.run(op)``; one thread, in order, reporting what changed."""
        ...

    @property
    def clock(self) -> Clock: ...
