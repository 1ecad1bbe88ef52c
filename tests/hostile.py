"""Hostile text for property tests: control characters, emoji, bidi marks, XML, huge."""

from __future__ import annotations

from hypothesis import strategies as st

HOSTILE_PIECES = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f",
    "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u061c",  # bidi marks
    "\ufeff", "\u200b", "\u200d", "\u00ad", "\u00a0", "\u2028", "\u2029",
    "😀", "👩‍👩‍👧", "🇩🇰", "🏳️‍🌈", "e\u0301", "\U0010ffff", "\ufffe", "\uffff", "\ufffd",
    "<w:p>", "</w:t>", "<![CDATA[", "]]>", "&", "&amp;", "&#0;", "<", ">", '"', "'",
    "[", "]", "(", ")", ",", ";", "|", "#", "*", "_", "`", "\\", "./.",
    "\r\n", "\r", "\n", "\t", "  ", "ÆØÅæøå", "Ünïcødé", "שלום", "مرحبا", "日本語",
    "Hansen, Torben (A) [Randers]", "[dette link](https://kl.dk/?a=1&b=2)",
]
"""Pieces a secretary can paste from e-mail, Word, a PDF or a web page, or type by mistake."""

# Python strings may hold lone surrogates (category Cs); they are not Unicode text, cannot
# be typed or pasted as such, and no UTF-8 file can hold them, so they are left out.
any_character = st.characters(exclude_categories=("Cs",))


def hostile_text(max_pieces: int = 30) -> st.SearchStrategy[str]:
    """Any text, with the hostile pieces mixed in far more often than chance would."""
    return st.lists(
        st.one_of(st.text(any_character, max_size=12), st.sampled_from(HOSTILE_PIECES)),
        max_size=max_pieces,
    ).map("".join)


def megabyte_of_hostile_text() -> str:
    """A little over 1 MB (UTF-8) of every hostile piece, over and over."""
    line = "Beslutning " + "".join(HOSTILE_PIECES) + "\n"
    return line * (1_000_000 // len(line.encode("utf-8")) + 1)
