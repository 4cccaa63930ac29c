"""Round-5 patterns of news English, each with sentences of different styles written for these
tests (not taken from the gold or dev sets) and at least one the rule must not fire on."""
from __future__ import annotations

import pytest

from kg.articles import Article
from kg.iris import country_iri, person_iri


def _run(extractor, body, date="2024-05-10"):
    return extractor.extract(Article(id="t", body=body, date=date))


def _events(out, type_):
    return [e for e in out["events"] if e["type"] == type_]


def _names(out, type_):
    return {e["name"] for e in out["entities"] if e["type"] == type_}


def _relations(out, p):
    return {(r["s"].rsplit("/", 1)[-1], r["o"].rsplit("/", 1)[-1]) for r in out["relations"] if r["p"] == p}


# -- a country's name inside a place name names no actor ----------------------------------

@pytest.mark.parametrize("body, absent", [
    ("Japanese and Philippine coast guard ships sailed together in the South China Sea on Monday.", "China"),
    ("Nigeria and Ghana agreed to cooperate on patrols in the Gulf of Guinea.", "Guinea"),
    ("Russian bombers flew over the Sea of Japan, the South Korean military said.", "Japan"),
    ("The frigate left port for a deployment to the Indian Ocean.", "India"),
])
def test_round5_place_name_holds_no_country(workspace_extractor, body, absent):
    out = _run(workspace_extractor, body)
    assert absent not in _names(out, "Country")
    assert ("CHN", "JPN") not in _relations(out, "cooperatesWith")


def test_round5_place_where_an_exercise_happens(workspace_extractor):
    out = _run(workspace_extractor, "The Indian and Omani navies held a passing exercise in the Gulf of Oman on Tuesday.")
    (ex,) = _events(out, "JointExercise")
    assert ex["place"] and ex["place"].endswith("gulf-of-oman")
    assert {"India", "Oman"} <= _names(out, "Country")


def test_round5_country_itself_is_still_a_country(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Lopes visited Papua New Guinea and Guinea last week.")
    assert {"Papua New Guinea", "Guinea"} <= _names(out, "Country")


# -- treaties with a year; allies under a treaty ------------------------------------------

@pytest.mark.parametrize("body, treaty, pair, since", [
    ("Australia and New Zealand have been treaty allies since the 1951 ANZUS Treaty.", "ANZUS Treaty",
     ("AUS", "NZL"), "1951"),
    ("Thailand and the United States remain allies under the 1954 Manila Pact, the minister said.", "Manila Pact",
     ("THA", "USA"), "1954"),
    ("Japan and the United States are allies under the Japan-US Security Treaty.", "Japan-US Security Treaty",
     ("JPN", "USA"), None),
])
def test_round5_allies_under_a_treaty(workspace_extractor, body, treaty, pair, since):
    out = _run(workspace_extractor, body)
    assert treaty in _names(out, "Agreement")
    allied = [r for r in out["relations"] if r["p"] == "alliedWith"]
    assert [(r["s"].rsplit("/", 1)[-1], r["o"].rsplit("/", 1)[-1]) for r in allied] == [pair]
    assert allied[0]["since"] == since and allied[0]["via"]
    assert "Philippines" not in _names(out, "Country")   # "Manila" inside a treaty's name


def test_round5_treaty_year_is_no_part_of_its_name(workspace_extractor):
    out = _run(workspace_extractor, "The 1987 Intermediate-Range Nuclear Forces Treaty was abandoned by Washington.")
    assert not any(n.startswith("1987") for n in _names(out, "Agreement"))


def test_round5_treaty_named_without_alliance_gives_no_alliance(workspace_extractor):
    out = _run(workspace_extractor, "Japan and the United States discussed the Japan-US Security Treaty on Monday.")
    assert _relations(out, "alliedWith") == set()
