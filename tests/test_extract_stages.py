"""Stage by stage, on hand-written sentences: sentences, dates, gazetteer."""
from __future__ import annotations

from kg.extract.dates import DateFinder
from kg.extract.gazetteer import Gazetteer
from kg.extract.sentences import split_sentences
from kg.extract.text import tokenize

MONTHS = {"january": 1, "june": 6, "september": 9, "october": 10, "december": 12, "dec": 12}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2}
RELATIVE = {"yesterday": "-1d", "last month": "-1m", "earlier this year": "0y", "last week": "-1w"}


def _sentences(body, abbreviations=frozenset({"maj", "gen", "lt", "col", "mr", "dr"})):
    return [body[s:e] for s, e in split_sentences(body, abbreviations)]


def test_sentences_abbreviations_do_not_split():
    body = "Maj. Gen. Z. Yalcin met Lt. Col. Smith of the U.S. Army. He left on Monday."
    assert _sentences(body) == ["Maj. Gen. Z. Yalcin met Lt. Col. Smith of the U.S. Army.", "He left on Monday."]


def test_sentences_line_breaks_and_offsets():
    body = "  First one!\n\nSecond one? Third.\n"
    spans = split_sentences(body)
    assert [body[s:e] for s, e in spans] == ["First one!", "Second one?", "Third."]


def test_sentences_lower_case_after_stop_does_not_split():
    assert _sentences("The talks ended at 5 p.m. and the delegation left.") == [
        "The talks ended at 5 p.m. and the delegation left."]


def test_sentences_empty_and_whitespace():
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []


def _dates(text, base):
    return [d.value for d in DateFinder(MONTHS, WEEKDAYS, RELATIVE).find(text, base)]


def test_dates_absolute_at_their_precision():
    assert _dates("on 15 June 2021, in June 2021 and in 1992", None) == ["2021-06-15", "2021-06", "1992"]
    assert _dates("dated 8.10.2021 and 2021-10-08", None) == ["2021-10-08", "2021-10-08"]


def test_dates_month_day_takes_the_article_year():
    assert _dates("on October 8", "2021-10-08") == ["2021-10-08"]
    assert _dates("on June 15", "2021-10-08") == ["2021-06-15"]


def test_dates_december_in_a_january_article_is_the_year_before():
    assert _dates("on December 30", "2022-01-04") == ["2021-12-30"]


def test_dates_relative_to_the_article():
    assert _dates("on Tuesday", "2021-10-08") == ["2021-10-05"]
    assert _dates("yesterday", "2021-10-08") == ["2021-10-07"]
    assert _dates("last month", "2021-01-15") == ["2020-12"]
    assert _dates("earlier this year", "2021-10-08") == ["2021"]


def test_dates_relative_without_article_date_are_dropped():
    assert _dates("yesterday and on Tuesday", None) == []


def test_dates_offsets_index_the_text():
    text = "They met on September 27 in Baku."
    [d] = DateFinder(MONTHS, WEEKDAYS, RELATIVE).find(text, "2021-10-08")
    assert text[d.start:d.end] == "September 27"


def _gazetteer():
    gaz = Gazetteer()
    gaz.add("Turkey", "country", "TUR")
    gaz.add("US", "country", "USA")
    gaz.add("Maj-Gen", "rank", "MajorGeneral")
    gaz.add("defence minister", "post", "DefenceMinister", cased=False)
    gaz.add("minister", "posthead", "minister", cased=False)
    return gaz


def _find(gaz, text):
    toks = tokenize(text)
    return [(text[toks.starts[m.i]:toks.ends[m.j - 1]], m.cat, m.key) for m in gaz.find(toks, 0, len(toks))]


def test_gazetteer_punctuation_inside_terms_is_optional():
    gaz = _gazetteer()
    for text in ("Maj-Gen Yalcin", "Maj. Gen. Yalcin", "Maj Gen Yalcin"):
        assert _find(gaz, text)[0][1:] == ("rank", "MajorGeneral")


def test_gazetteer_names_need_capitals_and_acronyms_need_all_capitals():
    gaz = _gazetteer()
    assert _find(gaz, "roast turkey for us") == []
    assert [m[2] for m in _find(gaz, "Turkey and the US")] == ["TUR", "USA"]


def test_gazetteer_leftmost_longest_within_a_group():
    gaz = _gazetteer()
    assert _find(gaz, "The Defence Minister spoke") == [("Defence Minister", "post", "DefenceMinister")]
