"""Qawl against the real peer tools, both ways: Label Studio 1.23.2, doccano 1.8.4 and brat (a developer's check,
not CI: the tools are large).

    .venv/bin/python tools/interop/check.py --brat /path/to/brat-checkout [--tools ~/qawl-tools] [--only ...]

What it does:

1. installs each tool in its own venv under ``--tools`` (outside the repository) when it is missing: ``pip install
   label-studio==1.23.2``; ``pip install doccano==1.8.4 'marshmallow<4' 'numpy<2' gunicorn`` (doccano's own pins are
   broken today); brat is not on PyPI: give ``--brat`` the path of a checkout of its public repository;
2. starts each on 127.0.0.1 only: ``label-studio start --internal-host 127.0.0.1``; doccano's WSGI app under
   gunicorn bound to 127.0.0.1 (its ``doccano webserver`` binds 0.0.0.0) with its task queue; brat's
   ``standalone.py`` after the edits below;
3. makes a Qawl project from the shared corpus (Arabic articles, an English one; annotations made from the
   suggestion engine's output as two annotators' layers, one done and one in progress; speakers with aliases;
   dates with their values), and for each tool runs
   * our export -> the tool's import API -> what the tool holds (every region with the right text, relations,
     attributes; for Label Studio also a headless Chromium screenshot of an Arabic task, to look at the RTL layout),
   * the tool's own export -> our import into a fresh project (documents, spans, relations, speakers and every
     document text equal);
4. prints the table (``--table FILE`` also writes it as Markdown for the README).

brat on Python 3.11 (its licence forbids nothing, but we keep none of its code in our tree): the script edits the
given checkout in place, each edit the smallest that works, and says which it made:
``server/src/dispatch.py`` (``inspect.getargspec`` is gone: a 4-field wrapper of ``getfullargspec``),
``server/src/annotation.py`` (``codecs.open`` no longer takes the ``'U'`` mode: the built-in ``open``), and
``standalone.py`` (bind 127.0.0.1 instead of every interface); ``config.py`` is made from ``config_template.py``.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from app.core.model import SUGGESTIONS  # noqa: E402
from app.operations.transfer import export_paths, import_paths  # noqa: E402
from app.store import Store  # noqa: E402

LS_VERSION, DOCCANO_VERSION = "1.23.2", "1.8.4"
USER, EMAIL, PASSWORD, TOKEN = "admin", "admin@qawl.test", "qawlpass123", "ab12" * 10
PORTS = {"labelstudio": 8080, "doccano": 8000, "brat": 8002}
ROWS: list[list[str]] = []
DOC_NOTES = [{"note": "المصدر غير مسمّى: تحقق من الوكالة\nsecond line", "discuss": True},
             {"note": "boundary of the second quote unsure"}]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def row(tool: str, direction: str, docs, spans, rels, attrs, texts: str, ok: bool, note: str = "") -> None:
    ROWS.append([tool, direction, str(docs), str(spans), str(rels), str(attrs), texts, "ok" if ok else "FAILED",
                 note])


# --- the project ----------------------------------------------------------------------------------------------

def make_project(work: Path, corpus: Path, n: int) -> Store:
    """n Arabic articles and an English one, annotated by 'ali' (done) and 'sara' (in progress, no dates)."""
    texts = sorted((corpus / "arabic_articles").glob("*.txt"))[:n]
    english = next((corpus / "english_quote_attribution" / "polnear_brat" / "dev_sample").glob("*.txt"))
    src = work / "src"
    src.mkdir()
    for p in [*texts, english]:
        shutil.copy(p, src / p.name)
        if p.with_suffix(".json").exists():
            shutil.copy(p.with_suffix(".json"), src / p.with_suffix(".json").name)
    db = work / "project.db"
    qawl("import", "--db", db, src)
    qawl("suggest", "--db", db)
    qawl("export", "--db", db, "--include-suggestions", "--annotator", SUGGESTIONS, "-o", work / "suggested.jsonl")
    lines = [json.loads(x) for x in (work / "suggested.jsonl").read_text().splitlines()]
    out = []
    for n, line in enumerate(line for line in lines if line["spans"]):
        ali = {**line, "annotator": "ali", "status": "done"}
        dates = {s["id"] for s in line["spans"] if s["label"] == "DATE"}
        sara = {**line, "annotator": "sara", "status": "in_progress",
                "spans": [s for s in line["spans"] if s["id"] not in dates],
                "relations": [r for r in line["relations"] if r["head"] not in dates and r["tail"] not in dates]}
        # Notes on documents (#13): ali notes two and flags one, sara flags one without a note.
        if n < len(DOC_NOTES):
            ali.update(DOC_NOTES[n])
        if n == 1:
            sara["discuss"] = True
        out += [ali, sara]
    (work / "people.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in out))
    qawl("import", "--db", db, work / "people.jsonl")
    return Store.open(db)


def qawl(*args) -> None:
    done = subprocess.run([sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))",
                           *map(str, args)], cwd=REPO, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"qawl {' '.join(map(str, args))} failed:\n{done.stderr}")


def ours(store: Store, annotator: str | None = None) -> dict:
    """What the project holds of people's work: per (doc, annotator) the spans, relations and attributes."""
    out = {}
    for doc_id in store.document_ids():
        for layer in store.layers(doc_id):
            if layer.annotator in (SUGGESTIONS,) or (annotator and layer.annotator != annotator):
                continue
            out[(doc_id, layer.annotator)] = layer
    return out


def counts(layers) -> tuple[int, int, int]:
    return (sum(len(l.spans) for l in layers), sum(len(l.relations) for l in layers),
            sum(len([a for a in s.attrs.values() if a not in (None, "")]) for l in layers for s in l.spans.values()))


def document_notes(store: Store, annotators: dict[str, str] | None = None) -> dict:
    """The notes and flags on documents, by (document, annotator) (``annotators`` renames layers)."""
    annotators = annotators or {}
    return {(doc_id, annotators.get(layer.annotator, layer.annotator)): (layer.note, layer.discuss)
            for doc_id in store.document_ids() for layer in store.layers(doc_id) if layer.note or layer.discuss}


def compare_back(store: Store, back: Store, tool: str, note: str) -> None:
    """Their export, imported into a fresh project, against what we sent: documents, texts, spans, speakers."""
    sent = ours(store)
    docs = [d for d in back.document_ids()]
    texts_equal = all(back.document(d).text_sha256 == store.document(d).text_sha256 for d in docs
                      if store.has_document(d))
    got = [l for d in docs for l in back.layers(d)]
    want = list(sent.values())
    s, r, a = counts(got)
    ws, wr, wa = counts(want)
    names = {e.name for e in back.entities().values()}
    want_names = {store.entities()[s.entity].name for l in want for s in l.spans.values()
                  if s.entity and s.entity in store.entities()}
    ok = texts_equal and (s, r, a) == (ws, wr, wa) and want_names <= names and len(docs) == store.count_documents()
    row(tool, "their export -> Qawl", f"{len(docs)}/{store.count_documents()}", f"{s}/{ws}", f"{r}/{wr}",
        f"{a}/{wa}", "equal" if texts_equal else "DIFFER", ok,
        note + (f"; speakers {len(want_names & names)}/{len(want_names)}" if want_names else ""))


# --- http helpers ----------------------------------------------------------------------------------------------

def http(method: str, url: str, body=None, headers=None, raw=False, form=None):
    data = None
    headers = dict(headers or {})
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=300) as resp:
        payload = resp.read()
        return (payload, resp.headers) if raw else json.loads(payload or b"null")


def wait_for(url: str, seconds: int = 180, headers=None) -> None:
    end = time.time() + seconds
    while time.time() < end:
        try:
            http("GET", url, headers=headers, raw=True)
            return
        except urllib.error.HTTPError:
            return  # it answers (an error status is an answer)
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(1)
    raise SystemExit(f"{url} did not answer in {seconds} s")


def venv(tools: Path, name: str, packages: list[str], skip: bool) -> Path:
    path = tools / name
    python = path / "bin" / "python"
    if not python.exists():
        if skip:
            raise SystemExit(f"{path} is missing and --skip-install was given")
        log(f"installing {' '.join(packages)} into {path} (minutes) ...")
        subprocess.run([sys.executable, "-m", "venv", path], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", *packages], check=True)
    return path


def start(cmd: list, log_file: Path, env=None, cwd=None) -> subprocess.Popen:
    return subprocess.Popen(cmd, stdout=open(log_file, "wb"), stderr=subprocess.STDOUT, env=env, cwd=cwd,
                            start_new_session=True)


# --- Label Studio ------------------------------------------------------------------------------------------------

def check_labelstudio(store: Store, work: Path, tools: Path, skip: bool, procs: list, shot: Path | None) -> None:
    env_dir = venv(tools, "ls", [f"label-studio=={LS_VERSION}"], skip)
    base = f"http://127.0.0.1:{PORTS['labelstudio']}"
    auth = {"Authorization": f"Token {TOKEN}"}
    try:
        http("GET", f"{base}/api/version", headers=auth)
    except (urllib.error.URLError, OSError):
        env = {**os.environ, "LABEL_STUDIO_BASE_DATA_DIR": str(tools / "ls-data")}
        procs.append(start([env_dir / "bin" / "label-studio", "start", "--no-browser", "--internal-host",
                            "127.0.0.1", "-p", str(PORTS["labelstudio"]), "--username", EMAIL, "--password",
                            PASSWORD, "--user-token", TOKEN, "--enable-legacy-api-token"], work / "ls.log", env))
        wait_for(f"{base}/api/version", 240, auth)
    version = http("GET", f"{base}/api/version", headers=auth)["release"]
    me = http("GET", f"{base}/api/current-user/whoami", headers=auth)
    out = work / "ls-out"
    export_paths(store, out, "labelstudio", options={"annotator_map": {"ali": me["email"]}})
    config = (out / "label_config.xml").read_text()
    project = http("POST", f"{base}/api/projects", {"title": f"qawl check {time.time():.0f}", "label_config": config},
                   headers=auth)
    tasks = json.loads((out / "tasks.json").read_text())
    http("POST", f"{base}/api/projects/{project['id']}/import", tasks, headers=auth)
    theirs, _ = http("GET", f"{base}/api/projects/{project['id']}/export?exportType=JSON&download_all_tasks=true",
                     headers=auth, raw=True)
    held = json.loads(theirs)
    # our export -> Label Studio: every region with the text it points at, relations, per-region attributes
    regions = rels = attrs = bad = 0
    noted = []  # the document notes and flags Label Studio holds
    for task in held:
        text = task["data"]["text"]
        for ann in task["annotations"]:
            for r in ann["result"]:
                if r.get("from_name") in ("document_note", "document_discuss"):
                    noted.append(r["value"])
                if r["type"] == "labels":
                    regions += 1
                    bad += text[r["value"]["start"]:r["value"]["end"]] != r["value"]["text"]
                elif r["type"] == "relation":
                    rels += 1
                elif r["type"] in ("choices", "textarea"):
                    attrs += 1
    sent = [a for t in tasks for a in t["annotations"]]
    ws = sum(1 for a in sent for r in a["result"] if r["type"] == "labels")
    wr = sum(1 for a in sent for r in a["result"] if r["type"] == "relation")
    wa = sum(1 for a in sent for r in a["result"] if r["type"] in ("choices", "textarea"))
    sent_notes = [r["value"] for a in sent for r in a["result"] if r.get("from_name") in ("document_note",
                                                                                      "document_discuss")]
    ok = (regions, rels, attrs, bad) == (ws, wr, wa, 0) and len(held) == len(tasks) and noted == sent_notes \
        and len(sent_notes) == sum(bool(n.get("note")) + bool(n.get("discuss")) for n in DOC_NOTES) + 1
    row(f"Label Studio {version}", "Qawl -> their import", f"{len(held)}/{len(tasks)}", f"{regions}/{ws}",
        f"{rels}/{wr}", f"{attrs}/{wa}", "equal" if not bad else f"{bad} DIFFER", ok,
        f"completed_by: {me['email']} for ali; document notes and flags {len(noted)}/{len(sent_notes)} "
        "(attributes include them)")
    (work / "ls-export.json").write_bytes(theirs)
    back = Store.open(work / "ls-back.db")
    user = f"user-{me['id']}"
    import_paths(back, [work / "ls-export.json"], "labelstudio", annotator_map={user: "ali"})
    # Label Studio has one user here: sara's layer comes back as the importing user's second annotation.
    sara = {layer.annotator: "sara" for d in back.document_ids() for layer in back.layers(d)
            if layer.annotator.startswith("ali#")}
    want, got = document_notes(store), document_notes(back, sara)
    compare_back(store, back, f"Label Studio {version}", "sara's layer comes back as ali#<annotation id>; "
                 f"document notes and flags {len(set(got.items()) & set(want.items()))}/{len(want)}")
    if got != want:
        ROWS[-1][7] = "FAILED"
        log(f"document notes differ: sent {want}, got back {got}")
    back.close()
    if shot is not None:
        rtl = next(t for t in held if t["data"].get("direction") == "rtl")
        screenshot(base, f"/projects/{project['id']}/data?task={rtl['id']}", shot, env_dir)


def screenshot(base: str, path: str, shot: Path, env_dir: Path) -> None:
    """Log in and photograph a task in headless Chromium (selenium in Label Studio's venv)."""
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", "selenium"], check=True)
    script = f"""
import time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
o = webdriver.ChromeOptions()
for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--window-size=1400,900"):
    o.add_argument(flag)
o.binary_location = "/usr/bin/chromium"
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
d.get("{base}/user/login/")
d.find_element(By.NAME, "email").send_keys("{EMAIL}")
d.find_element(By.NAME, "password").send_keys("{PASSWORD}")
d.find_element(By.CSS_SELECTOR, "button[type=submit], input[type=submit]").click()
time.sleep(3)
d.get("{base}{path}")
time.sleep(12)
d.save_screenshot("{shot}")
d.quit()
"""
    subprocess.run([python, "-c", script], check=True)
    log(f"screenshot: {shot}")


# --- doccano -----------------------------------------------------------------------------------------------------

def check_doccano(store: Store, work: Path, tools: Path, skip: bool, procs: list) -> None:
    env_dir = venv(tools, "doccano", [f"doccano=={DOCCANO_VERSION}", "marshmallow<4", "numpy<2", "gunicorn"], skip)
    home = tools / "doccano-data"
    home.mkdir(exist_ok=True)
    env = {**os.environ, "DOCCANO_HOME": str(home), "STANDALONE": "True",
           "DJANGO_SETTINGS_MODULE": "config.settings.production",
           "DATABASE_URL": f"sqlite:///{home}/db.sqlite3", "MEDIA_ROOT": str(home / "media")}
    base = f"http://127.0.0.1:{PORTS['doccano']}/v1"
    try:
        http("POST", f"{base}/auth/login/", {"username": USER, "password": PASSWORD})
    except (urllib.error.URLError, OSError):
        doccano = env_dir / "bin" / "doccano"
        subprocess.run([doccano, "init"], env=env, check=True, capture_output=True)
        subprocess.run([doccano, "createuser", "--username", USER, "--password", PASSWORD], env=env,
                       capture_output=True)
        backend = next((env_dir / "lib").glob("python3*/site-packages/backend"))
        procs.append(start([env_dir / "bin" / "gunicorn", "--bind", f"127.0.0.1:{PORTS['doccano']}", "--workers",
                            "1", "--chdir", backend, "config.wsgi"], work / "doccano-web.log", env))
        procs.append(start([doccano, "task", "--concurrency", "1"], work / "doccano-task.log", env))
        wait_for(f"http://127.0.0.1:{PORTS['doccano']}/v1/projects", 120)
    key = http("POST", f"{base}/auth/login/", {"username": USER, "password": PASSWORD})["key"]
    auth = {"Authorization": f"Token {key}"}
    out = work / "doccano-out"
    notes: list[str] = []
    export_paths(store, out, "doccano", notes=notes)
    # One doccano project per annotator's file (doccano's labels belong to the member who uploads them: here the
    # one admin), each exported and imported back under that annotator's name.
    files = sorted(out.glob("*.jsonl"))
    back = Store.open(work / "doccano-back.db")
    counted = [0, 0, 0, 0, 0]  # examples, spans, relations, lines sent, errors
    ws = wr = 0
    for path in files:
        project = http("POST", f"{base}/projects", {
            "name": f"qawl check {path.stem} {time.time():.0f}", "description": "qawl",
            "project_type": "SequenceLabeling", "resourcetype": "SequenceLabelingProject",
            "allow_overlapping": True, "use_relation": True}, headers=auth)
        pid = project["id"]
        task = http("POST", f"{base}/projects/{pid}/upload", {
            "uploadIds": [upload(f"{base}/fp/process/", path, auth)], "format": "JSONL",
            "task": "RelationExtraction", "column_data": "text", "column_label": "label"}, headers=auth)["task_id"]
        counted[4] += len(poll(f"{base}/tasks/status/{task}", auth)["result"]["error"])
        examples = http("GET", f"{base}/projects/{pid}/examples?limit=1000", headers=auth)
        counted[0] += examples["count"]
        for ex in examples["results"]:
            counted[1] += len(http("GET", f"{base}/projects/{pid}/examples/{ex['id']}/spans", headers=auth))
            counted[2] += len(http("GET", f"{base}/projects/{pid}/examples/{ex['id']}/relations", headers=auth))
        sent = [json.loads(x) for x in path.read_text().splitlines()]
        counted[3] += len(sent)
        ws += sum(len(x["entities"]) for x in sent)
        wr += sum(len(x["relations"]) for x in sent)
        task = http("POST", f"{base}/projects/{pid}/download", {"format": "JSONL", "exportApproved": False},
                    headers=auth)["task_id"]
        poll(f"{base}/tasks/status/{task}", auth)
        data, _ = http("GET", f"{base}/projects/{pid}/download?taskId={task}", headers=auth, raw=True)
        back_dir = work / f"doccano-export-{path.stem}"
        zipfile.ZipFile(io.BytesIO(data)).extractall(back_dir)
        import_paths(back, sorted(back_dir.glob("*.jsonl")), "doccano", annotator_map={USER: path.stem})
    ok = not counted[4] and counted[0] == counted[3] and (counted[1], counted[2]) == (ws, wr)
    row(f"doccano {DOCCANO_VERSION}", "Qawl -> their import", f"{counted[0]}/{counted[3]}", f"{counted[1]}/{ws}",
        f"{counted[2]}/{wr}", "in meta", "equal", ok,
        f"{counted[4]} import errors" if counted[4] else "overlapping spans allowed in the project")
    compare_back(store, back, f"doccano {DOCCANO_VERSION}", "a project per annotator, its member file imported "
                 "as that annotator; statuses are doccano's (in progress)")
    back.close()


def upload(url: str, path: Path, auth: dict) -> str:
    boundary = "qawlcheckboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"filepond\"; filename=\"{path.name}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + path.read_bytes() + \
        f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(url, data=body, method="POST", headers={
        **auth, "Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(req, timeout=120) as resp:
        return resp.read().decode()


def poll(url: str, auth: dict) -> dict:
    for _ in range(600):
        state = http("GET", url, headers=auth)
        if state.get("ready"):
            return state
        time.sleep(0.5)
    raise SystemExit(f"{url}: the task did not finish")


# --- brat --------------------------------------------------------------------------------------------------------

BRAT_EDITS = [
    ("server/src/dispatch.py", "from inspect import getargspec\n",
     "from inspect import getfullargspec\ndef getargspec(f): return getfullargspec(f)[:4]\n"),
    ("server/src/annotation.py", "    return codecs_open(filename, mode, encoding='utf8', errors='strict')\n",
     "    return open(filename, mode.replace('U', ''), encoding='utf8', errors='strict')\n"),
    ("standalone.py", "_DEFAULT_SERVER_ADDR = ''\n", "_DEFAULT_SERVER_ADDR = '127.0.0.1'\n"),
]


def prepare_brat(checkout: Path, data: Path, work_dir: Path) -> list[str]:
    """The edits brat needs on Python 3.11 (see the module docstring), made in the checkout; returns what was done."""
    done = []
    for rel, old, new in BRAT_EDITS:
        path = checkout / rel
        text = path.read_text()
        if new in text:
            continue
        if old not in text:
            raise SystemExit(f"{path}: the line to edit is not there ({old.strip()!r}); another brat version?")
        path.write_text(text.replace(old, new, 1))
        done.append(rel)
    config = (checkout / "config_template.py").read_text()
    for key, value in (("ADMIN_CONTACT_EMAIL", EMAIL), ("BASE_DIR", str(checkout)), ("DATA_DIR", str(data)),
                       ("WORK_DIR", str(work_dir))):
        config = config.replace(f"{key} = CHANGE_ME", f"{key} = {value!r}")
    config = config.replace("USER_PASSWORD = {\n", f"USER_PASSWORD = {{\n    {USER!r}: {PASSWORD!r},\n")
    (checkout / "config.py").write_text(config)
    return done


def check_brat(store: Store, work: Path, tools: Path, checkout: Path, procs: list) -> None:
    data, work_dir = tools / "brat-data", tools / "brat-work"
    shutil.rmtree(data / "qawl", ignore_errors=True)
    data.mkdir(exist_ok=True)
    work_dir.mkdir(exist_ok=True)
    edits = prepare_brat(checkout, data, work_dir)
    log(f"brat: edited {', '.join(edits) or 'nothing (already done)'}")
    out = work / "brat-out"
    export_paths(store, out, "brat", annotator="ali", include_unannotated=False)
    shutil.copytree(out, data / "qawl")
    base = f"http://127.0.0.1:{PORTS['brat']}/ajax.cgi"
    try:
        http("GET", f"{base}?action=getCollectionInformation&collection=/", raw=True)
    except (urllib.error.URLError, OSError):
        procs.append(start([sys.executable, "standalone.py", str(PORTS["brat"])], work / "brat.log", cwd=checkout))
        wait_for(f"{base}?action=getCollectionInformation&collection=/", 60)
    version = subprocess.run(["git", "-C", checkout, "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True).stdout.strip() or "?"
    docs = sorted(p.stem for p in (data / "qawl").glob("*.ann"))
    ents = rels = attrs = bad = 0
    for name in docs:  # viewing a document makes brat save it (its N lines get one more tab)
        got = http("GET", f"{base}?action=getDocument&collection=/qawl/&document={urllib.parse.quote(name)}")
        if "exception" in got:
            raise SystemExit(f"brat refused {name}: {got}")
        text = got["text"]
        ents += len(got["entities"]) + len(got["triggers"])
        rels += len(got["relations"]) + sum(len(e[2]) for e in got["events"])
        attrs += len(got["attributes"]) + len(got["normalizations"]) + len(got["comments"])
        ann = (data / "qawl" / f"{name}.ann").read_text()
        for line in ann.splitlines():
            if line.startswith("T"):
                _, middle, shown = line.split("\t", 2)
                pieces = [tuple(map(int, p.split())) for p in middle.split(" ", 1)[1].split(";")]
                bad += " ".join(text[s:e] for s, e in pieces) != shown
    layers = [l for (d, a), l in ours(store, "ali").items()]
    ws = sum(len(l.spans) for l in layers)
    ok = bad == 0 and ents >= ws
    row(f"brat {version}", "Qawl -> their server", f"{len(docs)}/{len(layers)}", f"{ents}/{ws} T",
        f"{rels} R+E args", f"{attrs} A/N/#", "equal" if not bad else f"{bad} DIFFER", ok,
        "T count includes attribution triggers")
    saved = (data / "qawl" / f"{docs[0]}.ann").read_text()
    back = Store.open(work / "brat-back.db")
    import_paths(back, [data / "qawl"], "brat", annotator="ali")
    held = Store.open(work / "ali-only.db")
    import_paths(held, [work / "ali.jsonl"], "qawl")
    compare_back(held, back, f"brat {version}", "files as brat saved them" +
                 ("; N lines re-saved with the extra tab" if "\t\t" in saved else ""))
    back.close()
    held.close()


# --- main ----------------------------------------------------------------------------------------------------------

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tools", type=Path, default=Path.home() / "qawl-tools",
                        help="where the tools' venvs and data live (outside the repository)")
    parser.add_argument("--brat", type=Path, help="a checkout of brat's public repository (edited in place)")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--docs", type=int, default=8, help="Arabic articles in the project")
    parser.add_argument("--only", default="labelstudio,doccano,brat")
    parser.add_argument("--skip-install", action="store_true")
    parser.add_argument("--screenshot", type=Path, help="PNG of an Arabic task in Label Studio")
    parser.add_argument("--table", type=Path, help="also write the table as Markdown")
    parser.add_argument("--keep-running", action="store_true", help="leave the servers running")
    args = parser.parse_args(argv)
    args.tools.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="qawl-interop-"))
    procs: list[subprocess.Popen] = []
    try:
        store = make_project(work, Path(os.environ.get("QAWL_CORPUS", args.corpus)), args.docs)
        export_paths(store, work / "ali.jsonl", "jsonl", annotator="ali", include_unannotated=False)
        only = args.only.split(",")
        if "labelstudio" in only:
            check_labelstudio(store, work, args.tools, args.skip_install, procs, args.screenshot)
        if "doccano" in only:
            check_doccano(store, work, args.tools, args.skip_install, procs)
        if "brat" in only:
            if args.brat is None:
                raise SystemExit("--brat PATH (a checkout of brat's repository) is needed for brat")
            check_brat(store, work, args.tools, args.brat.resolve(), procs)
        store.close()
    finally:
        if not args.keep_running:
            for p in procs:
                os.killpg(p.pid, 15)
        log(f"work folder: {work}")
    head = ["tool", "direction", "documents", "spans", "relations", "attributes", "texts", "result", "note"]
    table = [head, ["---"] * len(head), *ROWS]
    text = "\n".join("| " + " | ".join(r) + " |" for r in table)
    stamp = f"{datetime.date.today().isoformat()}, Python {sys.version.split()[0]}"
    print(f"Qawl against the real tools ({stamp}):\n\n{text}")
    if args.table:
        args.table.write_text(f"Last run: {stamp}.\n\n{text}\n")
    return 0 if all(r[7] == "ok" for r in ROWS) else 1


if __name__ == "__main__":
    raise SystemExit(main())
