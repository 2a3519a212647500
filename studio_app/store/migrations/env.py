from __future__ import annotations

from alembic import context

from studio_app.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through studio_app.store.migrate, which passes a connection")

# Batch mode: SQLite cannot ALTER most things in place, so Alembic rebuilds the table.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
