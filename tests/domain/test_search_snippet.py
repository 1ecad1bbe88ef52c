"""Snippets cut in Python around the first hit, marked the way FTS5's snippet() marks them."""

from __future__ import annotations

from kkr_desk.domain.search_query import HIT_END, HIT_START, parse_query
from kkr_desk.domain.search_snippet import hits_pattern, mark_snippet


def marked(text: str, query: str, tokens: int = 16) -> str | None:
    snippet = mark_snippet(text, hits_pattern(parse_query(query).terms), tokens)
    return None if snippet is None else snippet.replace(HIT_START, "[").replace(HIT_END, "]")


def test_the_window_starts_a_few_words_before_the_first_hit():
    words = " ".join(f"ord{number}" for number in range(40))
    text = f"{words} Lærepladser fordeles. {words}"
    assert marked(text, "lærepladser", tokens=8) == (
        "…ord36 ord37 ord38 ord39 [Lærepladser] fordeles. ord0 ord1…"
    )


def test_every_hit_in_the_window_is_marked_whole_words_only():
    text = "Lærepladser og flere lærepladser, ikke lærepladserne."
    assert marked(text, "lærepladser") == "[Lærepladser] og flere [lærepladser], ikke lærepladserne."


def test_phrase_prefix_and_case_number():
    assert marked("om kollektiv  trafik i dag", '"kollektiv trafik"') == "om [kollektiv  trafik] i dag"
    assert marked("lærebøgerne i regionen", "lærep*") is None
    assert marked("en læreplads her", "lærep*") == "en [læreplads] her"
    assert marked("Sag SAG-2024-02547 igen", "SAG-2024-02547") == "Sag [SAG-2024-02547] igen"


def test_danish_letters_stay_whole():
    assert marked("laereplads og læreplads", "læreplads") == "laereplads og [læreplads]"


def test_no_hit_found_gives_none_for_the_store_to_ask_fts5():
    assert marked("nothing here", "lærepladser") is None
    assert mark_snippet("text", None, 16) is None
