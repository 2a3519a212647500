"""Where the running app serves the remote: the LAN address for the QR code, and a note in the workspace
so ``studio-app remote pair`` (another process) prints a link to the server that is actually up."""

from __future__ import annotations

import ipaddress
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

import psutil

from studio_app import settings
from studio_app.workspace import Workspace

SETTINGS_SECTION = "remote"
DEFAULT_PORT = 8765
ANY_HOST = "0.0.0.0"
ENDPOINT_FILE = "remote-server.json"


@dataclass(frozen=True)
class RemoteSettings:
    host: str  # 0.0.0.0: every interface; 127.0.0.1: this computer only; or one interface's address
    port: int


def load_settings() -> RemoteSettings:
    section = settings.section(SETTINGS_SECTION)
    return RemoteSettings(
        host=section.get("host", ANY_HOST) or ANY_HOST,
        port=settings.read_int(section.get("port"), DEFAULT_PORT, 1, 65535),
    )


def save_settings(chosen: RemoteSettings) -> None:
    settings.save_section(SETTINGS_SECTION, {"host": chosen.host, "port": str(chosen.port)})


def lan_addresses() -> list[str]:
    """IPv4 addresses of interfaces that are up, private (studio LAN) ones first, loopback last."""
    stats = psutil.net_if_stats()
    found: list[str] = []
    for name, addrs in psutil.net_if_addrs().items():
        if name in stats and not stats[name].isup:
            continue
        found.extend(a.address for a in addrs if a.family == socket.AF_INET)

    def rank(address: str) -> tuple[int, str]:
        ip = ipaddress.ip_address(address)
        return (2 if ip.is_loopback else 0 if ip.is_private else 1, address)

    return sorted(set(found), key=rank) or ["127.0.0.1"]


def base_url(host: str, port: int) -> str:
    shown = lan_addresses()[0] if host in (ANY_HOST, "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def write_endpoint(workspace: Workspace, url: str) -> None:
    path = workspace.root / ENDPOINT_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"url": url, "pid": os.getpid()}), "utf-8")
    tmp.replace(path)


def clear_endpoint(workspace: Workspace) -> None:
    (workspace.root / ENDPOINT_FILE).unlink(missing_ok=True)


def running_endpoint(workspace: Workspace) -> str | None:
    """The URL the app on this workspace serves now, or None (not serving, or it crashed)."""
    path: Path = workspace.root / ENDPOINT_FILE
    try:
        data = json.loads(path.read_text("utf-8"))
        url, pid = str(data["url"]), int(data["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return url if psutil.pid_exists(pid) else None
