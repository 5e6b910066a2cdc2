"""Claims: the fact-checker's half of Qawl.

- :mod:`.similar` — the matching form of a claim's wording (Arabic folded, digits unified) and a character n-gram
  TF-IDF index that proposes canonical claims with similar wording;
- :mod:`.registry` — linking CLAIM spans to canonical claims, new claims from a span, verdicts set on a claim or a
  span, as :class:`~app.core.changes.Change` values (merging is :func:`app.core.changes.merge_claims`);
- :mod:`.claimant` — who made a claim: its CLAIMED_BY speaker, else the speaker of the quote it sits in;
- :mod:`.export` — the ``claims`` rows and schema.org ClaimReview JSON-LD;
- :mod:`.checkworthy` — the check-worthiness scorer (sentences likely to hold a check-worthy factual claim) and
  :mod:`.suggest`, which puts its CLAIM suggestions into a suggestion layer.

The vocabulary (check-worthiness values, the default verdict list, URL rule) is part of the label schema
(:mod:`app.core.schema`), like the quote types: the store checks every value against the project's schema.
"""
