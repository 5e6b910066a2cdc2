"""Check the claims gold against the corpus and print its counts.

    python3 tests/data/claims_gold/validate.py [--corpus DIR] [--counts]

DIR is the shared corpus folder (the one holding ``arabic_articles``); by default ``$QAWL_CORPUS`` or
``../shared/corpus`` beside the repository. Every line of dev.jsonl and blind.jsonl is re-read against the article:
the article's hash and date, each span's offsets and text (or, for a truncated text, its head, tail and hash),
labels, attributes, id order, relation ends and their labels, and the CLAIM edge rules of GUIDELINES.md. Exit status
1 on the first set with problems (all problems are listed).
"""
import argparse
import collections
import hashlib
import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = {"CLAIM": "cl", "SPEAKER": "s", "DATE": "d"}
RELATIONS = {"CLAIMED_BY": ("CLAIM", "SPEAKER"), "DATED": ("CLAIM", "DATE")}
CHECKWORTHY = {"yes", "no", "unsure"}
KINDS = {"statistic", "comparison", "causal", "prediction", "rule", "event", "attributed", "other"}
DATE_VALUE = re.compile(r"^(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?$")
BAD_END = set(".،,:؛;!?؟«“'")


def corpus_dir(arg):
    repo = HERE.parents[2] if len(HERE.parents) > 2 else HERE
    for cand in (arg, os.environ.get("QAWL_CORPUS"), repo.parent / "shared" / "corpus"):
        if cand and (Path(cand) / "arabic_articles").is_dir():
            return Path(cand)
    sys.exit("validate.py: corpus not found (pass --corpus DIR or set QAWL_CORPUS)")


def unbalanced_end(t):
    last = t[-1]
    if last in BAD_END:
        return True
    if last == '"':
        return t.count('"') % 2 == 1
    if last == "»":
        return t.count("«") < t.count("»")
    if last == "”":
        return t.count("“") < t.count("”")
    return False


def check_line(g, corpus, problems):
    name = g["file"]

    def bad(msg):
        problems.append(f"{name}: {msg}")

    path = corpus / "arabic_articles" / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != g["text_sha256"]:
        bad("text_sha256 differs from the article")
    if g["document_date"] != meta.get("date"):
        bad("document_date differs from the sidecar date")
    for key in ("spans", "relations", "notes"):
        if key not in g:
            bad(f"missing {key}")
    spans = {}
    order = []
    for s in g["spans"]:
        sid, label, start, end = s["id"], s["label"], s["start"], s["end"]
        if sid in spans:
            bad(f"{sid}: id twice")
        spans[sid] = s
        if label not in LABELS:
            bad(f"{sid}: unknown label {label}")
            continue
        if not re.fullmatch(LABELS[label] + r"\d+", sid):
            bad(f"{sid}: id does not fit label {label}")
        if not (0 <= start < end <= len(text)):
            bad(f"{sid}: offsets {start}-{end} out of range")
            continue
        full = text[start:end]
        if s.get("text_truncated"):
            if len(full) <= 80:
                bad(f"{sid}: truncated but only {len(full)} characters long")
            if s["text"] != full[:40] + " … " + full[-30:]:
                bad(f"{sid}: truncated text is not head … tail of the article's text")
            if s.get("text_sha256") != hashlib.sha256(full.encode("utf-8")).hexdigest():
                bad(f"{sid}: text_sha256 does not match the article's text")
        else:
            if s["text"] != full:
                bad(f"{sid}: text differs from text[start:end]")
            if len(full) > 80:
                bad(f"{sid}: longer than 80 characters but not truncated")
        if full != full.strip():
            bad(f"{sid}: white space at an edge")
        attrs = s.get("attrs", {})
        if label == "CLAIM":
            if attrs.get("checkworthy") not in CHECKWORTHY:
                bad(f"{sid}: checkworthy {attrs.get('checkworthy')!r}")
            if attrs.get("kind") not in KINDS:
                bad(f"{sid}: kind {attrs.get('kind')!r}")
            if "\n" in full:
                bad(f"{sid}: claim crosses a line break")
            if unbalanced_end(full):
                bad(f"{sid}: claim ends with punctuation or an unbalanced quotation mark")
        elif label == "SPEAKER":
            if not isinstance(attrs.get("entity"), str) or not attrs["entity"].strip():
                bad(f"{sid}: speaker without entity")
        elif label == "DATE":
            if not DATE_VALUE.match(str(attrs.get("value", ""))):
                bad(f"{sid}: date value {attrs.get('value')!r}")
        order.append((start, end, label, sid))
    if [sid for *_, sid in order] != [sid for *_, sid in sorted(order)]:
        bad("spans are not listed by start offset")
    for label, prefix in LABELS.items():
        ids = [sid for start, end, lab, sid in sorted(order) if lab == label]
        if ids != [f"{prefix}{i}" for i in range(1, len(ids) + 1)]:
            bad(f"{label} ids are not numbered in reading order: {ids}")
    claims = sorted((s, e, sid) for s, e, lab, sid in order if lab == "CLAIM")
    for (s1, e1, a), (s2, e2, b) in zip(claims, claims[1:]):
        if s2 < e1:
            bad(f"claims {a} and {b} overlap")
    seen = set()
    claimed = collections.Counter()
    for r in g["relations"]:
        key = (r["head"], r["tail"], r["type"])
        if key in seen:
            bad(f"relation {key} twice")
        seen.add(key)
        if r["type"] not in RELATIONS:
            bad(f"unknown relation type {r['type']}")
            continue
        head, tail = spans.get(r["head"]), spans.get(r["tail"])
        if head is None or tail is None:
            bad(f"relation {key}: unknown end")
            continue
        want = RELATIONS[r["type"]]
        if (head["label"], tail["label"]) != want:
            bad(f"relation {key}: {head['label']} -> {tail['label']}, expected {want[0]} -> {want[1]}")
        if r["type"] == "CLAIMED_BY":
            claimed[r["tail"]] += 1
    for sid, s in spans.items():
        if s["label"] == "SPEAKER" and not claimed[sid]:
            bad(f"{sid}: SPEAKER span that is nobody's claimant")


def counts(lines):
    rows = []
    for g in lines:
        spans = {s["id"]: s for s in g["spans"]}
        cl = [s for s in g["spans"] if s["label"] == "CLAIM"]
        cw = collections.Counter(s["attrs"]["checkworthy"] for s in cl)
        kinds = collections.Counter(s["attrs"]["kind"] for s in cl)
        rel = collections.Counter(r["type"] for r in g["relations"])
        entities = {spans[r["tail"]]["attrs"]["entity"] for r in g["relations"] if r["type"] == "CLAIMED_BY"}
        rows.append({
            "file": g["file"], "claims": len(cl), "yes": cw["yes"], "no": cw["no"], "unsure": cw["unsure"],
            "kinds": kinds, "claimants": len(entities),
            "speaker_spans": sum(s["label"] == "SPEAKER" for s in g["spans"]),
            "dates": sum(s["label"] == "DATE" for s in g["spans"]),
            "CLAIMED_BY": rel["CLAIMED_BY"], "DATED": rel["DATED"],
        })
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    ap.add_argument("--counts", action="store_true", help="print per-article and total counts (Markdown)")
    args = ap.parse_args()
    corpus = corpus_dir(args.corpus)
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    failed = False
    for part in ("dev", "blind"):
        path = HERE / f"{part}.jsonl"
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        problems = []
        if [g["file"] for g in lines] != split[part]:
            problems.append(f"{path.name}: articles differ from split.json[{part!r}] (or their order)")
        for g in lines:
            check_line(g, corpus, problems)
        print(f"{path.name}: {len(lines)} articles, {len(problems)} problems")
        for p in problems:
            print("  " + p)
        failed = failed or bool(problems)
        if args.counts:
            rows = counts(lines)
            kinds = sorted(KINDS)
            print(f"\n| file | claims | yes | no | unsure | {' | '.join('kind ' + k for k in kinds)} | claimants | "
                  "SPEAKER spans | DATE | CLAIMED_BY | DATED |")
            print("|---" * (10 + len(kinds)) + "|")
            total = collections.Counter()
            for r in rows:
                cells = [r["claims"], r["yes"], r["no"], r["unsure"], *(r["kinds"][k] for k in kinds),
                         r["claimants"], r["speaker_spans"], r["dates"], r["CLAIMED_BY"], r["DATED"]]
                print(f"| {r['file']} | " + " | ".join(str(c) for c in cells) + " |")
                total.update({i: c for i, c in enumerate(cells)})
            width = 9 + len(kinds)
            print("| **total** | " + " | ".join(f"**{total[i]}**" for i in range(width)) + " |\n")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
