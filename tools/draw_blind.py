"""Draw a blind gold set: a seeded sample of SaudiNewsNet articles never read by the team (run before annotation).

    python tools/draw_blind.py [--keep-near-copies] SEED PREFIX SNN_DATASET SHARED_CORPUS READ_SET... OUT

Left out of the pool: every article of shared/corpus and of the READ_SETs (earlier gold folders that ship their own
``articles/``), by URL and exact text, and any article sharing a fifth or more of its 6-word shingles with one of
them (another outlet's copy of the same wire story, as blind4's snn4_20 turned out to be). Draws 28 articles with a
reporting verb and 4 without, writes ``OUT/articles`` and ``OUT/split.json``. blind4 … blind9 were drawn by it
(each folder's README gives its command; blind4, drawn before the near-copy rule, with ``--keep-near-copies``).
"""
import hashlib, json, random, re, sys, zipfile
from pathlib import Path

KEEP_NEAR = sys.argv[1] == "--keep-near-copies"
ARGS = sys.argv[2:] if KEEP_NEAR else sys.argv[1:]
SEED = int(ARGS[0])
PREFIX = ARGS[1]                   # snn4, snn5 ...: article ids are PREFIX_01 ... PREFIX_32
SNN = Path(ARGS[2])                # the dataset/ folder of github.com/parallelfold/SaudiNewsNet (commit 4e39239)
CORPUS = Path(ARGS[3])             # shared/corpus
READ = [Path(p) for p in ARGS[4:-1]]  # the gold sets that ship their own articles (suggest_blind4 ...)
OUT = Path(ARGS[-1])
SPEECH = re.compile(r"(?:^|\W)[وف]?(?:قال|أكد|أضاف|أوضح|صرح)")
WORD = re.compile(r"\w+")


def shingles(text):
    words = WORD.findall(text)
    return {" ".join(words[i:i + 6]) for i in range(max(0, len(words) - 5))}


read_urls, read_texts, read_shingles = set(), set(), set()
for folder in [CORPUS / "arabic_articles"] + [r / "articles" for r in READ]:
    for side in folder.glob("*.json"):
        m = json.loads(side.read_text(encoding="utf-8"))
        text = (folder / (m.get("text_file") or side.with_suffix(".txt").name)).read_text(encoding="utf-8")
        read_urls.add(m["url"])
        read_texts.add(text)
        read_shingles |= shingles(text)
seen, pool, near = set(), [], 0
for z in sorted(SNN.glob("*.zip")):
    with zipfile.ZipFile(z) as zf:
        for name in zf.namelist():
            for a in json.loads(zf.read(name)):
                text = a.get("content") or ""
                key = hashlib.sha256(text.encode()).hexdigest()
                if a["url"] in read_urls or text in read_texts or key in seen or a["url"] in seen:
                    continue
                seen.update((key, a["url"]))
                if not 300 <= len(text) <= 12000:
                    continue
                own = () if KEEP_NEAR else shingles(text)
                if own and len(own & read_shingles) >= 0.2 * len(own):
                    near += 1
                    continue
                pool.append(dict(a, sha=key, speech=bool(SPEECH.search(text))))
pool.sort(key=lambda a: (a["url"], a["sha"]))
rng = random.Random(SEED)
speech = [a for a in pool if a["speech"]]
other = [a for a in pool if not a["speech"]]
drawn = rng.sample(speech, 28) + rng.sample(other, 4)
print(len(pool), len(speech), len(other), "near copies left out:", near)
(OUT / "articles").mkdir(parents=True, exist_ok=True)
split = {"seed": SEED, "source": "github.com/parallelfold/SaudiNewsNet commit 4e39239, dataset/*.zip",
         "left_out": ", ".join(["shared/corpus"] + [r.name for r in READ]) + " articles (URL, text)"
         + ("" if KEEP_NEAR else " and near copies (>= 20% shared 6-word shingles)"),
         "near_copies_left_out": near, "pool": len(pool), "pool_speech": len(speech), "articles": []}
for i, a in enumerate(drawn, 1):
    name = f"{PREFIX}_{i:02d}"
    (OUT / "articles" / f"{name}.txt").write_text(a["content"], encoding="utf-8")
    meta = {"id": name, "source_dataset": "SaudiNewsNet (Saudi Newspapers Arabic Corpus) by M. Alhagri, 2015",
            "source_repository": "https://github.com/parallelfold/SaudiNewsNet", "outlet": a["source"],
            "url": a["url"], "title": a["title"], "author": a["author"], "date": a["date_extracted"][:10],
            "licence": "CC BY-NC-SA 4.0 (dataset licence); copyright of each article remains with the newspaper",
            "chars": len(a["content"]), "speech_verb": a["speech"]}
    (OUT / "articles" / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    split["articles"].append({"id": name, "url": a["url"], "chars": len(a["content"]), "speech_verb": a["speech"]})
(OUT / "split.json").write_text(json.dumps(split, ensure_ascii=False, indent=1), encoding="utf-8")
