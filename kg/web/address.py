"""Which addresses techkg may connect to: public ones only, unless the user allows private ranges.

A page, feed or redirect from the web names the next URL, so every hop's host is resolved here and each
address it resolves to is checked; the request then goes to that checked address (no second lookup a
hostile DNS server could answer differently).

Examples
--------
>>> [kind("8.8.8.8"), kind("127.0.0.1"), kind("10.1.2.3"), kind("169.254.169.254"), kind("::1")]
['', 'loopback', 'private', 'link-local', 'loopback']
>>> [kind("::ffff:192.168.0.1"), kind("100.64.0.1"), kind("0.0.0.0"), kind("fc00::1"), kind("224.0.0.1")]
['private', 'private', 'reserved', 'private', 'multicast']
"""
from __future__ import annotations

import ipaddress
import socket

from ..errors import FetchError


def kind(address: str) -> str:
    """Why ``address`` is not public ('loopback', 'private', 'link-local', 'multicast', 'reserved'), or ''."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if mapped is not None:
            return kind(str(mapped))
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_unspecified or ip.is_reserved:
        return "reserved"
    if not ip.is_global:
        return "private"
    return ""


def allowed_in(address: str, networks) -> bool:
    """Whether ``address`` lies in one of ``networks`` (CIDR strings such as ``10.1.0.0/16``).

    >>> allowed_in("10.1.2.3", ["10.1.0.0/16"]), allowed_in("10.2.0.1", ["10.1.0.0/16"])
    (True, False)
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return any(ip in ipaddress.ip_network(n, strict=False) for n in networks)


def resolve(host: str, port: int, allow_private: bool = False, networks=()) -> list[str]:
    """The addresses of ``host`` that may be connected to: public ones and those in ``networks``, or all
    with ``allow_private``.

    Raises :class:`~kg.errors.FetchError` when the name does not resolve or resolves to no allowed address.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        raise FetchError(f"cannot resolve host {host}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if allow_private:
        return addresses
    allowed = [a for a in addresses if not kind(a) or (networks and allowed_in(a, networks))]
    if not allowed:
        first = addresses[0]
        named = f"{host} is" if host.strip("[]") == first else f"{host} resolves to {first},"
        raise FetchError(f"refused: {named} a {kind(first)} address (--allow-private allows it)")
    return allowed
