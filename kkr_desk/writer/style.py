"""KL's house style, defined once: every font, size, spacing and colour of the document.

The writer refers to styles by role (``Role.CASE_LINE`` …) and never formats a run by
hand, so a secretary who changes a style in Word changes it everywhere, and an
organisation's template can restyle the whole document.

Without a template the house style is installed on python-docx's blank document. With a
template, its own styles win: "Normal", "Heading 1" and "Heading 2" must be there (Word's
navigation pane and table of contents are built on them); the KKR styles it lacks are
added, based on its Normal so they take its fonts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FONT = "Arial"
"""Arial is on every Windows and Mac; LibreOffice on Linux substitutes Liberation Sans,
which has the same metrics, so page breaks match."""

INK = "000000"
ACCENT = "1B365D"  # a dark navy for headings
MUTED = "595959"  # case lines, running header, page number
LINK = "0563C1"
TABLE_RULE = "8C8C8C"
TABLE_HEAD_FILL = "E4E9F0"
LANGUAGE = "da-DK"

LIST_INDENT = 360  # twips per list level (0.635 cm)
LIST_HANGING = 284  # room for the marker
ATTACHMENT_HANGING = 567  # "./." stands in a 1 cm hanging indent
FIELD_TAB = 1134  # "Dato:" / "Sted:" values start 2 cm in


class Role(str, Enum):
    """A style's job in the document; the value is the style's name in Word."""

    NORMAL = "Normal"
    GROUP_HEADING = "Heading 1"
    ITEM_HEADING = "Heading 2"
    TITLE = "KKR Forside titel"
    COMMITTEE = "KKR Forside udvalg"
    FRONT_FIELD = "KKR Forside felt"
    FRONT_HEADING = "KKR Forside overskrift"
    FRONT_TEXT = "KKR Forside tekst"
    PAGE_TITLE = "KKR Sideoverskrift"
    PARTICIPANT_HEADING = "KKR Deltageroverskrift"
    PARTICIPANT = "KKR Deltager"
    CASE_LINE = "KKR Sagslinje"
    SECTION_HEADING = "KKR Afsnitsoverskrift"
    SUB_HEADING = "KKR Underoverskrift"
    BODY = "KKR Brødtekst"
    LIST = "KKR Liste"
    ATTACHMENT = "KKR Bilag"
    TABLE_TEXT = "KKR Tabeltekst"
    RUNNING_HEADER = "KKR Sidehoved"
    PAGE_NUMBER = "KKR Sidefod"
    TOC_1 = "toc 1"
    TOC_2 = "toc 2"
    HYPERLINK = "Hyperlink"


REQUIRED_IN_TEMPLATE = (Role.NORMAL, Role.GROUP_HEADING, Role.ITEM_HEADING)
WORD_BUILT_IN = frozenset({Role.TOC_1, Role.TOC_2, Role.HYPERLINK})
"""Styles Word knows by these names; added as built-ins so Word's TOC update and link
formatting use them instead of making their own."""
_WORD_IDS = {Role.TOC_1: "TOC1", Role.TOC_2: "TOC2", Role.HYPERLINK: "Hyperlink"}


@dataclass(frozen=True)
class Look:
    """What a style sets; None leaves the base style's value."""

    based_on: Role | None = Role.NORMAL
    font: str | None = None
    size: float | None = None  # points
    bold: bool | None = None
    italic: bool | None = None
    color: str | None = None
    underline: bool | None = None
    before: int | None = None  # points
    after: int | None = None  # points
    line: int | None = None  # 240 = single
    keep_next: bool = False
    keep_lines: bool = False
    widow_control: bool = False  # no single line of a paragraph alone on a page
    align: str | None = None  # "left" | "right" | "center"
    indent: int | None = None  # twips
    hanging: int | None = None  # twips
    tab: int | None = None  # a left tab stop, twips
    outline: int | None = None  # 0 = level 1
    spacing: int | None = None  # character spacing, twips
    character: bool = False  # a character style (runs), not a paragraph style


HOUSE_STYLE: dict[Role, Look] = {
    Role.NORMAL: Look(
        based_on=None, font=FONT, size=10.5, color=INK, after=6, line=264, widow_control=True
    ),
    Role.GROUP_HEADING: Look(
        size=16,
        bold=True,
        color=ACCENT,
        before=0,
        after=18,
        keep_next=True,
        keep_lines=True,
        outline=0,
    ),
    Role.ITEM_HEADING: Look(
        size=12.5,
        bold=True,
        color=ACCENT,
        before=24,
        after=2,
        keep_next=True,
        keep_lines=True,
        outline=1,
        indent=624,
        hanging=624,
        tab=624,
    ),
    Role.TITLE: Look(size=26, bold=True, color=ACCENT, before=150, after=24, spacing=10),
    Role.COMMITTEE: Look(size=16, bold=True, color=ACCENT, after=48),
    Role.FRONT_FIELD: Look(size=11, after=4, indent=FIELD_TAB, hanging=FIELD_TAB, tab=FIELD_TAB),
    Role.FRONT_HEADING: Look(size=11, bold=True, color=ACCENT, before=30, after=4, keep_next=True),
    Role.FRONT_TEXT: Look(size=10, italic=False, after=6, indent=0),
    Role.PAGE_TITLE: Look(size=16, bold=True, color=ACCENT, after=18, keep_next=True),
    Role.PARTICIPANT_HEADING: Look(
        size=11, bold=True, color=ACCENT, before=12, after=3, keep_next=True
    ),
    Role.PARTICIPANT: Look(after=0, line=240),
    Role.CASE_LINE: Look(size=9, color=MUTED, before=0, after=10, keep_next=True, indent=624),
    Role.SECTION_HEADING: Look(
        size=11, bold=True, color=ACCENT, before=12, after=3, keep_next=True, keep_lines=True
    ),
    Role.SUB_HEADING: Look(bold=True, before=8, after=2, keep_next=True, keep_lines=True),
    Role.BODY: Look(),
    Role.LIST: Look(after=3, indent=LIST_INDENT, hanging=LIST_HANGING, tab=LIST_INDENT),
    Role.ATTACHMENT: Look(
        indent=ATTACHMENT_HANGING, hanging=ATTACHMENT_HANGING, tab=ATTACHMENT_HANGING
    ),
    Role.TABLE_TEXT: Look(size=9, before=1, after=1, line=240),
    Role.RUNNING_HEADER: Look(size=8.5, color=MUTED, after=0, align="right"),
    Role.PAGE_NUMBER: Look(size=8.5, color=MUTED, after=0, align="right"),
    Role.TOC_1: Look(bold=True, before=6, after=2, tab=None),
    Role.TOC_2: Look(before=0, after=2, indent=908, hanging=624, tab=908),
    Role.HYPERLINK: Look(based_on=None, color=LINK, underline=True, character=True),
}
"""The house style. Sizes are points; KL's fonts and colours are not published, so this is
a sober choice kept in one place."""


class MissingStyleError(LookupError):
    """The template lacks a style the document needs; ``name`` is the style's Word name."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


def install_styles(document: Document, *, from_template: bool) -> dict[Role, str]:
    """Make sure every role has a style and return each role's style id.

    Without a template the house style is written over python-docx's defaults; with one,
    the template's styles are kept and only missing KKR styles are added.
    """
    styles = document.styles
    ids: dict[Role, str] = {}
    for role in REQUIRED_IN_TEMPLATE:
        try:
            ids[role] = styles[role.value].style_id
        except KeyError:
            raise MissingStyleError(role.value) from None
    _set_language(document)
    for role, look in HOUSE_STYLE.items():
        style_type = WD_STYLE_TYPE.CHARACTER if look.character else WD_STYLE_TYPE.PARAGRAPH
        try:
            style = styles[role.value]
            existed = True
        except KeyError:
            style = styles.add_style(role.value, style_type, builtin=role in WORD_BUILT_IN)
            style.element.styleId = _WORD_IDS.get(role, _ascii_id(role.value))
            existed = False
        ids[role] = style.style_id
        if existed and from_template:
            continue
        if not existed and role.value.startswith("KKR "):
            style.element.append(_element("w:qFormat"))
        if look.based_on is not None and role is not Role.NORMAL:
            style.base_style = styles[look.based_on.value]
        _apply(style.element, look, with_font=not from_template)
    return ids


def _ascii_id(name: str) -> str:
    """A style id as Word makes them: the name without spaces and beyond ASCII."""
    spelled = name.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return "".join(char for char in spelled if char.isascii() and char.isalnum())


def _set_language(document: Document) -> None:
    """Danish spelling and hyphenation for everything, set once in the document defaults."""
    root = document.styles.element
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return
    _replace(rpr, "w:lang", {"w:val": LANGUAGE, "w:eastAsia": LANGUAGE, "w:bidi": "ar-SA"})


def _apply(style_element, look: Look, *, with_font: bool) -> None:
    ppr = (
        _child(style_element, "w:pPr", before=("w:rPr", "w:tblPr")) if not look.character else None
    )
    rpr = _child(style_element, "w:rPr")
    if ppr is not None:
        if look.keep_next:
            _replace(ppr, "w:keepNext", {})
        if look.keep_lines:
            _replace(ppr, "w:keepLines", {})
        if look.widow_control:
            _replace(ppr, "w:widowControl", {})
        if look.tab is not None:
            tabs = _replace(ppr, "w:tabs", {})
            tabs.append(_element("w:tab", {"w:val": "left", "w:pos": str(look.tab)}))
        spacing = {}
        if look.before is not None:
            spacing["w:before"] = str(look.before * 20)
        if look.after is not None:
            spacing["w:after"] = str(look.after * 20)
        if look.line is not None:
            spacing.update({"w:line": str(look.line), "w:lineRule": "auto"})
        if spacing:
            _replace(ppr, "w:spacing", spacing)
        if look.indent is not None or look.hanging is not None:
            indent = {"w:left": str(look.indent or 0)}
            if look.hanging:
                indent["w:hanging"] = str(look.hanging)
            _replace(ppr, "w:ind", indent)
        if look.align is not None:
            _replace(ppr, "w:jc", {"w:val": look.align})
        if look.outline is not None:
            _replace(ppr, "w:outlineLvl", {"w:val": str(look.outline)})
        _order(ppr, _PPR_ORDER)
    if with_font and look.font:
        _replace(
            rpr, "w:rFonts", {a: look.font for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")}
        )
    elif look.font is None and rpr.find(qn("w:rFonts")) is not None and with_font:
        # Built-in headings point at theme fonts; the house style uses one font throughout.
        rpr.remove(rpr.find(qn("w:rFonts")))
    if look.bold is not None:
        _replace(rpr, "w:b", {} if look.bold else {"w:val": "0"})
        _replace(rpr, "w:bCs", {} if look.bold else {"w:val": "0"})
    if look.italic is not None:
        _replace(rpr, "w:i", {} if look.italic else {"w:val": "0"})
    if look.color is not None:
        _replace(rpr, "w:color", {"w:val": look.color})
    if look.spacing is not None:
        _replace(rpr, "w:spacing", {"w:val": str(look.spacing)})
    if look.size is not None:
        half_points = str(round(look.size * 2))
        _replace(rpr, "w:sz", {"w:val": half_points})
        _replace(rpr, "w:szCs", {"w:val": half_points})
    if look.underline:
        _replace(rpr, "w:u", {"w:val": "single"})
    _order(rpr, _RPR_ORDER)


_PPR_ORDER = [
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:widowControl",
    "w:numPr",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:jc",
    "w:outlineLvl",
]
_RPR_ORDER = [
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:color",
    "w:spacing",
    "w:sz",
    "w:szCs",
    "w:u",
    "w:lang",
]


def _order(parent, order: list[str]) -> None:
    """Schema order matters to Word: re-sort the children we know, others stay at the end."""
    rank = {qn(tag): position for position, tag in enumerate(order)}
    children = list(parent)
    children.sort(key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        parent.append(child)


def _element(tag: str, attributes: dict[str, str] | None = None):
    element = OxmlElement(tag)
    for name, value in (attributes or {}).items():
        element.set(qn(name), value)
    return element


def _replace(parent, tag: str, attributes: dict[str, str]):
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    element = _element(tag, attributes)
    parent.append(element)
    return element


def _child(parent, tag: str, before: tuple[str, ...] = ()):
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    for following in before:
        anchor = parent.find(qn(following))
        if anchor is not None:
            anchor.addprevious(element)
            return element
    parent.append(element)
    return element
