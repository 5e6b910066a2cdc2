"""Shared helpers for benchmarks: corpus location, timing, and the report table."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path
from typing import Callable

REPO_ROOT = Path(__file__).resolve().parents[2]  # a source checkout: the corpus lies beside it


def corpus_dir() -> Path | None:
    """../shared/corpus beside the repository, or $QAWL_CORPUS; None when absent."""
    env = os.environ.get("QAWL_CORPUS")
    for cand in ([Path(env)] if env else []) + [REPO_ROOT.parent / "shared" / "corpus"]:
        if cand.is_dir():
            return cand
    return None


def corpus_texts() -> list[str]:
    root = corpus_dir()
    if root is None:
        raise SystemExit("the shared corpus is not available (../shared/corpus or $QAWL_CORPUS)")
    return [p.read_text(encoding="utf-8") for p in sorted((root / "arabic_articles").glob("*.txt"))]


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Median wall time of ``repeat`` runs (seconds)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def row(name: str, ours: float, floor: float, unit: str, target_ratio: float | None = None,
        higher_is_better: bool = True) -> str:
    """One report line: our figure, the floor, their ratio, and whether the target ratio is met."""
    ratio = ours / floor if floor else float("inf")
    verdict = ""
    if target_ratio is not None:
        ok = ratio >= target_ratio if higher_is_better else ratio <= target_ratio
        verdict = f"  target {'>=' if higher_is_better else '<='} {target_ratio:g}x: {'MET' if ok else 'MISSED'}"
    return f"{name:<44} {ours:>12,.0f} {unit:<10} floor {floor:>12,.0f} {unit:<10} ratio {ratio:5.2f}x{verdict}"
