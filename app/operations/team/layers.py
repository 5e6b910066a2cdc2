"""Taking in layer files during a sync (part of :class:`~.incoming.Incoming`): teammates' layers replace this
project's copies (all or nothing per file, through the store's import); a file this computer writes that changed
elsewhere is taken only if nothing changed here since the last sync, else it is a conflict; a deleted file, a
damaged one, a teammate's layer changed on this computer — each handled and said."""

from __future__ import annotations

from dataclasses import replace

from ...core.errors import QawlError
from ...core.jsonl import Record
from ...core.model import GOLD, SUGGESTIONS, Document, Layer
from ...core.team import files as tf
from ...core.team import layout
from ...core.team.registry import CLAIMS, KINDS, SPEAKERS, Registry

CHUNK = 5000  # layers per import call (a join brings in 100,000: not all in memory at once)


class LayerIntake:
    """The layer half of a sync's incoming step (mixed into ``Incoming``, which holds the state it uses)."""

    _removed_ids: set[str] | None = None  # the lead's removals as of the commit brought in (read when needed)

    def _layers(self, changes, progress) -> None:
        mapped = self.tables.document_map()
        removed_ids = {r.doc_id for r in self.removals}
        known, claims = _known(self.store, self.registries), _known_claims(self.store, self.registries)
        batch: list[tuple[object, Record]] = []
        docs: dict[str, Document] = {}
        total = len(changes)
        blobs: dict[str, bytes] = {}
        for n, c in enumerate(changes):
            if n % CHUNK == 0:
                blobs = self.t.repo.blobs(x.new for x in changes[n:n + CHUNK] if x.new)
            if progress and n % 500 == 0:
                progress(n, total)
            if c.new is None:
                self._layer_deleted(c, mapped)
                continue
            data = blobs[c.new]
            try:
                header = tf.read_layer_header(c.path, data)
            except QawlError as exc:
                self._problem(c, exc)
                continue
            ours = mapped.get(header.doc_id)
            if ours is None:
                if header.doc_id not in removed_ids and not self._doc_removed_earlier(header.doc_id):
                    self._problem(c, QawlError(f"a layer of {header.doc_id!r}, which is not among the team's "
                                               "documents", line=1, field="doc_id"))
                continue
            who = header.annotator
            key = (ours, who)
            if who == SUGGESTIONS:
                self._problem(c, QawlError("machine suggestions are not shared: each computer makes its own",
                                           line=1, field="annotator"))
                continue
            if who in self.t.writes():
                if not self._own_arrived(c, key, header, data):
                    continue
            doc = docs.get(ours) or docs.setdefault(ours, self.store.document(ours))
            try:
                layer = tf.read_layer(c.path, data, doc, self.store.schema, known, header, claims)
            except QawlError as exc:
                self._problem(c, exc)
                continue
            layer = _follow_merges(layer, self.registries)
            batch.append((c, Record(_from(doc, c.path), layer, [], None)))
            if len(batch) >= CHUNK:
                self._import(batch)
                batch = []
                if len(docs) > 20000:  # each document serves every annotator's layer of it: keep them a while
                    docs.clear()
        if batch:
            self._import(batch)
        if progress:
            progress(total, total)

    def _doc_removed_earlier(self, repo_id: str) -> bool:
        """A layer of a document the lead removed (its author's layers stay in the repository): not a problem."""
        if self._removed_ids is None:
            self._removed_ids = set()
            tree = self.t.repo.tree(self.target, [layout.REMOVED_FILE])
            if tree:
                data = self.t.repo.blobs(tree.values())[tree[layout.REMOVED_FILE]]
                try:
                    self._removed_ids = {r.doc_id for r in tf.read_removals(layout.REMOVED_FILE, data)}
                except QawlError:
                    pass  # reported where the list is read
        return repo_id in self._removed_ids

    def _own_arrived(self, c, key, header, data: bytes) -> bool:
        """A file this computer writes changed in the repository: True to take it in (nothing changed here)."""
        doc_id, who = key
        if self.pending is not None and self.pending["files"].get(c.path) == c.new:
            stamp = self.pending.get("stamps", {}).get(f"{doc_id}\x1f{who}")
            if stamp:
                self.stamps[key] = stamp
            return False  # what this computer itself sent
        if self.store.has_document(doc_id) and (doc_id, who) in self._layer_keys():
            ours = tf.layer_bytes(self.store.layer(doc_id, who), header.doc_id,
                                  self.store.document(doc_id).text_sha256, self.store.schema.name)
            if self.t.repo.blob_id(ours) == c.new:
                self.stamps[key] = ""
                return False  # the same as here
        if self.joining or self.state.synced_commit is None:
            return True
        try:
            tf.read_layer(c.path, data, self.store.document(doc_id), self.store.schema,
                          _known(self.store, self.registries))
        except QawlError as exc:  # damaged in the repository: this computer's good version goes out again
            self._problem(c, exc)
            self.report.notices.append(f"{c.path}: {who}'s layer of {doc_id!r} was damaged in the repository "
                                       f"({self._who_changed(c.path)}); this computer's version is sent again")
            self.unstamp.append(key)
            return False
        if key in self.changed_here:
            detail = (f"{c.path}: changed in the repository ({self._who_changed(c.path)}) while {who}'s layer of "
                      f"{doc_id!r} also changed here. Nothing was overwritten: decide with 'qawl team resolve "
                      f"{doc_id} --mine' (send this computer's) or '--theirs' (take the repository's)")
            self.tables.add_conflict(c.path, doc_id, who, c.new, detail)
            self.report.conflicts.append(detail)
            return False
        if who == GOLD:
            return True
        self.report.notices.append(
            f"{c.path}: {who}'s layer of {doc_id!r} was changed in the repository, not by this computer "
            f"({self._who_changed(c.path)}); nothing had changed here since the last sync, so this project now has "
            f"that version (the one it replaces is in the repository's history)")
        self.report.own_changed = True
        return True

    def _layer_keys(self) -> set[tuple[str, str]]:
        if not hasattr(self, "_keys"):
            self._keys = {(d, a) for d, a in self.store.conn.execute(
                "SELECT doc_id, annotator FROM layers WHERE annotator IN (?, ?)", list(self.t.writes()))}
        return self._keys

    def _layer_deleted(self, c, mapped) -> None:
        old = self.t.repo.blobs([c.old]).get(c.old, b"")
        try:
            header = tf.read_layer_header(c.path, old)
        except QawlError:
            return
        ours = mapped.get(header.doc_id)
        if ours is None:
            return
        who = header.annotator
        if who in self.t.writes() and not self.joining:
            self.unstamp.append((ours, who))
            self.report.notices.append(f"{c.path}: {who}'s layer of {ours!r} was deleted from the repository "
                                       f"({self._who_changed(c.path)}); it is sent again from this project")
            return
        if self.tables.delete_layer(ours, who):
            self.report.notices.append(f"{c.path}: deleted from the repository ({self._who_changed(c.path)}); "
                                       f"{who}'s layer of {ours!r} was removed here too")

    def _import(self, batch, *, arrivals: bool = True) -> None:
        records = [rec for _c, rec in batch]
        for kind in KINDS.values():
            registry = self.registries.get(kind.name)
            if registry is None or not registry.deleted:
                continue
            # An item the team deleted while a teammate linked to it: the link brings it back.
            needed = {s.attrs.get(kind.attr) for rec in records for s in rec.layer.spans.values()
                      if s.label == kind.label} & set(registry.deleted)
            self.tables.add_items(kind, [registry.deleted[i] for i in sorted(needed)])
        summary = self.store.import_records(records, replace_layers=True, skip_invalid=True, source="team",
                                            actor=self.me)
        failed = set()
        for message in summary.skipped:
            path = message.split(":", 1)[0]
            failed.add(path)
            self.report.problems.append(message)
        arrived = []
        for c, rec in batch:
            if c.path in failed:
                self.tables.set_problem(c.path, c.new, next(m for m in summary.skipped if m.startswith(c.path)))
                continue
            key = (rec.layer.doc_id, rec.layer.annotator)
            self.stamps[key] = ""
            self.imported.add(key)
            self.tables.clear_problems([c.path])
            if rec.layer.annotator != self.me and arrivals:
                arrived.append((rec.layer.doc_id, rec.layer.annotator, len(rec.layer.spans), rec.layer.status))
                self.report.arrived[rec.layer.annotator].add(rec.layer.doc_id)
            elif rec.layer.annotator == self.me:
                self.report.own_changed = True
        if self.state.synced_commit is not None:
            self.tables.record_arrivals(arrived)

    def _drifted(self) -> None:
        """Teammates' layers changed on this computer since a sync brought them: the repository's version is
        put back (only their author changes them), and said."""
        drifted = [k for k in self.tables.drifted_layers(self.t.writes(), self.state.synced_seq)
                   if tuple(k) not in self.stamps]
        if not drifted:
            return
        repo_of = self.tables.repo_ids()
        paths = {layout.layer_path(who, repo_of.get(doc_id, doc_id)): (doc_id, who) for doc_id, who in drifted}
        tree = self.t.repo.tree(self.target, paths)
        blobs = self.t.repo.blobs(tree.values())
        known = _known(self.store, self.registries)
        batch = []
        for path, (doc_id, who) in sorted(paths.items()):
            if path not in tree:
                continue
            doc = self.store.document(doc_id)
            try:
                layer = tf.read_layer(path, blobs[tree[path]], doc, self.store.schema, known)
            except QawlError as exc:
                self.report.problems.append(str(exc))
                continue
            layer = _follow_merges(layer, self.registries)
            self.report.notices.append(f"{who}'s layer of {doc_id!r} had been changed on this computer; the "
                                       f"repository's version was put back (only {who} changes {who}'s layers)")
            batch.append((_Path(path, tree[path]), Record(_from(doc, path), layer, [], None)))
        if batch:
            self._import(batch, arrivals=False)


class _Path:
    def __init__(self, path: str, blob: str) -> None:
        self.path, self.new = path, blob


def _follow_merges(layer: Layer, registries: dict[str, Registry]) -> Layer:
    """A teammate's layer with its links to merged items (speakers, claims) moved to the items they went into."""
    moves = [(kind, registries[kind.name]) for kind in KINDS.values()
             if kind.name in registries and registries[kind.name].merged]
    if not moves:
        return layer
    changed = False
    spans = []
    for span in layer.spans.values():
        for kind, registry in moves:
            target = span.attrs.get(kind.attr) if span.label == kind.label else None
            if target in registry.merged:
                span = replace(span, attrs={**span.attrs, kind.attr: registry.resolve(target)})
                changed = True
        spans.append(span)
    if not changed:
        return layer
    return Layer(layer.doc_id, layer.annotator, layer.status, spans, layer.relations.values(), layer.note,
                 layer.discuss)


def _known(store, registries: dict[str, Registry]) -> set[str]:
    """Speaker ids a teammate's layer may name: the registry here, and merged or deleted ones (followed or
    brought back on import)."""
    known = set(store.entities())
    registry = registries.get(SPEAKERS.name)
    if registry is not None:
        known |= set(registry.deleted) | set(registry.merged)
    return known


def _known_claims(store, registries: dict[str, Registry]) -> set[str]:
    """Canonical claim ids a teammate's layer may link to (as speakers above)."""
    known = set(store.claims())
    registry = registries.get(CLAIMS.name)
    if registry is not None:
        known |= set(registry.deleted) | set(registry.merged)
    return known


def _from(doc: Document, path: str) -> Document:
    """The document as the record of a layer file (problems the import finds name that file)."""
    return Document(doc.id, doc.text, doc.meta, doc.direction, doc.text_sha256, doc.normalisation, path,
                    verify=False)
