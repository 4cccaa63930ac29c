"""Round-4 patterns of news English, each with sentences of different styles written for these
tests (not taken from the gold or dev sets) and at least one the rule must not fire on."""
from __future__ import annotations

import pytest

from kg.extract.dateline import find_dateline
from kg.iris import country_iri, person_iri
from extraction_checks import run as _run, events as _events, roles as _roles, relations as _relations

NATO = "https://w3id.org/ddkg/resource/org/nato"


# -- statements: a named official, not an organisation ------------------------------------

@pytest.mark.parametrize("body", [
    "General Omar Haddad held talks with Defence Minister Karim Nasser on Monday, the army said in a statement.",
    "Defence Minister Karim Nasser met General Omar Haddad on Monday, according to a statement from the ministry.",
    "Admiral Lena Fischer received Captain Tomas Berg on Friday, a navy spokesman said.",
])
def test_round4_organisation_statement_is_no_event(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "Statement") == []


@pytest.mark.parametrize("body, speaker", [
    ("Defence Minister Karim Nasser also told reporters that training would continue.", "Karim Nasser"),
    ("Karim Nasser, a former air force commander, said the talks went well.", "Karim Nasser"),
    ("The drills went well, according to Defence Minister Karim Nasser.", "Karim Nasser"),
    ("Defence Minister Karim Nasser was quoted as saying that the ties were strong.", "Karim Nasser"),
])
def test_round4_named_speaker_statement(workspace_extractor, body, speaker):
    found = _events(_run(workspace_extractor, body), "Statement")
    assert [e["participants"] for e in found] == [[person_iri(speaker)]]


# -- meetings: courtesy calls, distinct meetings of one day -------------------------------

@pytest.mark.parametrize("body, host, guest", [
    ("Colonel Ivan Petrov paid a courtesy call on Defence Minister Ana Lopes on Monday.", "Ana Lopes", "Ivan Petrov"),
    ("Defence Minister Ana Lopes later called on President Rui Costa.", "Rui Costa", "Ana Lopes"),
])
def test_round4_call_on_gives_host_and_guest(workspace_extractor, body, host, guest):
    (meeting,) = _events(_run(workspace_extractor, body), "Meeting")
    assert (meeting["host"], meeting["guest"]) == (person_iri(host), person_iri(guest))


def test_round4_call_on_is_not_a_host_frame_for_met(workspace_extractor):
    (meeting,) = _events(_run(workspace_extractor, "Defence Minister Ana Lopes met President Rui Costa."), "Meeting")
    assert meeting["host"] is None and meeting["guest"] is None


def test_round4_two_meetings_of_one_day_stay_apart(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Lopes held talks with General Omar Haddad on Monday. "
                                    "Earlier on Monday, Haddad met President Rui Costa.", "2024-05-08")
    pairs = sorted(sorted(e["participants"]) for e in _events(out, "Meeting"))
    assert pairs == sorted([sorted([person_iri("Ana Lopes"), person_iri("Omar Haddad")]),
                            sorted([person_iri("Omar Haddad"), person_iri("Rui Costa")])])


def test_round4_same_meeting_reported_twice_merges(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Lopes received General Omar Haddad on Monday. "
                                    "Lopes and Haddad met at the ministry.", "2024-05-08")
    assert len(_events(out, "Meeting")) == 1


# -- roles ------------------------------------------------------------------------------

@pytest.mark.parametrize("body, name, role", [
    ("Deputy Prime Minister and Minister of Defence Marek Novak hosted Jan Horak.", "Marek Novak",
     ("DefenceMinister", None, None)),
    ("General Marek Novak, Deputy Prime Minister and Minister of National Defence of Cambodia, met Jan Horak.",
     "Marek Novak", ("DefenceMinister", country_iri("KHM"), None)),
])
def test_round4_joined_posts_keep_the_defence_post(workspace_extractor, body, name, role):
    roles = _roles(_run(workspace_extractor, body), name)
    assert any(r[0] == role[0] and (role[1] is None or r[1] == role[1]) for r in roles)
    assert not any(r[0] == "DeputyPrimeMinister" for r in roles)


def test_round4_deputy_prime_minister_alone_has_no_role(workspace_extractor):
    out = _run(workspace_extractor, "Slovak Deputy Prime Minister Peter Kovac attended the talks.")
    assert _roles(out, "Peter Kovac") == set()


@pytest.mark.parametrize("body, name, country, host", [
    ("Japan's ambassador in Colombo, Sato Kenta, called on the minister.", "Sato Kenta", "JPN", "LKA"),
    ("The Brazilian ambassador in Montevideo, Marcos Pereira, was received on Monday.", "Marcos Pereira", "BRA", "URY"),
    ("Colonel Nguyen Van Binh, defence attache at the Embassy of Viet Nam in Phnom Penh, met the minister.",
     "Nguyen Van Binh", "VNM", "KHM"),
])
def test_round4_envoy_accredited_from_capital(workspace_extractor, body, name, country, host):
    roles = _roles(_run(workspace_extractor, body), name)
    assert any(r[1:] == (country_iri(country), country_iri(host)) for r in roles)


def test_round4_minister_in_a_capital_is_not_accredited(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Lopes of Portugal met officials in Colombo on Monday.")
    assert all(r[2] is None for r in _roles(out, "Ana Lopes"))


@pytest.mark.parametrize("body, title", [
    ("State Minister of Defence Premitha Silva met the envoy.", "DeputyDefenceMinister"),
    ("Secretary of National Defense Jose Reyes met the envoy.", "DefenceMinister"),
])
def test_round4_titles(workspace_extractor, body, title):
    out = _run(workspace_extractor, body)
    name = body.split(" met")[0].split()[-2:]
    assert title in {r[0] for r in _roles(out, " ".join(name))}


# -- dates: weekday headings ---------------------------------------------------------------

def test_round4_weekday_heading_dates_its_paragraph(workspace_extractor):
    out = _run(workspace_extractor, "MONDAY - Defence Minister Ana Lopes received General Omar Haddad.\n\n"
                                    "Tuesday: Admiral Rui Costa met Admiral Ivo Neto in Lisbon.", "2024-06-07")
    assert sorted(e["date"] for e in _events(out, "Meeting")) == ["2024-06-03", "2024-06-04"]


def test_round4_weekday_heading_is_no_dateline():
    assert find_dateline("MONDAY - The minister met X.", frozenset({"monday"})) is None
    assert find_dateline("LISBON - The minister met X.", frozenset({"monday"})) is not None


def test_round4_weekday_inside_a_paragraph_is_no_heading(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Lopes received General Omar Haddad. Monday - a holiday.",
               "2024-06-07")
    assert [e["date"] for e in _events(out, "Meeting")] == ["2024-06-07"]


# -- memberships ----------------------------------------------------------------------------

@pytest.mark.parametrize("body, members", [
    ("The minister said Albania, a NATO member since 2009, would host the jets.", {"ALB"}),
    ("Poland hosted Lithuania for talks. \"Our two countries are allies in NATO,\" the minister said.", {"POL", "LTU"}),
])
def test_round4_membership_patterns(workspace_extractor, body, members):
    found = _relations(_run(workspace_extractor, body), "memberOf")
    assert {(country_iri(c), NATO) for c in members} <= found


def test_round4_nato_mention_without_membership(workspace_extractor):
    out = _run(workspace_extractor, "Albania, which hopes to deepen ties with NATO, hosted the talks.")
    assert _relations(out, "memberOf") == set()


# -- names ----------------------------------------------------------------------------------

def test_round4_first_word_of_a_mononymous_name(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Prabowo Subianto met the envoy. "
                                    "Prabowo, a former general, said the talks were useful.")
    assert [e["participants"] for e in _events(out, "Statement")] == [[person_iri("Prabowo Subianto")]]


# -- home-country fallback -------------------------------------------------------------------

def test_round4_received_guest_does_not_inherit_home_country(workspace_extractor):
    out = _run(workspace_extractor, "RIYADH: Defence Minister Khalid Saad received Commander Jorge Vidal on Monday.",
               "2024-05-10")
    assert all(r[1] is None for r in _roles(out, "Jorge Vidal"))


def test_round4_host_keeps_home_country(workspace_extractor):
    out = _run(workspace_extractor, "RIYADH: Defence Minister Khalid Saad received Commander Jorge Vidal on Monday.",
               "2024-05-10")
    assert ("DefenceMinister", country_iri("SAU"), None) in _roles(out, "Khalid Saad")
