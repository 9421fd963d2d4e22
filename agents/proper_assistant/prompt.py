"""ProPerAssistant's prompt, and reading a completion back into a decision.

The chat has a system message (the assistant's role and the answer format,
plus the resident's persona in the persona-given setting) and one user
message: the time, what the resident is doing, and the memory text. The answer
is the suggestion itself or exactly ``No Recommendation``.
"""

from __future__ import annotations

from propersim_env.core import CRITERIA, NO_RECOMMENDATION, parse_decision
from propersim_env.personas import Persona

MAX_SUGGESTION_CHARS = 300

SYSTEM = (
    "You are a proactive AI assistant living in one person's home. Every few minutes you see what they are doing "
    "and your memory of past interactions, with how they rated them. Decide whether to make one suggestion now or "
    "to stay silent. A good suggestion fits what they like, comes at a good moment, is not too frequent, and is "
    "worded the way they like. Answer with the suggestion itself in one or two short sentences, or with exactly: "
    f"{NO_RECOMMENDATION}"
)


def persona_text(persona: Persona) -> str:
    """The persona-given setting: who the resident is and the four criteria in their own words."""
    p = persona
    wishes = " ".join(p.criteria[c] for c in CRITERIA)
    return (f"About the resident: {p.describe()}. {p.profile['interests']} {p.profile['lifestyle']} "
            f"What they want from you: {wishes}")


def build_messages(time: str, user_action: str, memory_text: str, persona: Persona | None = None) -> list[dict]:
    system = SYSTEM if persona is None else f"{SYSTEM}\n\n{persona_text(persona)}"
    user = f"Now: {time}\nThe resident: {user_action}\n\n{memory_text}\n\nYour decision:"
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def read_completion(text: str) -> str:
    """A model's answer as a decision: the first non-empty line, without wrapping quotes or a
    ``Suggestion:`` label, capped in length; an empty answer or one that says "No Recommendation"
    first is the no-op."""
    line = next((ln.strip() for ln in text.strip().splitlines() if ln.strip()), "")
    for label in ("suggestion:", "decision:", "answer:"):
        if line.lower().startswith(label):
            line = line[len(label):].strip()
    line = line.strip("\"'` ")
    if not line or line.lower().startswith(NO_RECOMMENDATION.lower()) or parse_decision(line).noop:
        return NO_RECOMMENDATION
    return line[:MAX_SUGGESTION_CHARS]
