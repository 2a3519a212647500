"""Which schema revisions the code has and the file has, without loading Alembic.

Alembic and the migration scripts take a noticeable part of a second to import; on most starts the file is
already at the code's heads and none of that is needed. The heads are read from the revision scripts' own
``revision`` / ``down_revision`` lines (a test checks they agree with Alembic's view).
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, text

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


@cache
def code_heads() -> frozenset[str]:
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in VERSIONS_DIR.glob("*.py"):
        values = {
            name: ast.literal_eval(value.strip())
            for name, value in _ASSIGNMENT.findall(script.read_text("utf-8"))
        }
        if "revision" not in values:
            continue
        revisions.add(values["revision"])
        down = values.get("down_revision")
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, (tuple, list)):
            parents.update(down)
    return frozenset(revisions - parents)


def stored_heads(connection: Connection) -> frozenset[str]:
    """The revisions recorded in the file (empty for a new file)."""
    has_table = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
    ).first()
    if has_table is None:
        return frozenset()
    return frozenset(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
