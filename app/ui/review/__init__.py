"""The window's review mode: the annotators' layers compared, gold built from them, and the agreement report.

- :mod:`.mode` — the review controller (keys, decisions through the session);
- :mod:`.menu` — the Review menu and its actions; :mod:`.dock` — the Review sidebar;
- :mod:`.models` — item models of differences and versions; :mod:`.panes` — side by side;
- :mod:`.agreement_view` — the agreement report window.
"""
