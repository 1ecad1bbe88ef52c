"""The search parser: any text gives a valid FTS5 expression or the Danish error."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kkr_desk.domain.search_query import SearchQueryError, parse_query, snippet_runs


@pytest.fixture(scope="module")
def fts():
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 0')"
    )
    conn.execute("INSERT INTO t VALUES ('lærepladser SAG-2024-02547 col: NEAR( \"x\" ^a')")
    return conn


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=60) | st.text(alphabet='ab "*-:^()+OR NT\x00', max_size=30))
def test_any_text_is_a_valid_query_or_the_danish_error(fts, text):
    try:
        query = parse_query(text)
    except SearchQueryError as error:
        assert str(error)  # a sentence for the user
        return
    fts.execute("SELECT rowid FROM t WHERE t MATCH ?", [query.match]).fetchall()


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("lærepladser", '"lærepladser"'),
        ("lærep*", '"lærep"*'),
        ('"det indstilles" kkr', '"det indstilles" "kkr"'),
        ('"stray quote', '"stray quote"'),
        ("SAG-2024-02547", '"SAG 2024 02547"'),
        ("a OR b", '"a" "OR" "b"'.replace('"OR"', "OR")),
        ("a AND b NOT c", '"a" "b" NOT "c"'),
        ("col:x NEAR(y)", '"col x" "NEAR y"'),
    ],
)
def test_typed_text_becomes_quoted_terms(typed, expected):
    assert parse_query(typed).match == expected


@pytest.mark.parametrize("typed", ["", "   ", "***", '""', "OR", "a OR", "NOT a", "!!", "x" * 501])
def test_nothing_to_search_or_a_lone_operator_is_refused(typed):
    with pytest.raises(SearchQueryError):
        parse_query(typed)


def test_prefix_last_makes_the_word_being_typed_a_prefix():
    assert parse_query("fordeling lærep", prefix_last=True).match == '"fordeling" "lærep"*'


def test_snippet_runs_mark_hits_and_drop_markup():
    assert snippet_runs("**Fed** \x02lærepladser\x03 | i ## 2025") == (
        ("Fed ", False),
        ("lærepladser", True),
        (" i 2025", False),
    )
