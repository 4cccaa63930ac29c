"""People, their posts and later mentions, on hand-written sentences in several styles."""
from __future__ import annotations

from kg.articles import Article
from kg.iris import country_iri

AZE, TUR, USA, GEO = (country_iri(c) for c in ("AZE", "TUR", "USA", "GEO"))


def _people(extractor, body, date="2021-10-08"):
    out = extractor.extract(Article(id="t", body=body, date=date))
    return {e["name"]: e for e in out["entities"] if e["type"] == "Person"}, out


def _roles(entity):
    return {(r["role"], r["country"], r["accreditedTo"]) for r in entity["roles"]}


def test_people_possessive_title_and_rank(hand_extractor):
    people, _ = _people(hand_extractor, "Defence Minister Zakir Hasanov has received Turkey’s newly-appointed "
                                        "military attache Maj-Gen Zakaria Yalcin.")
    assert _roles(people["Zakir Hasanov"]) == {("DefenceMinister", AZE, None)}
    assert _roles(people["Zakaria Yalcin"]) == {("MilitaryAttache", TUR, None)}


def test_people_adjective_and_accreditation(hand_extractor):
    people, _ = _people(hand_extractor, "The American defense attache to Georgia, Colonel Daniel Whitcomb, "
                                        "met reporters.")
    assert _roles(people["Daniel Whitcomb"]) == {("DefenceAttache", USA, GEO)}


def test_people_appositive_title(hand_extractor):
    people, _ = _people(hand_extractor, "Selim Kaya, Turkey's ambassador to Azerbaijan, attended.")
    assert _roles(people["Selim Kaya"]) == {("Ambassador", TUR, AZE)}


def test_people_of_the_republic_of(hand_extractor):
    people, _ = _people(hand_extractor, "The Minister of Defence of the Republic of Azerbaijan, Colonel "
                                        "Rauf Mammadov, arrived in Ankara.")
    assert _roles(people["Rauf Mammadov"]) == {("DefenceMinister", AZE, None)}


def test_people_counterpart_holds_the_same_post(hand_extractor):
    people, _ = _people(hand_extractor, "President Ilham Aliyev and his Turkish counterpart Recep Tayyip "
                                        "Erdogan signed the declaration.")
    assert _roles(people["Recep Tayyip Erdogan"]) == {("President", TUR, None)}


def test_coref_misspelled_surname_resolves_to_the_known_person(hand_extractor):
    people, _ = _people(hand_extractor, "Defence Minister Zakir Hasanov met the attache. Hasaov said the "
                                        "talks went well.")
    assert [m["text"] for m in people["Zakir Hasanov"]["mentions"]] == ["Zakir Hasanov", "Hasaov"]


def test_coref_fuzzy_never_merges_two_known_people(hand_extractor):
    people, _ = _people(hand_extractor, "Zakir Hasanov and Hulusi Akar met. Akar said so.")
    assert [m["text"] for m in people["Hulusi Akar"]["mentions"]] == ["Hulusi Akar", "Akar"]
    assert [m["text"] for m in people["Zakir Hasanov"]["mentions"]] == ["Zakir Hasanov"]


def test_coref_short_names_are_not_matched_fuzzily(hand_extractor):
    people, _ = _people(hand_extractor, "General Ali Kim arrived. Kin said nothing.")
    assert [m["text"] for m in people["Ali Kim"]["mentions"]] == ["Ali Kim"]


def test_coref_title_alone_takes_the_accreditation(hand_extractor):
    people, _ = _people(hand_extractor, "Zakir Hasanov received Turkey's military attache Maj-Gen Zakaria "
                                        "Yalcin. Hasanov congratulated the military attache on his appointment "
                                        "in Azerbaijan.")
    assert _roles(people["Zakaria Yalcin"]) == {("MilitaryAttache", TUR, AZE)}


def test_people_known_person_by_lexicon_surname_alone(hand_extractor):
    people, _ = _people(hand_extractor, "Erdogan said Turkey stands with Azerbaijan.")
    assert "Recep Tayyip Erdogan" in people


def test_people_honorific_is_not_part_of_the_name(hand_extractor):
    people, _ = _people(hand_extractor, "Mr Daniel Whitcomb, the American ambassador, said so.")
    assert "Daniel Whitcomb" in people
