"""Text typed or pasted as plain text into the decision editor is saved, shown again and
exported as it was typed, less what no document can hold (control characters).

Qt's Markdown writer left "_x_", "a *b*", "**x**", "[[x](y)", "~~x~~", "&#65;", "&lt;b&gt;",
"<b>", "> 50" and "10)" bare or half-escaped, so they came back as emphasis, a link,
strikethrough, "A", "<b>", vanished HTML, a quotation or an empty list item.
A typed "<https://…>" is left to become a link, on purpose.
RichTextEdit.markdown() swaps typed "*", "_", "[", "`" and "~" for placeholders before Qt
writes the Markdown, so Qt's own emphasis and link markers are the only bare ones.
"""

from __future__ import annotations

import re
import uuid

from hypothesis import HealthCheck, given, settings

from kkr_desk.writer import export_meeting
from kkr_desk.ui.rich_text import RichTextEdit
from tests.conftest import make_meeting
from tests.hostile import hostile_text
from tests.writer.test_hostile_referat import normalised, paragraphs_of, word_safe

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

typed_lines = (
    hostile_text(10)
    # Line breaks, and the form feed and vertical tab Qt takes as breaks, are left out: a
    # break makes a new paragraph, which is right but not "the same line".
    .map(lambda text: re.sub(r"[\r\n\u2028\u2029\x85\x0b\x0c]", " ", text))
    # PySide6 turns a Python str that starts with U+FFFE into byte-swapped garbage on its way
    # into Qt; a keyboard or the clipboard never takes that path, so the noncharacters are
    # left out of typing here (stored text loses them in RichTextEdit.set_markdown).
    .map(lambda text: text.replace("\ufffe", "").replace("\uffff", ""))
    .filter(lambda text: normalised(word_safe(text)))
    # A byte-order mark first in a text is read as a file marker (and is invisible anyway);
    # "first" is after the control characters the editor drops ("\x00 \ufeff").
    .filter(lambda text: not CONTROL.sub("", text).lstrip().startswith("\ufeff"))
    # Typed "<https://…>" becomes a link on purpose.
    .filter(lambda text: not re.search(r"<[A-Za-z][A-Za-z0-9+.-]*:", text))
)


def round_trip(qtbot, typed: str) -> tuple[str, str]:
    """Type into one editor, save its Markdown, load that into a fresh editor."""
    editor = RichTextEdit()
    qtbot.add_widget(editor)
    editor.set_markdown("")
    editor.insertPlainText(typed)
    saved = editor.markdown()
    again = RichTextEdit()
    qtbot.add_widget(again)
    again.set_markdown(saved)
    return saved, again.toPlainText()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(typed=typed_lines)
def test_typed_text_is_shown_again_and_exported_as_typed(qtbot, tmp_path, typed):
    saved, shown = round_trip(qtbot, typed)
    # The editor drops control characters; Qt's toPlainText shows a no-break space as a space.
    assert normalised(shown.replace("\xa0", " ")) == normalised(
        CONTROL.sub("", typed).replace("\xa0", " ")
    )
    expected = normalised(word_safe(typed))
    meeting = make_meeting()
    meeting.items[0].sections[-1].body = saved
    path = tmp_path / f"{uuid.uuid4().hex}.docx"
    export_meeting(meeting, path)
    assert expected in paragraphs_of(path)


def test_the_characters_qt_left_bare_now_stay_text(qtbot):
    for typed in [
        "_vigtigt_", "~~x~~", "&#65; &#x41;", "&lt;b&gt;", "<b>fed</b>", "a_b_c", "**fed**",
        "[[ikke et link]", "`{`", "> 50 deltagere", "10)", "a *b*", "*", "[x](y)",
    ]:
        saved, shown = round_trip(qtbot, typed)
        assert shown == CONTROL.sub("", typed), (typed, saved)


def test_formatting_still_round_trips(qtbot):
    editor = RichTextEdit()
    qtbot.add_widget(editor)
    markdown = "**Godkendt** med *bemærkning*, se [bilag](https://kl.dk/a_b) og <https://kl.dk>"
    editor.set_markdown(markdown)
    editor.insertPlainText(" ")  # an edit, so the Markdown is written anew
    again = RichTextEdit()
    qtbot.add_widget(again)
    again.set_markdown(editor.markdown())
    assert again.toHtml() .count("font-weight") >= 1 or "<b>" in again.toHtml()
    assert again.toPlainText().strip() == editor.toPlainText().strip()
    assert "https://kl.dk/a_b" in again.toHtml()


def test_stored_text_starting_with_a_noncharacter_is_not_garbled(qtbot):
    editor = RichTextEdit()
    qtbot.add_widget(editor)
    editor.set_markdown("\ufffe\x9f Godkendt.")
    assert editor.toPlainText() == "\x9f Godkendt."
