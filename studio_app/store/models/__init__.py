"""All models, in one package. Importing it registers every table on ``Base.metadata``."""

from studio_app.store.models import checks, core, data, liveroom, remote, script, showday, sync  # noqa: F401
from studio_app.store.models.base import Base, SyncedMixin
from studio_app.store.models.core import AppMeta, Show

__all__ = ["AppMeta", "Base", "Show", "SyncedMixin"]
