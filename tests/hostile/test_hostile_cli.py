"""Across the cases: no traceback reaches the user, --debug shows one, and docs/reliability.md
lists exactly the cases tests/hostile/ runs."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOC = HERE.parents[1] / "docs" / "reliability.md"
KG = str(Path(sys.executable).parent / "kg")


def test_hostile_debug_shows_the_traceback(hostile_ws):
    (hostile_ws / "seeds" / "articles" / "empty.txt").write_bytes(b"")
    plain = subprocess.run([KG, "build", "-w", str(hostile_ws), "-q"], capture_output=True, text=True, timeout=120)
    assert plain.returncode == 2 and "Traceback" not in plain.stdout + plain.stderr
    assert plain.stderr.startswith("Error: ") and "empty.txt" in plain.stderr
    debug = subprocess.run([KG, "--debug", "build", "-w", str(hostile_ws), "-q"], capture_output=True, text=True,
                           timeout=120)
    assert debug.returncode != 0
    assert "Traceback (most recent call last)" in debug.stderr and "ArticleError" in debug.stderr


def test_hostile_reliability_doc_lists_every_case():
    text = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"`(test_hostile_\w+)`", text))
    defined = {name for path in HERE.glob("test_hostile_*.py")
               for name in re.findall(r"^def (test_hostile_\w+)", path.read_text(encoding="utf-8"), re.M)}
    assert documented == defined, (f"in the doc, not in tests/hostile: {sorted(documented - defined)}; "
                                   f"in tests/hostile, not in the doc: {sorted(defined - documented)}")
    rows = [line for line in text.splitlines() if re.match(r"^\| .* \| `test_hostile_", line)]
    assert f"{len(rows)} cases" in text

