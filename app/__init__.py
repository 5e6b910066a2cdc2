"""Qawl (قول): annotate who said what, when, in Arabic and other news articles."""

__version__ = "0.1.0"
APP_NAME = "Qawl"
