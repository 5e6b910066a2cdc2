"""Who said it: the speaker of an attribution whose cue has no subject of its own right after it.

A subject before the verb is found by :func:`.preceding.speaker_before`; here are the rules for the rest: a
circumstantial participle or a conjoined verb shares the subject of the verb opening its sentence (ونعت X ...،
وقالت / وقدّم X ... حيث قال), a verbal noun of belief after a light verb takes the light verb's subject (عبّر
الأمير عن إيمانه بـ), a participle after ``غير أنّ X`` takes X, and otherwise a subject-less cue continues the
nearest earlier attribution whose speaker agrees with it in gender (:func:`antecedent`). Which cues have no
subject at all (impersonal verbs inside the writer's remark, "indicates" said of things) is decided here too.
"""

from __future__ import annotations

from ..text.arabic import fold
from .clauses import Attributions, Record
from .context import Facts, Range, past_dateline
from .coref import is_honorific, person_names
from .cues import MASDAR, PARTICIPLE, VERB, Cue
from .eulogies import prophet_eulogy_after, prophet_named
from .quotes import PREPOSITIONS, is_classifier, is_discourse_an
from .arabic import has_al, strip_al
from .phrases import tanween
from .speakers import gender_of, speaker_after
from .subjects import subject_after_cue
from .words import ADJUNCT_WORDS, FUNCTION_WORDS, IN_IT, ORG_NOUNS, RELATIVE, TITLES, is_title

MAX_SENTENCES_BACK = 5  # how far a subject-less cue looks back for the attribution it continues


def antecedent(f: Facts, records: list[Record], cue: Cue, before: int) -> Record | None:
    """The attribution a subject-less cue continues: the nearest earlier top-level one with a speaker whose
    gender does not clash with the cue's (مؤكدةً after البنك الدولي is someone else)."""
    want = cue_gender(f, cue)
    singular = singular_cue(f, cue)
    here = f.an.sentence[cue.i]
    for r in reversed(records):
        if here - f.an.sentence[r.cues[0].i] > MAX_SENTENCES_BACK:
            return None  # too far back: the subject was introduced by a verb that is not a cue
        if not (r.top_level and r.speaker is not None and r.cues[0].i < before):
            continue
        if not agrees(f, cue, r.speaker, want, singular):
            continue
        if cue.form.lemma != "قال" and scripture(f, r.speaker):
            continue  # وأضاف / وأوضح after a verse or a hadith the preacher cited: the preacher goes on
        return r
    return None


_GOD = frozenset(fold(w) for w in ("الله", "والله", "تعالى", "سبحانه", "ربنا", "ربكم"))


def scripture(f: Facts, mention: Range) -> bool:
    """Is ``mention`` God or the Prophet (الله تعالى، قال تعالى، النبي صلى الله عليه وسلم): whom a preacher or a
    writer cites, not the speaker a journalist's next "he added" continues?"""
    words = [t.norm for t in f.an.words(*mention)]
    if not words:
        return False
    return words[0] in _GOD or prophet_named(words) or (
        mention[1] + 1 < len(f.an.tokens) and prophet_eulogy_after(f.an, mention[1] + 1) is not None)


def agrees(f: Facts, cue: Cue, mention: Range, want: str | None = None, singular: bool | None = None) -> bool:
    """Can ``mention`` be the hidden subject of a subject-less ``cue``: no gender clash (وقالت after المتحدث is
    someone else) and no group of people for a singular cue."""
    want = cue_gender(f, cue) if want is None else want
    singular = singular_cue(f, cue) if singular is None else singular
    words = [t.norm for t in f.an.words(*mention)]
    have = gender_of(words)
    return not (want and have and want != have or (singular and want != "f" and plural_people(words)))


def singular_cue(f: Facts, cue: Cue) -> bool:
    """The cue's own form is singular (أكد، أكدت، مؤكداً، قوله): without a subject of its own, its hidden subject
    is one speaker, not a group of people (محللون ... وأكدوا, but not ولفت)."""
    word = f.an.tokens[cue.i].norm
    if cue.kind == VERB and cue.form.tense == "perfect":
        return not word.endswith("وا")
    if cue.kind == VERB and cue.form.tense == "imperfect":
        return not word.endswith(("ون", "ان"))
    if cue.kind == PARTICIPLE:
        return word.endswith(("ا", "ة", "ه"))
    if cue.kind == MASDAR:
        return word.endswith(("ه", "ها"))
    return False


def plural_people(words: list[str]) -> bool:
    """A mention headed by a sound masculine plural of a participle or a definite one (محللون، المسؤولين،
    المشاركون): a group of people (a name ending in ون, خلدون, is neither)."""
    if not words:
        return False
    word = words[0][1:] if words[0][:1] in ("و", "ف") and len(words[0]) > 5 else words[0]
    head = strip_al(word)
    return len(head) >= 5 and head.endswith(("ون", "ين")) and (head.startswith("م") or word != head)


def cue_gender(f: Facts, cue: Cue) -> str | None:
    """f / m when the cue's own form shows the subject's gender (أكدت، مؤكدة، قولها، يقول), else None."""
    word = f.an.tokens[cue.i].norm
    if cue.kind == MASDAR:
        return "f" if word.endswith("ها") else ("m" if word.endswith("ه") else None)
    if cue.kind == PARTICIPLE:  # plural معتبرين agrees with groups of either gender: no clue
        return "f" if word.endswith("ة") else ("m" if word.endswith("ا") else None)
    if cue.kind == VERB and cue.form.tense == "perfect":
        return "f" if cue.form.feminine else "m"
    if cue.kind == VERB and cue.form.tense == "imperfect":  # يقول / تقول (and ويبين, فتقول)
        bare = word[1:] if word[:1] in ("و", "ف") and word[1:2] in ("ي", "ت") else word
        return {"ي": "m", "ت": "f"}.get(bare[:1])
    return None


_WRITER_FRAMES = frozenset(fold(w) for w in ("يشار", "ويشار", "يذكر", "ويذكر", "بالذكر", "الإشارة", "يلاحظ",
                                              "ويلاحظ", "يعتقد", "ويعتقد"))


def in_writer_frame(f: Facts, cue: Cue) -> bool:
    """The cue stands in the clause of the writer's own remark (يشار إلى أنه، الجدير بالذكر أن): a subject-less
    verb there is read as an impersonal passive (أُعلن عن أن), not as a report by the previous speaker."""
    toks = f.an.tokens
    for k in range(cue.i - 1, max(-1, cue.i - 12), -1):
        if not f.an.same_sentence(k, cue.i) or k in f.cue_tokens:
            return False
        if toks[k].norm in _WRITER_FRAMES:
            return True
    return False


# "For his part", "in turn": adjuncts that open a sentence before its verb (من جهته، أكد / بدوره قال).
OWN_PART = frozenset(fold(w) for w in ("جهته", "جهتها", "جهتهم", "جانبه", "جانبها", "جانبهم", "ناحيته",
                                       "ناحيتها", "بدوره", "بدورها", "بدورهم"))


def opening_word(f: Facts, first: int, limit: int) -> int:
    """The first word of a clause starting at token ``first``: past punctuation, a dateline (سعود الدعجاني - سبق -
    عسير: / واس - الرياض:) and an opener (من جهته، بدوره)."""
    toks = f.an.tokens
    while first < limit and toks[first].kind == "p":
        first += 1
    first = past_dateline(f, first, limit)
    k = first + 1 if first < limit and toks[first].norm == "من" else first
    if k < limit and toks[k].norm in OWN_PART:
        first = k + 1
        while first < limit and toks[first].kind == "p":
            first += 1
    return first


def verb_shaped(f: Facts, k: int, conjoined: bool = True) -> bool:
    """A sentence-opening word that reads as a conjoined perfect verb (ونعت، وقدّم، وتطرق، فاستقبل): و/ف + a
    stem of 3-6 letters without the article or a noun ending, not a title, function word, cue or date (with
    ``conjoined`` False the و/ف may be absent: أصدرت)."""
    tok = f.an.tokens[k]
    w = tok.norm
    if tok.kind != "w" or k in f.cue_tokens or k in f.date_at:
        return False
    if w[:1] in ("و", "ف") and len(w) > 3:
        stem = w[1:]
    elif conjoined:
        return False
    else:
        stem = w
    return (3 <= len(stem) <= 6 and not stem.startswith("ال") and not stem.endswith(("ة", "ات", "ين", "ون", "اء"))
            and w not in TITLES and stem not in TITLES and w not in _NOT_VERBS and stem not in _NOT_VERBS
            and stem not in PREPOSITIONS and stem not in ADJUNCT_WORDS)


_NOT_VERBS = frozenset(fold(w) for w in ("في", "من", "على", "عن", "إلى", "مع", "لكن", "كان", "كانت", "قد", "لقد",
                                         "هو", "هي", "هم", "هذا", "هذه", "ذلك", "تلك", "أيضا", "حسب", "بحسب",
                                         "وفقا", "فيما", "بينما", "حيث", "إذ", "كما", "ما", "لا", "لم", "لن",
                                         "سائل", "وسط"))  # وسائل الإعلام، ووسط: not verbs


def sentence_subject(f: Facts, cue: Cue) -> Range | None:
    """ونعت كتائب القسام ...، وقالت: / وقدّم العساف نبذة ... حيث قال إن: a subject-less cue conjoined to (or
    subordinate to) the verb that opens its sentence shares that verb's subject."""
    an, toks = f.an, f.an.tokens
    word = toks[cue.i].norm
    prev = toks[cue.i - 1].norm if cue.i else ""
    if not (cue.kind == PARTICIPLE or (cue.kind == VERB and (word[:1] in ("و", "ف") or prev in ("حيث", "إذ", "اذ")))):
        return None  # a circumstantial participle, a conjoined verb or a verb after حيث / إذ
    start = an.sentence_bounds[an.sentence[cue.i]][0]
    first = opening_word(f, start, cue.i)
    if cue.kind == PARTICIPLE and first == cue.i and start > 0 and an.line[start - 1] == an.line[cue.i]:
        # كشف فلان أبرز ملامح الخطة. موضحاً أن: a full stop before the participle, in the same paragraph, does not
        # end whose words go on
        first = opening_word(f, an.sentence_bounds[an.sentence[start - 1]][0], cue.i)
    opener = f.cue_at.get(first)
    if first >= cue.i - 2 or not (verb_shaped(f, first) or (opener is not None and opener.kind == VERB)):
        return None  # (a reporting verb without content of its own opens it too: من جهتها أبدت X ...، وقالت)
    np = subject_after_cue(f, opener) if opener is not None else speaker_after(f, first)
    if np is None or np[1] >= cue.i:
        return None
    for k in range(np[0] + 1, np[1] + 1):  # ورفض الكثير من المغردين نشرَ ...: an indefinite word after a
        w, prev = toks[k].norm, toks[k - 1].norm  # definite non-title one starts the verb's object
        if (toks[k].kind == "w" and not w.startswith("ال") and w not in PREPOSITIONS and prev.startswith("ال")
                and prev not in TITLES):
            np = (np[0], k - 1)
            break
    want, have = cue_gender(f, cue), gender_of([t.norm for t in an.words(*np)])
    return None if want and have and want != have else np


def clause_subject(f: Facts, cue: Cue) -> Range | None:
    """حيث أجاب اللواء منصور التركي على سؤال ...، مؤكداً أن: a circumstantial participle's subject is the subject of
    the verb of its clause — the nearest titled subject right after a verb (a conjoined one, or one after حيث / إذ)
    earlier in the participle's sentence, or the subject that ends right before the participle (تحدث لـ"سبق" المستشار
    يحيى الشهراني قائلاً)."""
    if cue.kind != PARTICIPLE:
        return None
    an, toks = f.an, f.an.tokens
    first = an.sentence_bounds[an.sentence[cue.i]][0]
    for k in range(cue.i - 2, max(first, cue.i - 40), -1):
        w = toks[k].norm
        if toks[k].kind != "w" or not is_title(w) or k - 1 < first:
            continue
        verb = k - 1
        if not (verb_shaped(f, verb) or (verb > first and toks[verb - 1].norm in _SUBORDINATORS
                                          and toks[verb].kind == "w" and not has_al(toks[verb].norm))):
            continue
        np = speaker_after(f, verb)
        if np is not None and np[0] == k and np[1] < cue.i and agrees(f, cue, np):
            return np
    return _subject_just_before(f, cue, first)


def _subject_just_before(f: Facts, cue: Cue, first: int) -> Range | None:
    """VERB [to whom] SUBJECT participle: the subject of the nearest verb ends right before the participle."""
    toks = f.an.tokens
    end = cue.i - 1
    if end > first and toks[end].kind == "p" and toks[end].norm in ("،", ","):
        end -= 1
    for verb in range(end - 1, max(first - 1, cue.i - 16), -1):
        if verb in f.cue_tokens or toks[verb].kind == "p" and toks[verb].norm not in ('"', "«", "»", "“", "”"):
            return None  # another cue or a clause boundary comes first
        if not _main_verb_at(f, verb, first):
            continue
        np = speaker_after(f, verb)
        if (np is not None and np[1] == end and titled(f, np) and person_names([t.norm for t in f.an.words(*np)])
                and agrees(f, cue, np)):
            return np  # (a person named with a title: not "أعضاء الدورة" or "رئيس لتحقيق السلام")
    return None


_SUBORDINATORS = frozenset(fold(w) for w in ("حيث", "إذ", "اذ", "عندما", "حين", "بعدما", "كما", "فيما", "بينما"))


_LIGHT_VERBS = frozenset(fold(w) for w in ("عبر", "أعرب", "معبرا", "معربا", "معبرة", "معربة"))


def light_verb_subject(f: Facts, cue: Cue) -> Range | None:
    """عبّر الأمير عن إيمانه بـ ...: a verbal noun of belief governed by عن after a light verb of expression;
    its possessor is the light verb's subject (the noun phrase between the verb and عن)."""
    toks = f.an.tokens
    if cue.i < 1 or toks[cue.i - 1].norm != "عن":
        return None
    for k in range(cue.i - 2, max(-1, cue.i - 16), -1):
        if not f.an.same_sentence(k, cue.i):
            return None
        w = toks[k].norm
        if w in _LIGHT_VERBS or (w[:1] in ("و", "ف") and w[1:] in _LIGHT_VERBS):
            np = speaker_after(f, k)
            if np is not None and np[1] == cue.i - 2:
                return np
            return None
    return None


_RESUMPTIVE = IN_IT | frozenset(fold(w) for w in ("به", "بها", "عبره", "عبرها"))


def issuer_subject(f: Facts, cue: Cue) -> Range | None:
    """أصدرت قيادة القوات المشتركة اليوم بياناً أوضحت فيه أن / عقد الوزير مؤتمراً صحفياً أكد خلاله: a verb after an
    indefinite accusative noun, with a pronoun pointing back to it, describes that noun (a statement, a press
    conference); who speaks in it is the subject of the verb that made it."""
    an, toks = f.an, f.an.tokens
    noun, after = cue.i - 1, cue.last + 1
    if (cue.kind != VERB or noun < 1 or after >= len(toks) or toks[after].norm not in _RESUMPTIVE
            or not tanween(an, noun)):
        return None
    date_ends = {last: first for first, last in f.date_at.items()}
    k = noun - 1
    while k > 0 and (k in date_ends or tanween(an, k)) and an.same_sentence(k, cue.i):
        k = date_ends.get(k, k) - 1  # اليوم، أمس الأول، رسمياً between the subject and the noun
    first = max(an.sentence_bounds[an.sentence[cue.i]][0], k - 10)
    for verb in range(first, k):  # the leftmost verb whose subject ends right before the noun: أصدرت, not القوات
        if not _main_verb_at(f, verb, first):
            continue
        np = speaker_after(f, verb)
        if (np is not None and np[0] == verb + 1 and np[1] == k
                and not any(_main_verb_at(f, x, first) for x in range(np[0], k + 1))):
            return np if agrees(f, cue, np) else None
    return None


def _main_verb_at(f: Facts, x: int, first: int) -> bool:
    """Can token ``x`` (in a clause starting at ``first``) be a clause's own verb, with or without و/ف? Not a name
    after a title (الأمير خالد), not after a preposition (في تطور) or a relative pronoun (التي حققها), not a word
    with a preposition glued (كمدخل) or an object pronoun (حققها)."""
    prev = f.an.tokens[x - 1].norm if x > first else ""
    w = f.an.tokens[x].norm
    return (verb_shaped(f, x, conjoined=False) and not is_title(prev) and prev not in PREPOSITIONS
            and prev[1:] not in PREPOSITIONS and prev not in RELATIVE and w[:1] not in ("ك", "ب", "ل")
            and not w.endswith(("ها", "هم", "ه")))


def subject_after_inna(f: Facts, cue: Cue, records: Attributions) -> Range | None:
    """غير أن منظمات غير حكومية سارعت ...، مؤكدةً أنها: a participle whose clause opens with a connective + أنّ
    takes the noun phrase after أنّ (its subject) as the speaker."""
    toks = f.an.tokens
    k = cue.i - 1
    while k > 0 and f.an.same_sentence(cue.i, k) and cue.i - k < 40:
        if records.covers(k):
            return None  # the connective belongs to someone's reported words
        if is_discourse_an(f.an, k):
            np = speaker_after(f, k)
            if np is None or np[1] >= cue.i:
                return None
            # The subject is followed by its verb (منظمات غير حكومية سارعت): a word with the perfect's
            # feminine ت ending after the first word closes the noun phrase.
            for j in range(np[0] + 1, np[1] + 1):
                w = toks[j].norm
                if w.endswith("ت") and not w.endswith("ات") and not w.startswith("ال"):
                    return (np[0], j - 1)
            return np
        k -= 1
    return None


def titled(f: Facts, np: tuple[int, int] | None) -> bool:
    return np is not None and any(t.norm in TITLES or t.norm[2:] in TITLES for t in f.an.words(*np))


def continues(f: Facts, cue: Cue, k: int) -> bool:
    """وأوضح فلان قائلاً: / وأعرب فلان عن اعتقاده أن: the next cue carries this verb's content, so the verb's
    subject is its speaker. Only a speech verb followed by قائلاً, or by a verbal noun governed by a
    preposition (عن اعتقاده، بتأكيده), continues like that."""
    nxt = f.cue_at.get(k)
    if cue.kind != VERB or nxt is None:
        return False
    if cue.form.weak:  # وتابع قائلاً / ومضى يقول: a weak verb only right before قائلاً or يقول
        return k == cue.last + 1 and nxt.form.lemma == "قال" and (
            nxt.kind == PARTICIPLE or nxt.form.tense == "imperfect")
    if nxt.kind == PARTICIPLE and nxt.form.lemma == "قال":
        return True
    prev = f.an.tokens[k - 1].norm if k else ""
    return nxt.kind == MASDAR and (prev in PREPOSITIONS or f.an.tokens[k].norm.startswith("ب"))


def opening_subjects(f: Facts, cue: Cue, since: int) -> list[Range]:
    """Subjects of the verbs opening the sentences before the cue's, back to sentence ``since`` (the last
    attribution) and at most three: واستقبل الأمير ... السفير. وأكد ...: a subject-less cue may continue the
    narrative's subject rather than the last speaker. Nearest first."""
    an = f.an
    out: list[Range] = []
    here = an.sentence[cue.i]
    for sid in range(here - 1, max(since, here - 4), -1):
        first, last = an.sentence_bounds[sid]
        first = opening_word(f, first, last)
        if an.sentence[first] != sid or not (verb_shaped(f, first) or _light_verb_opening(f, first)):
            continue
        np = speaker_after(f, first)
        if np is not None:
            out.append(np)
    return out


def _light_verb_opening(f: Facts, k: int) -> bool:
    """وعبر معالي رئيس المجلس عن ...: عبر ("via") opening a sentence before a title or an honorific is the verb
    "expressed"."""
    toks = f.an.tokens
    w = toks[k].norm
    return (w[:1] in ("و", "ف") and w[1:] in _LIGHT_VERBS and k + 1 < len(toks) and toks[k + 1].kind == "w"
            and (is_title(toks[k + 1].norm) or is_honorific(toks[k + 1].norm)))


def _outlet_place(f: Facts, k: int) -> bool:
    """A quoted name right after a preposition (حوار مع "الوطن"، لـ«الشرق الأوسط»، في «المهندسين»): an outlet
    or a place, not a person the narrative is about."""
    toks = f.an.tokens
    if k == 0 or toks[k - 1].kind != "w":
        return False
    w = toks[k - 1].norm
    return w in PREPOSITIONS or w in ("ل", "لـ", "ب", "بـ") or (w[:1] in ("و", "ف") and w[1:] in PREPOSITIONS)


def _adjective_title(f: Facts, np: Range) -> bool:
    """A one-word "title" right after a definite noun is its adjective (الملعب الكبير), not a person."""
    toks = f.an.tokens
    k = np[0]
    if np[0] == np[1] and k > 0 and toks[k - 1].kind == "w" and has_al(toks[k - 1].norm) \
            and toks[k - 1].norm not in TITLES:
        return True
    if np[0] == np[1] and k > 0 and toks[k - 1].kind == "w" and not has_al(toks[k].norm) and not has_al(
            toks[k - 1].norm) and _plain_noun(f, k - 1):
        return True  # عبر حوض كبير: the same after an indefinite noun (a name, a title or a particle is no noun)
    # كمدخل رئيس لتحقيق السلام: an indefinite "title" after an indefinite noun, then ل: "main", no person
    return (k > 0 and k + 1 < len(toks) and toks[k - 1].kind == "w" and not has_al(toks[k].norm)
            and not has_al(toks[k - 1].norm) and toks[k - 1].norm not in TITLES and toks[k - 1].norm not in PREPOSITIONS
            and toks[k - 1].norm not in FUNCTION_WORDS and k - 1 not in f.cue_tokens
            and toks[k + 1].norm[:2] in ("لت", "لا") and len(toks[k + 1].norm) > 4)  # ل + a verbal noun


def _plain_noun(f: Facts, k: int) -> bool:
    """Token ``k`` is a plain word a one-word adjective could follow: not a title, a name after a title, a
    preposition, a function word or a cue."""
    w = f.an.tokens[k].norm
    return (w not in TITLES and w not in PREPOSITIONS and w not in FUNCTION_WORDS and k not in f.cue_tokens
            and not (k > 0 and is_title(f.an.tokens[k - 1].norm)))


def titled_mentions(f: Facts, cue: Cue) -> list[Range]:
    """Noun phrases opened by a title in the sentence before the cue's and in its own sentence before the cue
    (التقى الوزير بالسفير الياباني. من جهته، أكد ...), nearest first."""
    an = f.an
    here = an.sentence[cue.i]
    start = an.sentence_bounds[here - 1][0] if here > 0 else 0
    out: list[Range] = []
    for k in range(cue.i - 1, start - 1, -1):
        np = _titled_phrase(f, k, cue)
        if np is not None and an.same_sentence(k, np[1]):
            out.append(np)
    return out


def _titled_phrase(f: Facts, k: int, cue: Cue) -> Range | None:
    """The noun phrase a title at token ``k`` opens, ending before the cue (not a cue's own word, and not an
    adjective that only looks like a title: الملعب الكبير), or None."""
    tok = f.an.tokens[k]
    if k == 0 or tok.kind != "w" or k in f.cue_tokens or not is_title(tok.norm):
        return None
    prev = f.an.tokens[k - 1].norm
    if is_classifier(prev) or prev in ORG_NOUNS or strip_al(prev) in ORG_NOUNS:
        return None  # مؤسسة الملك عبدالعزيز، جامعة الملك سعود: an institution's name, not the king
    if k >= 2 and f.an.tokens[k - 2].norm in RELATIVE and f.an.tokens[k - 1].kind == "w":
        return None  # النتائج التي حققها أعضاء الدورة السابقة: the subject of a relative clause describing a thing
    np = speaker_after(f, k - 1)
    if np is None or np[0] != k or np[1] >= cue.i or _adjective_title(f, np):
        return None
    return np


RECENT_SENTENCES = 4  # how far back a subject-less cue looks for people the narrative is about


def _names_someone_quoted(f: Facts, inner: Range) -> bool:
    """A name written between quotation marks that can be someone's (مثل «الدرناوي»، "أبو أحمد"، «فركاش»): a
    surname's nisba or a word longer than three letters with no article and no feminine ending, or a phrase opening
    with such a word (a given name) — not a thing or a term set off by marks (مد "كُم" جلبابه، عصا ”مكنسة”،
    نظريته "لمسة الجنون المقدس")."""
    words = [t.norm for t in f.an.words(*inner)]
    if not words:
        return False
    if len(words) == 1:
        w = words[0]
        return len(w) > 3 and not w.endswith("ة") and (not has_al(w) or w.endswith("ي"))
    return not (has_al(words[0]) or words[0].endswith("ة"))  # (عبدالله الحكيم: a given name, then a surname)


def recent_mentions(f: Facts, cue: Cue) -> list[Range]:
    """People the narrative was about just before a cue without a subject, nearest first (at most three): noun
    phrases opened by a title in the sentences before (further back than :func:`titled_mentions` looks), and names
    written between quotation marks (مثل «الدرناوي» ... ويقول: the feature's subject, named once)."""
    an = f.an
    here = an.sentence[cue.i]
    start = an.sentence_bounds[max(0, here - RECENT_SENTENCES)][0]
    out: list[Range] = []
    k = cue.i - 1
    while k >= start and len(out) < 3:
        st = f.by_open.get(k)
        if st is not None and st.inner is not None and f.name_like.get(k) and st.inner[1] - st.inner[0] <= 2 \
                and all(t.kind == "w" and t.norm not in TITLES for t in an.words(*st.inner)) \
                and not _outlet_place(f, k) and _names_someone_quoted(f, st.inner):
            if st.inner not in out:
                out.append(st.inner)
        else:
            np = _titled_phrase(f, k, cue)
            if np is not None and k < np[1] and np not in out and agrees(f, cue, np):
                out.append(np)
        k -= 1
    return out
