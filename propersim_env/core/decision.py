"""The assistant's decision at one step: a suggestion (free text) or none.

The action is text. ``""`` or ``"No Recommendation"`` (case and surrounding
whitespace ignored, so ``"  no recommendation "`` too) is the no-op; any other
text, in any script and with any characters, is a suggestion. Whether the
suggestion is *good* (tone, length, emoji, control characters) is for the
evaluator to judge, not for the parser to refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

NO_RECOMMENDATION = "No Recommendation"
_NOOP_FOLDED = NO_RECOMMENDATION.casefold()


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision: ``text`` is the suggestion with surrounding whitespace removed,
    or ``"No Recommendation"`` when ``noop`` is true."""

    text: str
    noop: bool

    def __str__(self) -> str:
        return self.text


NOOP = Decision(NO_RECOMMENDATION, True)


def parse_decision(action: object) -> Decision:
    """Read an action as a :class:`Decision`.

    Raises ``TypeError`` naming the type when ``action`` is not a ``str``.
    """
    if not isinstance(action, str):
        raise TypeError(
            f"an action must be a str (a suggestion, or '' / {NO_RECOMMENDATION!r} for none), "
            f"got {type(action).__name__}"
        )
    text = action.strip()
    if not text or text.casefold() == _NOOP_FOLDED:
        return NOOP
    return Decision(text, False)
