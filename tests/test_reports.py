"""Saving agreement reports from the window (app.operations.reports.write_report): HTML or qawl-agreement/1 JSON, atomic, and
never over a file that is not a Qawl report."""

from __future__ import annotations

import orjson
import pytest

from app.core.review.agreement import agreement_report
from app.core.errors import QawlError
from app.core.model import Layer, Span
from app.core.review.report import FORMAT, report_to_html, report_to_json
from app.operations.reports import write_report

TEXT = "one two three four"


@pytest.fixture
def report():
    a = Layer("d", "ali", spans=[Span.of(TEXT, "QUOTE", 0, 7, id="q")])
    b = Layer("d", "sara", spans=[Span.of(TEXT, "QUOTE", 0, 13, id="q")])
    return agreement_report([(TEXT, [a, b])], title="t")


def test_json_is_written_indented_and_replaces_only_a_report(tmp_path, report):
    path = tmp_path / "r.json"
    data = orjson.dumps(report_to_json(report))
    assert write_report(path, data) == path
    assert orjson.loads(path.read_bytes())["format"] == FORMAT and path.read_bytes().startswith(b"{\n  ")
    write_report(path, data.decode())  # ours: replaced (bytes or text alike)
    (tmp_path / "empty.json").write_bytes(b"")
    write_report(tmp_path / "empty.json", data)  # empty: fine
    other = tmp_path / "config.json"
    other.write_bytes(b'{"format": "something else"}')
    with pytest.raises(QawlError, match="never overwrites") as exc:
        write_report(other, data)
    assert str(other) in str(exc.value)
    assert other.read_bytes() == b'{"format": "something else"}'
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_html_goes_through_the_export_writer_with_its_generator_mark(tmp_path, report):
    path = tmp_path / "r.html"
    write_report(path, report_to_html(report))
    assert '<meta name="generator" content="Qawl">' in path.read_text(encoding="utf-8")
    write_report(path, report_to_html(report))  # ours: replaced
    mine = tmp_path / "mine.html"
    mine.write_text("<html><body>my notes</body></html>", encoding="utf-8")
    with pytest.raises(QawlError, match="never overwrites"):
        write_report(mine, report_to_html(report))
    assert mine.read_text(encoding="utf-8") == "<html><body>my notes</body></html>"


def test_only_reports_are_written(tmp_path):
    with pytest.raises(QawlError, match="not a qawl-agreement/1 report"):
        write_report(tmp_path / "x.json", b'{"a": 1}')
    with pytest.raises(QawlError, match="neither an HTML page nor JSON"):
        write_report(tmp_path / "x.json", "plain words")
    with pytest.raises(QawlError, match="folder"):
        write_report(tmp_path, orjson.dumps({"format": FORMAT}))
    with pytest.raises(QawlError, match="does not exist"):
        write_report(tmp_path / "missing" / "x.json", orjson.dumps({"format": FORMAT}))
    assert list(tmp_path.iterdir()) == []
