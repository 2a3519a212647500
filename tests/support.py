"""Helpers for tests that need real tools (nginx, PostgreSQL, PulseAudio, ip netns)."""

from __future__ import annotations

import os
import shutil
import socket

import pytest


def services_required() -> bool:
    """CI sets STUDIO_REQUIRE_SERVICES=1: there a missing tool is a failure, not a quiet skip."""
    return os.environ.get("STUDIO_REQUIRE_SERVICES") == "1"


def require_tool(name: str, path: str | None = None) -> str:
    """The tool's path, or skip (locally) / fail (in CI) with the reason."""
    found = path if path and os.path.exists(path) else shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed (scripts/dev.sh setup installs it)"
    if services_required():
        pytest.fail(message)
    pytest.skip(message)


def require_root(reason: str) -> None:
    if os.geteuid() == 0:
        return
    if services_required():
        pytest.fail(f"needs root: {reason}")
    pytest.skip(f"needs root: {reason}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
