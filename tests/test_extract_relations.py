"""Relations between countries in news English: cooperatesWith (a group of ministers agreeing to
cooperate, "the two ministers discussed bilateral cooperation"), memberOf NATO ("the three NATO
allies", "a NATO member since 2009") and alliedWith under a named treaty ("allies under the 1954
Manila Pact"). Sentences written for these tests (not taken from the gold or dev sets), each
group with one the rule must not fire on."""
from __future__ import annotations

import pytest

from kg.iris import country_iri
from extraction_checks import run as _run, names as _names, relations as _relations, local_name

NATO = "https://w3id.org/ddkg/resource/org/nato"


# -- cooperatesWith ----------------------------------------------------------------------

@pytest.mark.parametrize("body, pairs", [
    ("The defence ministers of Chile, Peru and Ecuador agreed to deepen cooperation in disaster relief.",
     {("CHL", "ECU"), ("CHL", "PER"), ("ECU", "PER")}),
    ("Polish Defence Minister Adam Kowalski received his Czech counterpart Petr Novak in Warsaw on Monday. "
     "The two ministers discussed bilateral defence cooperation and air defence.", {("CZE", "POL")}),
    ("Ghana's Defence Minister Kofi Mensah said his government would deepen its defence partnership with Togo.",
     {("GHA", "TGO")}),
])
def test_cooperation_pairs(workspace_extractor, body, pairs):
    out = _run(workspace_extractor, body)
    assert _relations(out, "cooperatesWith") == {(country_iri(a), country_iri(b)) for a, b in pairs}


@pytest.mark.parametrize("body", [
    "Turkey and Qatar signed a defence cooperation agreement on Monday.",
    "Kenya and Uganda signed a memorandum on defence and security cooperation.",
    "Kuwait and Oman are both members of the Gulf Cooperation Council.",
    "The report reviews the partnership with France and the defence relationship with Japan.",
])
def test_cooperation_not_from_names_or_separate_ties(workspace_extractor, body):
    assert not _relations(_run(workspace_extractor, body), "cooperatesWith")


# -- memberships --------------------------------------------------------------------------

@pytest.mark.parametrize("body, members", [
    ("Estonia, Latvia and Lithuania signed a deal on Monday. The three NATO allies also agreed to share radars.",
     {"EST", "LVA", "LTU"}),
    ("The NATO allies Denmark, Norway and Iceland held talks in Oslo.", {"DNK", "NOR", "ISL"}),
])
def test_alliance_allies_are_members(workspace_extractor, body, members):
    out = _run(workspace_extractor, body)
    assert {(country_iri(c), NATO) for c in members} <= _relations(out, "memberOf")


def test_allies_without_an_organisation_give_no_membership(workspace_extractor):
    out = _run(workspace_extractor, "Estonia, Latvia and Lithuania are close allies.")
    assert not _relations(out, "memberOf")


@pytest.mark.parametrize("body, members", [
    ("The minister said Albania, a NATO member since 2009, would host the jets.", {"ALB"}),
    ("Poland hosted Lithuania for talks. \"Our two countries are allies in NATO,\" the minister said.", {"POL", "LTU"}),
])
def test_membership_patterns(workspace_extractor, body, members):
    found = _relations(_run(workspace_extractor, body), "memberOf")
    assert {(country_iri(c), NATO) for c in members} <= found


def test_nato_mention_without_membership(workspace_extractor):
    out = _run(workspace_extractor, "Albania, which hopes to deepen ties with NATO, hosted the talks.")
    assert _relations(out, "memberOf") == set()


# -- allies under a treaty -------------------------------------------------------------------

@pytest.mark.parametrize("body, treaty, pair, since", [
    ("Australia and New Zealand have been treaty allies since the 1951 ANZUS Treaty.", "ANZUS Treaty",
     ("AUS", "NZL"), "1951"),
    ("Thailand and the United States remain allies under the 1954 Manila Pact, the minister said.", "Manila Pact",
     ("THA", "USA"), "1954"),
    ("Japan and the United States are allies under the Japan-US Security Treaty.", "Japan-US Security Treaty",
     ("JPN", "USA"), None),
])
def test_allies_under_a_treaty(workspace_extractor, body, treaty, pair, since):
    out = _run(workspace_extractor, body)
    assert treaty in _names(out, "Agreement")
    allied = [r for r in out["relations"] if r["p"] == "alliedWith"]
    assert [(local_name(r["s"]), local_name(r["o"])) for r in allied] == [pair]
    assert allied[0]["since"] == since and allied[0]["via"]
    assert "Philippines" not in _names(out, "Country")   # "Manila" inside a treaty's name


def test_treaty_named_without_alliance_gives_no_alliance(workspace_extractor):
    out = _run(workspace_extractor, "Japan and the United States discussed the Japan-US Security Treaty on Monday.")
    assert _relations(out, "alliedWith") == set()


# -- the setting of a cooperation is no partner ------------------------------------------------

@pytest.mark.parametrize("body", [
    "Kenya and Uganda agreed on Monday to deepen cooperation on peacekeeping in Somalia.",
    "Chile and Peru pledged closer cooperation on disaster relief across Bolivia and on border patrols.",
])
def test_a_setting_country_is_no_partner(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    pairs = {tuple(sorted((local_name(s), local_name(o)))) for s, o in _relations(out, "cooperatesWith")}
    assert len(pairs) == 1 and not {"SOM", "BOL"} & set(next(iter(pairs)))


def test_a_country_after_a_verb_is_no_setting(workspace_extractor):
    # "trained in Ghana": after a verb, Ghana may be the partner itself
    out = _run(workspace_extractor, "Our partnership with Ghana is old: our officers have trained in Ghana since 1990, "
                                    "said Nigeria's Defence Minister Bello Matawalle.")
    assert {tuple(sorted((local_name(s), local_name(o)))) for s, o in _relations(out, "cooperatesWith")} \
        == {("GHA", "NGA")}


# -- cooperation said without "cooperate" ---------------------------------------------------

@pytest.mark.parametrize("body, pair", [
    ("Ghana and Togo have long worked hand in hand against smuggling on the Volta, the minister said.",
     ("GHA", "TGO")),
    ("The navies of Chile and Peru have worked together on search and rescue since 2010.", ("CHL", "PER")),
    ("\"We have been working with the Kenyan navy on maritime patrols for years,\" said Tanzania's Defence "
     "Minister Stergomena Tax.", ("KEN", "TZA")),
    ("Polish and Lithuanian troops have trained together for more than a decade.", ("LTU", "POL")),
    ("France had been Chad's closest partner in counter-terrorism since 2014, the officer said.", ("FRA", "TCD")),
])
def test_cooperation_without_cooperate(workspace_extractor, body, pair):
    out = _run(workspace_extractor, body)
    assert {tuple(sorted((local_name(s), local_name(o)))) for s, o in _relations(out, "cooperatesWith")} == {pair}


@pytest.mark.parametrize("body", [
    # training together once, on a date, is a joint exercise, not a lasting tie
    "Polish and Lithuanian troops trained together in September near Suwalki.",
    # a partner that is no country's partner
    "Japan had become \"a partner that understands the threats\", Poland's defence minister said.",
    # working together as a plan of one country's own services
    "Tanzania's army and navy will work together on the new base, the ministry said.",
])
def test_no_cooperation_without_a_lasting_tie(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert not _relations(out, "cooperatesWith")


# -- the two ministries / neighbours / armed forces stand for the two countries ----------------

@pytest.mark.parametrize("group", ["the two ministries", "the two defence ministries", "the two neighbours",
                                   "the two armed forces"])
def test_group_of_two_state_bodies_cooperates(workspace_extractor, group):
    body = ("Nigerian Defence Minister Bello Musa received Ghanaian Defence Minister Kofi Mensah on Monday. "
            f"Musa said {group} had agreed to deepen cooperation in defence intelligence.")
    assert _relations(_run(workspace_extractor, body), "cooperatesWith") == {(country_iri("GHA"), country_iri("NGA"))}


def test_group_of_two_ministries_without_a_tie(workspace_extractor):
    body = ("Nigerian Defence Minister Bello Musa received Ghanaian Defence Minister Kofi Mensah on Monday. "
            "Musa said the two ministries had not yet discussed new projects.")
    assert _relations(_run(workspace_extractor, body), "cooperatesWith") == set()


# -- a trilateral cooperation ties every pair of the countries named ----------------------

@pytest.mark.parametrize("body, pairs", [
    ("On Monday the Chief of the Kenyan Defence Forces, the Commander of the Ugandan Army and the Chief of "
     "the Rwandan Defence Force met in Kampala, where they reviewed the trilateral security cooperation.",
     {("KEN", "RWA"), ("KEN", "UGA"), ("RWA", "UGA")}),
    ("Chilean, Peruvian and Bolivian officers met in Arica to discuss the border cooperation the three "
     "countries have kept up since 2010.", {("BOL", "CHL"), ("BOL", "PER"), ("CHL", "PER")}),
])
def test_trilateral_cooperation_ties_every_pair(workspace_extractor, body, pairs):
    out = _run(workspace_extractor, body)
    assert _relations(out, "cooperatesWith") == {(country_iri(a), country_iri(b)) for a, b in pairs}


def test_three_countries_named_without_a_trilateral_word_give_no_pairs(workspace_extractor):
    out = _run(workspace_extractor, "The Kenyan minister met Ugandan officers in Kampala and praised the "
                                    "cooperation with Rwanda.")
    assert not _relations(out, "cooperatesWith") & {(country_iri("KEN"), country_iri("RWA")),
                                                    (country_iri("RWA"), country_iri("UGA"))}


# -- "X's ally is Y, under the Z Treaty" ------------------------------------------------------

@pytest.mark.parametrize("body, pair", [
    ("Seoul's closest ally remains the United States, under the Mutual Defense Treaty of 1953.", ("KOR", "USA")),
    ("Iceland's main ally is Norway under the Nordic Defence Treaty, the minister said.", ("ISL", "NOR")),
])
def test_ally_named_after_a_verb_under_a_treaty(workspace_extractor, body, pair):
    out = _run(workspace_extractor, body)
    allied = [r for r in out["relations"] if r["p"] == "alliedWith"]
    assert [(local_name(r["s"]), local_name(r["o"])) for r in allied] == [pair] and allied[0]["via"]


@pytest.mark.parametrize("body", [
    "Seoul's closest ally remains the United States, under whose nuclear umbrella it has stayed since 1953.",
    "Iceland's main ally praised Norway under the lights of the Nordic Defence Treaty summit, the minister said.",
])
def test_ally_without_a_treaty_after_it_gives_no_alliance(workspace_extractor, body):
    assert _relations(_run(workspace_extractor, body), "alliedWith") == set()
