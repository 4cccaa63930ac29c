"""Organisations and who belongs to them: organisation names read by their head words and
complements, acronyms an article earns, state bodies that are no organisations, and the ways
news states that a country is a member of one. Sentences written for these tests (not taken
from the gold or dev sets), each group with one the rule must not fire on."""
from __future__ import annotations

import pytest

from kg.extract.organizations import initials, spells
from extraction_checks import run as _run, names as _names, relations as _relations, short, local_name


# -- organisation names ------------------------------------------------------------------

@pytest.mark.parametrize("body, name", [
    ("Delegates of the Andean Security Forum met in Quito on Tuesday.", "Andean Security Forum"),
    ("The Nordic Maritime Group said its ships would sail in June.", "Nordic Maritime Group"),
    ("A study by the Royal Institute for Defence Studies found gaps in air defence.",
     "Royal Institute for Defence Studies"),
    ("The Southern Cone Security Conclave will meet again in Montevideo.", "Southern Cone Security Conclave"),
    ("Ministers of the Organisation of Sahel Coastal States met in Dakar.", "Organisation of Sahel Coastal States"),
    ("The Ghanaian Football Association fined the club on Monday.", "Ghanaian Football Association"),
])
def test_organisation_by_head_word_and_complement(workspace_extractor, body, name):
    assert name in _names(_run(workspace_extractor, body), "Organization")


@pytest.mark.parametrize("body", [
    "The International Community condemned the attack on the convoy.",
    "Cadets from Nepal will train at the Kharka Military Academy next year.",
    "The Ghana-Togo Joint Permanent Commission on Defence met in Lome.",
    "The USS Harbor Carrier Strike Group sailed into the Arabian Sea.",
    "Officers inspected the Sky Shield Missile System at the base.",
    "He called on the Chairman Joint Chiefs of Staff Committee in Rawalpindi.",
    "The Committee on National Security of the parliament approved the budget.",
])
def test_no_organisation_from_state_bodies_units_or_generic_words(workspace_extractor, body):
    assert not _names(_run(workspace_extractor, body), "Organization")


def test_country_adjective_inside_an_organisation_name_names_no_country(workspace_extractor):
    out = _run(workspace_extractor, "Envoys of the Organization of American States observed the vote.")
    assert "Organization of American States" in _names(out, "Organization")
    assert "United States" not in _names(out, "Country")


# -- acronyms ----------------------------------------------------------------------------

def test_acronym_defined_in_parentheses_links_later_mentions(workspace_extractor):
    out = _run(workspace_extractor, "Chile joined the Pacific Rim Defence Council (PRDC) in 2019. "
                                    "PRDC ministers will meet in Lima.")
    org = next(e for e in out["entities"] if e["name"] == "Pacific Rim Defence Council")
    assert [m["text"] for m in org["mentions"]].count("PRDC") == 2


def test_initials_of_an_organisation_named_in_full_link_later(workspace_extractor):
    out = _run(workspace_extractor, "Fiji hosted the Pacific Islands Forum summit. PIF leaders met in Suva.")
    org = next(e for e in out["entities"] if e["name"] == "Pacific Islands Forum")
    assert "PIF" in [m["text"] for m in org["mentions"]]


def test_unearned_acronym_is_no_organisation(workspace_extractor):
    out = _run(workspace_extractor, "The RSS feed of the ministry carried the statement.")
    assert not _names(out, "Organization")


def test_acronym_to_full_name_from_the_organisation_list(workspace_extractor):
    out = _run(workspace_extractor, "Barbados and Jamaica are CARICOM member states.")
    assert "Caribbean Community" in _names(out, "Organization")


def test_acronym_spelling_and_initials():
    assert spells("ECOWAS", "Economic Community of West African States")
    assert spells("SADC", "Southern African Development Community")
    assert not spells("NATO", "Pacific Islands Forum")
    assert initials("International Institute for Strategic Studies") == "IISS"


# -- memberships -------------------------------------------------------------------------

@pytest.mark.parametrize("body, members", [
    ("Barbados and Jamaica are CARICOM member states.", {("BRB", "caribbean-community"), ("JAM", "caribbean-community")}),
    ("Chile and Peru are both members of the APEC and of the Mercosur.",
     {("CHL", "asia-pacific-economic-cooperation"), ("PER", "asia-pacific-economic-cooperation"),
      ("CHL", "mercosur"), ("PER", "mercosur")}),
    ("Kenya, which joined the East African Community in 2000, hosted the talks.", {("KEN", "east-african-community")}),
    ("Finland and Sweden joined NATO.", {("FIN", "nato"), ("SWE", "nato")}),
    ("Ghana holds the rotating presidency of the ECOWAS this year.",
     {("GHA", "economic-community-of-west-african-states")}),
    ("Nepal and Bhutan are members of the BIMSTEC, alongside India and Thailand.",
     {("NPL", "bimstec"), ("BTN", "bimstec"), ("IND", "bimstec"), ("THA", "bimstec")}),
    ("Estonian Defence Minister Mart Tamm received his Danish counterpart Lars Holm in Tallinn. "
     "The two NATO allies agreed to buy radars together.", {("EST", "nato"), ("DNK", "nato")}),
])
def test_stated_memberships(workspace_extractor, body, members):
    assert short(_relations(_run(workspace_extractor, body), "memberOf")) == members


@pytest.mark.parametrize("body", [
    "Russia warned NATO members against sending troops.",
    "Uruguay has not joined the Mercosur.",
    "Serbia hopes to join the European Union by 2030.",
    "Peru joined the talks on the sidelines of the APEC summit.",
])
def test_no_membership_without_a_stated_one(workspace_extractor, body):
    assert not _relations(_run(workspace_extractor, body), "memberOf")


# -- cooperation and the two countries -----------------------------------------------------

@pytest.mark.parametrize("body, pair", [
    ("Zambia and Malawi have cooperated on border security since 2015.", ("MWI", "ZMB")),
    ("Malaysian Navy chief Adm. Rahim Noor met his Thai counterpart Adm. Somchai Wong in Bangkok. "
     "\"Our navies have been working side by side and collaborating for years,\" he said.", ("MYS", "THA")),
])
def test_stated_cooperation(workspace_extractor, body, pair):
    assert short(_relations(_run(workspace_extractor, body), "cooperatesWith")) == {pair}


def test_the_two_countries_are_the_meetings_countries_not_the_last_named(workspace_extractor):
    out = _run(workspace_extractor, "Kazakh Defence Minister Ruslan Zhaksy received Kyrgyz Defence Minister "
                                    "Bakyt Osmonov in Astana on Monday. They discussed the situation on the "
                                    "border with China. Cooperation between the two countries is growing.")
    assert short(_relations(out, "cooperatesWith")) == {("KAZ", "KGZ")}


def test_our_navies_without_a_story_pair_give_no_cooperation(workspace_extractor):
    out = _run(workspace_extractor, "\"Our navies have been cooperating quietly for years,\" the admiral said.")
    assert not _relations(out, "cooperatesWith")


# -- "As a member of X, <country> ..." ----------------------------------------------------------

@pytest.mark.parametrize("body, member, org", [
    ("As a member state of the European Union, Ireland supports the training mission, the minister said.",
     "IRL", "european-union"),
    ("As a founding member of NATO, the Netherlands backed the plan on Tuesday.", "NLD", "nato"),
    ("But as a full member of ASEAN, Vietnam has a say in the code of conduct.", "VNM", "asean"),
])
def test_as_a_member_opening_the_sentence(workspace_extractor, body, member, org):
    out = _run(workspace_extractor, body)
    assert (member, org) in {(local_name(s), local_name(o)) for s, o in _relations(out, "memberOf")}


def test_as_a_member_with_no_country_right_after_is_nobodys(workspace_extractor):
    out = _run(workspace_extractor, "As a member of NATO, the minister said, Germany would help Poland.")
    assert not _relations(out, "memberOf")


@pytest.mark.parametrize("body, members, org", [
    ("As fellow NATO members, Estonia and Latvia share radar data around the clock.", {"EST", "LVA"}, "nato"),
    ("The minister told the forum: \"As members of the African Union, Kenya and Uganda must act together.\"",
     {"KEN", "UGA"}, "african-union"),
    ("As SADC members, Zambia, Malawi and Mozambique pledged troops to the standby force.",
     {"ZMB", "MWI", "MOZ"}, "southern-african-development-community"),
])
def test_as_members_opening_a_sentence_or_quote_makes_the_subjects_members(workspace_extractor, body, members, org):
    out = _run(workspace_extractor, body)
    assert {(m, org) for m in members} <= {(local_name(s), local_name(o)) for s, o in _relations(out, "memberOf")}


@pytest.mark.parametrize("body", [
    "As fellow NATO members, the ministers discussed Estonia and Latvia.",
    "He said that as members of the African Union, they would write to Kenya and Uganda.",
])
def test_as_members_with_no_countries_right_after_is_nobodys(workspace_extractor, body):
    assert not _relations(_run(workspace_extractor, body), "memberOf")


# -- "the Commonwealth" is the Commonwealth of Nations -------------------------------------

@pytest.mark.parametrize("body, members", [
    ("The UK and Sri Lanka are members of the Commonwealth.", {"GBR", "LKA"}),
    ("Ghana and Nigeria, both members of the Commonwealth, held talks on Monday.", {"GHA", "NGA"}),
    ("The United Kingdom and Sri Lanka signed a memorandum on Monday. Both countries are members of the "
     "Commonwealth and the Indian Ocean Rim Association.", {"GBR", "LKA"}),
])
def test_commonwealth_membership(workspace_extractor, body, members):
    out = _run(workspace_extractor, body)
    assert {local_name(s) for s, o in _relations(out, "memberOf") if o.endswith("commonwealth-of-nations")} == members


def test_commonwealth_of_independent_states_is_not_the_commonwealth(workspace_extractor):
    out = _run(workspace_extractor, "Kazakhstan is a member of the Commonwealth of Independent States.")
    assert {o.rsplit("/", 1)[-1] for _, o in _relations(out, "memberOf")} == {"commonwealth-of-independent-states"}


# -- "A, B and C are (now) NATO allies": the copula makes them members ----------------------

@pytest.mark.parametrize("body, members", [
    ("Finland, Sweden and Norway are now all NATO allies.", {"FIN", "SWE", "NOR"}),
    ("Estonia and Finland are NATO allies, the minister said.", {"EST", "FIN"}),
    ("Poland is a NATO ally and a member of the European Union.", {"POL"}),
    ("Sweden is now a NATO member.", {"SWE"}),
])
def test_copula_with_alliance_allies(workspace_extractor, body, members):
    out = _run(workspace_extractor, body)
    assert {local_name(s) for s, o in _relations(out, "memberOf") if o.endswith("/nato")} == members


def test_allies_as_object_make_no_members(workspace_extractor):
    out = _run(workspace_extractor, "Russia warned NATO allies on Monday not to send troops to Moldova.")
    assert _relations(out, "memberOf") == set()


# -- commands and headquarters are state bodies: their country, no organisation --------------

@pytest.mark.parametrize("body, country", [
    ("The visiting minister was briefed at the Western Naval Command in Mumbai on Monday.", None),
    ("Pakistan's army chief received the Saudi general at General Headquarters in Rawalpindi.", "Pakistan"),
    ("The Chief of Defence Staff hosted the delegation at the Nigerian Defence Headquarters on Monday.", "Nigeria"),
])
def test_command_or_headquarters_is_no_organisation(workspace_extractor, body, country):
    out = _run(workspace_extractor, body)
    assert not _names(out, "Organization")
    if country:
        assert country in _names(out, "Country")


def test_agency_or_alliance_is_still_an_organisation(workspace_extractor):
    out = _run(workspace_extractor, "Officials of the Anadolu Agency and the Atlantic Alliance met on Monday.")
    assert {"Anadolu Agency", "Atlantic Alliance"} <= _names(out, "Organization")


# -- "the X, of which A and B are members" ---------------------------------------------------

@pytest.mark.parametrize("body, members", [
    ("The two ministers discussed cooperation within ASEAN, of which Vietnam and Laos are founding members.",
     {"VNM", "LAO"}),
    ("Chile raised the matter at the Organization of American States, of which it and Peru are members.",
     {"PER"}),
])
def test_members_in_a_relative_clause_on_the_organisation(workspace_extractor, body, members):
    out = _run(workspace_extractor, body)
    assert {local_name(s) for s, _ in _relations(out, "memberOf")} >= members


def test_relative_clause_on_something_else_gives_no_membership(workspace_extractor):
    out = _run(workspace_extractor, "The ministers met in Vientiane, of which Vietnam and Laos are both fond "
                                    "members of the club, on Monday.")
    assert not _relations(out, "memberOf")
