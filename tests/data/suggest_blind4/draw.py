"""Draw blind4: a seeded sample of SaudiNewsNet articles outside shared/corpus (run before any annotation)."""
import glob, hashlib, json, random, re, sys, zipfile
from pathlib import Path

SEED = 2026120504
SNN = Path(sys.argv[1])            # the dataset/ folder of github.com/parallelfold/SaudiNewsNet (commit 4e39239)
CORPUS = Path(sys.argv[2])         # shared/corpus
OUT = Path(sys.argv[3])
SPEECH = re.compile(r"(?:^|\W)[وف]?(?:قال|أكد|أضاف|أوضح|صرح)")
corpus_urls, corpus_texts = set(), set()
for side in (CORPUS / "arabic_articles").glob("*.json"):
    m = json.loads(side.read_text(encoding="utf-8"))
    corpus_urls.add(m["url"])
    corpus_texts.add((CORPUS / "arabic_articles" / m["text_file"]).read_text(encoding="utf-8"))
seen, pool = set(), []
for z in sorted(SNN.glob("*.zip")):
    with zipfile.ZipFile(z) as zf:
        for name in zf.namelist():
            for a in json.loads(zf.read(name)):
                text = a.get("content") or ""
                key = hashlib.sha256(text.encode()).hexdigest()
                if a["url"] in corpus_urls or text in corpus_texts or key in seen or a["url"] in seen:
                    continue
                seen.update((key, a["url"]))
                if 300 <= len(text) <= 12000:
                    pool.append(dict(a, sha=key, speech=bool(SPEECH.search(text))))
pool.sort(key=lambda a: (a["url"], a["sha"]))
rng = random.Random(SEED)
speech = [a for a in pool if a["speech"]]
other = [a for a in pool if not a["speech"]]
drawn = rng.sample(speech, 28) + rng.sample(other, 4)
print(len(pool), len(speech), len(other))
(OUT / "articles").mkdir(parents=True, exist_ok=True)
split = {"seed": SEED, "source": "github.com/parallelfold/SaudiNewsNet commit 4e39239, dataset/*.zip",
         "pool": len(pool), "pool_speech": len(speech), "articles": []}
for i, a in enumerate(drawn, 1):
    name = f"snn4_{i:02d}"
    (OUT / "articles" / f"{name}.txt").write_text(a["content"], encoding="utf-8")
    meta = {"id": name, "source_dataset": "SaudiNewsNet (Saudi Newspapers Arabic Corpus) by M. Alhagri, 2015",
            "source_repository": "https://github.com/parallelfold/SaudiNewsNet", "outlet": a["source"],
            "url": a["url"], "title": a["title"], "author": a["author"], "date": a["date_extracted"][:10],
            "licence": "CC BY-NC-SA 4.0 (dataset licence); copyright of each article remains with the newspaper",
            "chars": len(a["content"]), "speech_verb": a["speech"]}
    (OUT / "articles" / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    split["articles"].append({"id": name, "url": a["url"], "chars": len(a["content"]), "speech_verb": a["speech"]})
(OUT / "split.json").write_text(json.dumps(split, ensure_ascii=False, indent=1), encoding="utf-8")
