"""Shared helpers for benchmarks: corpus location, timing, and the report table."""

from __future__ import annotations

import os
from pathlib import Path

# The repository's folder: the shared corpus is looked for beside it.
_REPO = Path(__file__).resolve().parents[2]
NO_CORPUS = "the shared corpus is not available (pass --corpus, set $QAWL_CORPUS, or put it at ../shared/corpus)"


def corpus_dir(given: str | Path | None = None) -> Path | None:
    """Where the shared corpus is: ``given`` (a benchmark's ``--corpus``), else ``$QAWL_CORPUS``, else
    ``../shared/corpus`` beside the repository — the first of them that holds ``arabic_articles/``; None if none."""
    for cand in (given, os.environ.get("QAWL_CORPUS"), _REPO.parent / "shared" / "corpus"):
        if cand and (Path(cand) / "arabic_articles").is_dir():
            return Path(cand)
    return None


def require_corpus(given: str | Path | None = None) -> Path:
    """:func:`corpus_dir`, or exit with a message saying where it was looked for."""
    root = corpus_dir(given)
    if root is None:
        raise SystemExit(NO_CORPUS)
    return root


def corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((require_corpus() / "arabic_articles").glob("*.txt"))]


def row(name: str, ours: float, floor: float, unit: str, target_ratio: float | None = None,
        higher_is_better: bool = True) -> str:
    """One report line: our figure, the floor, their ratio, and whether the target ratio is met."""
    ratio = ours / floor if floor else float("inf")
    verdict = ""
    if target_ratio is not None:
        ok = ratio >= target_ratio if higher_is_better else ratio <= target_ratio
        verdict = f"  target {'>=' if higher_is_better else '<='} {target_ratio:g}x: {'MET' if ok else 'MISSED'}"
    return f"{name:<44} {ours:>12,.0f} {unit:<10} floor {floor:>12,.0f} {unit:<10} ratio {ratio:5.2f}x{verdict}"
