"""Pinning a socket to a named network interface, the one thing the network and hotspot probes share.

Binding differs per OS, so the socket options are computed by a pure function (tested for all three) and
applied by :func:`bind_socket_to_interface`:

* Linux: ``SO_BINDTODEVICE`` with the interface name (no root needed on current kernels);
* macOS: ``IP_BOUND_IF`` (25) / ``IPV6_BOUND_IF`` (125) with the interface index;
* Windows: ``IP_UNICAST_IF`` (31) with the index (network byte order for IPv4) *and* a bind to the
  interface's own address, since Windows picks the source by routing otherwise.
"""

from __future__ import annotations

import ipaddress
import socket
import sys

from studio_app.i18n import translate

SO_BINDTODEVICE = getattr(socket, "SO_BINDTODEVICE", 25)  # Linux <asm-generic/socket.h>
IP_BOUND_IF = 25  # macOS <netinet/in.h>
IPV6_BOUND_IF = 125
IP_UNICAST_IF = 31  # Windows <ws2ipdef.h>
IPV6_UNICAST_IF = 31
IPPROTO_IPV6 = getattr(socket, "IPPROTO_IPV6", 41)

SocketOption = tuple[int, int, int | bytes]


class InterfaceError(OSError):
    """The interface cannot be used; message in the UI language."""


def interface_socket_options(interface: str, family: int, platform: str, if_index: int) -> list[SocketOption]:
    """The ``setsockopt`` calls that pin a socket of ``family`` to ``interface`` on ``platform``."""
    if platform.startswith("linux"):
        return [(socket.SOL_SOCKET, SO_BINDTODEVICE, interface.encode())]
    if platform == "darwin":
        if family == socket.AF_INET6:
            return [(IPPROTO_IPV6, IPV6_BOUND_IF, if_index)]
        return [(socket.IPPROTO_IP, IP_BOUND_IF, if_index)]
    if platform == "win32":
        if family == socket.AF_INET6:
            return [(IPPROTO_IPV6, IPV6_UNICAST_IF, if_index)]
        # IPv4 wants the index in network byte order (documented quirk of IP_UNICAST_IF).
        return [(socket.IPPROTO_IP, IP_UNICAST_IF, socket.htonl(if_index))]
    raise InterfaceError(
        translate("NetworkProbe", "Binding to an interface is not supported on {platform}.").format(
            platform=platform
        )
    )


def interface_index(interface: str) -> int:
    try:
        return socket.if_nametoindex(interface)
    except OSError as exc:
        raise InterfaceError(
            translate("NetworkProbe", "Network interface “{name}” does not exist.").format(name=interface)
        ) from exc


def interface_addresses(interface: str) -> tuple[str, ...]:
    """IPv4 and global IPv6 addresses of the interface (psutil works on Linux, macOS and Windows)."""
    import psutil

    found = []
    for addr in psutil.net_if_addrs().get(interface, []):
        if addr.family == socket.AF_INET:
            found.append(addr.address)
        elif addr.family == socket.AF_INET6 and not addr.address.lower().startswith("fe80"):
            found.append(addr.address.split("%")[0])
    return tuple(found)


def bind_socket_to_interface(sock: socket.socket, interface: str, platform: str = sys.platform) -> None:
    """Pin ``sock`` (not yet connected) to ``interface``; raise :class:`InterfaceError` with the reason."""
    index = interface_index(interface)
    try:
        for level, option, value in interface_socket_options(interface, sock.family, platform, index):
            sock.setsockopt(level, option, value)
        if platform == "win32":
            wanted = 4 if sock.family == socket.AF_INET else 6
            source = next(
                (a for a in interface_addresses(interface) if ipaddress.ip_address(a).version == wanted), None
            )
            if source is None:
                raise InterfaceError(
                    translate("NetworkProbe", "Interface “{name}” has no address.").format(name=interface)
                )
            sock.bind((source, 0))
    except PermissionError as exc:
        raise InterfaceError(
            translate("NetworkProbe", "Not allowed to bind to interface “{name}” ({why}).").format(
                name=interface, why=exc
            ),
        ) from exc
