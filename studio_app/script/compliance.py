"""The pre-stream review (直播前审核) as a rule: what makes a compliance record mean something.

A record is signed by a named person, never by the app. Each term the word list flags is either rewritten
(flagged earlier, no longer in the text) or kept, and a kept forbidden term (禁用) needs the reviewer's
reason: accepting one without a reason is refused, so the record shows who let what through and why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from studio_app.i18n import translate
from studio_app.script.lint import LintHit, Severity


class TermOutcome(StrEnum):
    REWRITTEN = "rewritten"  # flagged before, gone from the text now
    KEPT = "kept"  # still in the text

    def display_name(self) -> str:
        if self is TermOutcome.REWRITTEN:
            return translate("Compliance", "Rewritten")
        return translate("Compliance", "Kept")


@dataclass(frozen=True)
class FlaggedTerm:
    """One flagged phrase of a text, however often it occurs (the reviewer decides once per phrase)."""

    text: str
    severity: Severity
    occurrences: int
    hint: str


@dataclass(frozen=True)
class TermReview:
    text: str
    severity: Severity
    outcome: TermOutcome
    reason: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "text": self.text,
            "severity": self.severity.value,
            "outcome": self.outcome.value,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> TermReview:
        return cls(
            text=str(raw["text"]),
            severity=Severity(raw["severity"]),
            outcome=TermOutcome(raw["outcome"]),
            reason=str(raw.get("reason", "")),
        )


@dataclass(frozen=True)
class SignedReview:
    """What the reviewer signs: who, whether the script may go on air, and the fate of every term."""

    reviewer: str
    accepted: bool
    terms: tuple[TermReview, ...]
    note: str = ""


@dataclass(frozen=True)
class ComplianceRecord:
    """A signed review as the records view and the exports show it."""

    id: str
    show_id: str
    show_title: str
    show_deleted: bool
    checked_by: str
    checked_at: datetime
    accepted: bool
    forbidden: int
    caution: int
    evidence: int
    terms: tuple[TermReview, ...]
    note: str
    wordlist_version: str
    script_id: str | None = None  # the stored revision checked; None for a file or an unsaved text


class ReviewRefused(ValueError):
    """A review that cannot be signed; the message is translated and says what to do."""

    def __init__(self, message: str, terms: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.terms = terms


def flagged_terms(hits: Iterable[LintHit]) -> tuple[FlaggedTerm, ...]:
    """The distinct flagged phrases in the order they first occur, each at its worst severity."""
    order: list[str] = []
    worst: dict[str, LintHit] = {}
    counts: dict[str, int] = {}
    for hit in hits:
        if hit.text not in worst:
            order.append(hit.text)
            worst[hit.text] = hit
        elif hit.severity.rank > worst[hit.text].severity.rank:
            worst[hit.text] = hit
        counts[hit.text] = counts.get(hit.text, 0) + 1
    return tuple(
        FlaggedTerm(text, worst[text].severity, counts[text], worst[text].entry.hint) for text in order
    )


def sign_review(
    *,
    reviewer: str,
    hits: Iterable[LintHit],
    reasons: Mapping[str, str],
    accepted: bool,
    earlier: Iterable[TermReview] = (),
    note: str = "",
) -> SignedReview:
    """The review as signed, or :class:`ReviewRefused` (nothing to store) when it cannot be.

    ``reasons`` maps a flagged phrase to why it is kept; ``earlier`` are terms flagged in an earlier check
    of the same show: those not flagged now are recorded as rewritten."""
    name = reviewer.strip()
    if not name:
        raise ReviewRefused(
            translate("Compliance", "Enter the reviewer's name: a record is signed by a person.")
        )
    current = flagged_terms(hits)
    kept = tuple(
        TermReview(term.text, term.severity, TermOutcome.KEPT, reasons.get(term.text, "").strip())
        for term in current
    )
    missing = tuple(term.text for term in kept if term.severity is Severity.FORBIDDEN and not term.reason)
    if accepted and missing:
        raise ReviewRefused(
            translate(
                "Compliance",
                "Forbidden terms cannot be accepted without a reason: rewrite them or give a reason "
                "for {terms}.",
            ).format(terms="、".join(f"“{text}”" for text in missing)),
            missing,
        )
    still_flagged = {term.text for term in current}
    rewritten: dict[str, TermReview] = {}
    for term in earlier:
        if term.text not in still_flagged and term.text not in rewritten:
            rewritten[term.text] = TermReview(term.text, term.severity, TermOutcome.REWRITTEN)
    return SignedReview(name, accepted, kept + tuple(rewritten.values()), note.strip())


def earlier_terms(hits: Iterable[LintHit]) -> tuple[TermReview, ...]:
    """The terms of an earlier check, as :func:`sign_review` takes them."""
    return tuple(TermReview(term.text, term.severity, TermOutcome.KEPT) for term in flagged_terms(hits))
