"""What the dead-code check (``tests/test_deadcode.py``, vulture) must not call dead, and why: names the code
reaches without a reference vulture can see. Every entry says why it is alive; dead code is removed, not listed.

This file is parsed by vulture, never run.
"""

# ruff: noqa
# fmt: off
from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# Qt calls these overrides itself (virtual methods of the classes they subclass).
_.minimumSizeHint        # app/ui/chart.py: QWidget
_.mouseMoveEvent         # app/ui/chart.py: QWidget
_.filterAcceptsRow       # QSortFilterProxyModel (claims_dock, models, review/dock)
_.lessThan               # QSortFilterProxyModel (filters)
_.createEditor           # QStyledItemDelegate (claims_dock)
_.setEditorData          # QStyledItemDelegate (claims_dock)
_.setModelData           # QStyledItemDelegate (claims_dock)
_.displayText            # QStyledItemDelegate (doclist)
_.locale                 # its parameter, part of Qt's signature
_.displayAlignment       # QStyleOptionViewItem's field, read by Qt when it paints
_.mergeWith              # QUndoCommand (session: consecutive edge moves are one undo step)

# Python and PyInstaller call these by name.
__getattr__              # app/ui/main.py: the module's lazy attribute (I18N)
pre_safe_import_module   # tools/pyinstaller/pre_safe_import_module/hook-app.py: a PyInstaller hook

# The store's parts are reached by name through the Store's forwarding descriptors (app/store/base.py).
_.importer
_.exporter
_.finder
# The name the claim views knew Store.titles by, kept for branches written against it.
_.document_titles

# Values of records read from SQL or documented: kept whole even where no code reads one field.
_.last_commit            # app/store/team.py MemberRow: a column of the team_members table
EXIT_USAGE               # app/cli/common.py: the documented exit status 2 (argparse exits with it)
