"""General patterns of news English the extractor handles, each with sentences of different
styles written for these tests (not taken from the gold set) and one it must not fire on."""
from __future__ import annotations

import pytest

from kg.iris import country_iri, organization_iri, person_iri
from extraction_checks import run as _run, roles as _roles, relations as _relations, names as _names


@pytest.mark.parametrize("body, members", [
    ("NATO member Hungary signed the deal with Serbia.", {"HUN"}),
    ("NATO members France and Greece held talks in Paris.", {"FRA", "GRC"}),
    ("Poland and Lithuania, as fellow members of NATO, coordinate their air policing.", {"POL", "LTU"}),
    ("Indonesia, which chairs ASEAN this year, hosted the summit.", {"IDN"}),
])
def test_patterns_member_of(workspace_extractor, body, members):
    out = _run(workspace_extractor, body)
    assert {s for s, o in _relations(out, "memberOf") if o == organization_iri("NATO")
            or o == organization_iri("ASEAN")} == {country_iri(m) for m in members}


@pytest.mark.parametrize("body", [
    "Georgia reaffirmed its aspiration to join NATO as a full member.",
    "Ukraine, a candidate for NATO membership, sent observers.",
])
def test_patterns_member_of_not_from_aspiration(workspace_extractor, body):
    assert not _relations(_run(workspace_extractor, body), "memberOf")


def test_patterns_organisation_acronym_needs_capitals(workspace_extractor):
    out = _run(workspace_extractor, "The North Atlantic Treaty Organization met. The word nato is no name.")
    assert [e["name"] for e in out["entities"] if e["type"] == "Organization"] == ["NATO"]


@pytest.mark.parametrize("body, name, role", [
    ("The minister received the Defence Adviser of Kenya to Poland, Brig. John Mwangi, on Monday.",
     "John Mwangi", ("DefenceAttache", "KEN", "POL")),
    ("Col. Anna Berg, Defence Attaché of the United States of America to Georgia, spoke first.",
     "Anna Berg", ("DefenceAttache", "USA", "GEO")),
    ("The parade was led by Lt. Gen. Omar Farouk, Chief of Staff of the Egyptian Armed Forces.",
     "Omar Farouk", ("ChiefOfGeneralStaff", "EGY", None)),
    ("Britain's Minister for the Armed Forces, Peter Hall, toured the base.",
     "Peter Hall", ("DeputyDefenceMinister", "GBR", None)),
])
def test_patterns_titles_ranks_and_adjectives_inside_titles(workspace_extractor, body, name, role):
    got = _roles(_run(workspace_extractor, body), name)
    iri = lambda c: country_iri(c) if c else None
    assert (role[0], iri(role[1]), iri(role[2])) in got


def test_patterns_counterpart_with_comma_and_rank(workspace_extractor):
    out = _run(workspace_extractor, "Polish Defence Minister Adam Nowak received his Czech counterpart, "
                                    "Lt. Gen. Petr Svoboda, in Warsaw.")
    assert ("DefenceMinister", country_iri("CZE"), None) in _roles(out, "Petr Svoboda")


def test_patterns_definite_talks_add_to_the_reported_meeting(workspace_extractor):
    body = ("Defence Minister Adam Nowak held talks with his Czech counterpart Petr Svoboda in Warsaw on Tuesday.\n\n"
            "During the delegation-level talks, the two ministers discussed cyber security.\n\n"
            "Following the talks, officials of the two sides signed a memorandum on military education.")
    out = _run(workspace_extractor, body, "2024-05-10")
    meetings = [e for e in out["events"] if e["type"] == "Meeting"]
    assert len(meetings) == 1 and "Cybersecurity" in meetings[0]["topics"]
    signing = next(e for e in out["events"] if e["type"] == "AgreementSigning")
    assert signing["date"] == meetings[0]["date"] == "2024-05-07"


def test_patterns_statement_at_the_speakers_meeting(workspace_extractor):
    body = ("The Minister of Defence, Adam Nowak, has said Poland will deepen its partnership with Chile.\n\n"
            "Nowak stated this on Tuesday when he received the Chilean ambassador, Pedro Soto.\n\n"
            "\"We share the same goals,\" Soto said.")
    out = _run(workspace_extractor, body, "2024-05-10")
    statements = {(e["participants"][0], e["date"]) for e in out["events"] if e["type"] == "Statement"}
    assert statements == {(person_iri("Adam Nowak"), "2024-05-07"), (person_iri("Pedro Soto"), "2024-05-07")}


def test_patterns_speaker_outside_relative_clause(workspace_extractor):
    body = "The minister, who was accompanied by the Chief of Defence Staff, General Ali Musa, said ties were strong."
    out = _run(workspace_extractor, "Defence Minister Adam Nowak met the press on Monday. " + body)
    speakers = {e["participants"][0] for e in out["events"] if e["type"] == "Statement"}
    assert person_iri("Ali Musa") not in speakers


def test_patterns_witnesses_are_not_signatories(workspace_extractor):
    out = _run(workspace_extractor, "Officials of Poland and Chile signed a memorandum on military medicine "
                                    "in the presence of Defence Minister Adam Nowak on Monday.")
    signing = next(e for e in out["events"] if e["type"] == "AgreementSigning")
    assert person_iri("Adam Nowak") not in signing["participants"]


def test_patterns_agreement_name_stops_before_place_and_month(workspace_extractor):
    out = _run(workspace_extractor, "The two ministers signed the Joint Vision Statement on Defence Partnership "
                                    "towards 2030 in Hanoi in June 2022.")
    names = [e["name"] for e in out["entities"] if e["type"] == "Agreement"]
    assert names == ["Joint Vision Statement on Defence Partnership towards 2030"]


@pytest.mark.parametrize("body, name, country", [
    ("NAIROBI: The Minister of Defence, Adam Kiptoo, opened the academy on Monday.", "Adam Kiptoo", "KEN"),
    ("Chief of Defence Staff General Paul Obi received the Pakistani defence attaché, Col. Ali Raza, "
     "in Abuja on Monday.", "Paul Obi", "NGA"),
])
def test_patterns_domestic_post_takes_the_home_country(workspace_extractor, body, name, country):
    roles = _roles(_run(workspace_extractor, body), name)
    assert {c for _, c, _ in roles} == {country_iri(country)}


def test_patterns_accredited_post_gets_no_home_country(workspace_extractor):
    out = _run(workspace_extractor, "ABUJA: The defence attaché, Col. Ali Raza, attended the parade.")
    assert ("DefenceAttache", country_iri("NGA"), None) not in _roles(out, "Ali Raza")


# -- "University of <city>": the city is part of the name, no government acts --------------

def test_patterns_university_of_a_capital(workspace_extractor):
    out = _run(workspace_extractor, "The University of Nairobi and the University of Tokyo signed a memorandum "
                                    "on climate research on Monday.")
    assert {"University of Nairobi", "University of Tokyo"} <= _names(out, "Organization")
    assert not {"Kenya", "Japan"} & _names(out, "Country")


def test_patterns_council_of_a_capital_is_no_organisation(workspace_extractor):
    out = _run(workspace_extractor, "The Council of Ministers met in Nairobi on Monday to discuss the budget.")
    assert not _names(out, "Organization")
