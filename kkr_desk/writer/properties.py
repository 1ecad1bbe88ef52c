"""Document-wide settings and properties: fields updated on open, hyphenation, the core
properties (title, author, subject, dates) and no stale preview picture.

python-docx's blank document says "python-docx" and 2013 in its core properties, and a
template carries its own author and dates: every value is overwritten here.
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ..domain import Meeting, MeetingKind
from . import oxml
from .oxml import element

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)

KIND_WORD = {MeetingKind.REFERAT: "Referat", MeetingKind.DAGSORDEN: "Dagsorden"}


def date_text(day: dt.date) -> str:
    return f"{day:%d-%m-%Y}"


def _settings_insert(document: Document, made, before: tuple[str, ...]) -> None:
    settings = document.settings.element
    for old in settings.findall(made.tag):
        settings.remove(old)
    for tag in before:
        anchor = settings.find(qn(tag))
        if anchor is not None:
            anchor.addprevious(made)
            return
    settings.append(made)


_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "w:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def set_update_fields(document: Document) -> None:
    """Word fills the table of contents when the document is opened."""
    _settings_insert(document, element("w:updateFields", {"w:val": "true"}), _AFTER_UPDATE_FIELDS)


def set_hyphenation(document: Document) -> None:
    """Danish compounds are long: let Word hyphenate rather than leave ragged gaps."""
    made = element("w:autoHyphenation", {"w:val": "true"})
    settings = document.settings.element
    anchor = settings.find(qn("w:defaultTabStop"))
    for old in settings.findall(made.tag):
        settings.remove(old)
    if anchor is not None:
        anchor.addnext(made)
    else:
        _settings_insert(
            document,
            made,
            (
                "w:consecutiveHyphenLimit",
                "w:hyphenationZone",
                "w:characterSpacingControl",
                *_AFTER_UPDATE_FIELDS,
            ),
        )


def drop_thumbnail(document: Document) -> None:
    """The stored preview shows the blank or template page, not this document: leave it out."""
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rel_id)


CORE_TEXT_LIMIT = 255
"""python-docx refuses a longer core property (Word's own limit for most of them)."""


def _core_text(text: str) -> str:
    return " ".join(oxml.clean(text).split())[:CORE_TEXT_LIMIT]


def set_core_properties(
    document: Document, meeting: Meeting, kind: MeetingKind, author: str, now: dt.datetime
) -> None:
    """Title, author, subject and dates of this document (Word's File ▸ Info); nothing left
    from the template: its core properties are emptied first, so a stale last-printed
    date, comment or creator cannot survive. ``now`` naive is local time."""
    properties = document.core_properties
    core = properties._element  # python-docx has no "clear"; every child is ours to set
    for child in list(core):
        core.remove(child)
    stamp = now.astimezone(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    kind_word = KIND_WORD[kind]
    name = _core_text(author)
    properties.title = _core_text(f"{kind_word} – {meeting.committee} {date_text(meeting.date)}")
    properties.subject = _core_text(f"{meeting.committee}, møde {date_text(meeting.date)}")
    properties.author = name
    properties.last_modified_by = name
    properties.keywords = _core_text(f"KKR; {meeting.committee}; {kind_word.lower()}")
    properties.category = kind_word
    properties.language = "da-DK"
    properties.revision = 1
    properties.created = stamp
    properties.modified = stamp
    _tidy_app_properties(document)


_APP_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
_STALE_APP = (
    "Pages",
    "Words",
    "Characters",
    "CharactersWithSpaces",
    "Lines",
    "Paragraphs",
    "HeadingPairs",
    "TitlesOfParts",
    "Manager",
    "HyperlinkBase",
    "HLinks",
    "DigSig",
)
"""Counts and titles of the template's own text, a person's name, a base for relative
links: none of it is true of this document. Word counts anew when it saves."""


def _tidy_app_properties(document: Document) -> None:
    """docProps/app.xml as the template left it, minus what describes the template's text;
    its editing time starts at 0. Company, template name and application stay."""
    package = document.part.package
    rel_id = next(
        (
            rel_id
            for rel_id, rel in package.rels.items()
            if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external
        ),
        None,
    )
    if rel_id is None:
        return
    part = package.rels[rel_id].target_part
    try:
        root = etree.fromstring(part.blob, parser=_PARSER)
    except etree.XMLSyntaxError:  # a broken part of the template's: better none
        package.rels.pop(rel_id)
        return
    for name in _STALE_APP:
        for old in root.findall(_APP_NS + name):
            root.remove(old)
    total = root.find(_APP_NS + "TotalTime")
    if total is not None:
        total.text = "0"
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
