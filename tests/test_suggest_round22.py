"""Twenty-second round (issue #14): found on blind20 after its one measurement and counted over every measured set
(blind20 included) before each rule was kept (blind21 was drawn and annotated, not read, meanwhile)."""

from __future__ import annotations

from tests.test_suggest_support import suggest


def test_a_range_of_prices_in_parentheses_is_no_range_of_years():
    """أسعار الحريات ما بين (1200 - 1900) ريال: a currency right after the closing parenthesis makes the numbers
    prices; a lifespan (1856 - 1915) is still two years."""
    layer = suggest("وتتراوح أسعار الحريات ما بين (1200 - 1900) ريال في حين. وكان تايلور (1856 - 1915) مهندسا.",
                    "2015-08-01").layer
    assert [s.text for s in layer.spans_by_label("DATE")] == ["1856", "1915"]
