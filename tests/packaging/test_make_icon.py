"""The icon containers written by packaging/make_icon.py, read back by Qt's own readers."""

from __future__ import annotations

import struct

import pytest
from PySide6.QtGui import QImageReader

from .scripts import load

make_icon = load("make_icon")


@pytest.fixture
def icons(qapp, tmp_path):
    make_icon.write_icons(tmp_path)
    return tmp_path


def sizes_read_by_qt(path) -> list[int]:
    reader = QImageReader(str(path))
    sizes = []
    for number in range(reader.imageCount()):
        assert number == 0 or reader.jumpToImage(number)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.width() == image.height()
        sizes.append(image.width())
    return sizes


def test_the_ico_holds_every_windows_size(icons):
    assert sizes_read_by_qt(icons / "icon.ico") == list(make_icon.ICO_SIZES)


def test_the_icns_holds_every_macos_size_under_its_type(icons):
    data = (icons / "icon.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, at = [], 8
    while at < len(data):
        kind, length = struct.unpack(">4sI", data[at:at + 8])
        assert data[at + 8:at + 12] == b"\x89PNG"
        kinds.append(kind)
        at += length
    assert at == len(data)
    assert kinds == list(make_icon.ICNS_TYPES)
    assert sizes_read_by_qt(icons / "icon.icns") == list(make_icon.ICNS_TYPES.values())


def test_the_png_is_the_drawing_and_the_committed_files_have_every_size(icons):
    assert sizes_read_by_qt(icons / "icon.png") == [256]
    # The drawing has its colours where expected: blue corner area, transparent corner.
    image = make_icon.draw(256)
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(128, 10).blue() > 150
    # Not byte for byte: another Qt release may antialias a pixel differently.
    for name in ("icon.png", "icon.ico", "icon.icns"):
        committed = make_icon.RESOURCES / name
        assert sizes_read_by_qt(committed) == sizes_read_by_qt(icons / name), (
            f"resources/{name} is stale: run python packaging/make_icon.py"
        )
