"""Line-end hyphens: the typesetter's go, the language's stay."""

from __future__ import annotations

import pytest

from kkr_desk.importer.hyphenation import Vocabulary, join_lines


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


def test_join_all_is_join_lines_over_every_line():
    import functools
    import random

    from kkr_desk.importer.hyphenation import Vocabulary, join_all

    pieces = ["læ-", "repladser", "SOSU-", "skolerne", "social-", "og", "2022-", "2032", "(kl.dk)",
              "Azad-", "Ahmad", "ord", "-", "a b-", "c", "  mellem  ", "x-", "y-", "z"]
    vocabulary = Vocabulary(["lære-pladser", "x-y"])
    rng = random.Random(5)
    for _ in range(500):
        lines = [rng.choice(pieces) for _ in range(rng.randint(1, 8))]
        assert join_all(lines, vocabulary) == functools.reduce(
            lambda text, line: join_lines(text, line, vocabulary), lines[1:], lines[0].lstrip()
        ), lines
