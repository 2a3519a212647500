"""Phones and tablets paired with this desktop's remote server. Local to the studio: never synced.

Only a hash of each token (and of a pending pairing code) is stored: a copy of the database does not let
anyone drive the prompter.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from studio_app.store.models.base import Base, UTCDateTime


class RemotePairing(Base):
    __tablename__ = "remote_pairings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    # Set once the pairing has a token: at once from the command line, when the link is opened from a QR code.
    token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    code_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    code_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    paired_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
