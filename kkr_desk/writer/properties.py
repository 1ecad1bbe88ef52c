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

from ..domain import Meeting, MeetingKind
from . import oxml
from .oxml import element

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


def set_core_properties(
    document: Document, meeting: Meeting, kind: MeetingKind, author: str, now: dt.datetime
) -> None:
    """Title, author, subject and dates of this document; nothing left from the template."""
    properties = document.core_properties
    stamp = now.astimezone(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    kind_word = KIND_WORD[kind]
    properties.title = oxml.clean(f"{kind_word} – {meeting.committee} {date_text(meeting.date)}")
    properties.subject = oxml.clean(f"{meeting.committee}, møde {date_text(meeting.date)}")
    properties.author = oxml.clean(author)
    properties.last_modified_by = oxml.clean(author)
    properties.keywords = oxml.clean(f"KKR; {meeting.committee}; {kind_word.lower()}")
    properties.category = kind_word
    properties.comments = ""
    properties.content_status = ""
    properties.identifier = ""
    properties.language = "da-DK"
    properties.version = ""
    properties.revision = 1
    properties.created = stamp
    properties.modified = stamp
