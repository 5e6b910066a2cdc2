"""Cues: the reporting verbs and expressions that introduce reported speech, found with their inflections and clitics.

The lexicon is written as lemmas (perfect 3rd person masculine, imperfect stem, active participle, verbal noun)
and expanded here into the inflected forms news Arabic uses: perfect قال/قالت/قالوا/قالا, imperfect
يقول/تقول/يقولون, circumstantial participles مؤكداً/مؤكدة/مؤكدين, verbal nouns قوله/بالقول/تأكيده; each with the
attached clitics (و ف proclitics, object or possessive pronouns). Matching is on the folded form (see
:mod:`.arabic`), so hamza and harakat variants (أكّد، اكد) are covered.

A cue alone is not a suggestion: it only produces one when a content clause, a quotation or a colon follows it
(see :mod:`.quotes`). That keeps ambiguous forms (ذكر "male", تابع "followed", بين "between") harmless.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.arabic import CLAUSE_PUNCT, fold
from .arabic import Analysis

VERB, PARTICIPLE, MASDAR, SOURCE, NOUN = "verb", "participle", "masdar", "source", "noun"


@dataclass(frozen=True)
class CueForm:
    lemma: str
    kind: str  # verb | participle | masdar | source | noun
    preps: tuple[str, ...] = ()  # prepositions whose object is the content (أشار إلى، دعا إلى، شدد على)
    impersonal: bool = False  # the same letters read as a passive (يُذكر، يُعتقد): needs an explicit subject
    weak: bool = False  # ambiguous outside reporting: content must be a complementizer, colon or quotation
    strict: bool = False  # very ambiguous (بين "between"): the complementizer must follow at once
    tense: str = "perfect"
    feminine: bool = False


@dataclass(frozen=True)
class Cue:
    """A cue found in the text: token index ``i`` (one token) or ``i..last`` for multiword cues."""

    i: int
    last: int
    form: CueForm

    @property
    def kind(self) -> str:
        return self.form.kind


# lemma, perfect forms (3rd person), imperfect stem (after ي/ت), participle stem, verbal nouns, prepositions, flags
_LEXICON: list[tuple] = [
    ("قال", ["قال", "قالت", "قالوا", "قالا", "قالتا"], "قول", "قائل", ["قول"], (), ""),
    ("أكد", ["أكد"], "ؤكد", "مؤكد", ["تأكيد"], ("على",), ""),
    ("أضاف", ["أضاف"], "ضيف", "مضيف", [], (), ""),
    ("أوضح", ["أوضح"], "وضح", "موضح", [], (), ""),
    ("أشار", ["أشار"], "شير", "مشير", [], ("إلى",), ""),
    ("لفت", ["لفت"], "لفت", "لافت", [], ("إلى",), ""),
    ("شدد", ["شدد"], "شدد", "مشدد", ["تشديد"], ("على",), ""),
    ("اعتبر", ["اعتبر"], "عتبر", "معتبر", [], (), "weak impersonal"),
    ("رأى", ["رأى", "رأت", "رأوا", "رأيا"], "رى", "", [], (), "weak"),
    ("نفى", ["نفى", "نفت", "نفوا"], "نفي", "نافي", ["نفي"], (), ""),
    ("طالب", ["طالب"], "طالب", "مطالب", [], ("ب", "من"), ""),  # طالب X من اللاعبين بمضاعفة: whom, then what
    ("أعرب", ["أعرب"], "عرب", "معرب", [], (), ""),
    ("أعلن", ["أعلن"], "علن", "معلن", ["إعلان"], ("عن",), ""),
    ("صرح", ["صرح"], "صرح", "مصرح", ["تصريح"], (), ""),
    ("ذكر", ["ذكر"], "ذكر", "", [], (), "weak impersonal"),
    ("أفاد", ["أفاد"], "فيد", "", [], ("ب",), ""),
    ("كشف", ["كشف"], "كشف", "كاشف", [], ("عن",), ""),
    ("أظهر", ["أظهر"], "ظهر", "", [], (), ""),  # أظهرت الدراسة أن: only a source that speaks (see .engine)
    ("أبان", ["أبان"], "بين", "مبين", [], (), "impersonal"),  # وتبيّن أن "it turned out" has no subject
    ("بين", ["بين"], "", "", [], (), "weak strict"),
    ("تابع", ["تابع"], "تابع", "", [], (), "weak"),
    ("زاد", ["زاد", "زادت"], "", "", [], (), "weak"),  # وزاد: "أنا ..." (added); يزيد "increases" is left out
    ("استطرد", ["استطرد"], "ستطرد", "مستطرد", [], (), ""),
    ("مضى", ["مضى"], "", "", [], (), "weak strict"),  # ومضى يقول: / ومضى قائلاً (went on); مضى عامان is no report
    ("أردف", ["أردف"], "ردف", "مردف", [], (), ""),
    ("نوه", ["نوه"], "نوه", "منوه", [], ("إلى", "ب"), ""),
    ("نبه", ["نبه"], "نبه", "منبه", [], ("إلى", "على"), ""),  # ونبه التقرير إلى أن، منبهاً على (both annotated)
    # Agreeing that (واتفق الوزراء على أن): only with its complementizer (اتفقوا على وضع خطوات is a decision).
    ("اتفق", ["اتفق"], "تفق", "", [], (), "weak strict"),
    ("أبلغ", ["أبلغ"], "", "", [], ("ب",), "weak"),
    ("أخبر", ["أخبر"], "خبر", "", [], ("ب",), "weak"),
    ("حذر", ["حذر"], "حذر", "محذر", ["تحذير"], ("من",), ""),
    ("دعا", ["دعا", "دعت", "دعوا"], "دعو", "داعي", [], ("إلى", "ل"), ""),
    ("ناشد", ["ناشد"], "ناشد", "مناشد", [], (), "weak"),
    ("حث", ["حث", "حثت", "حثوا"], "حث", "", [], ("على",), "weak"),
    ("اعترف", ["اعترف"], "عترف", "معترف", [], ("ب",), ""),
    ("أقر", ["أقر", "أقرت", "أقروا"], "قر", "مقر", ["إقرار"], ("ب",), "weak"),
    ("زعم", ["زعم"], "زعم", "زاعم", [], (), ""),
    ("ادعى", ["ادعى", "ادعت", "ادعوا"], "دعي", "مدعي", [], (), ""),
    ("أفصح", ["أفصح"], "فصح", "", [], ("عن",), ""),
    ("توقع", ["توقع"], "توقع", "متوقع", [], (), "weak impersonal"),
    ("اعتقد", ["اعتقد"], "عتقد", "", ["اعتقاد"], (), "impersonal"),
    ("رجح", ["رجح"], "رجح", "مرجح", [], (), "weak"),
    ("استبعد", ["استبعد"], "ستبعد", "مستبعد", [], (), "weak"),
    ("تساءل", ["تساءل"], "تساءل", "متسائل", [], (), "weak"),
    ("علق", ["علق"], "علق", "معلق", [], (), "weak"),
    ("وصف", ["وصف"], "صف", "واصف", [], ("ب",), "weak"),
    ("اتهم", ["اتهم"], "تهم", "متهم", [], ("ب",), "weak"),
    ("احتج", ["احتج"], "حتج", "محتج", [], ("على",), "weak"),
    ("اشتكى", ["اشتكى", "اشتكت", "اشتكوا"], "شتكي", "", [], ("من",), "weak"),
    ("أبدى", ["أبدى", "أبدت", "أبدوا"], "", "", [], (), "weak"),
    ("أجاب", ["أجاب"], "جيب", "مجيب", [], (), "weak"),
    ("اختتم", ["اختتم", "ختم"], "ختتم", "مختتم", [], (), "weak"),
    # Opinion, finding and writing verbs: only with a complementizer, colon or quotation (weak), and وجد only
    # with the complementizer right after its subject (strict: وجد نفسه، وجدوا السائق are no reports).
    ("ارتأى", ["ارتأى", "ارتأت", "ارتأوا"], "رتئي", "مرتئي", [], (), "weak"),
    ("وجد", ["وجد"], "جد", "", [], (), "weak strict"),
    ("كتب", ["كتب"], "كتب", "", [], (), "weak"),
    ("غرد", ["غرد"], "غرد", "مغرد", [], (), "weak"),
    ("تطرق", ["تطرق"], "تطرق", "متطرق", [], (), "weak"),
    # Verbs of holding a view (ذهب فلان إلى أن، تؤمن بأن، يظن أن، يصر على أن): only with a complementizer, right
    # after the subject for ذهب and أصر (only إلى / على between: ذهب الوفد إلى القاهرة بعد أن is a journey, أصر على
    # الدخول، ... أن is no view) and آمن (whose bare
    # perfect folds into أمن "security": only آمنوا / آمنت).
    ("ذهب", ["ذهب"], "ذهب", "", [], (), "weak strict"),
    ("آمن", ["آمنوا", "آمنت"], "ؤمن", "", [], (), "weak strict"),
    ("ظن", ["ظن"], "ظن", "", [], (), "weak"),
    ("أصر", ["أصر"], "صر", "", [], (), "weak strict"),
    # Requests and charges: طلب منه أن / وطلب كريم مني أن (what was asked follows من or إلى); أوصى المسلمين
    # بتقوى الله (the addressee opens the content, see .objects). The bare perfect طلب is also the
    # noun "a request": only after a clause boundary or قد / ثم (see find_cues).
    ("طلب", ["طلب"], "طلب", "", [], ("من", "إلى"), "weak"),
    ("أوصى", ["أوصى", "أوصت", "أوصوا"], "وصي", "موصي", [], (), ""),
    # Relaying: ونقلت الصحيفة عن مسؤول كبير أن — the one relayed from is the speaker (see .subjects._relayed_from).
    ("نقل", ["نقل"], "نقل", "ناقل", [], (), "weak bare"),
    # وعلمت "الوطن" من مصادر مطلعة أن: the paper learned it from the sources (only the feminine: علم is also a flag,
    # a science and knowledge — على علم بأن)
    ("علم", ["علمت", "علمتا"], "", "", [], (), "weak bare"),
    # Attributing a cause (وأرجع التقرير أهميةَ القناة إلى أن ...، مرجعاً أسبابها إلى، وعزا X ذلك إلى): the object and
    # what it is put down to are the content (see .objects); يرجع "returns / is due to" is left out.
    ("أرجع", ["أرجع"], "", "مرجع", [], (), ""),
    ("عزا", ["عزا", "عزت", "عزوا"], "عزو", "عازي", [], (), ""),
    # Hinting (ولمح فينغر إلى أن «...»): only with its complementizer, like the view verbs (لمح X "glimpsed").
    ("لمح", ["لمح", "لمحت", "لمحوا", "ألمح", "ألمحت", "ألمحوا"], "لمح", "ملمح", [], (), "weak strict"),
    # More speech acts, each only with a complementizer, a colon or a quotation (weak): citing (وأورد التقرير أن),
    # proposing, promising, narrating, advising, explaining, qualifying (واستدرك قائلاً), criticising, agreeing all
    # together, supporting and threatening. (وعد without its imperfect: يعد "is considered"; no participle where it
    # is also a plain noun: مورد، مقترح، واعد.)
    ("أورد", ["أورد"], "ورد", "", [], (), "weak"),
    ("اقترح", ["اقترح"], "قترح", "", [], (), "weak"),
    ("وعد", ["وعد"], "", "", [], (), "weak"),
    ("حكى", ["حكى", "حكت"], "حكي", "", [], (), "weak"),
    ("نصح", ["نصح"], "نصح", "ناصح", [], (), "weak"),
    ("فسر", ["فسر"], "فسر", "مفسر", [], (), "weak"),
    ("استدرك", ["استدرك"], "ستدرك", "مستدرك", [], (), "weak"),
    ("انتقد", ["انتقد"], "نتقد", "منتقد", [], (), "weak"),
    ("أجمع", ["أجمع"], "", "مجمع", [], (), "weak"),
    ("أيد", ["أيد"], "ؤيد", "مؤيد", [], (), "weak"),
    ("هدد", ["هدد"], "هدد", "مهدد", [], (), "weak"),
]
# Verbal nouns of belief after a light verb (أعرب / عبّر عن إيمانه بـ، عن قناعته بأن، عن ثقته في أن).
_THOUGHT_NOUNS = ("إيمان", "قناعة", "ثقة")
THOUGHT = frozenset(_THOUGHT_NOUNS)  # their lemmas: the only verbal nouns whose governed preposition starts content

# Accusative participle endings (حال): مؤكداً، مؤكدة، مؤكدين، مؤكدتين (the bare stem is an adjective: not a cue).
_PART_ENDINGS = ("ا", "ة", "ه", "ين", "تين", "ان")
_VERB_SUFFIX_PERFECT = ("", "ت", "وا", "ا", "تا")
_IMPERFECT = (("ي", "", False), ("ت", "", True), ("ي", "ون", False), ("ي", "ان", False), ("ت", "ان", True))
_PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن")
_MASDAR_PRE = ("", "ب", "بال", "ال", "و", "وب", "وبال", "ل", "ول")

# "According to" expressions: the source follows them (بحسب الوزارة، وفقاً للبيان).
_SOURCES = ("حسب", "بحسب", "وبحسب", "وحسب", "وفق", "وفقا", "ووفقا", "طبقا", "وطبقا", "نقلا")
# Attribution of wording placed after a quotation: حسب تعبيره، على حد قوله، بحسب وصفه.
WORDING = frozenset(fold(w) for w in ("تعبيره", "تعبيرها", "تعبيرهم", "قوله", "قولها", "قولهم", "وصفه",
                                          "وصفها", "وصفهم"))

_ENGLISH = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "added": "add", "adds": "add",
            "stated": "state", "states": "state", "announced": "announce", "explained": "explain",
            "noted": "note", "notes": "note", "argued": "argue", "claimed": "claim", "warned": "warn",
            "insisted": "insist", "stressed": "stress", "confirmed": "confirm", "denied": "deny",
            "asserted": "assert", "declared": "declare", "wrote": "write", "according": "according"}


def _build() -> dict[str, CueForm]:
    forms: dict[str, CueForm] = {}

    def put(word: str, form: CueForm) -> None:
        forms.setdefault(fold(word), form)

    for lemma, perfect, imp, part, masdars, preps, flags in _LEXICON:
        weak, impersonal, strict = "weak" in flags, "impersonal" in flags, "strict" in flags
        pronouns = ("",) if strict or "bare" in flags else _PRONOUNS  # (نقلها "carried it" is no relaying)
        for p in perfect:
            # feminine by its ending ت / تا, not by a root ending in ت (لفت "he pointed out" is masculine)
            variants = [(p, p != perfect[0] and p.endswith(("ت", "تا")))] if len(perfect) > 1 else [
                (p + s, s in ("ت", "تا")) for s in _VERB_SUFFIX_PERFECT]
            for v, fem in variants:
                for pron in pronouns:  # بينه "between him" is no cue
                    put(v + pron, CueForm(lemma, VERB, preps, False, weak, strict, "perfect", fem))
        if imp:
            for pre, suf, fem in _IMPERFECT:
                # a defective stem drops its last letter before -ون (يدعو -> يدعون، ينفي -> ينفون، يرى -> يرون)
                base = imp[:-1] if suf == "ون" and imp.endswith(("و", "ي", "ى")) else imp
                for pron in _PRONOUNS if "bare" not in flags else ("",):
                    put(pre + base + suf + pron, CueForm(lemma, VERB, preps, impersonal, weak, strict, "imperfect", fem))
        if part:
            for end in _PART_ENDINGS:  # داعي -> داعيا / داعية ; نافي -> نافيا
                put(part + end, CueForm(lemma, PARTICIPLE, preps, False, weak, strict, "participle",
                                        end in ("ة", "ه", "تين")))
            if part.endswith("ي"):  # the sound plural of a defective participle drops its ي: داعين، نافين
                put(part[:-1] + "ين", CueForm(lemma, PARTICIPLE, preps, False, weak, strict, "participle", False))
        for m in masdars:
            for pre in _MASDAR_PRE:
                for pron in ("", "ه", "ها", "هم", "هما"):  # (اعتقادي، رأيي: the writer's own view, no report)
                    word = pre + m + pron
                    # A bare verbal noun (تصريح، تأكيد) is mostly a plain noun ("في تصريح"): only the
                    # possessed form (تصريحه، قوله) or بالـ + noun (بالقول، بالتأكيد) reports speech.
                    if (pre.endswith("ال") and pron) or (not pron and pre not in ("بال", "وبال")):
                        continue
                    put(word, CueForm(lemma, MASDAR, preps, False, True, False, "masdar"))
    for noun in _THOUGHT_NOUNS:
        stem = noun[:-1] + "ت" if noun.endswith("ة") else noun
        for pre in ("", "ب", "و", "وب"):
            for pron in ("ه", "ها", "هم"):
                put(pre + stem + pron, CueForm(noun, MASDAR, ("ب", "في"), False, True, False, "masdar"))
    for s in _SOURCES:
        put(s, CueForm("حسب", SOURCE))
    # Forms that are far more often something else (بين "between", حسب "according" without a source, etc.)
    for w in ("قولا", "القول"):
        forms.pop(fold(w), None)
    forms[fold("بالقول")] = CueForm("قال", MASDAR, (), False, True, False, "masdar")
    return forms


FORMS = _build()
_PROCLITICS = ("و", "ف", "وس", "فس", "س", "ول", "فل", "ل")


def _with_proclitics(forms: dict[str, CueForm]) -> dict[str, CueForm]:
    """Every form also with the conjunction و/ف (and future س, purpose ل) glued in front: one dict lookup per
    word at run time."""
    out = dict(forms)
    for word, form in forms.items():
        for pre in _PROCLITICS:
            if form.kind == MASDAR and pre not in ("و", "ف"):
                continue
            if pre.endswith(("س", "ل")) and form.tense != "imperfect":
                continue  # لحثها "to urge them": ل (purpose) and س (future) only go with the imperfect
            out.setdefault(pre + word, form)
    return out


_ALL_FORMS = _with_proclitics(FORMS)


def match_form(word: str) -> CueForm | None:
    """The cue form of one folded word, allowing the conjunction و/ف (and future س) in front."""
    return _ALL_FORMS.get(word)


# Verbal nouns in construct with their agent (بعد إعلانِ الحكومة أن، مع تأكيد الوزير أن): cues only then.
_AGENT_MASDARS = {fold(pre + m): lemma for m, lemma in (("إعلان", "أعلن"), ("تأكيد", "أكد"), ("نفي", "نفى"),
                                                          ("تشديد", "شدد"), ("إقرار", "أقر"), ("قول", "قال"),
                                                          ("اعتقاد", "اعتقد"), ("زعم", "زعم"))
                  for pre in ("", "و", "ب", "وب", "ل", "ول")}
AGENT = "agent"  # CueForm.tense of a verbal noun followed by its agent


def _agent_masdar(an: Analysis, i: int) -> CueForm | None:
    """``إعلان الحكومة أن``: a bare verbal noun, a definite agent right after it, and a complementizer after the
    agent's phrase (a comma may stand before it) within six words."""
    toks = an.tokens
    lemma = _AGENT_MASDARS.get(toks[i].norm)
    if lemma is None or i + 1 >= len(toks) or not toks[i + 1].norm.startswith("ال"):
        return None
    for k in range(i + 2, min(len(toks), i + 9)):
        t = toks[k]
        if not an.same_sentence(i, k) or (t.kind == "p" and t.norm not in ("،", ",")):
            return None
        if t.norm in _COMPLEMENTIZERS_BARE:
            return CueForm(lemma, MASDAR, (), False, True, True, AGENT)
    return None


_COMPLEMENTIZERS_BARE = frozenset(fold(w) for w in ("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "أنهم",
                                                     "إنهم", "بأنه", "بأنها"))


def source_l_glued(an: Analysis, i: int) -> bool:
    """Is the ل that وفقاً / طبقاً at token ``i`` governs glued to the next word (وفقاً لمجلة، طبقاً للنظام)?"""
    toks = an.tokens
    return toks[i].norm.endswith(("وفقا", "طبقا")) and i + 1 < len(toks) and toks[i + 1].kind == "w" and \
        toks[i + 1].norm.startswith("ل") and toks[i + 1].norm not in ("ل", "لـ")


def opens_with_prep(word: str, preps: tuple[str, ...] | frozenset[str]) -> bool:
    """Is ``word`` one of a cue's governed prepositions (folded), alone (إلى، على) or a one-letter one glued to the
    next word (بارتكاب، لتحقيق)?"""
    return word in preps or glued_to(word, preps)


def glued_to(word: str, preps: tuple[str, ...] | frozenset[str]) -> bool:
    """Does ``word`` start with one of the one-letter prepositions ``preps`` glued to the next word (بارتكاب،
    لتحقيق) — not a noun that begins with that letter itself (بيان، لجنة)?"""
    return len(word) > 3 and word not in NOT_GLUED and any(len(p) == 1 and word.startswith(p) for p in preps)


# Nouns that begin with ب / ل themselves (وأفاد بيان صدر عن ...: the statement is the subject, not "بـ" + يان).
NOT_GLUED = frozenset(fold(w) for w in ("بيان", "بيانا", "بلاغ", "برقية", "بطاقة", "بعثة", "بلدية", "برنامج",
                                         "برلمان", "بنك", "لجنة", "لقاء", "لائحة"))


# "It came in" (وجاء في البيان أن، وورد في التقرير: «…»): the document after في is the source, like بحسب; not after
# "what" (بما ورد في التقرير، كما جاء في الحديث: a reference to it, no report).
_CAME_IN = frozenset(fold(w) for w in ("جاء", "وجاء", "ورد", "وورد"))
_WHAT = frozenset(fold(p + w) for p in ("", "و", "ف") for w in ("ما", "كما", "بما", "مما", "لما", "حسبما", "بحسب",
                                                                  "حسب"))


def find_cues(an: Analysis) -> list[Cue]:
    """Every cue in the article, in text order."""
    cues: list[Cue] = []
    toks = an.tokens
    for tok in toks:
        if tok.kind != "w":
            continue
        word = tok.norm
        if word.isascii():
            if word.lower() in _ENGLISH:
                cues.append(Cue(tok.i, tok.i, CueForm(_ENGLISH[word.lower()], VERB)))
            continue
        form = match_form(word) or _agent_masdar(an, tok.i)
        if form is None and word in _CAME_IN and tok.i + 1 < len(toks) and toks[tok.i + 1].norm in ("في", "فى") \
                and not (tok.i and toks[tok.i - 1].norm in _WHAT):
            cues.append(Cue(tok.i, tok.i + 1, CueForm("جاء في", SOURCE)))  # وجاء في البيان أن: "it says in"
            continue
        if form is not None and _first_person(an, tok.i, form):
            continue  # فإنني أعتقد أن: the writer's (or the interviewee's) own view, not a report
        if form is None or (form.lemma == "طلب" and (word == "طلبا" or word == "طلب" and not
                                                    _clause_starts_before(an, tok.i) or _relative_before(an, tok.i))):
            continue  # (طلباً للشهرة: the verbal noun, not "they both asked"; الدولة التي تطلب قرضاً: no report)
        if form.kind == VERB and form.tense == "perfect" and form.lemma.endswith("ى") and an.writes_alef_maqsura \
                and an.raw(tok.i).endswith("ي"):
            continue  # قضية رأي عام، نفي: where the article writes ى apart from ي, رأى / نفى spelt with ي is the noun
        if form.kind == VERB and tok.i and toks[tok.i - 1].norm in _NEGATING_NOUNS:
            continue  # طلب عدم ذكر اسمه: after عدم a verb's spelling is its verbal noun ("not mentioning")
        if form.kind in (VERB, PARTICIPLE) and _counted(an, tok.i):
            continue  # 30 طالباً وطالبة، لـ(5864) طالباً: what a number counts is a noun, no verb of saying
        last = _idiom_object(an, tok.i, form)
        if form.kind == SOURCE:
            # وفقاً لـ / طبقاً لـ / نقلاً عن: the preposition belongs to the cue when it stands alone.
            if word.endswith(("وفقا", "طبقا", "نقلا")) and tok.i + 1 < len(toks):
                nxt = toks[tok.i + 1].norm
                if nxt in ("ل", "لـ", "عن"):
                    last = tok.i + 1
                elif not word.endswith("نقلا") and not source_l_glued(an, tok.i):
                    continue
            elif word.endswith("نقلا"):
                continue
        cues.append(Cue(tok.i, last, form))
    return cues


# Objects that make one idiom with their verb and its preposition (كشف النقاب عن "unveiled"): part of the cue, no
# subject; the content follows the preposition as after كشف عن.
_IDIOM_OBJECTS = {"كشف": frozenset(fold(w) for w in ("النقاب", "الستار", "الغطاء", "اللثام"))}


def _idiom_object(an: Analysis, i: int, form: CueForm) -> int:
    """The last token of the cue at ``i``: its idiomatic object (وكشف النقاب عن) when the cue's preposition
    follows it, else ``i`` itself."""
    toks = an.tokens
    objects = _IDIOM_OBJECTS.get(form.lemma)
    if objects and form.kind in (VERB, PARTICIPLE) and i + 2 < len(toks) and toks[i + 1].norm in objects and \
            toks[i + 2].norm in {fold(p) for p in form.preps}:
        return i + 1
    return i


_VERB_OPENERS = frozenset(fold(w) for w in ("قد", "لقد", "وقد", "ولقد", "فقد", "ثم", "كما", "حيث", "وحين", "حين"))


def _first_person(an: Analysis, i: int, form: CueForm) -> bool:
    """أعتقد / أعتبر / أستبعد written with hamza: the first person of a verb whose perfect starts with a plain
    alef (اعتقد، اعتبر، استبعد), which folding makes look alike."""
    if form.kind != VERB or form.tense != "perfect" or not form.lemma.startswith("ا"):
        return False
    word = an.raw(i)
    if word[:1] in "وف" and len(word) > 4:
        word = word[1:]
    nxt = an.tokens[i + 1].norm if i + 1 < len(an.tokens) else ""
    return word[:1] in "أإ" and not nxt.startswith("ال")  # (أعتبر الوزير أن: a misspelt perfect, its subject)


def _counted(an: Analysis, i: int) -> bool:
    """Is the word at ``i`` a noun counted by the number right before it (30 طالباً وطالبة، لـ140 طالبًا، (5864)
    طالباً، 24 متهمًا)? After eleven and more the counted noun takes the accusative ending; a verb never follows a
    numeral. A year may stand before one (وفي نوفمبر 2013 أكد، عام 2012 واصفاً): not counted. A footnote's number
    stands before its citation ((40) نقلاً عن …), which is no report either."""
    toks = an.tokens
    if not toks[i].norm.endswith("ا"):
        return False
    j = i - 1
    if j > 0 and toks[j].norm == ")":
        j -= 1
    number = toks[j].norm if j >= 0 else ""
    digits = number[-4:] if number[-1:].isdigit() else ""
    return bool(digits) and digits.isdigit() and not 1300 <= int(digits) <= 2100 and an.same_sentence(j, i)


_NEGATING_NOUNS = frozenset(fold(w) for w in ("عدم", "وعدم", "لعدم", "بعدم"))
_RELATIVES = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "اللتين", "اللذين"))  # (cues sit below .words)


def _relative_before(an: Analysis, i: int) -> bool:
    return i > 0 and an.tokens[i - 1].norm in _RELATIVES


def _clause_starts_before(an: Analysis, i: int) -> bool:
    """Does a clause start right before token ``i`` (a punctuation mark, a line start, قد / ثم / حيث)? Then a
    bare perfect there (طلب) is the verb, not the noun."""
    if i == 0:
        return True
    prev = an.tokens[i - 1]
    return prev.kind == "p" or prev.norm in _VERB_OPENERS or an.line[i - 1] != an.line[i]


_OPINION = frozenset(fold(w) for w in ("رأيه", "رأيها", "رأيهم", "تقديره", "تقديرها", "تقديرهم"))
_VIEW = frozenset(fold(w) for w in ("نظره", "نظرها", "نظرهم"))


def is_wording_phrase(an: Analysis, i: int) -> int | None:
    """``حسب تعبيره`` / ``على حد قوله`` / ``بحسب وجهة نظره`` starting at token ``i`` (the speaker's own wording or
    view, said of the subject already named): the index of its last token, else None."""
    toks = an.tokens
    if i + 1 < len(toks) and toks[i].norm in ("حسب", "بحسب", "وحسب", "وفق", "وبحسب"):
        if toks[i + 1].norm in WORDING or toks[i + 1].norm in _OPINION:
            return i + 1
        if i + 2 < len(toks) and toks[i + 1].norm == "وجهة" and toks[i + 2].norm in _VIEW:
            return i + 2
    if i + 2 < len(toks) and toks[i].norm == "علي" and toks[i + 1].norm == "حد" and toks[i + 2].norm in WORDING:
        return i + 2
    return None


# --- speech nouns after light verbs (وجّهت X تحذيراً / أطلق دعوة / أصدر نداءً): see :mod:`.nouns` ----------------

_LIGHT = frozenset(fold(p + w) for p in ("", "و", "ف") for w in (
    "وجه", "وجهت", "وجهوا", "أطلق", "أطلقت", "أطلقوا", "أصدر", "أصدرت", "أصدروا", "جدد", "جددت", "جددوا",
    "موجها", "موجهة", "مطلقا", "مطلقة", "مجددا", "مجددة", "أعاد", "أعادت", "أعادوا", "معيدا", "معيدة", "معيدين"))
# noun (as written in the accusative or plural) -> the prepositions that open its content
_NOUNS = {fold(k): (fold(lemma), tuple(fold(p) for p in preps)) for k, lemma, preps in (
    ("تحذيرا", "تحذير", ("ب", "من")), ("تحذيرات", "تحذير", ("ب", "من")),
    ("دعوة", "دعوة", ("إلى", "الى", "ل", "ب")), ("دعوات", "دعوة", ("إلى", "الى", "ل", "ب")),
    ("نداء", "نداء", ("إلى", "الى", "ل", "ب")), ("مناشدة", "مناشدة", ("ل", "ب", "إلى", "الى")),
    # reaffirming (وجدد الوزير التأكيد على أن، وأعاد الوزراء تأكيدَ الالتزامات): what is affirmed may be the object
    ("تأكيد", "تأكيد", ("على", "ب")), ("التأكيد", "تأكيد", ("على", "ب")))}
REAFFIRMING = fold("تأكيد")  # the speech noun whose object, not only its preposition, opens the content
# ... and possessed by the one who speaks (وجددت المديرية تحذيراتها للمواطنين بتوخي الحذر، جدد دعوته إلى).
_NOUNS.update({fold((k[:-1] + "ت" if k.endswith("ة") else k[:-1] if k.endswith("ا") else k) + pron): v
               for k, v in list(_NOUNS.items()) for pron in ("ه", "ها", "هم")})


def find_speech_nouns(an: Analysis, cue_tokens: set[int]) -> list[Cue]:
    """Speech nouns that a light verb before them (same clause, at most 8 tokens back) turns into cues."""
    out: list[Cue] = []
    for tok in an.tokens:
        if tok.kind != "w" or tok.norm not in _NOUNS or tok.i in cue_tokens or \
                light_verb(an, tok.i, cue_tokens) is None:
            continue  # (تحذيره is a verbal-noun cue already)
        lemma, preps = _NOUNS[tok.norm]
        out.append(Cue(tok.i, tok.i, CueForm(lemma, NOUN, preps, weak=True)))
    return out


def light_verb(an: Analysis, i: int, cue_tokens: set[int] | frozenset[int]) -> int | None:
    """The light verb before the speech noun at token ``i`` in its clause, or None."""
    toks = an.tokens
    for k in range(i - 1, max(-1, i - 9), -1):
        t = toks[k]
        if not an.same_sentence(k, i) or k in cue_tokens or (t.kind == "p" and t.norm in CLAUSE_PUNCT | {":"}):
            return None
        if t.norm in _LIGHT:
            return k
    return None
