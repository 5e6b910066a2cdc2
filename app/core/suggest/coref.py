"""Coreference: which speaker mentions of one article are the same speaker, and linking to the registry.

Inside the article: the same words, a surname (``لافرينتيف`` -> ``... ألكسندر لافرينتيف``; also a surname of the
nisba shape known as a personal name, ``د. الجهني``), a title alias sharing the head title and another word
without a conflicting nationality adjective (``المبعوث الرئاسي الروسي`` -> ``المبعوث الروسي الخاص``), ``المصدر
نفسه`` / ``البيان`` (the previous source), and honorific pronouns (``سموه``، ``معاليه``) that stand for the latest
titled person they agree with (or, when no speaker was named yet, for the titled mention found before them in the
text, which then names the entity). Registry linking reuses an existing speaker entity when a mention equals its
name or an alias, or shares its surname uniquely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

from ..model import Entity
from ..text.arabic import fold
from .arabic import has_al, is_nisba, strip_al
from .context import Facts, Range
from .eulogies import prophet_eulogy_after, prophet_named
from .quotes import PREPOSITIONS, is_classifier
from .speakers import speaker_after
from .words import DOCUMENT_WORDS, FUNCTION_WORDS, ORG_NOUNS, SAME_WORDS, TITLES

_RECENT = 200  # speakers a new mention is compared with

# Honorific pronouns (His Highness, His Excellency ...) and the titles of the people they stand for.
_HONORIFICS = {fold(k): frozenset(fold(t) for t in v) for k, v in {
    "سموه": ("سمو", "الأمير", "أمير", "الأميرة", "الشيخ", "ولي", "صاحب"),
    "سموها": ("سمو", "الأميرة", "الشيخة"),
    "معاليه": ("معالي", "وزير", "الوزير", "رئيس", "الرئيس", "نائب", "أمين", "الأمين", "محافظ"),
    "معاليها": ("معالي", "وزيرة", "الوزيرة", "رئيسة"),
    "فضيلته": ("فضيلة", "الشيخ", "المفتي", "مفتي", "الإمام", "القاضي"),
    "سماحته": ("سماحة", "الشيخ", "المفتي", "مفتي", "الإمام"),
    "جلالته": ("جلالة", "الملك", "خادم"),
    "سعادته": ("سعادة", "السفير", "سفير", "المدير", "مدير", "الدكتور", "اللواء", "العميد", "رئيس"),
    "سيادته": ("سيادة", "الرئيس", "رئيس"),
}.items()}


# Epithets of God that stand alone after a verb of saying (قال تعالى، يقول سبحانه، قال عز وجل).
_GOD = fold("الله")
_MIGHTIEST = tuple(fold(w) for w in ("عز", "من", "قائل"))  # فقال عز من قائل: "Mighty is He who said"
_GOD_EPITHETS = frozenset(fold(w) for w in ("تعالى", "وتعالى", "سبحانه", "عز", "وجل", "جل", "جلاله", "تبارك"))


_PROPHET = fold("النبي")
# God named in the text (the mention a verse's epithet-only speaker is linked to), and the words before الله that
# make it part of something else: a eulogy, a name (عبد الله، نصر الله، ولي الله), a formula (إن شاء الله).
_GOD_NAMES = frozenset(fold(w) for w in ("الله", "ربنا", "ربكم", "ربهم", "والله", "فالله"))
_NOT_GOD_BEFORE = frozenset(fold(w) for w in (
    "صلى", "رضي", "رحمه", "رحمها", "رحمهم", "عبد", "عبيد", "نصر", "آية", "ولي", "رسول", "حزب", "جند", "بيت",
    "شاء", "بإذن", "سبحان", "الحمد", "حفظه", "حفظها", "أيده", "وفقه", "ويعلم", "والله", "عز"))
_WITHIN = 1500  # characters back to the mention of God a verse's speaker is linked to


_PROPHET_WORDS = frozenset(fold(w) for w in ("النبي", "الرسول", "نبينا", "والنبي", "والرسول"))


def _named_before(f: Facts, i: int, named_at) -> Range | None:
    """The nearest mention before token ``i``, within about a page and outside quotation marks, that
    ``named_at(k)`` finds at a word ``k`` (its range, or None there)."""
    an, toks = f.an, f.an.tokens
    limit = an.token_span(i, i)[0] - _WITHIN
    for k in range(i - 1, -1, -1):
        if toks[k].kind != "w":
            continue
        if an.token_span(k, k)[0] < limit:
            return None
        found = named_at(k)
        st = f.inside.get(k) if found is not None else None
        if found is not None and (st is None or not st.open < k < st.close):
            return found  # (ربنا inside a verse is the believers' call, not a mention)
    return None


def prophet_before(f: Facts, i: int) -> Range | None:
    """The nearest mention of the Prophet by name (النبي، الرسول، رسول الله، نبينا) before token ``i``, with his
    eulogy as written: whom قال صلى الله عليه وسلم / قال عليه السلام is linked to. None if none."""
    an, toks = f.an, f.an.tokens

    def named_at(k: int) -> Range | None:
        w = toks[k].norm
        first = k if w in _PROPHET_WORDS else (
            k - 1 if w == _GOD and k > 0 and toks[k - 1].norm in (fold("رسول"), fold("ورسول")) else None)
        if first is None:
            return None
        eulogy = prophet_eulogy_after(an, k + 1) if k + 1 < len(toks) else None
        return first, eulogy[1] if eulogy else k

    return _named_before(f, i, named_at)


def epithet_only(words: list[str]) -> bool:
    """God named by an epithet alone after a verb of saying (تعالى، سبحانه وتعالى، عز من قائل): no name."""
    return bool(words) and (all(w in _GOD_EPITHETS for w in words) or tuple(words) == _MIGHTIEST)


def god_before(f: Facts, i: int) -> Range | None:
    """The nearest mention of God by name (الله، ربنا; not in a name such as عبد الله or a eulogy) before token
    ``i``, with the epithets after it as written: whom a verse after قال تعالى is linked to, as the gold does."""
    toks = f.an.tokens

    def named_at(k: int) -> Range | None:
        if toks[k].norm not in _GOD_NAMES or (k > 0 and toks[k - 1].norm in _NOT_GOD_BEFORE) or (
                k + 1 < len(toks) and toks[k + 1].norm in ("عليه", "عنه", "عنها", "عنهم", "عنهما")):
            return None
        end = k
        while end + 1 < len(toks) and toks[end + 1].norm in _GOD_EPITHETS:
            end += 1  # الله تعالى / الله سبحانه وتعالى / الله عز وجل
        return k, end

    return _named_before(f, i, named_at)


def is_honorific(word: str) -> bool:
    """سموه، معاليه، فضيلته ... (also with و): a pronoun that stands for a titled person named before."""
    return word in _HONORIFICS or (word[:1] == "و" and word[1:] in _HONORIFICS)


def honorific_antecedent(f: Facts, i: int) -> Range | None:
    """The mention an honorific pronoun at token ``i`` stands for: the nearest earlier noun phrase opened by a
    title it agrees with (سموه -> الأمير محمد بن نايف ...; معاليه -> وزير الإسكان ...), or None."""
    toks = f.an.tokens
    word = toks[i].norm
    titles = _HONORIFICS.get(word) or _HONORIFICS.get(word[1:], frozenset())
    for k in range(i - 1, max(-1, i - 600), -1):
        w = toks[k].norm
        if toks[k].kind == "w" and (w in titles or strip_al(w) in titles or ("ال" + w) in titles):
            np = speaker_after(f, k - 1)
            if np is not None and np[0] == k and np[1] > k:
                return np
    return None


# --- mentions and coreference ----------------------------------------------------------------------------------

def _key_tokens(words: list[str]) -> list[str]:
    out = []
    for w in words:
        if w in FUNCTION_WORDS or w in ("بن", "ابن", "بنت"):
            continue
        if w.startswith("و") and len(w) > 3 and w[1:2] == "ا" and w[2:3] == "ل":
            w = w[1:]
        out.append(strip_al(w))
    return out


@dataclass
class Cluster:
    """One speaker in the article: its mentions (original texts, folded key tokens) and a registry id if linked."""

    key: int
    mentions: list[tuple[str, list[str]]] = field(default_factory=list)
    registry_id: str | None = None
    described: set[str] = field(default_factory=set)  # words of the same person's description elsewhere
    names: set[str] = field(default_factory=set)  # personal-name words (عادل، أحمد، الجبير)
    tokens: set[str] = field(default_factory=set)  # the key words of all its mentions and its description
    forms: set[tuple[str, ...]] = field(default_factory=set)  # the key words of each mention

    named: dict[str, int] = field(default_factory=dict)  # mention text -> how many personal-name words it has

    @property
    def name(self) -> str:
        """The mention that names the person best: most personal-name words, then the longest."""
        return max((m for m, _ in self.mentions), key=lambda m: (self.named.get(m, 0), len(m.split()), len(m)))


class Coreference:
    """Assigns each speaker mention of one article to a cluster, most recent compatible cluster first."""

    def __init__(self, registry: list[Entity]) -> None:
        self.clusters: list[Cluster] = []
        self.recent: dict[int, None] = {}  # cluster keys, most recent last (a dict: moving one to the end is O(1))
        self.registry = registry
        self._registry_keys = [(e, [_key_tokens(fold(n).split()) for n in e.names]) for e in registry]

    def add(self, text: str, words: list[str], context: list[str] = (),
            stands_for: tuple[str, list[str]] | None = None) -> Cluster:
        """Add a mention (its folded ``words``); ``context`` is a fuller description of the same person found
        elsewhere in the text (وزير الخارجية عادل بن أحمد الجبير for a later الجبير). An honorific pronoun
        (سموه) joins the latest speaker with a title it agrees with; else ``stands_for`` (the text and words of
        the titled mention it refers to, found in the text) is added first, so the speaker is named by it."""
        if len(words) == 1 and is_honorific(words[0]):
            titles = _HONORIFICS.get(words[0]) or _HONORIFICS[words[0][1:]]
            for key in islice(reversed(self.recent), _RECENT):
                c = self.clusters[key]
                if any(t in titles or ("ال" + t) in titles for _, toks in c.mentions for t in toks):
                    return self._attach(c, text, _key_tokens(words), set(), ())
            if stands_for is not None:
                cluster = self.add(*stands_for)
                cluster.named.setdefault(text, 0)
                return self._attach(cluster, text, _key_tokens(words), set(), ())
        if words and (all(w in _GOD_EPITHETS or w == _GOD for w in words) or epithet_only(words)):
            words = [_GOD]  # قال تعالى، الله سبحانه، الله عز وجل: God, by an epithet alone or with one
        elif words and prophet_named(words):
            words = [_PROPHET]  # رسول الله، النبي، الرسول صلى الله عليه وسلم، or the eulogy alone: the Prophet
        toks = _key_tokens(words)
        names = person_names(words) | person_names(list(context))
        cluster = self._find(toks, words, names)
        if cluster is None:
            cluster = Cluster(len(self.clusters))
            self.clusters.append(cluster)
        cluster.named[text] = len(person_names(words))
        return self._attach(cluster, text, toks, names, context)

    def _attach(self, cluster: Cluster, text: str, toks: list[str], names: set[str], context) -> Cluster:
        cluster.mentions.append((text, toks))
        cluster.described.update(_key_tokens(list(context)))
        cluster.tokens.update(toks)
        cluster.forms.add(tuple(toks))
        cluster.tokens.update(cluster.described)
        cluster.names.update(names)
        cluster.named.setdefault(text, 0)
        if cluster.registry_id is None:
            cluster.registry_id = self._registry_match(toks)
        self.recent.pop(cluster.key, None)
        self.recent[cluster.key] = None
        return cluster

    def _find(self, toks: list[str], words: list[str], names: set[str]) -> Cluster | None:
        if not toks:
            return None
        # the most recently mentioned speakers first, and only so many: a document of thousands of speakers (a
        # whole newspaper pasted in) stays linear in its length
        ordered = [self.clusters[k] for k in islice(reversed(self.recent), _RECENT)]
        if any(w in SAME_WORDS for w in words) or (len(words) == 1 and words[0] in DOCUMENT_WORDS):
            return ordered[0] if ordered else None
        for c in ordered:  # the same words
            if tuple(toks) in c.forms:
                return c
        plain = [t for t in toks if fold(t) not in TITLES and t not in TITLES and not is_nisba(t)]
        if len(plain) == 1 and len(toks) <= 2:  # a surname alone, or title + surname (الدكتور الجهني)
            for c in ordered:
                if plain[0] in c.tokens and len(plain[0]) >= 3:
                    return c
        untitled = [t for t in toks if fold(t) not in TITLES and t not in TITLES]
        if len(untitled) == 1 and len(toks) <= 2 and len(untitled[0]) >= 3:
            for c in ordered:  # د. الجهني: a surname of the nisba shape, known as a personal name of the cluster
                if untitled[0] in c.names:
                    return c
        # the head title, also after a name in apposition (بيدرو سالغادو رئيس بلدية المنطقة)
        head = next((t for t in toks if t in TITLES or fold("ال" + t) in TITLES), toks[0])
        if head in TITLES or fold("ال" + head) in TITLES:
            for c in ordered:
                ctoks = c.tokens
                shared = set(toks) & ctoks
                if names and c.names and not names & c.names:
                    continue  # two different personal names: two people with the same title
                if head in ctoks and len(shared) >= min(2, len(set(toks))) and not _conflict(
                        set(toks) - names, ctoks - c.names):
                    return c
        if len(set(toks)) >= 2:  # وسائل الإعلام اليابانية -> وسائل إعلام محلية يابانية: all its words, no clash
            for c in ordered:
                if set(toks) <= c.tokens and not _conflict(set(toks) - names, c.tokens - c.names) and not (
                        names and c.names and not names & c.names):
                    return c
        return None

    def _registry_match(self, toks: list[str]) -> str | None:
        if not toks or not self._registry_keys:
            return None
        exact = [e for e, names in self._registry_keys if any(n == toks for n in names)]
        if exact:
            return exact[0].id
        last = toks[-1]
        if last in TITLES or is_nisba(last) or len(last) < 3:
            return None
        by_surname = {e.id for e, names in self._registry_keys for n in names if n and n[-1] == last}
        return next(iter(by_surname)) if len(by_surname) == 1 else None


_TITLE_ADJECTIVES = frozenset(fold(w) for w in ("عام", "عامة", "أول", "خاص", "تنفيذي", "رسمي", "سابق", "مساعد"))
_PARTICLES = frozenset(fold(w) for w in ("بن", "ابن", "بنت", "أبو", "ابو", "أبي", "أم", "آل", "عبد"))


def person_names(words: list[str]) -> set[str]:
    """The personal-name words of a mention: not titles, adjectives or function words, not the complement of a
    preposition (إلى سوريا), and not the name of an organisation or place right after its classifier (رئيس بلدية
    سان نيكولا، كتائب “سيد الشهداء”). A one-word mention (الجبير) is a name."""
    out: set[str] = set()
    org = ""  # "" none; "gen" after a classifier (its definite complement); "name" the organisation's own name
    prev_name = after_prep = False
    content = [w for w in words if w and w[0].isalpha() and w not in FUNCTION_WORDS and w not in TITLES
               and strip_al(w) not in TITLES]
    if len(content) == 1 and len(content) == len([w for w in words if w and w[0].isalpha()]):
        return {strip_al(content[0])}  # الجبير alone (but وزير الخارجية has no name at all)
    for w in words:
        if not w or not w[0].isalpha():
            org, prev_name, after_prep = "", False, False
            continue
        bare = strip_al(w)
        if w in TITLES or bare in TITLES or fold("ال" + bare) in TITLES or w in _TITLE_ADJECTIVES:
            org, prev_name, after_prep = "", False, False
            continue
        if w in FUNCTION_WORDS:
            org, prev_name, after_prep = "", False, w in PREPOSITIONS
            continue
        if is_classifier(w) or bare in ORG_NOUNS or w in ORG_NOUNS:
            org, prev_name, after_prep = "gen", False, False
            continue
        if w in _PARTICLES:
            prev_name = True  # أبو آلاء، عبد الرحمن، بن نايف: what follows is a name, article or not
            continue
        if after_prep:
            after_prep = False
            continue  # إلى سوريا، في نيروبي: a place
        if org == "gen":
            if has_al(w):
                org = "gen-seen"
                continue  # مجلس الوزراء العراقي: the classifier's complement
            org = "name"
        elif org == "gen-seen" and not has_al(w):
            org = ""  # the organisation's phrase is over: a person's name follows
        if org in ("name", "gen-seen"):
            continue
        if has_al(w) and not prev_name:
            continue  # الخارجية، المصري: words of the description, not of a name
        out.add(bare)
        prev_name = True
    return out


def _conflict(a: set[str], b: set[str]) -> bool:
    """Two descriptions with different relational adjectives (الأمريكي / الروسي) are different people (callers
    leave personal names out: الحربي، الجهني are family names of the same shape)."""
    return any(is_nisba(x) for x in a - b) and any(is_nisba(y) for y in b - a)
