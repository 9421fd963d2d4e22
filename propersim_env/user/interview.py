"""Interviewing a resident about its day, plans and feelings (reverie's ``call -- analysis``).

An :class:`Interview` answers questions as the resident, from its persona and
its memory stream: the nodes most relevant to the question (Generative Agents'
retrieval: recency, importance and keyword relevance, each min-max
normalised) plus what the question asks about (what it did today, what it
plans next, how it feels). On the embedded default the answer is written from
templates filled with what is in memory and the persona; when the resident is
LLM-driven, an LLM client (the one its planner uses) writes the answer from
the same material.

An interview never changes the resident: the ranking here reads the memory
without marking nodes as accessed (as :meth:`AssociativeMemory.retrieve` does),
and nothing said is remembered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ..personas import activities, minutes_to_clock
from .memory import ConceptNode, RetrievalWeights, keywords_of, rank

_PLAN_WORDS = frozenset(["plan", "plans", "planning", "next", "later", "tomorrow", "tonight", "evening", "afternoon", "going", "will", "schedule", "after", "then", "upcoming"])
_FEEL_WORDS = frozenset(["feel", "feeling", "feels", "mood", "happy", "sad", "tired", "stressed", "how", "assistant", "annoyed", "helpful", "satisfied", "enjoy", "like"])
_DAY_WORDS = frozenset(["today", "did", "done", "day", "morning", "happened", "doing", "what"])
_PEOPLE_WORDS = frozenset(["talk", "talked", "chat", "chatted", "who", "met", "with", "someone", "friend", "housemate"])


@dataclass(frozen=True)
class Mood:
    """How the resident's day with its assistant went: today's ratings (0-4)."""

    scored: int = 0
    mean_score: float = 0.0
    suggestions: int = 0


def rank_memories(nodes: Sequence[ConceptNode], query: str, now: datetime, k: int = 3, *,
                  since: datetime | None = None, weights: RetrievalWeights | None = None) -> list[ConceptNode]:
    """The ``k`` nodes ranked highest for ``query`` (:func:`~.memory.rank`), without touching
    them, one per description; only nodes created at or after ``since`` when given."""
    candidates = [n for n in nodes if since is None or n.created >= since]
    ranked = rank(candidates, query, now, weights or RetrievalWeights())
    # a node that shares no word with the question only counts when nothing does
    relevant = [node for node, relevance in ranked if relevance > 0] or [node for node, _ in ranked]
    seen, picked = set(), []
    for node in relevant:
        if node.description in seen:
            continue
        seen.add(node.description)
        picked.append(node)
        if len(picked) == k:
            break
    return picked


TRAIT_WORDS = {
    "extraversion": {"high": "outgoing", "low": "reserved"},
    "agreeableness": {"high": "warm", "low": "blunt"},
    "conscientiousness": {"high": "organised", "low": "easy-going about plans"},
    "openness": {"high": "curious", "low": "fond of the familiar"},
    "neuroticism": {"high": "quick to worry", "low": "even-tempered"},
}
"""How a resident describes its Big-Five levels in its own words."""


class Interview:
    """Questions to one resident; :meth:`answer` returns what it says.

    Args:
        resident: the :class:`~propersim_env.user.Resident` interviewed.
        now: the simulated time of the interview.
        mood: today's ratings of its assistant.
        llm_client: answer through this LLM (an LLM-driven resident); ``None``: the embedded templates.
    """

    def __init__(self, resident, now: datetime, mood: Mood | None = None, llm_client=None):
        self.resident = resident
        self.now = now
        self.mood = mood or Mood()
        self.llm_client = llm_client

    # ---- material ---------------------------------------------------------------
    def _day_start(self) -> datetime:
        return self.now.replace(hour=0, minute=0, second=0, microsecond=0)

    def memories(self, question: str, k: int = 3) -> list[ConceptNode]:
        """The memories of today most relevant to ``question`` (all memories if none are of today)."""
        memory = self.resident.memory
        today = rank_memories(memory.nodes, question, self.now, k, since=self._day_start(), weights=memory.weights)
        return today or rank_memories(memory.nodes, question, self.now, k, weights=memory.weights)

    def _minute(self) -> float:
        r = self.resident
        return r.clock.minutes_since_start(max(r.step_index, 0))

    def done_today(self, n: int = 4) -> list[str]:
        """What the resident did today, the latest ``n`` distinct activities, oldest first."""
        plan = self.resident.plan
        if plan is None:
            return []
        now, lo = self._minute(), plan.day * 1440
        seen: list[str] = []
        for s in plan.subtasks:
            if lo <= s.start < now and (not seen or seen[-1] != s.description):
                seen.append(f"{s.description} ({minutes_to_clock(s.start)})")
        return seen[-n:]

    def plans(self, n: int = 3) -> list[str]:
        """The next ``n`` blocks of today's plan after the current one."""
        plan = self.resident.plan
        if plan is None:
            return []
        now = self._minute()
        acts = activities()
        out = []
        for b in plan.blocks:
            if b.start > now:
                out.append(f"{acts[b.activity].description} at {minutes_to_clock(b.start)}")
                if len(out) == n:
                    break
        return out

    def first_person(self, node: ConceptNode) -> str:
        """A memory as the resident tells it: ``I was cooking dinner @ kitchen``, ``I chatted with Sofia
        Marchetti about music`` (a chat without its transcript)."""
        text = node.description
        if node.kind == "chat":
            text = text.split(":", 1)[0]
        name = self.resident.name
        for said, told in ((f"{name} is ", "I was "), (f"{name} ", "I ")):
            if text.startswith(said):
                return told + text[len(said):]
        return text

    def doing(self) -> str:
        state = self.resident.state
        if state is None:
            return "just waking up"
        return activities()[state.activity].description

    def feeling(self) -> str:
        persona, mood = self.resident.persona, self.mood
        words = [TRAIT_WORDS[trait][level] for trait, level in persona.big_five.items()
                 if level in TRAIT_WORDS.get(trait, {})]
        traits = ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else "".join(words) or "hard to read"
        if mood.scored == 0:
            about = "my assistant has not said much yet, so I have no opinion of it today"
        elif mood.mean_score >= 3:
            about = f"my assistant has been really helpful today (I rate it {mood.mean_score:.1f} of 4 on average)"
        elif mood.mean_score >= 2:
            about = f"my assistant has been all right today ({mood.mean_score:.1f} of 4 on average)"
        else:
            about = f"my assistant has been getting on my nerves today ({mood.mean_score:.1f} of 4 on average)"
        tired = " and a bit tired" if self.now.hour >= 21 or self.now.hour < 6 else ""
        return f"I feel settled{tired}: {about}. People would say I am {traits}."

    # ---- answering -----------------------------------------------------------------
    def answer(self, question: str) -> str:
        """What the resident says to ``question``; nothing is remembered."""
        question = question.strip()
        if not question:
            return "(no question)"
        if self.llm_client is not None:
            return self._llm_answer(question)
        return self._template_answer(question)

    def _template_answer(self, question: str) -> str:
        words = set(keywords_of(question)) | set(question.lower().replace("?", " ").split())
        first = self.resident.persona.first_name
        parts = []
        if words & _PLAN_WORDS:
            plans = self.plans()
            parts.append("Next I plan " + "; then ".join(plans) + "." if plans
                         else "Nothing more is planned today: bed is next.")
        if words & _FEEL_WORDS:
            parts.append(self.feeling())
        if words & _PEOPLE_WORDS:
            chats = [n for n in reversed(self.resident.memory.nodes) if n.kind == "chat"][:2]
            parts.append("Lately " + "; ".join(f"{self.first_person(n)} ({n.created:%a %H:%M})" for n in chats) + "."
                         if chats else "I have not talked with anyone yet.")
        if words & _DAY_WORDS or not parts:
            done = self.done_today()
            parts.insert(0, f"Right now I am {self.doing()}."
                         + (" Earlier today: " + ", ".join(done) + "." if done else ""))
        recalled = self.memories(question)
        if recalled:
            parts.append("What comes to mind: " + " / ".join(
                f"{self.first_person(n)} ({n.created:%a %H:%M})" for n in recalled) + ".")
        return f"{first}: " + " ".join(parts)

    def _llm_answer(self, question: str) -> str:
        persona = self.resident.persona
        recalled = self.memories(question, k=8)
        context = "\n".join([
            f"You are {persona.name}. {persona.describe()}",
            f"It is {self.now:%A %H:%M}; you are {self.doing()}.",
            "Earlier today: " + (", ".join(self.done_today(8)) or "nothing yet") + ".",
            "Still planned today: " + (", ".join(self.plans(6)) or "nothing") + ".",
            "Your assistant today: " + self.feeling(),
            "Memories that come to mind:",
            *(f"- {n.created:%H:%M} {n.description}" for n in recalled),
        ])
        messages = [
            {"role": "system", "content": context + "\nAnswer the interviewer in the first person, briefly and "
                                                    "truthfully, from what you remember and plan."},
            {"role": "user", "content": question},
        ]
        text = self.llm_client.chat(messages, name="interview answer", purpose="interview").text
        return f"{persona.first_name}: {text.strip()}"
