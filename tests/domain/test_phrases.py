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


def test_the_items_own_phrase_is_ctrl_0_and_the_templates_fill_the_committee():
    item = AgendaItem(
        "X",
        sections=[
            Section("Indstilling", "Det indstilles, at KKR Nord tager sagen til efterretning.")
        ],
    )
    phrases = decision_phrases(item, "KKR Nord", list(DEFAULT_TEMPLATES))
    assert phrases[0] == "KKR Nord tog sagen til efterretning."
    assert phrases[1] == "Godkendt."
    assert phrases[4] == "KKR Nord godkendte indstillingen."
    assert not any("{udvalg}" in p for p in phrases.values())


def test_each_standard_phrase_keeps_its_key_on_every_item():
    """Issue 14.1: the item's own phrase never shifts a template to another key, and a
    template that repeats it stays where it is."""
    repeating = AgendaItem(
        "A",
        sections=[Section("Indstilling", "Det indstilles, at KKR drøfter sagen.")],
    )
    other = AgendaItem(
        "B",
        sections=[Section("Indstilling", "Det indstilles, at KKR godkender referatet.")],
    )
    without = AgendaItem("C")
    templates = list(DEFAULT_TEMPLATES)
    keyed = [decision_phrases(item, "KKR", templates) for item in (repeating, other, without)]
    for number, template in enumerate(templates, start=1):
        expected = template.replace("{udvalg}", "KKR")
        assert [phrases[number] for phrases in keyed] == [expected] * 3
    assert keyed[0][0] == "KKR drøftede sagen." == keyed[0][5]
    assert 0 not in keyed[2]


def test_at_most_nine_keys_and_a_repeated_template_keeps_its_place():
    templates = ["Sætning 1.", "Sætning 1."] + [f"Sætning {n}." for n in range(3, 13)]
    phrases = decision_phrases(None, "KKR", templates)
    assert sorted(phrases) == list(range(1, 10))
    assert phrases[2] == "Sætning 1." and phrases[9] == "Sætning 9."
