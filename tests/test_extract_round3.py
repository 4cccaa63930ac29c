"""Round-3 patterns of news English, each with sentences of different styles written for these
tests (not taken from the gold or dev sets) and at least one the rule must not fire on."""
from __future__ import annotations

import pytest

from kg.extract.dateline import find_dateline
from kg.iris import country_iri, place_iri
from extraction_checks import run as _run, events as _events, roles as _roles, relations as _relations


def _names(out, type_):
    return {e["name"] for e in out["entities"] if e["type"] == type_}


# -- datelines ----------------------------------------------------------------------------

@pytest.mark.parametrize("body, city, day", [
    ("ULAANBAATAR, May 3 (Montsame) -- The two ministers met on Thursday.", "ULAANBAATAR", "May 3"),
    ("Amman, 18 June: Jordan and Iraq held talks.", "Amman", "18 June"),
    ("NICOSIA, Cyprus (AP) — The defence minister said on Monday.", "NICOSIA", None),
])
def test_round3_dateline_shapes(body, city, day):
    d = find_dateline(body)
    assert d is not None and d.city == city and d.date_text == day


@pytest.mark.parametrize("body", ["General Smith said: the drills went well.", "In 2021, Oman signed a deal."])
def test_round3_no_dateline_in_ordinary_openings(body):
    assert find_dateline(body) is None


def test_round3_dateline_day_dates_the_weekday(workspace_extractor):
    # the article is dated a day after the dateline: "on Thursday" is the dateline's Thursday
    out = _run(workspace_extractor, "LIMA, May 2 (Andina) -- Peruvian Defence Minister Walter Astudillo Chávez "
                                    "met Chilean Defence Minister Maya Fernández Allende on Thursday.", "2024-05-03")
    assert [e["date"] for e in _events(out, "Meeting")] == ["2024-05-02"]


def test_round3_dateline_city_is_a_place_not_the_country(workspace_extractor):
    out = _run(workspace_extractor, "AMMAN, June 18 (Petra) -- Jordan and Iraq held border security talks.",
               "2024-06-18")
    assert place_iri("Amman") in {e["id"] for e in out["entities"]}


# -- names --------------------------------------------------------------------------------

@pytest.mark.parametrize("body, full, short", [
    ("Defence Minister G. Saikhanbayar opened the drills. Gursed Saikhanbayar said the region is safer.",
     "Gursed Saikhanbayar", "G. Saikhanbayar"),
    ("Army chief Gen. S. M. Shafiuddin Ahmed received the delegation. Sarwar Muhammad Shafiuddin Ahmed said ties grow.",
     "Sarwar Muhammad Shafiuddin Ahmed", "S. M. Shafiuddin Ahmed"),
])
def test_round3_initials_merge_with_the_full_name(workspace_extractor, body, full, short):
    people = _names(_run(workspace_extractor, body), "Person")
    assert full in people and short not in people


def test_round3_initials_do_not_merge_different_surnames(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister G. Saikhanbayar met Colonel Ganbold Batsukh, who said ties grow.")
    assert {"G. Saikhanbayar", "Ganbold Batsukh"} <= _names(out, "Person")


@pytest.mark.parametrize("body, name", [
    ("Chinese Defence Minister Dong Jun held talks with Tanzanian Defence Minister Stergomena Tax.", "Dong Jun"),
    ("Navy chief Admiral Kim Jan-sik met Japanese Defence Minister Minoru Kihara in Tokyo.", "Kim Jan-sik"),
])
def test_round3_month_abbreviation_inside_east_asian_name(workspace_extractor, body, name):
    assert name in _names(_run(workspace_extractor, body), "Person")


def test_round3_month_abbreviation_before_day_is_a_date(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ali Haddad met the envoy in Amman on Jun 5.", "2024-06-20")
    assert "Ali Haddad" in _names(out, "Person")
    assert [e["date"] for e in _events(out, "Meeting")] == ["2024-06-05"]


@pytest.mark.parametrize("body, bad", [
    ("Admiral John Aquilino, Commander of the US Indo-Pacific Command, arrived in Manila.", "Indo"),
    ("General Paul Moore, head of the Asia-Pacific Command, met the minister.", "Asia"),
])
def test_round3_hyphenated_compound_is_no_name(workspace_extractor, body, bad):
    assert bad not in _names(_run(workspace_extractor, body), "Person")


@pytest.mark.parametrize("body, name", [
    ("Malaysian Defence Minister Datuk Seri Mohamad Hasan received the envoy.", "Mohamad Hasan"),
    ("The contract was signed by Hanwha Aerospace chief executive Son Jae-il.", "Son Jae-il"),
])
def test_round3_honorifics_and_company_titles(workspace_extractor, body, name):
    assert name in _names(_run(workspace_extractor, body), "Person")


# -- lists with elided titles -------------------------------------------------------------

def test_round3_elided_title_in_a_list(workspace_extractor):
    out = _run(workspace_extractor, "The declaration was signed by Estonian Defence Minister Hanno Pevkur, "
                                    "Latvia's Andris Spruds and Lithuania's Laurynas Kasciunas.")
    assert ("DefenceMinister", country_iri("LVA"), None) in _roles(out, "Andris Spruds")
    assert ("DefenceMinister", country_iri("LTU"), None) in _roles(out, "Laurynas Kasciunas")


def test_round3_elided_title_not_after_an_untitled_list(workspace_extractor):
    out = _run(workspace_extractor, "Tourists from Latvia's Riga Old Town and Lithuania's Vilnius arrived.")
    assert not any(e["roles"] for e in out["entities"] if e["type"] == "Person")


# -- groups and memberships ---------------------------------------------------------------

@pytest.mark.parametrize("body, members", [
    ("Estonia, Latvia and Lithuania signed a deal on Monday. The three NATO allies also agreed to share radars.",
     {"EST", "LVA", "LTU"}),
    ("The NATO allies Denmark, Norway and Iceland held talks in Oslo.", {"DNK", "NOR", "ISL"}),
])
def test_round3_alliance_allies_are_members(workspace_extractor, body, members):
    out = _run(workspace_extractor, body)
    assert {(country_iri(c), "https://w3id.org/ddkg/resource/org/nato") for c in members} <= _relations(out, "memberOf")


def test_round3_allies_without_an_organisation_give_no_membership(workspace_extractor):
    out = _run(workspace_extractor, "Estonia, Latvia and Lithuania are close allies.")
    assert not _relations(out, "memberOf")


# -- signings, statements and relative days -------------------------------------------------

def test_round3_the_document_refers_to_the_signing_just_reported(workspace_extractor):
    out = _run(workspace_extractor, "Oman and India signed a memorandum on maritime security in Muscat on Monday. "
                                    "The document was signed by Omani Defence Minister Shihab bin Tarik Al Said "
                                    "and Indian Defence Minister Rajnath Singh.")
    assert len(_relations(out, "signed")) == 2


@pytest.mark.parametrize("body", [
    "Kenyan and Tanzanian troops concluded the joint exercise Ushirikiano Imara on Friday.",
    "The two ministers concluded their talks in Nairobi on Friday.",
])
def test_round3_concluding_an_activity_is_no_signing(workspace_extractor, body):
    assert not _events(_run(workspace_extractor, body), "AgreementSigning")


def test_round3_concluding_an_agreement_is_a_signing(workspace_extractor):
    out = _run(workspace_extractor, "Ghana and Togo concluded a defence cooperation agreement on Friday.")
    assert _events(out, "AgreementSigning")


@pytest.mark.parametrize("body, date", [
    ("Defence Minister Luis Lara met his Peruvian counterpart on Monday. \"We agree,\" Lara told reporters "
     "after the meeting on Wednesday's anniversary.", "2024-05-06"),
    ("Defence Minister Luis Lara signed a memorandum with Peru on Tuesday. \"It is historic,\" Lara wrote on X "
     "after the signing.", "2024-05-07"),
])
def test_round3_statement_after_an_occasion_takes_its_date(workspace_extractor, body, date):
    out = _run(workspace_extractor, body)
    assert date in {e["date"] for e in _events(out, "Statement")}


@pytest.mark.parametrize("body, date", [
    ("Shoigu, who arrived in Bishkek on Tuesday, was received by President Sadyr Japarov the next day.", "2024-05-08"),
    ("On Monday Australian Defence Minister Richard Marles arrived in Hanoi. The following day he met Vietnamese Defence Minister Phan Van Giang.",
     "2024-05-07"),
])
def test_round3_next_day_follows_the_date_before_it(workspace_extractor, body, date):
    out = _run(workspace_extractor, body)
    assert date in {e["date"] for e in _events(out, "Meeting")}


def test_round3_next_day_leaves_an_event_with_its_own_day(workspace_extractor):
    out = _run(workspace_extractor, "Shoigu arrived in Bishkek on Tuesday and met Japarov the next day.")
    assert {e["date"] for e in _events(out, "Visit")} <= {"2024-05-07"}
