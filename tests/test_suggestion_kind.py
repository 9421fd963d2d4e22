"""suggestion_kind: what a sampled answer is (noop, genuine suggestion, meta talk, fragment).

The texts are written for these tests, in the ways a small model goes wrong:
talk about the resident or the assistant, echoes of the prompt's memory,
half sentences, and the cheap texts that would slip through a rule that only
looked for a proposal ("Suggestion: a walk", "She should take a walk.").
"""

from __future__ import annotations

import pytest

from agents.proper_assistant.prompt import read_completion
from agents.proper_assistant.suggestion_kind import KINDS, classify, suggestion_kind

NAMES = ("Nora Quill",)  # a made-up resident

SUGGESTIONS = [
    "Put the kettle on and take five minutes.",                 # imperative to the resident
    "Fancy some jazz while you cook?",                          # a question offer with a scene
    "How about a short walk round the block before dinner?",
    "You could try that new lentil recipe tonight.",
    "Why not ring your brother after lunch?",
    "Maybe a podcast for the drive?",
    "I'd suggest a quick stretch before your next meeting.",    # performative "I'd suggest": advice given
    "I can put on some quiet piano for you.",                   # an offer
    "I'll remind you to water the tomatoes at six.",            # an offer addressed to "you"
    "A cup of chamomile might help you wind down.",             # a thing put forward with a modal
    "Don't forget to drink a glass of water.",
    "Nora, how about a cup of tea?",                            # the name as a greeting, not a third person
    "How about some fresh air on the balcony, Nora?",
    "Sure! Here is a suggestion: grab a glass of water and stretch your legs.",  # lead-ins dropped
    "Assistant: Why not read a chapter of your novel before bed?",              # a role label dropped
    '"Try a few minutes of slow breathing by the window." This fits her calm style.',  # trailing note dropped
    "Good morning! How about porridge with berries today?",     # a greeting dropped
    "Let's bake a loaf of banana bread this afternoon.",
    "As you finish the dishes, put on your favourite album.",
    "The best thing to do now is to rest your eyes for a few minutes.",
]

META = [
    "The resident should take a walk.",                         # third person, with a proposal in it
    "The resident is cooking.",
    "She should take a walk.",
    "They are having breakfast at the table.",
    "Nora is reading in the living room.",                      # named, not addressed
    "Nora's favourite music would suit this moment.",
    "As your assistant, I will suggest a short walk.",
    "As an AI model, I would recommend a walk.",
    "I think I should stay quiet for now.",
    "I will suggest some music when the call ends.",
    "Recent interactions: none",
    "- 09:05 | Nora Quill is reading | suggestion: \"tea?\" | score 3/4",   # an echoed memory line
    "Score 3/4",
    "Now: Saturday 2025-03-01 10:40",                           # an echoed moment line
    "Nora Quill is making toast (at the counter) @ kitchen: toaster",
    "What a thoughtful decision!",
    "No recommendations were made in the last hour, so a walk is fine.",
    "This suggestion fits the timing and preference criteria.",
    "I chose not to make any recommendation yet.",
    "Based on my notes, tea would be good.",
]

FRAGMENTS = [
    "I suggest:",                                # a frame with nothing after it
    "Suggestion: a walk",                        # deployed as "a walk": a bare noun phrase (see the module)
    "a long walk",
    "How about a walk in the",                   # cut off
    "Put on some music and",
    "09:05",                                     # a timestamp
    "Here are some ideas:",                      # a list header
    "You've been at your desk for hours.",       # a remark: nothing proposed
    "It's a lovely morning.",
    "Try it.",                                   # a frame around nothing
    "Enjoy your breakfast!",                     # a well-wish about what they are doing already
    "Keep up the good work!",
    "tea jazz walk calm relax reading nature sleep",   # keywords strung together
    "Prenez une tasse de thé, s'il vous plaît.",       # not English
    'walk(minutes=10)',                          # code
]

NOOPS = [
    "No Recommendation",
    "no recommendation.",
    "**No Recommendation**",
    "Decision: No Recommendation",
    "No Recommendation. She is busy with a call.",
    "   ",
]


@pytest.mark.parametrize("text", SUGGESTIONS)
def test_genuine_suggestions(text):
    assert suggestion_kind(text, NAMES) == "suggestion", classify(text, NAMES)


@pytest.mark.parametrize("text", META)
def test_meta_talk(text):
    assert suggestion_kind(text, NAMES) == "meta", classify(text, NAMES)


@pytest.mark.parametrize("text", FRAGMENTS)
def test_fragments(text):
    assert suggestion_kind(text, NAMES) == "fragment", classify(text, NAMES)


@pytest.mark.parametrize("text", NOOPS)
def test_noops(text):
    assert suggestion_kind(text, NAMES) == "noop"


def test_there_are_enough_cases_of_every_kind():
    assert len(SUGGESTIONS) + len(META) + len(FRAGMENTS) + len(NOOPS) >= 40
    assert KINDS == ("noop", "suggestion", "meta", "fragment")


def test_the_kind_is_of_the_deployed_decision_and_says_why():
    found = classify("Suggestion: a walk")
    assert found.decision == read_completion("Suggestion: a walk") == "a walk"
    assert found.kind == "fragment" and "sentence" in found.why
    found = classify("The resident is cooking. How about some jazz?")
    assert found.decision == "The resident is cooking." and found.kind == "meta" and "resident" in found.why


def test_a_name_is_third_person_only_when_known():
    assert suggestion_kind("Nora should take a walk.", NAMES) == "meta"
    assert suggestion_kind("Nora should take a walk.") == "meta"  # a capitalised subject with "should"
    assert suggestion_kind("Call Nora about the weekend.") == "suggestion"  # someone else's name
    assert suggestion_kind("Call Nora about the weekend.", NAMES) == "meta"


@pytest.mark.parametrize("text", [
    "Assistant: The resident should take a walk.",
    "Sure! The resident is reading.",
    "Here is a suggestion for Nora: take a walk.",   # the lead-in names her: it is not stripped
    "As your assistant, I will suggest a walk. It is a good idea.",
    "**Output:** I think I should stay silent.",
])
def test_reading_a_completion_never_turns_meta_into_a_suggestion(text):
    assert suggestion_kind(text, NAMES) == "meta", classify(text, NAMES)
