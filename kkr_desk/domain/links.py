"""Which link addresses a meeting may carry: the one rule, used by the importer and the writer.

A referat is opened by people who trust KL's layout, so an address in it must not start a
program, reach a file share or leak a Windows login (``file:``, ``smb:``, ``ms-msdt:``,
``search-ms:``, ``javascript:`` …). Only web and mail addresses are kept as links; any other
link keeps its text and loses its address.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SAFE_SCHEMES = ("http", "https", "mailto")

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_BARE_WEB_HOST = re.compile(r"^www\.[^\s/:]+", re.IGNORECASE)
_UNSAFE_CHARACTERS = re.compile(r"[\x00-\x20\x7f<>\"\\]")


def safe_link_target(address: str) -> str | None:
    """The address as a link may carry it, or None when it must not be a live link.

    ``www.kl.dk/x`` becomes ``https://www.kl.dk/x``; http(s) needs a host; mailto needs an
    address. Whitespace, control characters and quotes are refused rather than repaired,
    because a browser and Word would each repair them differently.
    """
    address = address.strip()
    if not address or _UNSAFE_CHARACTERS.search(address):
        return None
    match = _SCHEME.match(address)
    if match is None:
        return f"https://{address}" if _BARE_WEB_HOST.match(address) else None
    scheme = match.group(1).lower()
    if scheme not in SAFE_SCHEMES:
        return None
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    if scheme == "mailto":
        return address if "@" in parts.path else None
    if not parts.netloc or not address[len(scheme) :].startswith("://"):
        return None
    return address


def is_safe_link_target(address: str) -> bool:
    """True when ``address`` may stand as it is as a live link."""
    return safe_link_target(address) == address.strip() and bool(address.strip())
