"""Role patterns of news English: a post given with "as" ("installed X as Commander of ...",
"Y, who took office as ...") and heads of state or government listed after a plural title
("Presidents X and Y", "the heads of state, X and Y"). Sentences written for these tests (not
taken from the gold or dev sets), each group with one the rule must not fire on."""
from __future__ import annotations

import pytest

from extraction_checks import run as _run, surname_roles as _roles

DATE = "2025-03-12"


# -- a post given with "as" ------------------------------------------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("President Gustavo Reyes on Tuesday installed Admiral Marta Quispe as Commander of the Peruvian "
     "Armed Forces, the first woman in the post.", "quispe", ("ChiefOfDefence", "PER", "")),
    ("Lima - Ali Karimov, who took office as Uzbekistan's chief of the general staff in May, received "
     "the visiting delegation.", "karimov", ("ChiefOfGeneralStaff", "UZB", "")),
    ("Islamabad has named Yusuf Junaid as Pakistan's ambassador to Turkey, the foreign office said.",
     "junaid", ("Ambassador", "PAK", "TUR")),
])
def test_as_post_is_held(workspace_extractor, body, surname, role):
    roles = _roles(_run(workspace_extractor, body, DATE), surname)
    assert roles is not None and role in roles


def test_as_post_past_does_not_fire(workspace_extractor):
    out = _run(workspace_extractor, "Peter Lindqvist, who served as defence minister until 2019, "
               "spoke at the forum in Stockholm.", DATE)
    roles = _roles(out, "lindqvist")
    assert not roles or not any(r == "DefenceMinister" for r, _, _ in roles)


def test_as_post_former_does_not_fire(workspace_extractor):
    out = _run(workspace_extractor, "The panel welcomed Marek Zielinski as former defence minister of Poland.", DATE)
    roles = _roles(out, "zielinski")
    assert not roles or not any(r == "DefenceMinister" for r, _, _ in roles)


# -- heads of state / government listed -------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("Presidents Emmanuel Macron of France and Gabriel Boric of Chile opened the forum on Monday.",
     {"macron": "FRA", "boric": "CHL"}),
    ("The heads of government, Poland's Donald Tusk and Czech Petr Fiala, met in Prague.",
     {"tusk": "POL", "fiala": "CZE"}),
    ("The accord between Kenya and Tanzania was signed by the heads of state, William Ruto and "
     "Samia Suluhu Hassan, respectively.", {"ruto": "KEN", "hassan": "TZA"}),
])
def test_listed_heads_get_their_own_country(workspace_extractor, body, expected):
    out = _run(workspace_extractor, body, DATE)
    for surname, country in expected.items():
        roles = _roles(out, surname)
        assert roles is not None and any(r in ("President", "PrimeMinister") and c == country
                                         for r, c, _ in roles), (surname, roles)


def test_listed_heads_without_a_pair_get_no_guessed_country(workspace_extractor):
    out = _run(workspace_extractor, "The summit of Kenya, Tanzania and Uganda opened in Arusha, where the heads "
               "of state, Daniel Mbeki and Joseph Kimaro, spoke first.", DATE)
    for surname in ("mbeki", "kimaro"):
        roles = _roles(out, surname)
        assert roles is not None and not any(r == "President" for r, _, _ in roles)
