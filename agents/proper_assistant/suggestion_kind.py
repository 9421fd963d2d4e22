"""What one sampled answer of the assistant is: a genuine suggestion, or something else.

``suggestion_kind(text)`` reads ``text`` the way the assistant deploys it
(:func:`.prompt.read_completion`: the first sentence, without labels and
lead-ins) and returns one of :data:`KINDS`:

- ``"noop"``: the decision is ``No Recommendation``;
- ``"meta"``: it talks about something other than what the resident could do:
  the assistant itself ("As your assistant, I will...", "I think I should stay
  quiet", "I've been busy on my laptop."), the resident in the third person ("The resident is cooking.", "She
  should take a walk.", the resident's name outside a greeting), a rater or a
  rating, the memory or the prompt (an echoed memory line "- 09:05 | Sofia is
  ... | score 3/4", "Recent interactions: ...", "Now: Thursday ..."), the task
  ("No recommendation needed", "What a thoughtful decision!");
- ``"fragment"``: no complete proposal: cut off ("How about a walk in the"),
  a lead-in with nothing after it ("I suggest:", "Here are some ideas:"), a bare
  noun phrase that offers nothing ("a walk"), a timestamp, a remark or a
  description that proposes nothing ("You've been working for hours."), a
  well-wish ("Enjoy your breakfast!", "Keep it up!"), code
  or data, another language, keyword strings;
- ``"suggestion"``: advice or an offer spoken to the resident that proposes
  something to do, eat, listen to, read...: an imperative ("Put the kettle on
  and take five minutes."), a suggestion frame ("How about...", "You could...",
  "I'd suggest..."), a question offer ("Fancy some jazz while you cook?"), an
  offer ("I can put on some jazz for you."), a thing put forward ("A walk
  might help.").

It is built on the judge's own reading (:func:`propersim_env.evaluation.reading.reading.read`):
what the text proposes, whom it speaks to (its rater and meta talk), its form,
language and whether it reads as a sentence; the checks below add what a
rater of a small model's output also needs: the resident named or referred to
as he/she, the assistant talking about its own decision, echoes of the
prompt's memory and moment lines, words about the task (recommendations,
decisions, interactions, scores), cut-off endings and proposals with nothing
in them. Meta is checked before fragment: "Score 3/4" is talk about a rating
even though it is not a sentence.

Decision on a label: "Suggestion: a walk" is read as the assistant deploys
it, so the label is gone and what is left, "a walk", is a bare noun phrase
that offers nothing: a fragment. (The raw text is meta and fragment at once;
the deployed text is what the resident hears and what the judge rates.)

Limits: the reading has no parser, so the subject of a clause is the word
before its verb; a thing with a capitalised name at the start of a sentence
("Chopin is playing.") may be read as a person; a named third person is known
only through ``names``; nonsense made of well-formed clauses passes as a
suggestion when it proposes something.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from propersim_env.core import NO_RECOMMENDATION
from propersim_env.evaluation.reading.nlp import Token, analyse
from propersim_env.evaluation.reading.proposals import LEAD_INS
from propersim_env.evaluation.reading.reading import Reading, read

from .prompt import read_completion

NOOP, SUGGESTION, META, FRAGMENT = "noop", "suggestion", "meta", "fragment"
KINDS = (NOOP, SUGGESTION, META, FRAGMENT)


@dataclass(frozen=True, slots=True)
class Kind:
    """The kind of an answer, why, and the decision it was read as."""

    kind: str
    why: str
    decision: str


# ---- word classes ----------------------------------------------------------------------------

SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves", "u", "ya", "ur", "y'all"})
FIRST_PERSON = frozenset({"i", "we"})
# Verbs of the assistant's own deciding and talking: "I will suggest a walk", "I'll stay quiet",
# "we decided to wait". Addressed to the resident ("I'll remind you to...") they are an offer.
DECISION_VERBS = frozenset("""suggest recommend advise propose decide choose stay remain wait hold refrain
observe notice note monitor track record log remind tell inform mention say offer consider respond reply
answer nudge prompt interrupt disturb bother leave stop pass skip""".split())
# Modals of an offer after "I" or "we": "I can put some jazz on", "I'll set a timer".
OFFER_MODALS = frozenset({"can", "could", "will", "'ll", "shall", "'d", "would", "might"})
# Verbs of thinking, after which the clause that follows says what is thought ("I think you should...").
THINKING_VERBS = frozenset("think believe feel guess reckon suppose see know understand notice hope".split())
# Words a first-person statement about the assistant opens with: "I'm your assistant", "I am here to help".
SELF_STATEMENTS = frozenset("""here your an a the sorry afraid unable programmed designed built trained just only
not always""".split())
# Words that frame a proposal without saying what it is ("Try it.", "How about that?").
FRAME_LEMMAS = frozenset("""try consider suggest recommend propose how about what maybe perhaps fancy like love want
feel think do be have go get make let thing something anything one it this that idea option way good nice great
lovely time now today tonight tomorrow later soon morning afternoon evening night day week weekend minute hour
moment bit little""".split())
# Tags of a word a complete sentence does not end on: "the", "a", "of", "and", "your", "to", "is".
DANGLING_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART"})
DANGLING_TAGS = frozenset({"PRP$", "WDT", "WP$", "MD", "TO"})
# Forms that are code or data, not speech (read.form's phrases).
NONSENSE_FORMS = ("code", "JSON", "data array", "curly braces", "key-value", "escape sequences", "HTML")

# The task's own vocabulary: the assistant's answer is about recommending, not a recommendation.
TASK_WORDS = re.compile(
    r"\b(?:recommendations?|suggestions?|decisions?|interactions?|ratings?|rated|scores?|scored|evaluations?"
    r"|responses?|outputs?)\b"
    r"|\b(?:my|the|your) (?:memory|memories|notes|prompt|instructions)\b|\bmemory (?:text|log)\b",
    re.IGNORECASE)
# Honest uses of those words: "My suggestion is to...", "just a suggestion", "a five-star rated trail".
TASK_WORD_EXCUSES = re.compile(
    r"^(?:my|one|a|a small|a quick|an easy)\s+(?:suggestion|recommendation)\s*(?:is|would be|:|[-–—])"
    r"|\bjust a (?:suggestion|thought)\b|\b(?:high|top|well|five-star|5-star|highly)[- ]rated\b"
    r"|\byour (?:score|scores|rating)\b",
    re.IGNORECASE)
# Echoes of the prompt: memory lines and headers, the moment's lines, the activity format.
ECHO = re.compile(
    r"\|"                                                          # memory fields "a | b | c"
    r"|\b(?:recent|past|retrieved|previous) interactions\b|\bhour by hour\b|\bhourly summar"
    r"|\b(?:mean )?score\s*(?:of\s*)?\d(?:\.\d)?\s*(?:/\s*\d)?"     # "score 3/4", "mean score 3.0"
    r"|\b\d\s*/\s*4\b"                                              # "3/4"
    r"|^(?:now|time|the resident|resident|memory|your decision|one sentence to them|activity)\s*:"
    r"|\s@\s+\w"                                                    # "... @ kitchen: counter"
    r"|\(on the way to\b|\bno recommendations?\b"
    r"|\b\d+ (?:recommendations?|decisions?) in \d+",
    re.IGNORECASE | re.MULTILINE)
# The assistant named as such: "As your assistant", "an AI helper", "the assistant".
ASSISTANT_ROLE = re.compile(r"\b(?:your|an?|the|this|my)\s+(?:\w+\s+)?(?:assistant|chatbot|ai|bot)\b",
                            re.IGNORECASE)
# Impersonal advice the reading does not take for a proposal: "The best thing to do is to rest."
BEST_THING = re.compile(r"^(?:so,?\s+)?(?:the|a|my)\s+(?:best|better|good|great|nice|ideal|wise)\s+(?:option|idea|plan"
                        r"|choice|move|thing(?:\s+to\s+do)?)\s+(?:now\s+|here\s+|tonight\s+|today\s+)?"
                        r"(?:is|would be|might be|could be)\s+(?:to\s+)?\w+", re.IGNORECASE)
# A well-wish or praise that proposes nothing new: "Enjoy your breakfast!", "Have a great day!", "Keep it up!".
WELL_WISH = re.compile(
    r"^(?:(?:enjoy|good luck with|have fun with)\s+(?:your|the)\s+\w+(?:\s+\w+)?"
    r"|have an?\s+(?:nice|good|great|lovely|wonderful|fantastic|productive)\s+\w+"
    r"|(?:you(?:'re| are)\s+doing\s+(?:great|well|so well|amazing)\W*)?"
    r"keep\s+(?:it\s+up|up\s+the\s+(?:good|great)\s+work)"
    r"|well done|you(?:'ve| have) got this)\W*$", re.IGNORECASE)
TIMESTAMP = re.compile(r"^\W*(?:\w+day\s+)?(?:\d{4}-\d{2}-\d{2}\s*)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\W*$",
                       re.IGNORECASE)


def classify(text: str, names: Iterable[str] = ()) -> Kind:
    """The kind of the answer ``text`` (see the module docstring), with the reason;
    ``names``: the resident's names ("Amara Okafor"), whose mention outside a greeting is
    talk about the resident."""
    decision = read_completion(text)
    if decision == NO_RECOMMENDATION:
        return Kind(NOOP, "the decision is No Recommendation", decision)
    reading = read(decision)
    tokens = analyse(reading.text).tokens
    for check in (_meta, _fragment):
        why = check(decision, reading, tokens, _name_words(names))
        if why:
            return Kind(META if check is _meta else FRAGMENT, why, decision)
    return Kind(SUGGESTION, "proposes " + (", ".join(repr(p.text) for p in reading.proposals) or "an action")
                + " to the resident", decision)


def suggestion_kind(text: str, names: Iterable[str] = ()) -> str:
    """One of :data:`KINDS` for the answer ``text`` (see :func:`classify`)."""
    return classify(text, names).kind


# ---- meta ------------------------------------------------------------------------------------

def _meta(decision: str, reading: Reading, tokens: tuple[Token, ...], names: frozenset[str]) -> str | None:
    if reading.rater:
        return f"speaks to or about a rater, the model or the resident: {reading.rater!r}"
    echo = ECHO.search(decision)
    if echo:
        return f"echoes the prompt or its memory: {echo.group(0).strip()!r}"
    role = ASSISTANT_ROLE.search(decision)
    if role:
        return f"talks about the assistant: {role.group(0)!r}"
    task = TASK_WORDS.search(decision)
    if task and not TASK_WORD_EXCUSES.search(decision):
        return f"talks about the task: {task.group(0)!r}"
    named = _named(tokens, names)
    if named:
        return f"names the resident in the third person: {named!r}"
    words = [t for t in tokens if t.is_word]
    addressed = any(t.lower in SECOND_PERSON for t in words)
    third = _third_person(tokens, addressed, reading)
    if third:
        return third
    return _self_talk(tokens) or _self_narration(tokens)


def _name_words(names: Iterable[str]) -> frozenset[str]:
    out = set()
    for name in names:
        out.add(name.lower())
        out.update(w.lower() for w in name.split() if len(w) > 1)
    return frozenset(out)


def _named(tokens: tuple[Token, ...], names: frozenset[str]) -> str | None:
    """A name of the resident used other than to address them ("Amara, ...", "..., Amara!")."""
    if not names:
        return None
    for i, t in enumerate(tokens):
        if t.lower not in names:
            continue
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].lower in names:
            j += 1
        before = tokens[i - 1].lower if i > 0 else ""
        after = tokens[j + 1].text if j + 1 < len(tokens) else ""
        first_of_sentence = i == 0 or tokens[i - 1].sent != t.sent
        greeting = before in ("hi", "hey", "hello", "morning", "evening", "afternoon", "dear", "oh")
        vocative = (first_of_sentence or greeting or before == ",") and after in (",", "!", "?", ".", "")
        if not vocative or after == "'s":
            return " ".join(x.text for x in tokens[i:j + 2 if after == "'s" else j + 1])
    return None


def _sentence_start(tokens: tuple[Token, ...], i: int) -> int:
    while i > 0 and tokens[i - 1].sent == tokens[i].sent:
        i -= 1
    return i


def _opening(tokens: tuple[Token, ...], start: int) -> int:
    """The first token of a sentence after its lead-ins ("So, maybe ...")."""
    i = start
    while i < len(tokens) and (tokens[i].lower in LEAD_INS or not tokens[i].is_word) and tokens[i].sent == \
            tokens[start].sent:
        i += 1
    return i


def _third_person(tokens: tuple[Token, ...], addressed: bool, reading: Reading) -> str | None:
    """The resident (or anyone) narrated in the third person, with nothing said to "you":
    "She should take a walk.", "They are having breakfast.", "Amara is cooking."."""
    if addressed:
        return None
    for i, t in enumerate(tokens):
        if t.lower in ("he", "she") and t.tag == "PRP":
            return f"narrates in the third person: {t.text!r}"
    starts = [i for i, t in enumerate(tokens) if i == 0 or tokens[i - 1].sent != t.sent]
    for s in starts:
        i = _opening(tokens, s)
        if i >= len(tokens):
            continue
        t = tokens[i]
        if t.lower in ("they", "their", "his", "her"):
            return f"narrates in the third person: {t.text!r}"
        if t.pos == "PROPN":
            j = i
            while j + 1 < len(tokens) and tokens[j + 1].pos == "PROPN":
                j += 1
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is None:
                continue
            advice = nxt.lower in ("should", "must", "needs", "wants", "ought")  # "Amara should take a walk."
            after = tokens[j + 2] if j + 2 < len(tokens) else None
            narration = not reading.proposing and (  # "Amara is cooking.", "Amara likes jazz."
                nxt.lemma == "be" and after is not None and after.tag == "VBG"
                or nxt.lower in ("likes", "loves", "prefers", "enjoys", "feels", "seems", "looks", "hates"))
            if advice or narration:
                return f"narrates in the third person: {' '.join(x.text for x in tokens[i:j + 2])!r}"
    return None


def _self_talk(tokens: tuple[Token, ...]) -> str | None:
    """The assistant talking about itself or its own decision: "I will suggest a walk",
    "I think I should stay quiet", "I'm your helper"; an offer or advice to "you" is not
    ("I can put on some jazz for you", "I'll remind you to stretch", "I think you should rest")."""
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.lower not in FIRST_PERSON or t.pos != "PRON":
            continue
        j = i + 1
        if j < n and t.lower == "i" and tokens[j].lower in ("am", "'m") and j + 1 < n \
                and tokens[j + 1].lower in SELF_STATEMENTS:
            return f"talks about the assistant: {' '.join(x.text for x in tokens[i:j + 2])!r}"
        # the main verb of the clause: skip auxiliaries, modals, adverbs, "going to", "not"
        while j < n and tokens[j].sent == t.sent and (
                tokens[j].pos in ("AUX", "ADV", "PART") or tokens[j].tag == "MD"
                or tokens[j].lower in ("going", "gonna", "to", "just", "'ll", "'d", "'m", "'ve")):
            j += 1
        if j >= n or tokens[j].sent != t.sent or tokens[j].pos != "VERB":
            continue
        verb = tokens[j]
        nxt = tokens[j + 1].lower if j + 1 < n else ""
        between = [x.lower for x in tokens[i + 1:j]]
        obliged = any(w in ("should", "must", "ought") for w in between) or any(
            w in ("need", "needs", "have", "has", "got") and k + 1 < len(between) and between[k + 1] == "to"
            for k, w in enumerate(between))
        if obliged and t.lower == "i" and verb.lemma not in THINKING_VERBS:  # "we should bake bread" offers
            return f"talks about what the assistant should do: {' '.join(x.text for x in tokens[i:j + 1])!r}"
        if verb.lemma in THINKING_VERBS:
            continue  # what follows is its own clause: "I think you should ..." / "I think I should stay"
        if verb.lemma in DECISION_VERBS and nxt not in SECOND_PERSON and not _performative(tokens, i, j):
            return f"talks about the assistant's decision: {' '.join(x.text for x in tokens[i:j + 1])!r}"
    return None


def _self_narration(tokens: tuple[Token, ...]) -> str | None:
    """The speaker telling about itself, as if the assistant were a person with a day of its own:
    "I've been working on my laptop.", "I'm not in the mood for tea.", "My wife cooks.",
    "The next day I'll be having a party." An offer ("I can ...", "I'll put ..."), advice given
    ("I suggest ...") and a thought about the resident ("I think you ...", "I hope you ...") are not."""
    i = _opening(tokens, 0)
    if i < len(tokens) and tokens[i].sent == 0 and tokens[i].lower in ("my", "our") and tokens[i].pos == "PRON":
        return f"talks about the speaker itself: {tokens[i].text!r}"
    if _offer(tokens):
        return None
    for i, t in enumerate(tokens):
        if t.lower not in FIRST_PERSON or t.pos != "PRON":
            continue
        words = [x for x in tokens[i + 1:] if x.sent == t.sent and x.is_word][:5]
        if any(x.lower in SECOND_PERSON for x in words[:4]):
            continue  # "I think you'd enjoy ...", "I hope you ...", "I'd love you to ..."
        verb = next((x for x in words if x.pos == "VERB"), None)
        if verb is not None and verb.lemma in ("suggest", "recommend", "propose", "advise"):
            continue  # performative, or already judged by _self_talk
        return f"talks about the speaker itself: {' '.join(x.text for x in tokens[i:i + 3])!r}"
    return None


def _performative(tokens: tuple[Token, ...], i: int, j: int) -> bool:
    """ "I suggest ...", "I'd recommend ...", "I would suggest ...": advice given, not announced."""
    between = [t.lower for t in tokens[i + 1:j]]
    return tokens[j].lemma in ("suggest", "recommend", "propose", "advise") and tokens[j].tag in ("VBP", "VB") \
        and between in ([], ["'d"], ["would"], ["'d", "really"], ["would", "really"], ["really"], ["strongly"])


# ---- fragment --------------------------------------------------------------------------------

def _fragment(decision: str, reading: Reading, tokens: tuple[Token, ...], names: frozenset[str]) -> str | None:
    if TIMESTAMP.match(decision):
        return "a timestamp"
    if reading.language:
        return f"not English: {reading.language}"
    if reading.form and any(f in reading.form for f in NONSENSE_FORMS):
        return f"code or data: {reading.form}"
    words = [t for t in tokens if t.is_word]
    if not words:
        return "no words"
    stripped = decision.rstrip()
    if stripped.endswith((":", ",", ";", "-", "–", "—", "(")):
        return f"announces or starts something it does not say: ends with {stripped[-1]!r}"
    if stripped[-1:] not in ".!?…\"')”’" and _dangling(words[-1]):
        return f"cut off after {words[-1].text!r}"
    question_offer = stripped.endswith("?") and bool(reading.proposals)
    if reading.sentence and not (question_offer and "words, not a sentence" in reading.sentence):
        return f"not a sentence: {reading.sentence}"
    if WELL_WISH.match(decision):
        return "a well-wish or praise, not a proposal"
    if not reading.proposing and not _offer(tokens) and not BEST_THING.search(decision):
        return "proposes nothing (a remark or a description)"
    if not reading.proposals and not any(t.pos == "VERB" for t in words):
        return "a verbless phrase that names nothing known"
    if not reading.proposals and not any(t.pos in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
                                         and t.lemma not in FRAME_LEMMAS and t.lower not in FRAME_LEMMAS
                                         for t in words):
        return "proposes nothing in particular"
    return None


def _offer(tokens: tuple[Token, ...]) -> bool:
    """An offer of the assistant's: "I'll put some jazz on", "I can set a timer for you",
    "We could bake bread together", "I'll remind you to stretch" (a first-person subject,
    a modal of offering and a verb; :func:`_self_talk` has already ruled out its own decisions)."""
    for i, t in enumerate(tokens[:-2]):
        if t.lower not in FIRST_PERSON or t.pos != "PRON":
            continue
        if _opening(tokens, _sentence_start(tokens, i)) != i and tokens[i - 1].lower != ",":
            continue  # "Why would I eat this, when I could eat ...": not the clause that offers
        modal = tokens[i + 1].lower
        if modal in OFFER_MODALS or (t.lower, modal) == ("we", "should"):  # "we should bake bread" too
            j = i + 2
            while j < len(tokens) and tokens[j].pos == "ADV":
                j += 1
            if j < len(tokens) and tokens[j].pos == "VERB" and tokens[j].tag == "VB" \
                    and tokens[j].lemma not in ("be", "have", "like", "love"):
                if tokens[j].lemma not in DECISION_VERBS:
                    return True
                # "I'll remind you to stretch" offers the stretch; "I'll tell you that ..." offers nothing
                if j + 2 < len(tokens) and tokens[j + 1].lower in SECOND_PERSON and tokens[j + 2].lower == "to":
                    return True
        if modal in ("am", "'m") and i + 3 < len(tokens) and tokens[i + 2].lower in ("happy", "glad", "ready") \
                and tokens[i + 3].lower == "to" and any(x.lower in SECOND_PERSON for x in tokens if x.sent == t.sent):
            return True  # "I'm happy to put some music on for you"; not "I'm ready to celebrate!"
    return False


def _dangling(token: Token) -> bool:
    """Whether a text cannot end on this word (it was cut off): an article, a preposition, a
    conjunction, an auxiliary, a possessive, "to"."""
    return token.tag != "RP" and (token.pos in DANGLING_POS or token.tag in DANGLING_TAGS)
