"""The compliance rule on its own: a named reviewer signs; a forbidden term kept needs a reason."""

from __future__ import annotations

import pytest

from studio_app.script.compliance import (
    ReviewRefused,
    TermOutcome,
    TermReview,
    earlier_terms,
    flagged_terms,
    sign_review,
)
from studio_app.script.lint import LintHit, Severity, default_wordlist, lint_text

WORDLIST = default_wordlist()


def _hits(text: str) -> list[LintHit]:
    return lint_text(text, WORDLIST)


def test_flagged_terms_are_listed_once_per_phrase_in_the_order_they_occur() -> None:
    terms = flagged_terms(_hits("全网最低价！真的全网最低，品质极致"))
    assert [(t.text, t.severity, t.occurrences) for t in terms] == [
        ("全网最低", Severity.FORBIDDEN, 2),
        ("极致", Severity.CAUTION, 1),
    ]
    assert terms[0].hint


def test_a_review_is_signed_by_a_named_person() -> None:
    with pytest.raises(ReviewRefused, match="reviewer's name"):
        sign_review(reviewer="  ", hits=[], reasons={}, accepted=True)


def test_accepting_a_forbidden_term_without_a_reason_is_refused_and_names_it() -> None:
    hits = _hits("这是全网最低价，品质极致")
    with pytest.raises(ReviewRefused) as refused:
        sign_review(reviewer="阿杰", hits=hits, reasons={"极致": "品牌名"}, accepted=True)
    assert refused.value.terms == ("全网最低",)
    assert "“全网最低”" in str(refused.value)
    with pytest.raises(ReviewRefused):
        sign_review(reviewer="阿杰", hits=hits, reasons={"全网最低": "   "}, accepted=True)


def test_a_forbidden_term_kept_with_a_reason_is_signed_with_it() -> None:
    signed = sign_review(
        reviewer=" 阿杰 ",
        hits=_hits("这是全网最低价，品质极致"),
        reasons={"全网最低": "有平台比价截图，主播会念出依据"},
        accepted=True,
        note=" 周六专场 ",
    )
    assert (signed.reviewer, signed.accepted, signed.note) == ("阿杰", True, "周六专场")
    assert signed.terms == (
        TermReview("全网最低", Severity.FORBIDDEN, TermOutcome.KEPT, "有平台比价截图，主播会念出依据"),
        TermReview("极致", Severity.CAUTION, TermOutcome.KEPT, ""),  # a caution term needs no reason
    )


def test_a_review_that_does_not_accept_needs_no_reason() -> None:
    signed = sign_review(reviewer="阿杰", hits=_hits("全网最低价"), reasons={}, accepted=False)
    assert not signed.accepted and signed.terms[0].outcome is TermOutcome.KEPT


def test_a_term_flagged_earlier_and_gone_now_is_recorded_as_rewritten() -> None:
    earlier = earlier_terms(_hits("全网最低价，品质极致"))
    signed = sign_review(
        reviewer="阿杰", hits=_hits("近30天店铺低价，品质极致"), reasons={}, accepted=True, earlier=earlier
    )
    assert [(t.text, t.outcome) for t in signed.terms] == [
        ("极致", TermOutcome.KEPT),
        ("全网最低", TermOutcome.REWRITTEN),
    ]


def test_a_term_review_survives_the_store_as_a_dict() -> None:
    term = TermReview("全网最低", Severity.FORBIDDEN, TermOutcome.KEPT, "有依据")
    assert TermReview.from_dict(term.to_dict()) == term
