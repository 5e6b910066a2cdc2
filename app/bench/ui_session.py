"""A measured annotation session: the seed article's 11 quotes with their speakers, cues and dates, annotated
through the real window (offscreen) by a scripted annotator, counting the keystrokes, mouse actions and
corrections it needs, and timing each label key.

The annotator reads as people read: for each quote, the reporting verb (K), who (S, or a click and L when the
mention is already there), then the words (Q), then the date (D, V; or a click and L). Every selection is a *loose
drag*: each edge lands up to two characters off (seeded, the same for every run), and a direct quote is dragged
from mark to mark. After each step the annotator checks the result against the gold record and corrects what is
wrong with the window's own keys: Alt+arrows for an edge (one press per character), a click and L for a missing
link, the record editor for a wrong one (three actions), T for a wrong type, E and the typed name for a wrong
speaker, a rename for a registry name with punctuation in it, a merge for a speaker made twice, typing the
value in the date dialog unless it is right already.

Standalone, so that the same script can drive an older checkout of Qawl (``--code DIR``: its ``app`` package is
imported instead of this one); ``qawl bench ui --only session`` runs it on this tree and on the revision before
issue #12, and prints both. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

LAV, SUD = "لافرينتيف", "محمد شياع السوداني"
# (quote, its type, (cue, occurrence), (speaker mention, occurrence), person, (date, occurrence) or None, value)
GOLD = [
    ("أن سحب القوات الأمريكية من العراق سيتبعه بلا شك انسحاب القوات الأمريكية من سوريا", "indirect",
     ("أكد", 0), ("المبعوث الروسي الخاص إلى سوريا ألكسندر لافرينتيف", 0), LAV, None, None),
    ("أنه سيكون من المستحيل على الجانب الأمريكي تقديم خدمات التموين والتعزيز والدعم اللوجستي لقواته في سوريا من "
     "دون امتلاك إمكانية استخدام الأراضي العراقية", "indirect", ("وأعرب", 0), ("لافرينتيف", 1), LAV, None, None),
    ("إذا تم انسحاب القوات الأمريكية من العراق، فسيتبعه بلا شك انسحاب هذه القوات من سوريا كذلك، لأنه سيكون من "
     "المستحيل الحفاظ على الخدمات اللوجستية والحفاظ على وحدة عسكرية في سوريا من دون إمكانية استخدام الأراضي "
     "العراقية", "direct", ("وأضاف", 0), ("المبعوث الرئاسي الروسي", 0), LAV, None, None),
    ("أن العراق أبلغ الجانب الروسي باستعداد الولايات المتحدة لسحب قواتها من العراق", "indirect", ("أعلن", 0),
     ("لافرينتيف", 2), LAV, None, None),
    ("بضرورة انسحابها من أراضيها", "indirect", ("وطالبت", 0), ("السلطات العراقية", 0), "السلطات العراقية",
     None, None),
    ("أن الحكومة العراقية ستدخل بحوار لترتيب جدول لانتهاء مهام “التحالف الدولي” في العراق", "indirect",
     ("أكد", 1), ("رئيس مجلس الوزراء العراقي محمد شياع السوداني", 0), SUD, ("18 كانون الثاني الجاري", 0),
     "2024-01-18"),
    ("بعد الاعتداءات التي تطال المقرات العراقية فنحن سندخل بحوار لترتيب جدول لانتهاء مهام التحالف الدولي في "
     "العراق", "direct", ("موضحاً", 0), ("رئيس مجلس الوزراء العراقي محمد شياع السوداني", 0), SUD,
     ("18 كانون الثاني الجاري", 0), "2024-01-18"),
    ("هذا الأمر مطلب شعبي رسمي، وجادون به", "direct", ("مؤكداً", 0),
     ("رئيس مجلس الوزراء العراقي محمد شياع السوداني", 0), SUD, ("18 كانون الثاني الجاري", 0), "2024-01-18"),
    ("فيما يعاود الأمريكي استهدافه لقواتنا، شرع مجاهدونا بالمرحلة الثانية من عملياتهم", "direct", ("قال", 0),
     ("أبو آلاء الولائي", 0), "أبو آلاء الولائي", None, None),
    ("المرحلة الثانية تتضمن إطباق الحصار على الملاحة البحرية الصهيونية في البحر المتوسط وإخراج موانئ الكيان عن "
     "الخدمة", "direct", ("موضحاً", 1), ("أبو آلاء الولائي", 0), "أبو آلاء الولائي", None, None),
    ("أنها ستبدأ عملياً استهدافاتها القواعد الأمريكية في سوريا والعراق", "indirect", ("أكدت", 0),
     ("المقاومة العراقية", 0), "المقاومة العراقية", ("18 تشرين الأول الفائت", 0), "2023-10-18"),
]
OPEN, CLOSE = "«“„\"", "»”“\""


def find(text: str, sub: str, occurrence: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


class Session:
    """The scripted annotator and its counts."""

    def __init__(self, window, rng: random.Random) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        self.Qt, self.QTest, self.app = Qt, QTest, QApplication.instance()
        self.win = window
        self.view = window.view
        self.text = window.session.document.text
        self.rng = rng
        self.keys = self.mouse = self.corrections = self.key_corrections = 0
        self.kinds: dict[str, int] = {}  # corrections by kind
        self._kind = "edges"
        self.label_times: list[float] = []
        self.label_cpu: list[float] = []
        self.notes: list[str] = []
        self.person_entity: dict[str, str] = {}

    # --- input --------------------------------------------------------------------------------------------------

    def correct(self, n: int = 1, kind: str | None = None) -> None:
        self.corrections += n
        kind = kind or self._kind
        self.kinds[kind] = self.kinds.get(kind, 0) + n

    def key(self, key, modifiers=None, *, correction: bool = False, widget=None) -> None:
        self.QTest.keyClick(widget or self.view, key, modifiers or self.Qt.KeyboardModifier.NoModifier)
        self.keys += 1
        if correction:
            self.correct()
            self.key_corrections += 1
        self.app.processEvents()

    def drag(self, start: int, end: int, *, direct: bool = False) -> None:
        """A loose drag over text[start:end]: a direct quote from mark to mark, each edge up to 2 characters off."""
        if direct:
            while start > 0 and self.text[start - 1] in OPEN + " ":
                start -= 1
            while end < len(self.text) and self.text[end] in CLOSE:
                end += 1
        start = max(0, start + self.rng.choice((-2, -1, 0, 0, 1, 2)))
        end = min(len(self.text), end + self.rng.choice((-2, -1, 0, 0, 1, 2)))
        self.win.session.select(None)
        self.view.setFocus()
        self.view.select_text(start, end)
        self.mouse += 1
        self.app.processEvents()

    def click_span(self, span, *, correction: bool = False) -> None:
        self.view.clear_text_selection()
        self.view.click_at(span.start + (span.end - span.start) // 2)
        self.mouse += 1
        if correction:
            self.correct()
        self.app.processEvents()

    def label(self, label_key) -> object:
        layer_before = set(self.win.session.layer.spans)
        t, c = time.perf_counter(), time.process_time()  # key -> committed and painted, as `qawl bench ui`
        self.QTest.keyClick(self.view, label_key)
        self.view.viewport().repaint()
        self.label_times.append(time.perf_counter() - t)
        self.label_cpu.append(time.process_time() - c)
        self.keys += 1
        self.app.processEvents()  # the sidebars follow
        new = [s for k, s in self.win.session.layer.spans.items() if k not in layer_before]
        return new[0] if new else None

    # --- corrections -------------------------------------------------------------------------------------------

    def fix_edges(self, span, target: tuple[int, int]):
        """Alt+arrows until the span is ``target`` (right-to-left text: Alt+Left moves the end forward)."""
        K, ALT, SHIFT = self.Qt.Key, self.Qt.KeyboardModifier.AltModifier, self.Qt.KeyboardModifier.ShiftModifier
        self._kind = "edges"
        self.win.session.select(span.id)
        for _ in range(80):
            span = self.win.session.layer.spans[span.id]
            if (span.start, span.end) == target:
                return span
            if span.end != target[1]:
                forward = span.end < target[1]
                self.key(K.Key_Left if forward else K.Key_Right, ALT, correction=True)
            else:
                forward = span.start < target[0]
                self.key(K.Key_Left if forward else K.Key_Right, ALT | SHIFT, correction=True)
        self.notes.append(f"could not bring {span.text[:20]!r} to {target}")
        return span

    def answer_dialog(self, wanted: str) -> None:
        """The next modal dialog: Enter when its field already holds ``wanted``, else retype it."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QLineEdit

        def answer() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(5, answer)
                return
            edit = dialog.findChild(QLineEdit)
            edit.setFocus()
            if edit.text() != wanted:
                self.QTest.keyClick(edit, self.Qt.Key.Key_A, self.Qt.KeyboardModifier.ControlModifier)
                self.keys += 1
                self.key_corrections += 1
                self.correct()
                from PySide6.QtCore import QEvent
                from PySide6.QtGui import QKeyEvent

                for ch in wanted:
                    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                        QApplication.sendEvent(edit, QKeyEvent(kind, self.Qt.Key.Key_unknown,
                                                               self.Qt.KeyboardModifier.NoModifier, ch))
                    self.keys += 1
                    self.key_corrections += 1
                    self.correct()
            self.QTest.keyClick(edit, self.Qt.Key.Key_Return)
            self.keys += 1
        QTimer.singleShot(0, answer)

    # --- one record ---------------------------------------------------------------------------------------------

    def part(self, label_key, label: str, target: tuple[int, int]):
        """Label a part unless it is already there; returns the span."""
        existing = next((s for s in self.win.session.layer.spans.values()
                         if (s.label, s.start, s.end) == (label, *target)), None)
        if existing is not None:
            return existing
        self.drag(*target)
        span = self.label(label_key)
        if span is None:
            self.notes.append(f"{label} {self.text[target[0]:target[1]][:20]!r} not labelled")
            self.view.select_text(*target)
            self.mouse += 1
            self.correct(1, "edges")
            span = self.label(label_key)
        return self.fix_edges(span, target)

    def record(self, gold) -> None:
        K = self.Qt.Key
        quote_text, qtype, (cue, cue_n), (who, who_n), person, date, value = gold
        text = self.text
        cue_span = self.part(K.Key_K, "CUE", find(text, cue, cue_n))
        speaker = self.part(K.Key_S, "SPEAKER", find(text, who, who_n))
        self.check_speaker(speaker, person, who)
        target = find(text, quote_text)
        self.drag(*target, direct=qtype == "direct")
        quote = self.label(K.Key_Q)
        quote = self.fix_edges(quote, target)
        date_span = None
        if date is not None:
            date_target = find(text, date[0], date[1])
            existing = next((s for s in self.win.session.layer.spans.values()
                             if (s.label, s.start, s.end) == ("DATE", *date_target)), None)
            if existing is None:
                self.drag(*date_target)
                date_span = self.fix_edges(self.label(K.Key_D), date_target)
                self._kind = "date values"
                self.answer_dialog(value)
                self.key(K.Key_V)
                self.win.activateWindow()
            else:
                date_span = existing
        self.win.session.select(quote.id)
        self.check_type(quote, qtype)
        self.check_links(quote, {"SAID_BY": speaker, "CUE": cue_span, **({"DATED": date_span} if date_span else {})})

    def check_type(self, quote, qtype: str) -> None:
        self._kind = "quote types"
        for _ in range(3):
            quote = self.win.session.layer.spans[quote.id]
            if quote.attrs.get("type") == qtype:
                return
            self.notes.append(f"type {quote.attrs.get('type')} for {qtype}: {quote.text[:25]}")
            self.win.session.select(quote.id)
            self.key(self.Qt.Key.Key_T, correction=True)

    def check_links(self, quote, wanted: dict) -> None:
        """Every link of the quote right (a click and L for each missing one), and no part of it linked to another
        quote by mistake (unlinked in the record editor: three actions)."""
        layer = self.win.session.layer
        self._kind = "links"
        for rtype, part in wanted.items():
            linked = [s.id for s in layer.linked(quote.id, rtype)]
            if linked != [part.id]:
                self.win.session.set_record(quote.id)
                self.click_span(part, correction=True)
                self.win.session.set_record(quote.id)
                self.key(self.Qt.Key.Key_L, correction=True)
        layer = self.win.session.layer
        for rel in list(layer.relations.values()):
            part = layer.spans[rel.tail]
            if rel.head != quote.id and any(p.id == part.id for p in wanted.values()) and \
                    not self._shared(rel.head, part):
                self.win.controller.link_part(rel.head, None, rel.type)
                self.mouse += 3
                self.correct(3)

    def _shared(self, head_id: str, part) -> bool:
        """A speaker or date the gold gives to several quotes (السوداني, his date): a link that is right."""
        head = self.win.session.layer.spans[head_id]
        return any(find(self.text, g[0]) == (head.start, head.end) and (
            find(self.text, *g[3]) == (part.start, part.end) or (g[5] and find(self.text, *g[5]) == (part.start,
                                                                                                  part.end)))
                   for g in GOLD)

    def check_speaker(self, speaker, person: str, mention: str) -> None:
        """The mention's registry speaker is the person's, named as the gold mention says (not a partial or
        punctuated name); else E and the name typed, or a rename in the Speakers sidebar."""
        session = self.win.session
        self._kind = "speakers"
        speaker = session.layer.spans[speaker.id]
        entity = session.entities.get(speaker.entity)
        known = self.person_entity.get(person)
        if known is None:
            self.person_entity[person] = entity.id
            if entity.name != mention:  # a name made from the wrong words or untrimmed text: renamed
                model = self.win.speakers.model
                model.setData(model.index(model.row_of(entity.id), model.NAME), mention)
                self.mouse += 1
                self.keys += len(mention) + 1
                self.key_corrections += len(mention) + 1
                self.correct(len(mention) + 2, "registry names")
            return
        if entity.id == known:
            return
        session.select(speaker.id)
        name = session.entities[known].name.split()[-1]  # a surname is enough to find the speaker
        self.answer_dialog(name)  # the speaker picker: type the name, Enter
        self.key(self.Qt.Key.Key_E, correction=True)
        self.win.activateWindow()
        self.app.processEvents()

    def merge_orphans(self) -> None:
        """Speakers nobody's mention points at any more (made for a mention later re-pointed): merged away."""
        session = self.win.session
        used = {s.entity for s in session.layer.spans.values() if s.label == "SPEAKER"}
        for entity in list(session.entities.values()):
            if entity.id in used:
                continue
            keep = next(iter(self.person_entity.values()))
            self.win.speakers.select_ids([keep, entity.id])
            self.mouse += 2
            self.correct(4, "registry merges")
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication

            def accept() -> None:
                dialog = QApplication.activeModalWidget()
                if dialog is None:
                    QTimer.singleShot(5, accept)
                    return
                dialog.accept()
            QTimer.singleShot(0, accept)
            self.win.speakers.merge.click()
            self.app.processEvents()


def _floor(window, store) -> tuple[list[float], list[float]]:
    """Labelling's floor in the same window: one span committed straight to the store, then the view painted
    (wall and CPU times)."""
    from app.core.changes import AddSpan
    from app.core.model import Span

    text = window.session.document.text
    doc_id = window.session.document.id
    times, cpu = [], []
    for i in range(20):
        span = Span.of(text, "CUE", 4 * i, 4 * i + 3, id=f"floor{i}", created="2024-01-01T00:00:00.000Z",
                       updated="2024-01-01T00:00:00.000Z")
        t, c = time.perf_counter(), time.process_time()
        store.apply(AddSpan(doc_id, "floor", span), actor="floor")
        window.view.viewport().repaint()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return times, cpu


def run(seed: int = 12) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="qawl-session-") as tmp:
        os.environ["QAWL_SETTINGS_DIR"] = str(Path(tmp) / "settings")
        from app.core.sources import read_sources
        from app.store import Store
        from app.ui import settings as cfg
        from app.ui.main import build_window

        seed_file = Path(__file__).resolve().parents[2] / "seeds" / "000_615554193b62eb79.txt"
        store = Store.open(Path(tmp) / "session.db")
        store.import_records(read_sources([seed_file]))
        window = build_window(store, "bench", cfg.make_settings())
        window.resize(1360, 860)
        window.show()
        window.activateWindow()
        from PySide6.QtTest import QTest

        QTest.qWait(700)  # a person looks at the window before the first key (it loads what it needs meanwhile)
        session = Session(window, random.Random(seed))
        started = time.perf_counter()
        for gold in GOLD:
            session.record(gold)
        session.merge_orphans()
        seconds = time.perf_counter() - started
        floor, floor_cpu = _floor(window, store)
        layer = store.layer(window.session.document.id, "bench")
        text = window.session.document.text
        quotes = [s for s in layer.spans.values() if s.label == "QUOTE"]
        right = sum(1 for g in GOLD for q in quotes if (q.start, q.end) == find(text, g[0])
                    and q.attrs.get("type") == g[1])
        names = sorted(e.name for e in store.entities().values())
        window.close()
        store.close()
    times = sorted(session.label_times)
    return {"keystrokes": session.keys, "keystrokes_floor": session.keys - session.key_corrections,
            "mouse": session.mouse, "corrections": session.corrections, "by_kind": session.kinds,
            "label_floor_ms": round(statistics.median(floor) * 1000, 2),
            "label_floor_cpu_ms": round(statistics.median(floor_cpu) * 1000, 2),
            "label_cpu_median_ms": round(statistics.median(session.label_cpu) * 1000, 2),
            "label_keys": len(times), "label_median_ms": round(statistics.median(times) * 1000, 2),
            "label_p90_ms": round(times[int(0.9 * len(times))] * 1000, 2), "quotes_right": right,
            "speakers": names, "seconds": round(seconds, 1), "notes": session.notes}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code", help="a checkout of Qawl whose app package is driven (default: this one)")
    parser.add_argument("--seed", type=int, default=12, help="the loose drags' random seed")
    args = parser.parse_args(argv)
    if args.code:
        sys.path.insert(0, str(Path(args.code).resolve()))
    print(json.dumps(run(args.seed), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
