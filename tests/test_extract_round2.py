"""Round-2 patterns of news English, each with sentences of different styles written for these
tests (not taken from the gold or dev sets) and at least one the rule must not fire on."""
from __future__ import annotations

import pytest

from kg.iris import country_iri, person_iri
from extraction_checks import run as _run, events as _events, roles as _roles, relations as _relations


# -- a month without day or year ---------------------------------------------------------

@pytest.mark.parametrize("body, type_, date", [
    ("Chile and Peru held the joint exercise Pacific Shield off Arica in February.", "JointExercise", "2024-02"),
    ("Kenya and Tanzania signed a memorandum on border security last July.", "AgreementSigning", "2023-07"),
    ("In late March, the navies of Oman and India conducted joint drills near Duqm.", "JointExercise", "2024-03"),
    ("Ghana and Togo signed a defence agreement in September.", "AgreementSigning", "2023-09"),
])
def test_round2_month_alone_is_most_recent_such_month(workspace_extractor, body, type_, date):
    events = _events(_run(workspace_extractor, body), type_)
    assert [e["date"] for e in events] == [date]


def test_round2_month_with_day_or_year_is_not_month_alone(workspace_extractor):
    out = _run(workspace_extractor, "Chile and Peru held joint drills in June 2021, and again on May 3.")
    assert {e["date"] for e in _events(out, "JointExercise")} <= {"2021-06", "2024-05-03"}


# -- service commanders, acronyms of posts -----------------------------------------------

@pytest.mark.parametrize("body, name, role", [
    ("Major General Omar Haddad, Commander Royal Jordanian Land Forces, arrived in Ankara.",
     "Omar Haddad", ("LandForcesCommander", "JOR", None)),
    ("The Commander of the Royal Navy of Oman, Rear Admiral Khalid Al Mawali, received the delegation.",
     "Khalid Al Mawali", ("NavalCommander", "OMN", None)),
    ("Vice Admiral Ali Rahimi, Commander of the Bahrain Naval Force, met the visitors.",
     "Ali Rahimi", ("NavalCommander", "BHR", None)),
])
def test_round2_service_commander_with_country_inside(workspace_extractor, body, name, role):
    assert (role[0], country_iri(role[1]), None) in _roles(_run(workspace_extractor, body), name)


def test_round2_commander_of_a_formation_stays_commander(workspace_extractor):
    out = _run(workspace_extractor, "Brigadier Musa Bello, Commander of the 7th Division of Nigeria, spoke.")
    assert {r for r, _, _ in _roles(out, "Musa Bello")} == {"Commander"}


def test_round2_post_acronym_defined_in_parentheses(workspace_extractor):
    body = ("General Tariq Aziz, Chief of Army Staff (COAS), received the Jordanian delegation on Monday. "
            "The COAS said that Pakistan valued its ties with Jordan.")
    out = _run(workspace_extractor, body)
    assert [e["participants"] for e in _events(out, "Statement")] == [[person_iri("Tariq Aziz")]]


def test_round2_undefined_acronym_is_no_title(workspace_extractor):
    out = _run(workspace_extractor, "The COAS said that Pakistan valued its ties with Jordan.")
    assert not _events(out, "Statement")


# -- cooperatesWith ----------------------------------------------------------------------

@pytest.mark.parametrize("body, pairs", [
    ("The defence ministers of Chile, Peru and Ecuador agreed to deepen cooperation in disaster relief.",
     {("CHL", "ECU"), ("CHL", "PER"), ("ECU", "PER")}),
    ("Polish Defence Minister Adam Kowalski received his Czech counterpart Petr Novak in Warsaw on Monday. "
     "The two ministers discussed bilateral defence cooperation and air defence.", {("CZE", "POL")}),
    ("Ghana's Defence Minister Kofi Mensah said his government would deepen its defence partnership with Togo.",
     {("GHA", "TGO")}),
])
def test_round2_cooperation_pairs(workspace_extractor, body, pairs):
    out = _run(workspace_extractor, body)
    assert _relations(out, "cooperatesWith") == {(country_iri(a), country_iri(b)) for a, b in pairs}


@pytest.mark.parametrize("body", [
    "Turkey and Qatar signed a defence cooperation agreement on Monday.",
    "Kenya and Uganda signed a memorandum on defence and security cooperation.",
    "Kuwait and Oman are both members of the Gulf Cooperation Council.",
    "The report reviews the partnership with France and the defence relationship with Japan.",
])
def test_round2_cooperation_not_from_names_or_separate_ties(workspace_extractor, body):
    assert not _relations(_run(workspace_extractor, body), "cooperatesWith")


# -- described agreements ----------------------------------------------------------------

def _agreements(out):
    return [e for e in out["entities"] if e["type"] == "Agreement"]


@pytest.mark.parametrize("body", [
    "Estonian Defence Minister Hanno Pevkur and his Latvian counterpart Andris Spruds signed a "
    "five-year roadmap for defence cooperation in Tallinn on Monday.",
    "Qatar's Defence Minister Khalid Al Attiyah and Italian Defence Minister Guido Crosetto signed an "
    "implementing arrangement on military training on Tuesday.",
])
def test_round2_described_agreement_after_modifiers(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert len(_agreements(out)) == 1
    assert len(_relations(out, "partyTo")) == 2 and len(_relations(out, "signed")) == 2


def test_round2_described_agreement_parties_are_the_signatories_countries(workspace_extractor):
    body = ("Polish Defence Minister Adam Kowalski hosted Japanese Defence Minister Ken Sato in Warsaw on Monday. "
            "The two ministers signed a memorandum on defence exchanges and discussed lessons from the war in Ukraine.")
    out = _run(workspace_extractor, body)
    assert {s for s, _ in _relations(out, "partyTo")} == {country_iri("POL"), country_iri("JPN")}


def test_round2_expected_signing_leaves_no_agreement(workspace_extractor):
    out = _run(workspace_extractor, "Minister Adam Kowalski is expected to sign a new agreement on logistics.")
    assert not _agreements(out)


def test_round2_year_after_agreement_name_is_not_part_of_it(workspace_extractor):
    out = _run(workspace_extractor, "Ghana and Togo signed the Memorandum of Understanding on Border Security in 2019.")
    assert [a["name"] for a in _agreements(out)] == ["Memorandum of Understanding on Border Security"]


# -- time on long input ------------------------------------------------------------------

def test_round2_one_long_sentence_is_not_quadratic(workspace_extractor):
    import time
    unit = ("Defence Minister Zakir Hasanov received Maj-Gen Ali Veli of Turkey, and the Turkish minister "
            "met Col. John Smith, Defence Attache of Georgia to Poland, ")
    timings = []
    for n in (200, 800):
        started = time.perf_counter()
        _run(workspace_extractor, unit * n + "end.", date="2024-01-01")
        timings.append(time.perf_counter() - started)
    assert timings[1] < 10 * timings[0] + 0.5   # 4x the text; quadratic would be 16x
