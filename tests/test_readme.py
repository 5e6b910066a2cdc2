"""The README's two commands stay true: CI runs the README's test command verbatim, and the install command
installs the console script that starts the app."""

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## The two commands", 1)[1].split("\n## ", 1)[0]
    return [c.strip() for c in re.findall(r"```sh\n(.*?)\n```", section, re.S)]


def test_readme_has_an_install_and_start_command_and_a_test_command():
    start, tests = readme_commands()
    assert "pip install -e ." in start and start.endswith("qawl")
    assert "pytest" in tests and ".[test]" in tests


def test_ci_runs_the_readme_test_command_verbatim():
    _, tests = readme_commands()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()


def test_the_console_script_is_the_cli():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["qawl"] == "app.cli:main"
    deps = " ".join(project["project"]["dependencies"])
    assert "python_version < '3.12'" in deps and "<6.12" in deps  # PySide6 6.12.0 crashes on Python 3.11


def test_the_readme_lists_the_system_packages_ci_installs():
    """Before: the README left out fonts-dejavu-core, which .ci/run installs."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"```sh\nsudo apt-get install ([^\n]*)\n```", text).group(1).split()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    installed = re.search(r"^for pkg in ([^;]*); do$", ci, re.M).group(1).split()
    assert listed == installed


def test_ci_requires_the_corpus():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    tests = readme_commands()[1]
    assert "export QAWL_REQUIRE_CORPUS=1" in ci
    assert ci.index("export QAWL_REQUIRE_CORPUS=1") < ci.index(tests)
