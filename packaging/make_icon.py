"""Draw KKR Desk's icon with QPainter and write resources/icon.png, icon.ico and icon.icns.

``python packaging/make_icon.py`` (the files are committed; run it again after changing the
drawing). The icon: a referat (a white sheet with agenda lines) on KL-blue, with a green
check for the decision. Each size is drawn at that size, not scaled down, so the small
ones stay sharp.

Qt writes .ico and .icns, but one size per file; Windows wants 16 to 256 pixels in one .ico
and macOS 16 to 1024 in one .icns, so both containers are written here: each holds PNG
images (Windows Vista and later, macOS 10.7 and later read those).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen,
)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {  # type code → edge in pixels (the @2x codes are the retina variants)
    b"icp4": 16, b"icp5": 32, b"ic11": 32, b"ic12": 64, b"ic07": 128,
    b"ic13": 256, b"ic08": 256, b"ic14": 512, b"ic09": 512, b"ic10": 1024,
}


def polygon(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.closeSubpath()
    return path


def draw(size: int) -> QImage:
    """The icon at ``size`` × ``size`` pixels, transparent around the rounded square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100, size / 100)  # draw on a 100 × 100 grid
    p.setPen(Qt.PenStyle.NoPen)

    background = QLinearGradient(0, 0, 0, 100)
    background.setColorAt(0, QColor("#2360a8"))
    background.setColorAt(1, QColor("#123c70"))
    p.setBrush(background)
    p.drawRoundedRect(QRectF(3, 3, 94, 94), 21, 21)

    p.setBrush(QColor("#ffffff"))  # a page with its top right corner folded
    p.drawPath(polygon((22, 14), (60, 14), (74, 28), (74, 86), (22, 86)))
    p.setBrush(QColor("#c9d6e6"))
    p.drawPath(polygon((60, 14), (60, 28), (74, 28)))

    p.setBrush(QColor("#123c70"))  # the heading, then the agenda's lines
    p.drawRoundedRect(QRectF(29, 24, 24, 6), 2, 2)
    lines = ((38, 38), (48, 32), (58, 38)) if size >= 32 else ((40, 38), (54, 38))
    p.setBrush(QColor("#8aa0bb"))
    for y, width in lines:
        p.drawRoundedRect(QRectF(29, y, width, 4.5), 2, 2)

    p.setBrush(QColor("#2e9d5b"))  # the decision: a green check in a white ring
    p.setPen(QPen(QColor("#ffffff"), 4))
    p.drawEllipse(QPointF(72, 72), 19, 19)
    p.setPen(QPen(QColor("#ffffff"), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    check = QPainterPath()
    check.moveTo(63, 72)
    check.lineTo(69.5, 78.5)
    check.lineTo(81, 65)
    p.drawPath(check)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not write a PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file: a 6-byte header, one 16-byte entry per image, then the PNG images."""
    header = struct.pack("<HHH", 0, 1, len(pngs))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        edge = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns_bytes(pngs: dict[bytes, bytes]) -> bytes:
    """An ICNS file: 'icns' and the file's length, then per image its type, length, PNG."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(png)) + png for kind, png in pngs.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(folder: Path = RESOURCES) -> list[Path]:
    """Write icon.png (256 px), icon.ico and icon.icns into ``folder``; the paths."""
    drawn = {size: png_bytes(draw(size)) for size in {*ICO_SIZES, *ICNS_TYPES.values()}}
    files = {
        "icon.png": drawn[256],
        "icon.ico": ico_bytes({size: drawn[size] for size in ICO_SIZES}),
        "icon.icns": icns_bytes({kind: drawn[size] for kind, size in ICNS_TYPES.items()}),
    }
    written = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    for path in write_icons():
        print(f"{path} ({path.stat().st_size // 1024} kB)")
