"""Line-end hyphens: the typesetter's go, the language's stay."""

from __future__ import annotations

import pytest

from kkr_desk.dagsorden.hyphenation import Vocabulary, join_lines


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("forpligtelse til at skaffe læ-", "repladser til 80%", "forpligtelse til at skaffe lærepladser til 80%"),
        ("Danske SOSU-", "skolerne samarbejder", "Danske SOSU-skolerne samarbejder"),
        ("i den midtjyske region 2022-", "2032 (kl.dk)", "i den midtjyske region 2022-2032 (kl.dk)"),
        ("3.000 social-", "og sundhedshjælpere", "3.000 social- og sundhedshjælpere"),
        ("natur-", "eller landbrugsorganisationer", "natur- eller landbrugsorganisationer"),
        ("Rabih Azad-", "Ahmad", "Rabih Azad-Ahmad"),
        ("årligt i 2025-", "28 til kommunale", "årligt i 2025-28 til kommunale"),
        ("et mål at", "udvikle løsninger", "et mål at udvikle løsninger"),
        ("forskelligt .", "", "forskelligt ."),
    ],
)
def test_join_lines(first, second, joined):
    assert join_lines(first, second) == joined


def test_the_documents_own_words_keep_a_real_hyphen():
    vocabulary = Vocabulary(["en ny it-løsning i kommunerne", "og lærepladser"])
    assert join_lines("en ny it-", "løsning", vocabulary) == "en ny it-løsning"
    assert join_lines("skaffe læ-", "repladser", vocabulary) == "skaffe lærepladser"


def test_a_split_word_at_a_line_end_does_not_enter_the_vocabulary():
    vocabulary = Vocabulary(["skaffe læ-"])
    assert "læ" not in vocabulary.whole
