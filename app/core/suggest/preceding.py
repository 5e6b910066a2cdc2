"""Who is named before a cue: the subject written before the verb (مصادر أشارت، السفارة الأميركية في نيروبي
أعلنت، المدرب فلان الذي جدد عقده ...، أكد), the possessor of a verbal noun (عن مدفيديف قوله), and the words that
describe a mention just before it (for coreference). The phrase after a cue is :mod:`.speakers`'.
"""

from __future__ import annotations

from bisect import bisect_left

from ..text.arabic import CLAUSE_PUNCT, fold
from .arabic import and_definite, has_al, strip_al
from .context import Facts, Range, date_tokens
from .eulogies import eulogy_before
from .quotes import COMPLEMENTIZERS, PREPOSITIONS
from .phrases import abbreviation_dot, pronoun_carrier, tanween
from .words import (ADJUNCT_WORDS, CLAUSE_OPENERS, FUNCTION_WORDS, IN_IT, KANA, PRONOUN_PREPS, RELATIVE,
                    is_title)

_GLUED_PREP_AL = tuple(fold(w) for w in ("بال", "لل", "كال", "وبال", "ولل", "فبال"))


def _conjoined_relative(f: Facts, j: int) -> int:
    """والذين at ``j`` continues an earlier الذين of the same sentence (a few words back): that one's position, or
    ``j`` itself."""
    toks, bare = f.an.tokens, f.an.tokens[j].norm[1:]
    for k in range(j - 1, max(-1, j - 20), -1):
        if not f.an.same_sentence(k, j) or toks[k].norm in RELATIVE and toks[k].norm != bare:
            break
        if toks[k].norm == bare:
            return k
    return j


def speaker_before(f: Facts, i: int, require_title: bool) -> Range | None:
    """A subject before the cue (``مصادر أشارت``, ``رئيس البلدية بالقول``, ``عن مدفيديف قوله``, ``السفارة
    الأميركية في نيروبي أعلنت``), or None when what precedes is a prepositional phrase (``في وقت سابق أعلن``)."""
    an = f.an
    toks = an.tokens
    if topic_fronted(f, i):
        return None  # وعن مدى قدرة الشركات على تغطية المشاريع التي ...، قال: what he spoke about, not who spoke
    if i > 1 and toks[i - 1].norm == "من" and toks[i - 2].norm in SOME_OF_THEM:
        return i - 2, i - 1  # انقسم النقاد، فمنهم من يرى أن: "some of them" — those of the group who hold it
    j = eulogy_before(an, i - 1)
    isnad = j != i - 1  # عن فلان رضي الله عنه قال: the one a report is handed down from, then his words
    relative = j > 0 and toks[j].norm in RELATIVE
    if not relative and j > 0 and toks[j].norm in CLAUSE_PUNCT:
        r = _relative_before_comma(f, i, j)
        if r is not None:
            relative, j = True, r  # المدرب فلان الذي جدد عقده ... الشهر الماضي، أكد: the relative's antecedent
    if relative and toks[j].norm.startswith("و"):
        j = _conjoined_relative(f, j)  # الجمهوريين، الذين يشكلون غالبية في الكونغرس، والذين حذروا: the first one's
    plural = relative and toks[j].norm.endswith("الذين")
    cue = f.cue_at.get(i)
    if relative and toks[j].norm.endswith("الذي") and cue is not None and cue.form.tense == "imperfect" \
            and cue.form.feminine:
        return None  # الاقتصاد الذي تتحدث عنه والذي تعتقد أن: "you think" — the antecedent is not who thinks
    if relative and cue is not None and cue.last + 1 < len(toks) and toks[cue.last + 1].norm in IN_IT:
        return None  # لخطابه الذي أكد فيه أن: "in which he affirmed" — the antecedent is where it was said, not who
    if relative:
        j -= 1  # الاتحاد الأوروبي الذي يتهمها: the antecedent of the relative pronoun is the subject
        if j > 0 and toks[j].kind == "p" and toks[j].norm in CLAUSE_PUNCT:
            j -= 1  # الدكتور إبراهيم غاشم، والذي أكد
    if not relative and j > 0 and toks[j].norm == "قد":
        before_qad = j - 2 if j > 1 and toks[j - 1].norm in CLAUSE_PUNCT else j - 1  # (… الهندية ، قد ذكرت)
        left, k = _collect_left(f, i, before_qad)
        if left and k >= 0 and toks[k].norm in KANA:
            return left[-1], left[0]  # وكانت شركة أسواق العثيم قد أعلنت: the subject between كان and قد
    collected, j = _collect_left(f, i, j)
    if collected and not relative:
        # بشرى التي حاولت قتل نفسها بعد بيعها إلى ما تسمى بالدولة الإسلامية قالت / نور التي كانت تروي قصتها إلى
        # الطالبات في لندن قالت: what stands right before the verb ends a relative clause that opens the sentence
        # and runs unpunctuated up to it; the relative's antecedent speaks
        k = _relative_open(f, i)
        if k is not None:
            return speaker_before(f, k, require_title)
        if _imperfect_shaped(toks[collected[-1]].norm):
            return None  # (a phrase opened by a verb is no subject)
    if not collected or (not relative and tanween(an, collected[0])):
        return None  # أصدرت القيادة بياناً أوضحت فيه: an indefinite accusative before the verb is its object's
    stop = toks[j].norm if j >= 0 else ""
    if stop == "في" and not relative:
        # السفارة الأميركية في نيروبي / مسؤول في الإدارة المحلية: "في" inside the subject when a noun phrase
        # stands before it at the start of the clause.
        left, k = _collect_left(f, i, j - 1)
        if left and (k < 0 or not an.same_sentence(i, k) or toks[k].kind == "p" or toks[k].norm in FUNCTION_WORDS):
            collected, j = collected + [j] + left, k
            stop = toks[j].norm if j >= 0 else ""
        else:
            return None
    elif (stop in PREPOSITIONS or (stop[:1] in ("و", "ف") and stop[1:] in PREPOSITIONS)) and not relative \
            and not ((require_title or isnad) and stop == "عن"):
        return None  # في وقت سابق أعلن / وحول نيته الترشح قال: a prepositional phrase, not a subject
    if any(pronoun_carrier(toks[k].norm) for k in collected):
        return None  # ولكنه لأنه يطالب: particles carrying a pronoun, the subject is elsewhere
    if toks[collected[-1]].norm.startswith(_GLUED_PREP_AL):
        return None  # تعرض لهم بالأذى قال: a prepositional phrase ends there, no subject starts with بالـ / للـ
    if plural and len(collected) > 1 and has_al(toks[collected[0]].norm) and \
            toks[collected[0]].norm.endswith(("ين", "ون")) and not any(is_title(toks[k].norm) for k in collected):
        return collected[0], collected[0]  # معارضة الجمهوريين، الذين: the plural the pronoun agrees with
    collected.reverse()
    titled = [k for k in collected if is_title(toks[k].norm)]
    if titled:
        return titled[0], collected[-1]
    if require_title and stop not in ("عن", "ان", "أن", "إن", "،", ","):
        return None
    if len(collected) > 4:
        return None
    return collected[0], collected[-1]


# Openers of a fronted topic (وعن ...، قال / وحول ...، أوضح / وفيما يتعلق بـ ...، أكد): about what, not who
_TOPIC = frozenset(fold(w) for w in ("عن", "وعن", "حول", "وحول", "بشأن", "وبشأن", "بخصوص", "وبخصوص"))
_TOPIC_PAIRS = frozenset(fold(w) for w in ("فيما", "وفيما", "ردا", "وردا", "رداً", "ورداً"))


def topic_fronted(f: Facts, i: int) -> bool:
    """Does the cue at ``i`` follow a comma that closes a fronted topic opening its sentence?"""
    an, toks = f.an, f.an.tokens
    if i < 2 or toks[i - 1].norm not in CLAUSE_PUNCT:
        return False
    first = an.sentence_bounds[an.sentence[i]][0]
    while first < i and toks[first].kind == "p":
        first += 1
    if first >= i - 2 or any(toks[k].norm in CLAUSE_PUNCT and not _and_after(toks, k) for k in range(first, i - 1)):
        return False  # (وعن الحل العسكري، وإمكانية التعاون مع الروس ضد «داعش»، قال: topics joined by و)
    w = toks[first].norm
    nxt = toks[first + 1].norm
    return w in _TOPIC or (w in _TOPIC_PAIRS and nxt in (fold("يتعلق"), fold("يخص"), fold("على"), "علي"))


def _and_after(toks, k: int) -> bool:
    """Does a comma at ``k`` join one more of a list (…، وإمكانية …)?"""
    return toks[k].norm in ("،", ",") and k + 1 < len(toks) and toks[k + 1].norm[:1] == "و" and len(toks[k + 1].norm) > 2


def relative_antecedent(f: Facts, cue_i: int) -> Range | None:
    """واللاعب، الذي أبدى سعادته بالتوقيع وقال: a conjoined verb continuing a relative clause shares its subject,
    the relative pronoun's antecedent, the last of coordinated nouns (no complementizer, which would give the
    relative clause words of its own, and no punctuation but a comma in between)."""
    an = f.an
    toks = an.tokens
    if toks[cue_i].norm[:1] not in ("و", "ف"):
        return None
    for k in range(cue_i - 1, max(-1, cue_i - 25), -1):
        t = toks[k]
        if not an.same_sentence(k, cue_i) or t.norm in COMPLEMENTIZERS or (t.kind == "p" and t.norm not in ("،", ",")):
            return None
        if t.norm in RELATIVE and t.norm[:1] != "و" and k + 1 < cue_i - 1:
            if any(toks[x].norm in _NOT_ITS_SUBJECT for x in range(k + 1, cue_i)):
                return None  # الاتفاق الذي تم التوصل إليه ... وقال: a passive or a pronoun back to it — its object
            np = speaker_before(f, k + 1, require_title=False)
            if np is None:
                return None
            last = [x for x in range(np[0] + 1, np[1] + 1) if and_definite(toks[x].norm)]
            return (last[-1], np[1]) if last else np  # رئيس التعاون محمد القاسم واللاعب، الذي: the player
    return None


# In a relative clause, a passive (تم، يتم) or a preposition with a pronoun (إليه، عنه، به، فيها) points back to the
# antecedent as the clause's object: the antecedent did not do the verbs conjoined to the clause.
_NOT_ITS_SUBJECT = frozenset(fold(w) for w in ("تم", "يتم", "تمت", "إليه", "عليه", "عنه", "به", "فيه", "منه", "إليها",
                                               "عليها", "عنها", "بها", "فيها", "منها", "له", "لها"))


SOME_OF_THEM = frozenset(fold(p + w) for p in ("", "و", "ف") for w in ("منهم", "منهن"))


def _relative_before_comma(f: Facts, i: int, comma: int) -> int | None:
    """``NP الذي ... ، VERB``: a relative clause closed by the comma right before the verb at ``i``; the index of
    its relative pronoun, or None (no punctuation, cue or complementizer may stand inside the clause)."""
    an, cue_tokens = f.an, f.cue_tokens
    toks = an.tokens
    for k in range(comma - 1, max(-1, comma - 20), -1):
        t = toks[k]
        if not an.same_sentence(k, i) or t.kind == "p" or k in cue_tokens or t.norm in COMPLEMENTIZERS:
            return None
        if t.norm in RELATIVE:
            return k if k + 1 < comma else None
    return None


def _imperfect_shaped(w: str) -> bool:
    """تسمى، يقول، تعمل: ي / ت and two to four letters more, no noun ending — a verb, never a subject's first word."""
    return w[:1] in ("ي", "ت") and 3 <= len(w) <= 5 and not w.endswith(("ة", "ات", "ية", "ين", "ون")) \
        and not is_title(w)


def _relative_open(f: Facts, i: int) -> int | None:
    """The relative pronoun (الذي، التي، الذين) of a clause running unpunctuated up to the verb at ``i``, when its
    antecedent opens the sentence — the index of the pronoun, which :func:`speaker_before` then reads back from."""
    an, toks = f.an, f.an.tokens
    first = an.sentence_bounds[an.sentence[i]][0]
    for k in range(i - 1, max(first - 1, i - 30), -1):
        t = toks[k]
        if t.kind == "p" or (k in f.cue_tokens and k != i) or t.norm in COMPLEMENTIZERS:
            return None
        if t.norm in RELATIVE and not t.norm.startswith("و"):
            return k + 1 if 0 < k - first <= 4 else None
    return None


def description_before(f: Facts, first: int, last: int) -> list[str]:
    """For a mention without a title (الجبير), the titled description of the same name earlier in the text
    (بحث وزير الخارجية عادل بن أحمد الجبير): its words from the title on, or [] when there is none."""
    an = f.an
    words = [t.norm for t in an.words(first, last)]
    if not words or any(is_title(w) for w in words):
        return []
    positions = an.stripped_positions.get(strip_al(words[-1]), ())
    at = bisect_left(positions, first)
    if not at:
        return []
    k = positions[at - 1]  # the nearest earlier token of the same word (an index, not a scan over the text)
    left, _ = _collect_left(f, k, k - 1)
    found = [an.tokens[x].norm for x in reversed(left)] + [an.tokens[k].norm]
    titled = [i for i, w in enumerate(found) if is_title(w)]
    return found[titled[0]:] if titled else []


def _collect_left(f: Facts, i: int, j: int) -> tuple[list[int], int]:
    """Words going left from token ``j`` (same sentence as ``i``) up to a function word, a complementizer (وأن
    شكري أبلغه), punctuation (but not the period of د. الجهني) or a cue. Up to 9 words: a subject before its
    verb can carry a long title (أن رئيس البنك المركزي الإيراني ولي الله سيف أكد)."""
    an, cue_tokens = f.an, f.cue_tokens
    toks = an.tokens
    collected: list[int] = []
    dated = date_tokens(f)
    while j >= 0 and len(collected) < 9 and an.same_sentence(i, j):
        t = toks[j]
        if j in dated:
            break  # في عام 1953م قال: a date (its era letter, its year) is no subject
        if t.kind == "p" and abbreviation_dot(an, j) and collected:
            j -= 1
            continue
        bare = t.norm[1:] if t.norm[:1] in ("و", "ف") and len(t.norm) > 2 else t.norm  # وحول، فمن
        if (t.kind != "w" or j in cue_tokens or t.norm in COMPLEMENTIZERS or t.norm in CLAUSE_OPENERS
                or t.norm in PRONOUN_PREPS or bare in CLAUSE_OPENERS) or (not an.is_name_ali(j) and (
                t.norm in FUNCTION_WORDS or t.norm in ADJUNCT_WORDS or bare in PREPOSITIONS or bare in ADJUNCT_WORDS)):
            break
        collected.append(j)
        j -= 1
    return collected, j
