"""The pure core of Qawl: text, offsets, the annotation model, the label schema and invertible changes.

Nothing in this package imports Qt or knows SQL (checked by tests/test_layering.py).
"""
