"""The word diff: pieces join back to both texts, changes are words, blocks pair sensibly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kkr_desk.domain.word_diff import Piece, diff_words, pair_blocks, word_tokens


def joined(pieces, keep):
    return "".join(piece.text for piece in pieces if piece.op in ("equal", keep))


@given(st.text(alphabet="ab .,\næø", max_size=40), st.text(alphabet="ab .,\næø", max_size=40))
def test_pieces_give_back_the_old_and_the_new_text(old, new):
    pieces = diff_words(old, new)
    assert joined(pieces, "delete") == old
    assert joined(pieces, "insert") == new


def test_tokens_are_words_spaces_and_punctuation():
    assert word_tokens("Godkendt, med  ændringer.") == [
        "Godkendt", ",", " ", "med", "  ", "ændringer", ".",
    ]


def test_a_changed_word_is_one_deletion_and_one_insertion():
    assert diff_words("KKR tog det til efterretning", "KKR godkendte det til efterretning") == [
        Piece("equal", "KKR "),
        Piece("delete", "tog"),
        Piece("insert", "godkendte"),
        Piece("equal", " det til efterretning"),
    ]


def test_a_lone_space_between_changes_is_part_of_them():
    assert diff_words("a b", "x y") == [Piece("delete", "a b"), Piece("insert", "x y")]


def _pair(old, new):
    return pair_blocks(
        old, new, key=lambda b: b, kind=lambda b: b[0], tokens=lambda b: word_tokens(b[1:])
    )


def test_an_edited_block_pairs_and_a_new_one_stands_alone():
    old = ["pKKR tog orienteringen til efterretning.", "-punkt et"]
    new = ["pNy indledning.", "pKKR godkendte orienteringen til efterretning.", "-punkt et"]
    assert _pair(old, new) == [
        (None, "pNy indledning."),
        (
            "pKKR tog orienteringen til efterretning.",
            "pKKR godkendte orienteringen til efterretning.",
        ),
        ("-punkt et", "-punkt et"),
    ]


def test_blocks_of_another_kind_never_pair():
    assert _pair(["hBeslutning"], ["pBeslutning"]) == [("hBeslutning", None), (None, "pBeslutning")]
