"""kill -9 in the middle of a sync, at every step that matters and at random moments: the project and the
repository stay consistent, nothing shown as done is lost, and the next sync completes."""

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.team import layout

from team_support import Team, add_word, holdings, make_template, show

pytestmark = pytest.mark.slow
CHILD = Path(__file__).with_name("team_child.py")
REPO = Path(__file__).resolve().parents[1]


def child(db: Path, point: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHILD), str(db), point], cwd=REPO, capture_output=True, timeout=120,
                          env={**__import__("os").environ, "PYTHONPATH": str(REPO)})


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("team-template"), ("ali", "bob"))


def consistent(db: Path, remote: Path) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    subprocess.run(["git", "--git-dir", str(remote), "fsck", "--no-progress", "--strict"], check=True,
                   capture_output=True)


@pytest.mark.parametrize("point", ["received", "committed", "noted", "pushed", "finishing"])
def test_a_kill_at_each_step_leaves_both_consistent_and_the_next_sync_completes(tmp_path, template, point):
    crew = Team.copy(template, tmp_path, ("ali", "bob"))
    s = crew.stores
    add_word(s["bob"], "bob", "d2", "CUE", "أكد")
    crew.sync("bob")
    add_word(s["ali"], "ali", "d1", "CUE", "قال")
    add_word(s["ali"], "ali", "d3", "SPEAKER", "Putin", entity="e-putin")
    expected = holdings(s["ali"])
    s["ali"].close()
    result = child(tmp_path / "ali.db", point)
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()[-2000:]
    consistent(tmp_path / "ali.db", crew.remote)
    ali = crew.open("ali")
    mine = holdings(ali)["layers"]
    assert mine[("d1", "ali")] == expected["layers"][("d1", "ali")]  # nothing of ali's lost
    assert mine[("d3", "ali")] == expected["layers"][("d3", "ali")]
    report = crew.sync("ali")  # the next sync completes
    assert not report.problems and not report.conflicts and not report.notices, report.details()
    assert show(crew.remote, layout.layer_path("ali", "d1"))
    assert not crew.sync("ali").sent  # and is complete: nothing left to send
    crew.sync("bob")
    assert holdings(s["bob"]) == holdings(ali)
    consistent(tmp_path / "ali.db", crew.remote)
    crew.close()


def test_kills_at_random_moments_never_break_anything(tmp_path, template):
    crew = Team.copy(template, tmp_path, ("ali", "bob"))
    s = crew.stores
    rng = random.Random(15)
    words = ["قال", "الرئيس", "الاقتصاد", "بخير", "وأضاف", "الأمور", "تتحسن"]
    for round_ in range(6):
        add_word(s["bob"], "bob", "d1", "CUE", words[round_])
        crew.sync("bob")
        add_word(s["ali"], "ali", "d1", "CUE", words[round_])
        s["ali"].close()
        proc = subprocess.Popen([sys.executable, str(CHILD), str(tmp_path / "ali.db"), "none"], cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.05, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        consistent(tmp_path / "ali.db", crew.remote)
        ali = crew.open("ali")
        assert len(ali.layer("d1", "ali").spans) == round_ + 1
    report = crew.sync("ali")
    assert not report.problems and not report.conflicts, report.details()
    crew.sync("bob")
    assert holdings(s["bob"]) == holdings(crew.stores["ali"])
    assert len(s["bob"].layer("d1", "ali").spans) == 6
    crew.close()
