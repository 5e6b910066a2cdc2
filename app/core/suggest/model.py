"""Choosing the speaker: a small linear model over the candidates' features, or the rules' own choice.

A :class:`Model` scores each candidate as the sum of its features' weights and picks the highest (ties go to the
rules' order). :data:`RULES` gives weight only to ``rules-choice``: it always picks the rules' choice, which is the
engine with the rules alone. The default model (:func:`default_model`) was trained on our hand-made gold and ships
inside the package (``models/default.json``, with a description of its training data); a project can train its
own from its finished and gold layers and its decisions (:mod:`.learn`). Models are JSON: a format name, a
version, the weights, and what they were trained on; optionally ``extent_weights``, which choose where an indirect
content ends among the places the rules could stop (:mod:`.endings`; without them the rules' end stands).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Mapping

from ..errors import QawlError
from .candidates import Candidate, settled
from .clauses import Record
from .context import Context
from .cues import Cue
from .features import describe

FORMAT = "qawl-speaker-model/1"


@dataclass(frozen=True)
class Model:
    """Feature weights for choosing among candidate speakers, with what they were learned from."""

    weights: Mapping[str, float]
    name: str = "rules"
    trained_on: Mapping = field(default_factory=dict)  # a description of the training data and the fit
    extent: Mapping[str, float] = field(default_factory=dict)  # where content ends (.endings); empty: the rules'

    @property
    def rules_only(self) -> bool:
        return dict(self.weights) == {"rules-choice": 1.0}

    def choose(self, ctx: Context, rec: Record, cue: Cue, cands: list[Candidate], records: list[Record]) -> int:
        """The index of the chosen candidate (0, the rules' choice, when the model has nothing to add)."""
        if self.rules_only or len(cands) < 2 or settled(cue, cands):
            return 0  # (a settled choice needs no features: the model could not change it)
        describe(ctx, rec, cue, cands, records)
        return best(self.weights, cands)

    def to_json(self) -> dict:
        out = {"format": FORMAT, "name": self.name, "trained_on": dict(self.trained_on),
               "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if v}}
        if self.extent:
            out["extent_weights"] = {k: round(v, 6) for k, v in sorted(self.extent.items()) if v}
        return out

    @classmethod
    def from_json(cls, data: Mapping, where: str = "model") -> "Model":
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise QawlError(f"not a speaker model ({FORMAT})", file=where, field="format")
        weights, extent = data.get("weights"), data.get("extent_weights", {})
        for key, value in (("weights", weights), ("extent_weights", extent)):
            if not isinstance(value, Mapping) or not all(isinstance(v, (int, float)) for v in value.values()):
                raise QawlError("must map feature names to numbers", file=where, field=key)
        return cls({str(k): float(v) for k, v in weights.items()}, str(data.get("name") or "model"),
                   dict(data.get("trained_on") or {}), {str(k): float(v) for k, v in extent.items()})

    @classmethod
    def loads(cls, text: str, where: str = "model") -> "Model":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise QawlError(f"not JSON: {exc}", file=where) from None
        return cls.from_json(data, where)


def score(weights: Mapping[str, float], cand: Candidate) -> float:
    return sum(weights.get(f, 0.0) for f in cand.features)


def best(weights: Mapping[str, float], cands: list[Candidate]) -> int:
    """The highest-scoring candidate; the earlier one (in the rules' order) on a tie."""
    scores = [score(weights, c) for c in cands]
    top = max(scores)
    return scores.index(top)


RULES = Model({"rules-choice": 1.0}, "rules", {"description": "the rules alone: always the rules' own choice"})


@lru_cache(maxsize=1)
def default_model() -> Model:
    """The model shipped with Qawl (``app/core/suggest/models/default.json``)."""
    text = resources.files(__package__).joinpath("models", "default.json").read_text(encoding="utf-8")
    return Model.loads(text, "app/core/suggest/models/default.json")
