"""Benchmarks and evaluations. Each module has ``main(argv=None) -> int`` and prints every measured figure next to
a floor measured in the same run (and their ratio), so results are comparable across machines."""
