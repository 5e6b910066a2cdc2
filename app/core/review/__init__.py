"""Comparing annotators and deciding: how spans pair up, the differences, gold decisions, agreement figures, and
the triage of machine suggestions.

- :mod:`.matching` — pairing spans (exact, overlap), attribution fields, P/R/F counts;
- :mod:`.diff` — the differences between annotators' layers of one document;
- :mod:`.gold` — which gold spans answer a difference (counterparts, gold state, edited versions);
- :mod:`.adjudicate` — gold decisions as undoable batches with their provenance;
- :mod:`.units`, :mod:`.agreement` — kappa/alpha units and the agreement report; :mod:`.report` — JSON and HTML;
- :mod:`.triage` — an annotator's accept/reject of suggestions, and tracing suggested origin through edits.
"""
