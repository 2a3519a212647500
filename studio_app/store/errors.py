"""Problems with the database file that the user can act on. ``str()`` is the message to show."""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the database file that the user can act on. ``str()`` is the message to show."""


class DatabaseCorruptError(StoreError):
    pass


class DatabaseLockedError(StoreError):
    pass


class SchemaTooNewError(StoreError):
    pass
