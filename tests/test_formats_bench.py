"""qawl bench formats runs end to end on a small project and prints every format beside the native path."""

import pytest

from app.bench import formats_speed


@pytest.mark.slow
def test_the_formats_benchmark_prints_each_format_beside_native(corpus, capsys, monkeypatch):
    monkeypatch.setenv("QAWL_CORPUS", str(corpus))
    assert formats_speed.main(["--docs", "8", "--spans", "8", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    for fmt in formats_speed.FORMATS:
        assert f"{fmt:<12} export" in out and f"{fmt:<12} import" in out
    assert "export memory" in out and "growth" in out
    assert out.count("writing them bare takes") == len(formats_speed.FORMATS)
