import pytest

from app.core.errors import QawlError
from app.core.text.normalise import Normalisation, decode, detect_direction, direction_of, normalise, sha256


def test_normalise_removes_leading_bom_and_crlf_and_records_it():
    text, norm = normalise("\ufeffسطر\r\nثان\r\n")
    assert text == "سطر\nثان\n"
    assert norm == Normalisation(bom=True, crlf=2, cr=0)
    assert norm.restore(text) == "\ufeffسطر\r\nثان\r\n"


def test_normalise_turns_lone_cr_into_lf_and_keeps_everything_else():
    raw = "a\rb\u00a0c\u2028d\u200fe\ufeff"  # NBSP, line separator, RLM, inner BOM are kept
    text, norm = normalise(raw)
    assert text == "a\nb\u00a0c\u2028d\u200fe\ufeff"
    assert norm.cr == 1 and not norm.bom and norm.restore(text) == raw


def test_normalise_leaves_clean_text_identical():
    text, norm = normalise("قال الوزير")
    assert text == "قال الوزير" and not norm.changed


@pytest.mark.parametrize("data, message", [
    (b"", "empty"), (b"  \n\t", "empty"), (b"\xd9\x82\xff\xfe", "not UTF-8"), (b"PK\x03\x04\x00\x00\x01", "binary"),
])
def test_decode_refuses_bad_files_with_location(data, message):
    with pytest.raises(QawlError) as err:
        decode(data, file="x.txt")
    assert message in str(err.value) and str(err.value).startswith("x.txt")


def test_decode_reports_the_line_of_a_bad_byte():
    with pytest.raises(QawlError, match=r"x.txt:3: not UTF-8"):
        decode("سطر\nسطر\nxx".encode() + b"\xc3\x28", file="x.txt")


def test_decode_keeps_a_stray_control_character_as_real_articles_have():
    assert decode("نص\x1aنص".encode()) == "نص\x1aنص"


@pytest.mark.parametrize("text, expected", [
    ("قال الوزير إن الاتفاق سيوقع", "rtl"),
    ("The minister said the deal would be signed", "ltr"),
    ("قال الرئيس الأمريكي Trump إن", "rtl"),
    ("قال Donald Trump إن", "ltr"),  # majority of strong letters, not the first one
    ("שלום עולם", "rtl"),
    ("Привет мир", "ltr"),
    ("123 456", "ltr"),
    ("Trump قال", "ltr"),  # a tie goes to the first strong letter
])
def test_direction(text, expected):
    assert detect_direction(text) == expected


def test_direction_of_short_text_is_its_first_strong_letter():
    assert direction_of("«قال» said") == "rtl"
    assert direction_of("2024 BBC قال") == "ltr"


def test_sha256_is_of_utf8():
    import hashlib

    assert sha256("قول") == hashlib.sha256("قول".encode()).hexdigest()
