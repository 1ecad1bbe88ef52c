"""Decision phrases from the Indstilling and the templates."""

from __future__ import annotations

from kkr_desk.domain import AgendaItem, Section
from kkr_desk.domain.phrases import DEFAULT_TEMPLATES, decision_phrases, phrase_from_recommendation


def test_recommendation_turns_into_past_tense():
    assert (
        phrase_from_recommendation(
            "Det indstilles, at KKR Midtjylland godkender referatet fra mødet den 18. juni 2024."
        )
        == "KKR Midtjylland godkendte referatet fra mødet den 18. juni 2024."
    )
    assert (
        phrase_from_recommendation(
            "Det indstilles, at KKR Midtjylland tager orienteringen til efterretning"
        )
        == "KKR Midtjylland tog orienteringen til efterretning."
    )
    assert (
        phrase_from_recommendation(
            "Det indstilles,\n\n- at **KKR** drøfter sagen\n- at KKR godkender x"
        )
        == "KKR drøftede sagen."
    )
    assert phrase_from_recommendation("Sagen er til orientering.") is None


def test_phrases_put_the_items_own_first_and_fill_the_committee():
    item = AgendaItem(
        "X",
        sections=[
            Section("Indstilling", "Det indstilles, at KKR Nord tager sagen til efterretning.")
        ],
    )
    phrases = decision_phrases(item, "KKR Nord", list(DEFAULT_TEMPLATES))
    assert phrases[0] == "KKR Nord tog sagen til efterretning."
    assert "Godkendt." in phrases
    assert "KKR Nord godkendte indstillingen." in phrases
    assert not any("{udvalg}" in p for p in phrases)


def test_at_most_nine_distinct():
    templates = [f"Sætning {n}." for n in range(12)] + ["Sætning 1."]
    phrases = decision_phrases(None, "KKR", templates)
    assert len(phrases) == 9 and len(set(phrases)) == 9
