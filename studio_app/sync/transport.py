"""How a desktop reaches its server safely: verified HTTPS, and plain HTTP only where nobody can listen.

The token travels in every request, so ``http://`` is refused for any host but this computer's loopback
unless the user allowed it for that one server (``sync --allow-http``, or the ``[sync] allow_http`` setting
listing the server). Certificates are checked against the system's trust store, or against the CA file
set in ``[sync] ca_file`` / given as ``sync --ca FILE`` (a head office's own certificate authority).
"""

from __future__ import annotations

import ipaddress
import ssl
from urllib.parse import urlsplit

from studio_app import settings
from studio_app.i18n import translate
from studio_app.sync.report import InsecureServerError

SECTION = "sync"
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str, allow_http: bool) -> None:
    """Raise :class:`InsecureServerError` for ``http://`` to another computer that was not allowed."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        return
    if parts.scheme != "http":
        raise InsecureServerError(
            translate("Sync", "The server address must start with https:// (for example {example}).").format(
                example="https://hq.example.com"
            )
        )
    if allow_http or is_loopback(parts.hostname or ""):
        return
    raise InsecureServerError(
        translate(
            "Sync",
            "{url} is plain http://: the studio token and your data would cross the network unencrypted. "
            "Use the server's https:// address, or, on a network you trust, allow plain HTTP for this "
            "server (sync --allow-http, or Settings → Sync).",
        ).format(url=url)
    )


def tls_context(ca_file: str | None) -> ssl.SSLContext:
    """Verification against ``ca_file`` when given, else the system's trust store."""
    try:
        return ssl.create_default_context(cafile=ca_file or None)
    except (OSError, ssl.SSLError) as exc:
        raise InsecureServerError(
            translate("Sync", "The CA file {path} cannot be read as PEM certificates ({error}).").format(
                path=ca_file, error=exc
            )
        ) from exc


def saved_ca_file() -> str:
    return settings.value(SECTION, "ca_file", "")


def save_ca_file(path: str) -> None:
    settings.save_section(SECTION, {"ca_file": path})


def http_allowed(server_url: str) -> bool:
    """The user allowed plain HTTP for this server (the setting lists server addresses, one a line)."""
    allowed = settings.value(SECTION, "allow_http", "").split()
    return server_url.rstrip("/") in {url.rstrip("/") for url in allowed}


def set_http_allowed(server_url: str, allowed: bool) -> None:
    """Add ``server_url`` to (or take it off) the servers plain HTTP is allowed for."""
    url = server_url.rstrip("/")
    servers = [s for s in settings.value(SECTION, "allow_http", "").split() if s.rstrip("/") != url]
    if allowed:
        servers.append(url)
    settings.save_section(SECTION, {"allow_http": "\n".join(servers)})


def certificate_message(url: str) -> str:
    return translate(
        "Sync",
        "The certificate of {url} is not trusted by this computer, so nothing was sent. If head office uses "
        "its own certificate authority, set its CA file in Settings → Sync (or sync --ca FILE).",
    ).format(url=url)
