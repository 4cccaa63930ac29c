"""A realistic synthetic defence-diplomacy graph, following docs/model.md, at any size.

Countries (with the names, ISO codes and demonyms the canned queries match on), people with
dated posts, meetings, visits, agreement signings and joint exercises, each event with a source
article and an evidence node (sentence, offsets, rule, confidence), and qualified alliance
relationships. The seed's people and countries (Zakir Hasanov, Azerbaijan, Turkey) are in it,
so the canned queries' default parameters find rows. Deterministic for a given size and seed.

The output is Turtle written one triple a line (so also valid N-Triples), for a workspace's
``seeds/curated/``:

    python benchmarks/generate_graph.py --triples 1000000 --output /tmp/ws/seeds/curated/synthetic.ttl
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import TextIO

DDKG = "https://w3id.org/ddkg/ontology#"
RES = "https://w3id.org/ddkg/resource/"
CONCEPT = "https://w3id.org/ddkg/concept/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
OA = "http://www.w3.org/ns/oa#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

SEED_COUNTRIES = [("AZE", "AZ", "Azerbaijan", "Azerbaijani"), ("TUR", "TR", "Turkey", "Turkish"),
                  ("ARM", "AM", "Armenia", "Armenian"), ("GEO", "GE", "Georgia", "Georgian"),
                  ("PAK", "PK", "Pakistan", "Pakistani"), ("RUS", "RU", "Russia", "Russian"),
                  ("KAZ", "KZ", "Kazakhstan", "Kazakh"), ("UZB", "UZ", "Uzbekistan", "Uzbek")]
POSTS = ["DefenceMinister", "MilitaryAttache", "Ambassador", "ChiefOfGeneralStaff", "ForeignMinister",
         "DeputyDefenceMinister", "President", "PrimeMinister"]
AREAS = ["MilitaryEducation", "MilitaryCooperation", "MilitaryTechnical", "DefenceIndustry",
         "RegionalSecurity", "MilitaryTraining", "MilitaryMedicine", "EconomicCooperation"]
FIRST = ["Ali", "Mehmet", "Elnur", "Ayse", "Rustam", "Nino", "Imran", "Olga", "Farid", "Leyla", "Kemal",
         "Arman", "Daniyar", "Zara", "Timur", "Selin", "Bakhtiyar", "Gulnara", "Hasan", "Irakli"]
LAST = ["Aliyev", "Yilmaz", "Mammadov", "Kaya", "Khan", "Petrov", "Beridze", "Nazarov", "Demir", "Huseynov",
        "Sargsyan", "Abenov", "Karimov", "Ozturk", "Gasimov", "Lomidze", "Iskandarov", "Celik", "Rahimov"]


class Writer:
    def __init__(self, out: TextIO) -> None:
        self.out, self.count = out, 0

    def iri(self, s: str, p: str, o: str) -> None:
        self.out.write(f"<{s}> <{p}> <{o}> .\n")
        self.count += 1

    def lit(self, s: str, p: str, value: str, datatype: str = "", lang: str = "") -> None:
        text = value.replace("\\", "\\\\").replace('"', '\\"')
        suffix = f"^^<{XSD}{datatype}>" if datatype else (f"@{lang}" if lang else "")
        self.out.write(f'<{s}> <{p}> "{text}"{suffix} .\n')
        self.count += 1


def generate(out: TextIO, triples: int, seed: int = 7) -> int:
    """Write about ``triples`` triples; returns how many were written."""
    rng = random.Random(seed)
    w = Writer(out)
    countries = [(f"{RES}country/{iso3}", iso3, iso2, name, demonym)
                 for iso3, iso2, name, demonym in SEED_COUNTRIES]
    for i in range(192):  # synthetic countries beside the seed ones
        code = f"X{i // 26 % 26 + 65:c}{i % 26 + 65:c}"
        countries.append((f"{RES}country/{code}", code, code[1:], f"Country {code}", f"Countrian {code}"))
    for iri, iso3, iso2, name, demonym in countries:
        w.iri(iri, RDF_TYPE, DDKG + "Country")
        w.lit(iri, LABEL, name)
        w.lit(iri, DDKG + "iso3", iso3)
        w.lit(iri, DDKG + "iso2", iso2)
        w.lit(iri, DDKG + "demonym", demonym)
    # Most activity is among the seed countries and a few dozen others, as in real news.
    active = [c[0] for c in countries[:40]]

    def country() -> str:
        return rng.choice(active[:8]) if rng.random() < 0.5 else rng.choice(active)

    people: list[tuple[str, str]] = []

    def person(name: str, home: str, post: str, accredited: str = "", start: str = "2015-01-01") -> str:
        slug = name.lower().replace(" ", "-")
        iri = f"{RES}person/{slug}"
        w.iri(iri, RDF_TYPE, DDKG + "Person")
        w.lit(iri, LABEL, name)
        w.iri(iri, DDKG + "citizenOf", home)
        post_iri = f"{RES}post/{slug}-{post.lower()}-{home.rsplit('/', 1)[1].lower()}"
        w.iri(post_iri, RDF_TYPE, DDKG + "Post")
        w.iri(post_iri, DDKG + "holder", iri)
        w.iri(iri, DDKG + "holdsPost", post_iri)
        w.iri(post_iri, DDKG + "postType", f"{CONCEPT}post/{post}")
        w.iri(post_iri, DDKG + "postCountry", home)
        if accredited:
            w.iri(post_iri, DDKG + "accreditedTo", accredited)
        w.lit(post_iri, DDKG + "startDate", start, "date")
        people.append((iri, home))
        return iri

    hasanov = person("Zakir Hasanov", f"{RES}country/AZE", "DefenceMinister", start="2013-10-22")
    w.lit(hasanov, ALT, "Zakir Hasanov")
    person("Zakaria Yalcin", f"{RES}country/TUR", "MilitaryAttache", f"{RES}country/AZE", "2020-08-01")
    n_people = max(50, triples // 250)
    for i in range(n_people):
        home = country()
        post = rng.choice(POSTS)
        accredited = country() if post in ("MilitaryAttache", "Ambassador") else ""
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        person(name, home, post, accredited, f"{rng.randint(2005, 2023)}-{rng.randint(1, 12):02d}-01")

    article_count = 0
    event_count = 0

    def article() -> tuple[str, str]:
        nonlocal article_count
        article_count += 1
        iri = f"{RES}article/synthetic-{article_count}"
        date = f"{rng.randint(2010, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        w.iri(iri, RDF_TYPE, DDKG + "Article")
        w.lit(iri, DCT + "title", f"Synthetic report {article_count}")
        w.lit(iri, DCT + "date", date, "date")
        w.lit(iri, DCT + "publisher", rng.choice(["AzerNews", "Anadolu", "Trend", "APA", "Daily Sabah"]))
        return iri, date

    def evidence(fact: str, source: str, sentence: str) -> None:
        start = rng.randint(0, 3000)
        ev = f"{RES}evidence/extracted/{source.rsplit('/', 1)[1]}/{start}-{start + len(sentence)}-{event_count}"
        w.iri(fact, DDKG + "evidence", ev)
        w.iri(ev, RDF_TYPE, DDKG + "Evidence")
        w.iri(ev, OA + "hasSource", source)
        w.lit(ev, DDKG + "sentence", sentence)
        w.lit(ev, DDKG + "rule", rng.choice(["meeting.received", "visit.paid", "signing.signed", "exercise.held"]))
        w.lit(ev, DDKG + "confidence", f"0.{rng.randint(6, 9)}", "decimal")
        w.lit(ev, DDKG + "assertedBy", "extracted")
        position = ev + "#position"
        w.iri(ev, OA + "hasSelector", position)
        w.iri(position, RDF_TYPE, OA + "TextPositionSelector")
        w.lit(position, OA + "start", str(start), "integer")
        w.lit(position, OA + "end", str(start + len(sentence)), "integer")

    current_article, article_date = article()
    exercise_series = [f"{RES}exercise/synthetic-exercise-{i}" for i in range(60)]
    for series in exercise_series:
        w.iri(series, RDF_TYPE, DDKG + "Exercise")
        w.lit(series, LABEL, f"Exercise {series.rsplit('-', 1)[1]}")
    alliance = 0
    while w.count < triples:
        event_count += 1
        if event_count % 4 == 0:
            current_article, article_date = article()
        kind = rng.random()
        date = article_date
        if kind < 0.55:  # a meeting between two people
            host_iri = hasanov if rng.random() < 0.02 else rng.choice(people)[0]
            guest_iri = rng.choice(people)[0]
            if guest_iri == host_iri:
                continue
            event = f"{RES}event/{date}-meeting-{event_count}"
            w.iri(event, RDF_TYPE, DDKG + "Meeting")
            w.lit(event, DDKG + "date", date, "date")
            w.iri(event, DDKG + "host", host_iri)
            w.iri(event, DDKG + "guest", guest_iri)
            w.iri(event, DDKG + "participant", host_iri)
            w.iri(event, DDKG + "participant", guest_iri)
            for area in rng.sample(AREAS, rng.randint(1, 3)):
                w.iri(event, DDKG + "topic", f"{CONCEPT}area/{area}")
            w.lit(event, LABEL, f"Meeting {event_count}", lang="en")
            evidence(event, current_article, f"The minister received the delegation ({event_count}).")
        elif kind < 0.7:  # a visit
            guest_iri, home = rng.choice(people)
            event = f"{RES}event/{date}-visit-{event_count}"
            w.iri(event, RDF_TYPE, DDKG + "Visit")
            w.lit(event, DDKG + "date", date, "date")
            w.iri(event, DDKG + "guest", guest_iri)
            w.iri(event, DDKG + "participant", guest_iri)
            w.iri(event, DDKG + "participant", country())
            w.lit(event, LABEL, f"Visit {event_count}", lang="en")
            evidence(event, current_article, f"The delegation paid an official visit ({event_count}).")
        elif kind < 0.85:  # an agreement signing
            a, b = rng.sample(active, 2) if rng.random() < 0.7 else (f"{RES}country/AZE", f"{RES}country/TUR")
            agreement = f"{RES}agreement/synthetic-{event_count}"
            w.iri(agreement, RDF_TYPE, DDKG + "Agreement")
            w.lit(agreement, LABEL, f"Agreement {event_count} on military cooperation")
            w.iri(agreement, DDKG + "agreementKind",
                  f"{CONCEPT}agreement/{rng.choice(['Agreement', 'Memorandum', 'Protocol', 'Plan'])}")
            w.lit(agreement, DDKG + "date", date, "date")
            w.iri(agreement, DDKG + "party", a)
            w.iri(agreement, DDKG + "party", b)
            signers = [p for p, home in rng.sample(people, 6) if home in (a, b)][:2] or [rng.choice(people)[0]]
            for signer in signers:
                w.iri(agreement, DDKG + "signatory", signer)
            w.iri(agreement, DDKG + "topic", f"{CONCEPT}area/{rng.choice(AREAS)}")
            event = f"{RES}event/{date}-agreementsigning-{event_count}"
            w.iri(event, RDF_TYPE, DDKG + "AgreementSigning")
            w.lit(event, DDKG + "date", date, "date")
            w.iri(event, DDKG + "agreement", agreement)
            w.iri(event, DDKG + "participant", a)
            w.iri(event, DDKG + "participant", b)
            evidence(agreement, current_article, f"The sides signed an agreement ({event_count}).")
            if rng.random() < 0.05:  # some agreements establish an alliance
                alliance += 1
                relation = f"{RES}relationship/synthetic-alliance-{alliance}"
                w.iri(relation, RDF_TYPE, DDKG + "Relationship")
                w.iri(relation, DDKG + "relationType", DDKG + "alliedWith")
                w.iri(relation, DDKG + "relationSubject", a)
                w.iri(relation, DDKG + "relationObject", b)
                w.iri(relation, DDKG + "via", agreement)
                w.lit(relation, DDKG + "since", date, "date")
                w.iri(relation, DDKG + "area", f"{CONCEPT}area/{rng.choice(AREAS)}")
                evidence(relation, current_article, f"The two countries are allies ({event_count}).")
        else:  # a joint exercise of two to four countries
            event = f"{RES}event/{date}-jointexercise-{event_count}"
            w.iri(event, RDF_TYPE, DDKG + "JointExercise")
            w.lit(event, DDKG + "date", date, "date")
            w.iri(event, DDKG + "exercise", rng.choice(exercise_series))
            for c in {country() for _ in range(rng.randint(2, 4))}:
                w.iri(event, DDKG + "participant", c)
            w.iri(event, DDKG + "topic", f"{CONCEPT}area/MilitaryTraining")
            evidence(event, current_article, f"The armies held joint exercises ({event_count}).")
    return w.count


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=100_000, help="about how many triples")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, default=None, help="a .ttl file (default: stdout)")
    args = parser.parse_args(argv)
    if args.output is None:
        count = generate(sys.stdout, args.triples, args.seed)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with open(args.output, "w", encoding="utf-8") as out:
            count = generate(out, args.triples, args.seed)
    print(f"wrote {count} triples", file=sys.stderr)


if __name__ == "__main__":
    main()
