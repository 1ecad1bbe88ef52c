"""A .docx's parts, read from its zip within the limits, as a package python-docx can open.

A .docx is a zip archive, and a zip can promise a small file that unpacks to gigabytes
(a 2.1 MB file whose document.xml is 2 GiB took 4.25 GB before). So: the archive's
directory is checked before anything is unpacked (its own size, the number of parts, the
unpacked size of the XML), and the bytes really produced are counted while unpacking,
because a directory can lie. Pictures and other binary parts are left empty: the importer
reads only the text, and python-docx does not look inside them.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from .limits import MAX_DOCX_PARTS, MAX_DOCX_XML_BYTES, megabytes, number, too_large

_END_OF_DIRECTORY = b"PK\x05\x06"
_END_RECORD = struct.Struct("<4s4H2LH")
_DIRECTORY_ENTRY_BYTES = 46 + 300
"""A directory entry: 46 bytes and its name (a long part name is ~100 characters)."""
_CHUNK = 64 * 1024


def is_xml_part(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def bounded_package(path: Path) -> io.BytesIO:
    """The archive at ``path`` rewritten in memory: its XML parts whole, the rest empty.

    Raises DocumentImportError when it holds more than a meeting's document can, and
    zipfile's own errors when it is damaged.
    """
    name = path.name
    _check_directory_size(path)
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: info for info in archive.infolist() if not info.is_dir()}
        if len(members) > MAX_DOCX_PARTS:
            raise too_large(name, f"{number(len(members))} dele i Word-filen", f"{number(MAX_DOCX_PARTS)}")
        declared = sum(info.file_size for info in members.values() if is_xml_part(info.filename))
        if declared > MAX_DOCX_XML_BYTES:
            raise _unpacked_too_large(name, declared)
        left = MAX_DOCX_XML_BYTES
        package = io.BytesIO()
        with zipfile.ZipFile(package, "w") as copy:
            for info in members.values():
                data = _read_at_most(archive, info, left, name) if is_xml_part(info.filename) else b""
                left -= len(data)
                copy.writestr(info.filename, data)
    package.seek(0)
    return package


def _read_at_most(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    """One part's bytes, refused as soon as more than ``limit`` have come out."""
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise _unpacked_too_large(name, MAX_DOCX_XML_BYTES - limit + size, at_least=True)
            chunks.append(chunk)
    return b"".join(chunks)


def _check_directory_size(path: Path) -> None:
    """Refuse a zip whose directory alone is larger than MAX_DOCX_PARTS entries need.

    zipfile reads the whole directory into objects when it opens the archive; a 50 MB file
    of empty entries would be a million of them. The end record says how large the
    directory is; a file without one is left for zipfile to call damaged.
    """
    with path.open("rb") as handle:
        handle.seek(0, io.SEEK_END)
        size = handle.tell()
        tail_size = min(size, 65_535 + _END_RECORD.size)
        handle.seek(size - tail_size)
        tail = handle.read(tail_size)
    position = tail.rfind(_END_OF_DIRECTORY)
    if position < 0 or len(tail) - position < _END_RECORD.size:
        return
    fields = _END_RECORD.unpack_from(tail, position)
    entries, directory_bytes = fields[4], fields[5]
    if entries > MAX_DOCX_PARTS or directory_bytes > MAX_DOCX_PARTS * _DIRECTORY_ENTRY_BYTES:
        raise too_large(path.name, "Word-filens indholdsliste er for lang", f"{number(MAX_DOCX_PARTS)} dele")


def _unpacked_too_large(name: str, size: int, *, at_least: bool = False) -> Exception:
    what = f"{'over ' if at_least else ''}{megabytes(size)} tekst og opsætning (XML) udpakket"
    return too_large(name, what, megabytes(MAX_DOCX_XML_BYTES))
