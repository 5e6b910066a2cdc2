"""Benchmarks and evaluations, each a module with ``main(argv=None) -> int`` (wired as ``qawl bench`` / ``qawl evaluate``)."""
