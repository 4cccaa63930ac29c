"""Extraction speed: articles per second on one core, with worker processes, and `kg build` end to end.

Synthetic articles: the bodies of the gold articles (tests/gold/*.txt, headers dropped) are joined
in a fixed rotating order and cut at a paragraph boundary once 2-3 KB are reached, so every
synthetic article is real news English of the size the product sees (2-3 KB), its date is one
of the gold dates, and the run is deterministic. Extraction is timed alone (the lexicon is
compiled once, outside the timing) with ``kg.extract.pipeline.extract_files`` at each worker
count (files on disk, read and parsed inside the timing, as ``kg extract`` does); ``kg build`` is
timed end to end on a temporary workspace holding a copy of the repository's ontology/,
queries/, seeds/curated/ and seeds/articles/ (the curated facts cite those articles) plus N
synthetic articles in seeds/articles/.

    python benchmarks/bench_extract.py                 # default: 600 articles, workers 1 and 2, build on 200
    python benchmarks/bench_extract.py --articles 2000 --workers 1,2,4 --build-articles 500

Prints a table (articles, workers, seconds, articles/s) and writes it to
benchmarks/results/extract.md. The default run takes well under two minutes.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"
RESULTS = REPO / "benchmarks" / "results" / "extract.md"


def synthetic_articles(n: int, low: int = 2048, high: int = 3072) -> list[tuple[str, str]]:
    """n (date, body) pairs of 2-3 KB built from the gold bodies' paragraphs."""
    from kg.articles import read_article
    sources = [read_article(p) for p in sorted(GOLD.glob("*.txt"))]
    paragraphs = [(a.date or "2024-01-01", para.strip()) for a in sources
                  for para in (a.body or "").split("\n\n") if para.strip()]
    out, k = [], 0
    for i in range(n):
        date, parts, size = paragraphs[k % len(paragraphs)][0], [], 0
        while size < low:
            para = paragraphs[k % len(paragraphs)][1]
            k += 1
            if size + len(para) > high and parts:
                continue
            parts.append(para)
            size += len(para) + 2
        k += i % 3   # vary the mix from one article to the next
        out.append((date, "\n\n".join(parts)))
    return out


def write_articles(folder: Path, articles: list[tuple[str, str]]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (date, body) in enumerate(articles):
        path = folder / f"synthetic_{i:05d}.txt"
        path.write_text(f"date: {date}\ntitle: synthetic article {i}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def time_extraction(paths: list[Path], workers: int, lexicon) -> float:
    from kg.extract.pipeline import extract_files
    started = time.perf_counter()
    extract_files(paths, lexicon, workers=workers)
    return time.perf_counter() - started


def time_build(articles: list[tuple[str, str]], workers: int, tmp: Path) -> float:
    ws = tmp / f"ws_{workers}"
    for part in ("ontology", "queries"):
        shutil.copytree(REPO / part, ws / part)
    shutil.copytree(REPO / "seeds" / "curated", ws / "seeds" / "curated")
    shutil.copytree(REPO / "seeds" / "articles", ws / "seeds" / "articles")   # the curated facts cite them
    write_articles(ws / "seeds" / "articles", articles)
    kg = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
    started = time.perf_counter()
    done = subprocess.run([kg, "build", "-w", str(ws), "--workers", str(workers), "-q", "--allow-violations"],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):   # 1: SHACL violations (published with --allow-violations)
        raise SystemExit(f"kg build failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    if done.returncode == 1:
        report = ws / "build" / "validation.txt"
        print(f"note: kg build on {len(articles)} synthetic articles reports SHACL violations"
              f" ({report}: {report.stat().st_size if report.exists() else 0} bytes)", file=sys.stderr)
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=600, help="articles for the extraction timings")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--build-articles", type=int, default=200, help="articles for kg build (0: skip)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    workers = [int(w) for w in args.workers.split(",")]

    from kg.lexicon_graph import load_workspace_lexicon
    lexicon = load_workspace_lexicon(REPO)
    articles = synthetic_articles(args.articles)
    mean_kb = sum(len(b.encode()) for _, b in articles) / len(articles) / 1024
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        paths = write_articles(tmp / "articles", articles)
        time_extraction(paths[:20], 1, lexicon)   # warm caches (fold, imports)
        for w in workers:
            seconds = time_extraction(paths, w, lexicon)
            rows.append(("extract", len(paths), w, seconds))
        if args.build_articles:
            for w in workers:
                seconds = time_build(articles[: args.build_articles], w, tmp)
                rows.append(("kg build", args.build_articles, w, seconds))

    header = "| step | articles | workers | seconds | articles/s |\n| --- | ---: | ---: | ---: | ---: |"
    lines = [f"| {step} | {n} | {w} | {s:.2f} | {n / s:.0f} |" for step, n, w, s in rows]
    table = "\n".join([header, *lines])
    print(table)
    note = (f"# Extraction benchmark\n\n`python benchmarks/bench_extract.py {' '.join(argv or sys.argv[1:])}`\n\n"
            f"Synthetic articles of {mean_kb:.1f} KB on average (gold bodies joined, see the script); "
            f"`extract` times `extract_files` (read + extract, lexicon compiled beforehand); `kg build` is "
            f"end to end with --allow-violations (ontology, curated data, extraction, RDF, store, SHACL, exports).\n"
            f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at the end "
            f"(other jobs share the machine: compare rows of one run, not runs).\n\n{table}\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(note, encoding="utf-8")


if __name__ == "__main__":
    main()
