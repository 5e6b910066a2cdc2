"""Qawl installed as people install applications (a wheel, `pip install .`, pipx) is the same product as the
editable install: the default project opens on the sample article, the Arabic interface is Arabic, the export's
JSON Schema is there (`qawl schema`), the icon and the desktop entry ship. The wheel is built from a copy of the
sources and installed into a fresh virtual environment, then run from outside the source tree.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_ID = "000_615554193b62eb79"


def test_pyproject_lists_every_package_under_app():
    """The package-dir mapping needs the package list written out: a new package under app/ must be added to it,
    or the wheel would ship without it."""
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "app").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(found - listed)}"
    assert listed - found == {"app.resources", "app.seeds"}


def test_the_running_code_reads_no_file_relative_to_the_source_tree():
    """Only the benchmarks (a development tool next to ../shared/corpus) may look beside the package."""
    offenders = []
    for path in (REPO / "app").rglob("*.py"):
        if "bench" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "__file__" in text:
            offenders.append(str(path.relative_to(REPO)))
    assert not offenders, f"look files up with importlib.resources (app.resources, app.seeds): {offenders}"


def test_the_editable_install_finds_the_shipped_files():
    from app import resources, seeds

    assert json.loads(resources.schema_path().read_text(encoding="utf-8"))["title"]
    assert (resources.i18n_dir() / "qawl_ar.qm").is_file()
    assert all(resources.icon_path(n).is_file() for n in resources.ICON_SIZES)
    assert [p.stem for p in seeds.articles()] == [SEED_ID]


def _copy_sources(target: Path) -> Path:
    """What a clean checkout holds for the build (no stale build/ folder, no caches)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "screenshots")
    target.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, target / name)
    for name in ("app", "resources", "seeds"):
        shutil.copytree(REPO / name, target / name, ignore=ignore)
    return target


def _clean_env(tmp: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QAWL_DB", "VIRTUAL_ENV")}
    env.update(XDG_DATA_HOME=str(tmp / "data"), XDG_CONFIG_HOME=str(tmp / "config"),
               QAWL_SETTINGS_DIR=str(tmp / "settings"), QT_QPA_PLATFORM="offscreen", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.update(extra)
    return env


def install_wheel(tmp: Path) -> dict:
    """A wheel built from the sources, installed with its dependencies into a fresh virtual environment."""
    src = _copy_sources(tmp / "src")
    env = _clean_env(tmp)
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"),
                            str(src)], capture_output=True, text=True, env=env, cwd=tmp)
    assert build.returncode == 0, build.stderr[-3000:]
    wheel = next((tmp / "dist").glob("qawl-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    install = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
                             capture_output=True, text=True, env=env, cwd=tmp)
    assert install.returncode == 0, install.stderr[-3000:]
    return {"tmp": tmp, "venv": venv, "wheel": wheel, "qawl": venv / "bin" / "qawl"}


def run(installed, *args, **env_extra) -> subprocess.CompletedProcess:
    home = installed["tmp"] / "home"
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120,
                          env=_clean_env(home, **env_extra), cwd=installed["tmp"])


@pytest.mark.slow
def test_the_wheel_in_a_fresh_environment_is_the_same_product(tmp_path):
    # One test (not one per check): the wheel and its environment are built once, whichever worker runs it.
    installed = install_wheel(tmp_path)
    check_the_wheel_holds_the_data_files(installed)
    check_the_installed_commands_find_their_files(installed)
    check_the_installed_window_opens_on_the_sample_article_in_arabic(installed)
    check_the_installed_desktop_entry_starts_this_installation(installed)


def check_the_wheel_holds_the_data_files(installed):
    import zipfile

    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    for name in ("app/resources/qawl-export-1.schema.json", "app/resources/i18n/qawl_ar.qm",
                 "app/resources/qawl.desktop", "app/resources/icons/qawl-256.png", "app/resources/icons/qawl.svg",
                 f"app/seeds/{SEED_ID}.txt", f"app/seeds/{SEED_ID}.json"):
        assert name in names
    assert not any("screenshots" in n or n.endswith(".ts") for n in names)


def check_the_installed_commands_find_their_files(installed):
    import app

    version = run(installed, installed["qawl"], "--version")
    assert version.stdout.strip() == f"qawl {app.__version__}"
    path = run(installed, installed["qawl"], "schema", "--path").stdout.strip()
    assert Path(path).is_relative_to(installed["venv"]), path  # from the installed package, not the checkout
    schema = run(installed, installed["qawl"], "schema")
    assert schema.stdout == (REPO / "resources" / "qawl-export-1.schema.json").read_text(encoding="utf-8")
    stats = run(installed, installed["qawl"], "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["documents"] == 1  # the default project got the sample article


def check_the_installed_window_opens_on_the_sample_article_in_arabic(installed):
    out = run(installed, installed["venv"] / "bin" / "python", REPO / "tests" / "package_probe.py",
              "gui", "--annotator", "amal", "--lang", "ar")
    assert out.returncode == 0, out.stderr[-3000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert Path(seen["package"]).is_relative_to(installed["venv"])
    assert seen["code"] == 0
    assert seen.get("document") == SEED_ID, seen  # before: no document open (the seeds were not in the wheel)
    assert seen["menus"][0] == "&ملف" and seen["menus"][-1] == "م&ساعدة", seen  # before: English (no .qm)
    assert seen["help"] == ["الم&فاتيح…", "إرشادات ال&توسيم", "الإ&بلاغ عن مشكلة…", "&عن قول"]
    assert seen["rtl"]
    assert 16 in seen["icon_sizes"] and 256 in seen["icon_sizes"]
    log = installed["tmp"] / "home" / "data" / "qawl" / "logs" / "qawl.log"
    assert "window started (Qawl" in log.read_text(encoding="utf-8")


def check_the_installed_desktop_entry_starts_this_installation(installed):
    out = run(installed, installed["qawl"], "desktop", "install")
    assert out.returncode == 0, out.stderr
    data = installed["tmp"] / "home" / "data"
    entry = (data / "applications" / "qawl.desktop").read_text(encoding="utf-8")
    assert f"Exec={installed['qawl'].resolve()} gui" in entry.splitlines()
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "qawl.png").is_file()
    validate = shutil.which("desktop-file-validate")
    if validate:
        checked = subprocess.run([validate, str(data / "applications" / "qawl.desktop")], capture_output=True,
                                 text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
