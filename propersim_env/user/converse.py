"""Conversations between residents who meet, as Generative Agents' *converse*.

When two residents of a household meet (awake, free, in the same room, within
a few tiles: see :class:`MeetingRules`), a :class:`Converser` may have them
talk. The conversation becomes a ``chat`` node in both residents' memories,
citing the other by name, the topic and the words said.

The embedded :class:`ScriptedConverser` writes a short exchange of four lines
from templates: a greeting, what each is doing, a topic (one both like when
there is one, otherwise one the speaker likes) and the listener's reaction,
which follows its own likes and dislikes. An LLM converser implements the
same ``converse`` method.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

import numpy as np

from ..personas import activities, topics
from .memory import keywords_of

if TYPE_CHECKING:
    from .resident import Resident

CHAT_IMPORTANCE = 5
"""How memorable a conversation is (1-10): more than a routine moment."""


@dataclass(frozen=True)
class MeetingRules:
    """When two residents can talk.

    Both are awake and not busy with a category in ``busy_categories``, stand
    in the same room within ``radius`` tiles (straight-line, as perception),
    and have not talked to each other in the last ``cooldown_minutes``.
    """

    radius: int = 4
    cooldown_minutes: int = 120
    busy_categories: frozenset[str] = frozenset({"sleep", "hygiene", "work", "mindfulness"})

    def __post_init__(self):
        if self.radius < 0:
            raise ValueError(f"radius must be at least 0, got {self.radius}")
        if self.cooldown_minutes < 0:
            raise ValueError(f"cooldown_minutes must be at least 0, got {self.cooldown_minutes}")


@dataclass(frozen=True)
class Conversation:
    """A short exchange between two residents; ``lines`` are (speaker name, words)."""

    time: datetime
    participants: tuple[str, str]  # the one who spoke first, then the other
    topic: str  # a topic id of personas/data/topics.toml
    room: str
    lines: tuple[tuple[str, str], ...]

    @property
    def topic_label(self) -> str:
        return topics()[self.topic].label

    def transcript(self) -> str:
        """``Sofia: "..." / Tomas: "..."``, first names only."""
        return " / ".join(f'{who.split()[0]}: "{words}"' for who, words in self.lines)

    def to_dict(self) -> dict:
        return {"time": self.time.isoformat(), "participants": list(self.participants), "topic": self.topic,
                "room": self.room, "lines": [list(line) for line in self.lines]}


class Converser(Protocol):
    """Decides whether two residents who meet talk, and what they say."""

    def converse(self, first: Resident, second: Resident, room: str, now: datetime,
                 rng: np.random.Generator) -> Conversation | None: ...


class ScriptedConverser:
    """Template conversations; two residents who meet talk with probability ``chance``."""

    def __init__(self, chance: float = 0.5):
        if not 0.0 <= chance <= 1.0:
            raise ValueError(f"chance must be in [0, 1], got {chance}")
        self.chance = chance

    def converse(self, first: Resident, second: Resident, room: str, now: datetime,
                 rng: np.random.Generator) -> Conversation | None:
        if rng.random() >= self.chance:
            return None
        a, b = first.persona, second.persona
        topic = _pick_topic(first, second, rng)
        label = topics()[topic].label
        greeting = "Morning" if now.hour < 12 else ("Hi" if now.hour < 18 else "Evening")
        doing_a = activities()[first.state.activity].description
        doing_b = activities()[second.state.activity].description
        b_likes = topic in b.preferences.liked_topics
        b_dislikes = topic in b.preferences.disliked_topics
        opener = _choose(rng, (f"{greeting}, {b.first_name}. What are you up to?",
                               f"{greeting}, {b.first_name}! How is your day going?"))
        answer = _choose(rng, (f"Just {doing_b}. And you?", f"Oh, {doing_b} for now. You?"))
        topic_line = _choose(rng, (f"{doing_a.capitalize()}. I keep thinking about {label} lately.",
                                   f"{doing_a.capitalize()}. Have you been into {label} at all?"))
        if b_likes:
            when = "over dinner" if now.hour < 17 else "tomorrow"
            reaction = f"I love {label} too. Let's talk more about it {when}."
        elif b_dislikes:
            reaction = f"Hm, {label} is not really my thing, but I'm glad you enjoy it."
        else:
            reaction = f"Not much, but tell me more about {label} some time."
        lines = ((a.name, opener), (b.name, answer), (a.name, topic_line), (b.name, reaction))
        return Conversation(now, (a.name, b.name), topic, room, lines)


def _choose(rng: np.random.Generator, options: tuple[str, ...]) -> str:
    return options[int(rng.integers(len(options)))]


def _pick_topic(first: Resident, second: Resident, rng: np.random.Generator) -> str:
    """A topic both like; else one the first speaker likes that its activity is about; else any it likes."""
    liked = first.persona.preferences.liked_topics
    shared = [t for t in liked if t in second.persona.preferences.liked_topics]
    about = [t for t in liked if t in activities()[first.state.activity].topics]
    options = shared or about or list(liked)
    return options[int(rng.integers(len(options)))]


def remember(conversation: Conversation, residents: dict[str, Resident]) -> None:
    """Write the conversation into each participant's memory as a ``chat`` node
    (subject: the participant, predicate ``"chat with"``, object: the other)."""
    first, second = conversation.participants
    for me, other in ((first, second), (second, first)):
        description = (f"{me} chatted with {other} about {conversation.topic_label}: "
                       f"{conversation.transcript()}")
        keywords = keywords_of(me, "chat", other, conversation.topic_label)  # found by the other's name or the topic
        residents[me].memory.add("chat", conversation.time, me, "chat with", other, description, CHAT_IMPORTANCE,
                                 keywords)
