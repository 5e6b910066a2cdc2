"""The window depends only on the interfaces of app.core.ports, and the store implements them (issue 11).

The import-linter contract keeps app.store out of app.ui's imports; these tests keep the other half: whatever the
UI asks of the project it is handed (``session.store``, ``store`` in background work) is declared in a Protocol,
and the store's parts implement every declared member with the same signature, so a Protocol cannot drift from
the store, and the UI cannot reach a method no interface declares.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from app.core import ports
from app.store import Store
from app.store.base import _Forward

UI = Path(__file__).resolve().parent.parent / "app" / "ui"


def _members(protocol: type) -> dict[str, object]:
    """A Protocol's own members (methods and properties), by name."""
    return {name: value for name, value in vars(protocol).items()
            if not name.startswith("_") and (callable(value) or isinstance(value, property))}


DECLARED = {name for port in ports.PORTS for name in _members(port)}


def _store_attributes(tree: ast.AST) -> set[tuple[str, int]]:
    """Attributes read on an expression that is the project: ``store.X``, ``<anything>.store.X``."""
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        value = node.value
        if (isinstance(value, ast.Name) and value.id == "store") or \
                (isinstance(value, ast.Attribute) and value.attr == "store"):
            found.add((node.attr, node.lineno))
    return found


def test_the_ui_asks_the_project_only_what_an_interface_declares():
    undeclared = []
    sites = 0
    for path in sorted(UI.rglob("*.py")):
        for name, line in _store_attributes(ast.parse(path.read_text(encoding="utf-8"))):
            sites += 1
            if name not in DECLARED:
                undeclared.append(f"{path.relative_to(UI.parent.parent)}:{line}: store.{name}")
    assert sites > 20  # the scan sees the UI's uses (a scan that finds nothing proves nothing)
    assert not undeclared, "declare these in app/core/ports.py (or ask through ProjectApi):\n" + "\n".join(undeclared)


def test_the_scan_catches_an_undeclared_use():
    tree = ast.parse("def f(session):\n    session.store.export_records()\n    store = session.store\n"
                     "    store.import_records([])\n")
    names = {name for name, _ in _store_attributes(tree)}
    assert {"export_records", "import_records"} <= names
    assert not names & DECLARED


def _parameters(fn) -> list[tuple[str, object, object]]:
    sig = inspect.signature(fn)
    return [(p.name, p.kind, p.default) for p in sig.parameters.values() if p.name != "self"]


@pytest.mark.parametrize("port", ports.STORE_PORTS, ids=lambda p: p.__name__)
def test_the_store_implements_every_member_with_its_signature(port):
    store = Store.open(None)
    try:
        for name, member in _members(port).items():
            assert hasattr(store, name), f"Store lacks {port.__name__}.{name}"
            if isinstance(member, property):
                continue
            assert _parameters(getattr(store, name)) == _parameters(member), \
                f"{port.__name__}.{name}: Store{inspect.signature(getattr(store, name))} vs the port's " \
                f"{inspect.signature(member)}"
    finally:
        store.close()


def test_every_store_method_lives_in_one_part():
    """The Store only forwards: no method body of its own besides opening and closing (the composition root)."""
    own = {name for name, value in vars(Store).items()
           if not name.startswith("__") and not isinstance(value, _Forward)}
    assert own == {"open"}, own
    store = Store.open(None)
    try:
        parts = {name: part for name, part in vars(store).items() if name not in ("file", "path")}
        for name, value in vars(Store).items():
            if isinstance(value, _Forward):
                owner = store.file if value.part == "file" else parts[value.part]
                assert hasattr(owner, value.name), f"store.{name} forwards to a missing {value.part}.{value.name}"
    finally:
        store.close()


def test_the_change_target_part_is_the_core_target():
    """Changes are applied to ``store.target`` (``Store.apply``): it implements app.core.changes.Target, member
    for member, and the in-memory Workspace the property tests compare it with does too."""
    from app.core.changes import Target
    from app.core.workspace import Workspace

    store = Store.open(None)
    try:
        for name, member in _members(Target).items():
            assert _parameters(getattr(store.target, name)) == _parameters(member), name
            assert callable(getattr(Workspace, name)), name
    finally:
        store.close()


def test_every_public_method_of_a_part_is_the_stores():
    """A method added to a part (a branch adding ``export_rows`` to Exports) is forwarded by the Store, or declared
    as offered to the other parts only (``BETWEEN_PARTS``): the failure names the line to add to app/store/base.py."""
    from app.store.base import BETWEEN_PARTS
    from app.store.file import Part

    store = Store.open(None)
    try:
        missing = []
        for attr, part in vars(store).items():
            if not isinstance(part, Part) and attr != "file":
                continue
            for name, value in vars(type(part)).items():
                if name.startswith("_") or name == "open" or not (callable(value) or isinstance(value, property)):
                    continue
                forward = vars(Store).get(name)
                if name in BETWEEN_PARTS.get(attr, ()):
                    continue
                if not (isinstance(forward, _Forward) and (forward.part, forward.name) == (attr, name)):
                    missing.append(f'    {name} = _Forward("{attr}")')
        assert not missing, "add to Store (app/store/base.py):\n" + "\n".join(missing)
    finally:
        store.close()
