"""The seed article, end to end with the workspace lexicon."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.articles import Article, read_article
from kg.iris import country_iri, person_iri

GOLD = Path(__file__).parent / "gold"
SEED = GOLD / "000_seed_azernews.txt"
AZE, TUR = country_iri("AZE"), country_iri("TUR")
HASANOV, YALCIN = person_iri("Zakir Hasanov"), person_iri("Zakaria Yalcin")
ALIYEV, ERDOGAN = person_iri("Ilham Aliyev"), person_iri("Recep Tayyip Erdogan")
SHUSHA = "https://w3id.org/ddkg/resource/agreement/shusha-declaration-on-allied-relations"


@pytest.fixture(scope="module")
def seed(workspace_extractor):
    return workspace_extractor.extract(read_article(SEED))


def _by_type(out, type_):
    return [e for e in out["events"] if e["type"] == type_]


def test_seed_reception(seed):
    [meeting] = _by_type(seed, "Meeting")
    assert (meeting["date"], meeting["host"], meeting["guest"]) == ("2021-10-08", HASANOV, YALCIN)
    assert {"MilitaryEducation", "MilitaryMedicine", "MilitaryTechnical"} <= set(meeting["topics"])


def test_seed_misspelled_surname_is_hasanov(seed):
    hasanov = next(e for e in seed["entities"] if e["id"] == HASANOV)
    assert "Hasaov" in [m["text"] for m in hasanov["mentions"]]


def test_seed_attache_role(seed):
    yalcin = next(e for e in seed["entities"] if e["id"] == YALCIN)
    assert yalcin["roles"] == [{"role": "MilitaryAttache", "country": TUR, "accreditedTo": AZE}]


def test_seed_agreements_and_alliance(seed):
    signings = {e["date"]: e for e in _by_type(seed, "AgreementSigning")}
    assert signings["2021-06-15"]["agreement"] == SHUSHA
    assert set(signings["2021-06-15"]["participants"]) == {ALIYEV, ERDOGAN}
    assert signings["1992"]["participants"] == [AZE, TUR]
    allied = [r for r in seed["relations"] if r["p"] == "alliedWith"]
    assert [(r["s"], r["o"], r["via"], r["since"]) for r in allied] == [(AZE, TUR, SHUSHA, "2021-06-15")]
    signed = {(r["s"], r["o"]) for r in seed["relations"] if r["p"] == "signed"}
    assert signed == {(ALIYEV, SHUSHA), (ERDOGAN, SHUSHA)}


def test_seed_drills_and_interview(seed):
    [drills] = _by_type(seed, "JointExercise")
    assert drills["date"] is None and drills["participants"] == [AZE, TUR]
    [interview] = _by_type(seed, "Interview")
    assert interview["date"] == "2021-09-27" and ALIYEV in interview["participants"]


def test_seed_future_sentence_yields_no_event(workspace_extractor):
    out = workspace_extractor.extract(Article(id="t", date="2021-10-08", body=(
        "Defence Minister Zakir Hasanov will receive Turkey's military attache Maj-Gen Zakaria Yalcin next week.")))
    assert out["events"] == []


def test_seed_scores_one_on_gold(workspace_lexicon):
    from kg.evaluate import evaluate
    evaluation = evaluate(GOLD, workspace_lexicon)
    seed = next(a for a in evaluation.articles if a.name == "000_seed_azernews")
    assert seed.counts["entities"].f1 == 1.0 and seed.counts["roles"].f1 == 1.0
    assert seed.counts["events"].recall == 1.0
    assert "overall" in evaluation.as_table()
    assert set(evaluation.as_dict()["overall"]) == {"entities", "roles", "events", "relations"}


def test_evaluate_topics_micro_over_event_topic_pairs():
    from kg.evaluate import Evaluation, Resolver, score_article
    from kg.iris import person_iri
    from kg.extract.lexicon import Lexicon
    gold = {"entities": [], "relations": [], "events": [
        {"type": "Meeting", "date": "2024-01-02", "participants": ["A B"], "topics": ["Space", "Energy"]}]}
    out = {"entities": [], "relations": [], "events": [
        {"type": "Meeting", "date": "2024-01-02", "participants": [person_iri("A B")],
         "host": None, "guest": None, "agreement": None, "place": None, "topics": ["Space", "Logistics"]}]}
    score = score_article("x", gold, out, Resolver(Lexicon()))
    ev = Evaluation([score])
    assert (score.topics.tp, score.topics.fp, score.topics.fn) == (1, 1, 1)
    assert ev.attribute_accuracy()["topics"] == 0.0
    assert ev.as_dict()["topics"]["f1"] == 0.5
    assert "event-topic pairs" in ev.as_table()
