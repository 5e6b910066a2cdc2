"""No dead code in the product (issue 11): vulture finds no function, method, class, variable, attribute or import
of app/ or tools/ that nothing uses (the tests count as users). What code reaches without a reference vulture can
see (Qt's overrides, hooks called by name) is listed, each with why, in tools/vulture_whitelist.py.

A failure names the file and line: remove the dead code (or, when it is reached in a way vulture cannot see, add it
to the whitelist saying how).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_no_dead_code_in_the_product():
    pytest.importorskip("vulture", reason="vulture is in the test extra: pip install -e '.[test]'")
    run = subprocess.run([sys.executable, "-m", "vulture", "app", "tests", "tools", "--min-confidence", "60"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 3), run.stderr  # 3: vulture found something
    dead = [line for line in run.stdout.splitlines() if line.startswith(("app/", "tools/"))]
    assert not dead, "dead code (remove it, or whitelist what is reached by name in tools/vulture_whitelist.py):\n" \
        + "\n".join(dead)
