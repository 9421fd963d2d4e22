"""ProPerAssistant's prompt, and reading a completion back into a decision.

Two prompt styles (:data:`PROMPT_STYLES`), the same for every model:

- ``"few_shot"`` (the default): a short system message that says whom the
  assistant talks to ("you", the resident) and the answer's form (one sentence
  spoken to them, or exactly ``No Recommendation``), then :data:`EXAMPLES`:
  four earlier turns of a made-up household, each a user message in the same
  form as the real one (time, activity, a short memory) and the answer, one
  short second-person suggestion or ``No Recommendation``. The examples are
  constants, so every prompt starts with the same bytes up to the moment
  itself and a server's prefix cache keeps them. A model as small as
  SmolLM2-135M otherwise answers with talk about "the resident", itself or its
  memory rather than to the resident. The suggestions in the examples all
  open with "How about": a small model copies the opening and then has to
  name a thing to do; with varied openings ("Would you like...", "Why
  not...", "Put the kettle on...") it copied the openings less and wrote
  half as many genuine suggestions (``benchmarks/suggestion_share.py``, on
  samples of two personas' days).
- ``"plain"``: the original prompt, a longer system message and the moment
  alone, kept for comparison.

In both, the persona-given setting appends the resident's persona to the
system message, and the last message is the moment: its text is the time and
activity, a blank line, the memory text, a blank line and a closing line.

:func:`read_completion` turns what a model wrote into the decision: the first
sentence of the first line, without the labels, lead-ins, quotes and markup
that small models add; an empty answer or one that starts with "No
Recommendation" is the no-op. It only removes what frames an answer
("Assistant:", "Sure!", "Here is a suggestion:"); it never drops words that
talk about the resident or the assistant ("As your assistant, ...", "The
resident should ..."), so text that was not spoken to the resident stays so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from propersim_env.core import CRITERIA, NO_RECOMMENDATION, parse_decision
from propersim_env.personas import Persona

MAX_SUGGESTION_CHARS = 300

# ---- the plain (original) style ---------------------------------------------------------------

PLAIN_SYSTEM = (
    "You are a proactive AI assistant living in one person's home. Every few minutes you see what they are doing "
    "and your memory of past interactions, with how they rated them. Decide whether to make one suggestion now or "
    "to stay silent. A good suggestion fits what they like, comes at a good moment, is not too frequent, and is "
    "worded the way they like. Answer with the suggestion itself in one or two short sentences, or with exactly: "
    f"{NO_RECOMMENDATION}"
)
PLAIN_MOMENT = "Now: {time}\nThe resident: {user_action}\n\n{memory}\n\nYour decision:"

# ---- the few-shot style -----------------------------------------------------------------------

SYSTEM = (
    "You are a home assistant. You talk directly to the person who lives here and call them \"you\". "
    "Reply with one short sentence that suggests one thing they could do now, "
    f"or reply exactly: {NO_RECOMMENDATION}"
)
FEW_SHOT_MOMENT = "Time: {time}\nNow: {user_action}\n\n{memory}\n\nOne sentence to them, or No Recommendation:"


def _example(time: str, action: str, recent: str, hour: str) -> str:
    memory = f"Recent interactions (last 10 minutes):\n{recent}\nToday, hour by hour:\n{hour}"
    return FEW_SHOT_MOMENT.format(time=time, user_action=action, memory=memory)


# A made-up household (no persona's data): four moments and what to say, as earlier chat turns. Their
# memories are short: the four turns take about 500 of SmolLM2's tokens.
EXAMPLES: tuple[tuple[str, str], ...] = (
    (_example("Saturday 2025-03-01 10:40", "Robin Ames is reading the news @ living room: sofa",
              "- 10:30 | Robin Ames is reading the news @ living room: sofa | No Recommendation | score 3/4",
              "- 10:00-11:00: 0 recommendations in 2 decisions, mean score 3.0"),
     "How about a short walk around the block before lunch?"),
    (_example("Saturday 2025-03-01 14:30", "Robin Ames is on a video call @ study: desk",
              '- 14:20 | Robin Ames is on a video call @ study: desk | suggestion: "Fancy a glass of water?" | '
              "score 1/4",
              "- 14:00-15:00: 1 recommendation in 3 decisions, mean score 2.7"),
     NO_RECOMMENDATION),
    (_example("Saturday 2025-03-01 18:50", "Robin Ames is cooking dinner @ kitchen: counter",
              "- none",
              "- 18:00-19:00: 0 recommendations in 5 decisions, mean score 3.0"),
     "How about some upbeat jazz while you cook?"),
    (_example("Sunday 2025-03-02 16:10", "Robin Ames is answering emails @ study: desk",
              "- 16:00 | Robin Ames is answering emails @ study: desk | No Recommendation | score 3/4",
              "- 16:00-17:00: 0 recommendations in 1 decision, mean score 3.0"),
     "How about a cup of tea and five minutes away from the screen?"),
)


@dataclass(frozen=True, slots=True)
class PromptStyle:
    """A system message, earlier example turns (user, assistant) and the form of the moment's message."""

    system: str
    examples: tuple[tuple[str, str], ...]
    moment: str  # formatted with time, user_action and memory


PROMPT_STYLES: dict[str, PromptStyle] = {
    "plain": PromptStyle(PLAIN_SYSTEM, (), PLAIN_MOMENT),
    "few_shot": PromptStyle(SYSTEM, EXAMPLES, FEW_SHOT_MOMENT),
}
DEFAULT_STYLE = "few_shot"


def persona_text(persona: Persona) -> str:
    """The persona-given setting: who the resident is and the four criteria in their own words."""
    p = persona
    wishes = " ".join(p.criteria[c] for c in CRITERIA)
    return (f"About the resident: {p.describe()}. {p.profile['interests']} {p.profile['lifestyle']} "
            f"What they want from you: {wishes}")


def build_messages(time: str, user_action: str, memory_text: str, persona: Persona | None = None, *,
                   style: str = DEFAULT_STYLE) -> list[dict]:
    """The chat for one moment: the system message (with the persona when given), the style's
    example turns, and the moment (always the last message)."""
    try:
        chosen = PROMPT_STYLES[style]
    except KeyError:
        raise ValueError(f"unknown prompt style {style!r}; choose from {', '.join(PROMPT_STYLES)}") from None
    system = chosen.system if persona is None else f"{chosen.system}\n\n{persona_text(persona)}"
    messages = [{"role": "system", "content": system}]
    for user, answer in chosen.examples:
        messages += [{"role": "user", "content": user}, {"role": "assistant", "content": answer}]
    messages.append({"role": "user", "content": chosen.moment.format(time=time, user_action=user_action,
                                                                     memory=memory_text)})
    return messages


# ---- reading an answer ------------------------------------------------------------------------

# A role tag or a label before the answer: "Assistant:", "Suggestion -", "Your decision:", "**Answer:**".
_LABEL = re.compile(
    r"^(?:assistant|ai|bot|answer|final answer|response|reply|output|suggestion|my suggestion|recommendation"
    r"|my recommendation|decision|my decision|your decision|suggested action|proactive suggestion)"
    r"(?:\s*(?:\*\*)?\s*:|\s+[-–—])\s*(?:\*\*)?\s*",
    re.IGNORECASE)
# A lead-in that announces the answer: "Here is a suggestion:", "Here's my recommendation for you -".
_ANNOUNCE = re.compile(
    r"^here(?:'s|’s| is)\s+(?:a|an|my|one|the|your)?\s*(?:\w+\s+)?(?:suggestion|recommendation|idea|answer"
    r"|response|decision)(?:\s+for\s+(?:you|today|tonight|now|this\s+\w+))?(?:\s*:|\s+[-–—])\s*",
    re.IGNORECASE)
# A word of assent before the answer: "Sure!", "Okay,", "Of course." ...
_ASSENT = re.compile(r"^(?:sure(?: thing)?|okay|ok|alright|all right|of course|certainly|absolutely|got it)"
                     r"\s*[!.,:]+\s*", re.IGNORECASE)
# A greeting or an exclamation before the answer: "Good morning, Sam!", "Hi there,", "Great!".
_GREETING = re.compile(r"^(?i:hi|hello|hey|hiya|good (?:morning|afternoon|evening|day)|morning|afternoon|evening"
                       r"|wow|oh|ah|aw|yay|hooray|nice|great|perfect|awesome|well done|thanks|thank you)"
                       r"(?:(?:,?\s+(?i:there|everyone|friend)|,?\s+[A-Z][\w'’-]*)?\s*[!.]+|\s*,)\s+(?=\S)")
# Wrapping marks: quotes, emphasis, a list bullet or number.
_BULLET = re.compile(r"^(?:[-*•]\s+|\d{1,2}[.)]\s+)")
_EDGES = "\"'`“”‘’*_ "
# The end of a sentence: ., ! or ? (with closing quotes or brackets) before a space; not after an
# abbreviation ("e.g.", "10 a.m.") and not an ellipsis.
_SENTENCE_END = re.compile(r"(?<![.…])(?:[!?]+|\.(?!\.))[\"'”’)\]]*(?=\s)")
_NOOP = re.compile(re.escape(NO_RECOMMENDATION) + r"\b", re.IGNORECASE)  # not "No recommendations were made"
_ABBREVIATIONS = frozenset({"e.g", "i.e", "a.m", "p.m", "mr", "mrs", "ms", "dr", "st", "vs", "etc", "approx", "no"})


def _first_sentence(line: str) -> str:
    for end in _SENTENCE_END.finditer(line):
        before = line[:end.start()].rsplit(None, 1)[-1].lower() if line[:end.start()].strip() else ""
        if end.group(0).startswith(".") and before.strip("(\"'") in _ABBREVIATIONS:
            continue
        return line[:end.end()].strip()
    return line


def _unwrap(line: str) -> str:
    """``line`` without labels, lead-ins, assent, a bullet and wrapping quotes, repeatedly."""
    while True:
        before = line
        line = line.strip().strip(_EDGES) if line.strip()[:1] in _EDGES else line.strip()
        line = _BULLET.sub("", line)
        for pattern in (_LABEL, _ANNOUNCE, _ASSENT):
            line = pattern.sub("", line)
        if line == before:
            return line


def read_completion(text: str) -> str:
    """A model's answer as a decision (see the module docstring): the first non-empty line
    without labels ("Assistant:", "Suggestion:"), lead-ins ("Here is a suggestion:", "Sure!"),
    an opening greeting ("Good morning!"), a bullet, quotes or emphasis; then its
    first sentence, capped in length. An empty answer or one that says "No Recommendation"
    first is the no-op."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    line = ""
    for candidate in lines:  # a label alone on its line ("Suggestion:") announces the next one
        line = _unwrap(candidate)
        if line:
            break
    if not line or _NOOP.match(line.lstrip(_EDGES)) or parse_decision(line).noop:
        return NO_RECOMMENDATION
    opening = _GREETING.match(line)
    if opening:  # "Good morning! How about a walk?": the greeting is not the answer
        line = _unwrap(line[opening.end():]) or line
    line = _first_sentence(line).strip(_EDGES) or line
    if _NOOP.match(line):
        return NO_RECOMMENDATION
    return line[:MAX_SUGGESTION_CHARS]


def decision_complete(text: str) -> bool:
    """Whether no continuation of ``text`` can change :func:`read_completion`'s decision: its
    first line with an answer has ended, or its first sentence has (with more text after it),
    or it has said "No Recommendation" and gone on. A sampler may stop there."""
    lines = text.lstrip().split("\n")
    if any(_unwrap(ln.strip()) for ln in lines[:-1]):
        return True
    line = _unwrap(lines[-1].strip())
    if not line:
        return False
    noop = _NOOP.match(line.lstrip(_EDGES))
    if noop:
        return noop.end() < len(line.lstrip(_EDGES))
    opening = _GREETING.match(line)
    if opening:
        line = _unwrap(line[opening.end():])
        if not line:
            return False  # what follows the greeting has not begun
    return len(_first_sentence(line)) < len(line) or len(line) > 2 * MAX_SUGGESTION_CHARS
