"""What the command line and the window do with a project, above the store and the pure core.

- :mod:`.project` — where the project lives, opening it (the default one seeded with the sample article), and the
  functions the window is given (``gui_api``);
- :mod:`.transfer` — import and export in every format (ours and other tools');
- :mod:`.writing` — writing files safely: atomically, never over a file that is not Qawl's;
- :mod:`.reports` — the agreement report written as JSON or HTML;
- :mod:`.claims` — the claim exports (``claims``, ``claimreview``), claim statistics, the project's verdict list.

The format keys live here, cheap to import, so building the command line or the window does not load the format
modules (a test keeps them equal to what :mod:`.transfer` derives from the format registry).
"""

IMPORT_FORMATS = ("auto", "qawl", "doccano", "labelstudio", "prodigy", "brat")
EXPORT_FORMATS = ("jsonl", "quotes", "claims", "claimreview", "doccano", "labelstudio", "prodigy", "brat", "dataset")
FOLDER_FORMATS = ("doccano", "labelstudio", "brat", "dataset")  # -o names a folder for these
