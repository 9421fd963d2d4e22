"""What a suggestion puts forward: proposals, as distinct from mentions, negations
and discouragements; how many distinct things it proposes; what it takes for
granted about the moment.

The reading works sentence by sentence over tagged tokens (no parser), with a
*stance* that each marker sets for what follows:

- **proposing**: an imperative ("Brew a pot of tea", "water the ferns"), a
  suggestion frame ("how about", "why not", "you could", "time for", "fancy",
  "I'd suggest", "have you tried"), a noun phrase offered as a question
  ("A cup of tea?"), or a suggestion predicate after its subject ("a walk might
  help", "some jazz would be lovely");
- **discouraging**: a negated or dismissive frame ("don't", "never", "no need
  to", "skip", "avoid", "forget about", "instead of", "rather than", "no more")
  or predicate after its subject ("the news can wait", "baking is not worth
  your time"). Two negations cancel: "don't skip your walk" proposes the walk;
- **context**: a clause that says when or while ("while you cook", "as you
  finish", "after dinner", "once you're done"): what it names is a claim about
  the moment, not a proposal;
- nothing: a description ("Purple tea is dancing on the ceiling", "the garden
  looks lovely") proposes nothing.

A comma, "and", "or", "then", "but", "so" or "plus" starts a new *item*; an
item that opens with its own marker changes the stance, otherwise it continues
the list ("skip the news, the gossip and the scrolling"). Topic keywords (see
:mod:`.topics`) found under a proposing stance are proposals; under a
discouraging one, discouraged. Items of a proposal that share a topic are one
proposal (*group*); the number of groups is the text's focus.

**Vague proposals.** A proposing item whose only object is an indefinite
placeholder ("something", "anything", "stuff", "a thing", "whatever", "an
activity") and that names no concrete act proposes nothing: "how about
something for the bathroom", "maybe do some stuff in the kitchen", "what about
doing whatever you like". What the placeholder takes does not fill it in: a
word that qualifies it ("something relaxing", "something new"), a place, time
or person ("in the kitchen", "for the evening", "with a friend"), what it is
for or with ("something for the garden", "do something with your
sketchbook"), the kind of thing it is ("a music thing", "some garden stuff"),
and light verbs of doing, having, wanting and liking ("do", "try", "get",
"like", "fancy"). A concrete word does: a verb of an act ("something warm to
*drink*", "something to *read*", "*put on* something upbeat"), a noun of a
thing ("something from the *jazz* shelf", "make something with the
*apples*"), a dish ("something *sweet*", "something light for *lunch*"), or an
example in the next item ("do something relaxing, *like a short walk*", "try
something new: *a Korean recipe*"). A vague item is no proposal; a text whose
proposals are all vague proposes nothing concrete
(:attr:`ProposalReading.vague`).

Limits: without a parser, a long sentence with nested clauses may be read
item by item; a proposal with no topic keyword is a proposal of no known topic;
sarcasm and irony are read literally.
"""

from __future__ import annotations

from dataclasses import dataclass

from .nlp import Analysis, Token, english_verbs
from .topics import LemmaIndex, Match

PROPOSING, DISCOURAGING, CONTEXT, NONE = "+", "-", "context", None


_STEMS = {"wo": "will", "ca": "can", "sha": "shall"}  # the tagger splits "won't" into "wo" + "n't"


def _phrase_words(text: str) -> tuple[str, ...]:
    """A marker phrase split the way the tagger splits text: "don't" -> do not, "let's" -> let 's."""
    out: list[str] = []
    for word in text.split():
        if word.endswith("n't"):
            stem = word[:-3]
            out += [_STEMS.get(stem, stem), "not"]
        elif word in ("dont", "cant", "wont", "didnt", "doesnt", "isnt"):
            out += [{"dont": "do", "cant": "can", "wont": "will", "didnt": "did", "doesnt": "does",
                     "isnt": "is"}[word], "not"]
        elif "'" in word and not word.startswith("'"):
            head, tail = word.split("'", 1)
            out += [head, "'" + tail]
        else:
            out.append(word)
    return tuple(out)


class _Phrases:
    """Marker phrases as word tuples, indexed by their first word, longest first."""

    __slots__ = ("all", "by_first")

    def __init__(self, texts):
        self.all = frozenset(_phrase_words(t) for t in texts)
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(self.all, key=len, reverse=True):
            by_first.setdefault(phrase[0], []).append(phrase)
        self.by_first = {w: tuple(ps) for w, ps in by_first.items()}


def _phrases(*texts: str) -> _Phrases:
    return _Phrases(texts)


# Words that may open a sentence or item before its real start: discourse particles,
# politeness, softeners and time adverbs ("So, maybe...", "Tonight, try...").
LEAD_INS = frozenset("""
so well ok okay hey oh now then and also plus please just quickly gently simply perhaps maybe possibly
today tonight tomorrow later soon first next finally meanwhile alright right sure yes honestly
""".split())

# Frames that put forward what follows.
PROPOSING_FRAMES = _phrases(
    "how about", "what about", "why not", "why don't you", "why dont you", "maybe", "perhaps", "possibly",
    "try", "consider", "let's", "let us", "lets", "you could", "you might", "you may", "you can",
    "you should", "you'd", "you would", "you could always", "could you", "would you like", "would you like to",
    "do you want to", "do you fancy", "fancy", "fancy a", "feel like", "in the mood for", "up for", "care for",
    "time for", "time to", "it's time for", "it's time to", "its time to", "a good time to", "a good time for",
    "a good moment to", "a good moment for", "the perfect time to", "the perfect time for", "now's a good time to",
    "now is a good time to", "now is a nice time to", "it might be nice to", "it could be nice to",
    "it would be nice to", "it may help to", "it might help to", "it could help to", "it's worth", "worth a try",
    "how would you feel about", "have you tried", "have you thought about", "have you considered", "ever tried",
    "i suggest", "i'd suggest", "i would suggest", "i recommend", "i'd recommend", "i would recommend",
    "my suggestion is", "one idea is", "an idea", "here's an idea", "here is an idea", "treat yourself to",
    "go ahead and", "don't forget to", "do not forget to", "remember to", "make sure to", "be sure to",
    "you might enjoy", "you might like", "you'd enjoy", "you would enjoy", "you may enjoy", "you might want to",
    "you may want to", "you could try", "how does", "what do you say to", "what would you say to",
    "could be a good time to", "nice evening for", "nice day for", "lovely evening for", "lovely day for",
    "a nice afternoon for", "perfect weather for", "great weather for",
)

# Frames that discourage what follows (each one negation).
DISCOURAGING_FRAMES = _phrases(
    "don't", "do not", "dont", "never", "no need to", "no point in", "no point", "there's no need to",
    "avoid", "skip", "stop", "quit", "cut out", "forget", "forget about", "give up", "drop", "ditch", "cancel",
    "postpone", "put off", "hold off on", "hold off", "ignore", "neglect", "shelve", "scrap", "abandon",
    "cut back on", "cut down on", "ease off", "ease off on", "go easy on", "stay off", "keep off", "lay off",
    "steer clear of", "stay away from", "resist",
    "refrain from", "instead of", "rather than", "no more", "enough", "not", "without", "don't bother with",
    "do not bother with", "don't bother", "leave out", "pass on", "say no to", "not now", "not today",
    "you shouldn't", "you should not", "you don't need to", "you do not need to", "you needn't",
    "there's no time for", "no time for", "it's too late for", "too late for", "better not", "you'd better not",
    "no", "nothing like",
)

# Predicates after a subject that put it forward ("a walk might help") ...
PROPOSING_PREDICATES = _phrases(
    "might help", "could help", "may help", "would help", "will help", "helps", "might be nice",
    "could be nice", "would be nice", "would be lovely", "might be lovely", "could be lovely", "could be fun",
    "might be fun", "would be fun", "is a good idea", "is a great idea", "is a nice idea", "might do you good",
    "would do you good", "could do you good",
    "is worth a try", "is worth it", "would hit the spot", "might hit the spot", "could be just the thing",
    "might be just the thing", "would be just the thing", "is just the thing", "is calling", "awaits",
    "might suit you", "would suit you", "could suit you", "is perfect for", "would be perfect", "might be perfect",
    "could be perfect", "is a nice way to", "is a good way to", "is a great way to", "might be a nice way to",
    "could be a nice way to", "would be a nice way to", "might be worth", "could be worth", "would be worth",
    "is waiting", "is ready for you", "is an option", "is a nice option", "is a good option", "is on tonight",
    "is worth a look", "is worth a listen", "is worth a read",
)
# ... or discourage it ("the news can wait").
DISCOURAGING_PREDICATES = _phrases(
    "can wait", "could wait", "will keep", "is not worth", "isn't worth", "is not worth it", "is a waste",
    "is a waste of time", "is pointless", "is overrated", "is not a good idea", "isn't a good idea",
    "is a bad idea", "won't help", "will not help", "doesn't help", "does not help", "is not for you",
    "isn't for you", "is boring", "is dull", "is useless", "can be skipped", "should be skipped",
    "should wait", "is not necessary", "isn't necessary", "not worth", "not today", "not now",
    "is not the time for", "is not the night for", "is not the day for", "is not the moment for",
    "not the time for", "not the night for", "not the day for", "not the moment for",
)

# "A lovely evening for a stroll", "a good time to water the ferns": a pleasant moment offered for something
NICE_WORDS = frozenset("""good nice lovely perfect great fine beautiful ideal grand glorious gorgeous
wonderful excellent cosy cozy quiet calm peaceful""".split())
MOMENT_WORDS = frozenset("""time moment evening morning afternoon night day weather hour minute chance
opportunity spot occasion""".split())

# "Leave the records alone", "put the sketchbook away", "give the knitting a miss": a verb
# and, a few words on, what sets the thing aside
DISMISS_VERBS = frozenset("leave put give turn switch keep set lay close shut pack let".split())
DISMISS_ENDINGS = _phrases("alone", "away", "aside", "down", "off", "untouched", "a miss", "a rest",
                           "a break", "be", "for now", "for later", "where it is", "where they are",
                           "as it is", "as they are", "on the shelf", "closed", "shut", "for another day",
                           "for tomorrow", "until tomorrow", "for good", "sit", "wait", "slide", "lie")
DROP_IN = frozenset("line note text message card email by in round over off".split())
SWAP_WORDS = frozenset("instead rather swap replace switch trade substitute exchange".split())

# Words that carry the content of a proposal, and the ones too common to tell proposals apart
CONTENT_CLASSES = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
GENERIC_WORDS = frozenset("""
try put have make take get go give let do be keep start time minute moment hour tonight today tomorrow
evening morning afternoon night day week weekend now later soon nice good great lovely little bit few
quick short new thing something way some one enjoy maybe perhaps fancy like want need feel sound look
suit fit help round lot right next last first else while bring pick find see use set
""".split())

# Short endings that take back what came before: "baking sounds lovely, but not today"
TAKE_BACKS = _phrases("not today", "not now", "not tonight", "not yet", "maybe not", "or not", "maybe later",
                      "some other time", "another time", "another day", "or maybe not", "maybe do not",
                      "or maybe do not", "do not", "or do not", "never mind", "forget it", "not really")

# Clause openers whose clause sets the scene rather than proposing ("while you cook").
CONTEXT_OPENERS = frozenset("while as since when whenever once after before until during".split())
CONTEXT_PHRASES = _phrases("now that", "now you're", "seeing as", "given that", "so that", "in order to")
PRESENT_OPENERS = frozenset({"while", "as", "since", "now", "during", "seeing", "given"})
# Openers that set the scene only when a clause with a subject follows ("as you cook", not "as well")
CLAUSE_ONLY_OPENERS = frozenset({"as", "once", "when", "whenever", "since"})
# Discouraging frames whose scope is their own item: "instead of X, read" proposes reading
ITEM_SCOPED = frozenset({"instead", "rather", "without"})

# Words that start a new item of a list or a new clause.
ITEM_BOUNDARIES = frozenset({",", "and", "or", "then", "but", "so", "plus", "&", "/", "nor", "also", "yet",
                             "instead", "otherwise", "–", "—", "-", "(", ")"})
STANCE_RESETS = frozenset({"but", "instead", "otherwise", "yet"})  # end a negation's scope
NEGATIONS = frozenset({"not", "n't", "never", "no", "nothing", "without"})

# Verbs commonly used as imperatives in suggestions, for when the tagger reads a
# sentence-initial imperative as a noun ("Skip", "Water", "Brew").
IMPERATIVE_VERBS = frozenset("""
take make have get go grab try put give brew pour sip drink eat cook bake whip knead stir water plant prune
repot tend pick read listen play watch call ring phone text message write jot pen sketch draw paint doodle
journal note stretch breathe walk stroll step head hop sit lie rest nap relax unwind meditate pause light open
tidy clear sort fold wipe dust vacuum hoover declutter organise organize arrange rearrange fix repair mend sew
knit crochet stitch start begin finish continue plan schedule book treat enjoy savour savor spend explore
check look find choose join visit invite ask tell share send catch queue stream tune switch turn set leave
keep bring carry swap skip avoid stop forget drop ditch cancel postpone quit resist use learn practise
practice review study research dig browse flip sing hum dance jog run cycle ride swim lift hike climb wander
roam ramble amble celebrate reward pamper soak bathe shower warm chill cool snack nibble munch order fetch
prepare prep boil toast fry roast grill steam simmer chop slice blend fill refill snap photograph capture
frame hang display decorate craft build assemble mould sculpt trace colour color reflect imagine picture
remember consider think list count record log track wrap cosy curl settle stay donate recycle compost upcycle
thrift unplug disconnect silence mute
""".split())
OBJECT_STARTS = frozenset("""the a an your some that this those these my his her their its it them
yourself up out on off down in over away back around through into""".split())
SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "it", "we", "they", "this", "that", "there", "these", "those"})
YOU = frozenset({"you", "u", "ya", "yourself"})
MODALS_OF_SUGGESTION = frozenset({"could", "might", "may", "can", "should", "'d", "would", "ought"})


@dataclass(frozen=True, slots=True)
class Proposal:
    """One thing put forward (or discouraged): its words, topics, the topic keywords found
    in it, and its content words' lemmas (what tells one proposal from another)."""

    text: str
    topics: frozenset[str]
    lemmas: frozenset[str]
    content: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Scene:
    """A scene-setting clause: its opening word ("while", "after"), its words and the topics it names."""

    opener: str
    text: str
    topics: frozenset[str]

    @property
    def present(self) -> bool:
        """Whether it describes the moment itself ("while you cook"), not a time before or after."""
        return self.opener in PRESENT_OPENERS


@dataclass(frozen=True, slots=True)
class ProposalReading:
    proposals: tuple[Proposal, ...]    # put forward, one per item with a topic
    discouraged: tuple[Proposal, ...]  # negated or discouraged
    scenes: tuple[Scene, ...]          # scene-setting clauses ("while you sketch", "after lunch")
    groups: int                        # distinct things proposed (items sharing a topic are one)
    actions: int                       # proposing items with their own verb: separate things to do
    proposing: bool                    # whether any item proposes (with or without a known topic)
    contradiction: str | None          # words both proposed and discouraged
    keywords: tuple[Match, ...]        # every topic keyword found, whatever its stance
    vague: str | None = None           # a placeholder proposal, when nothing concrete is proposed


@dataclass
class _Item:
    stance: object
    start: int
    end: int
    topics: set
    lemmas: set
    opened: bool = False  # it opens with its own marker or imperative (an action, not a list entry)


def _starts_with(tokens: tuple[Token, ...], i: int, end: int, phrases: _Phrases) -> int:
    """Length (in tokens) of the longest phrase of ``phrases`` starting at ``i``, else 0."""
    if i >= end:
        return 0
    for phrase in phrases.by_first.get(_word(tokens[i]), ()):
        k = len(phrase)
        if i + k <= end and all(_word(tokens[i + j]) == phrase[j] for j in range(1, k)):
            return k
    return 0


def _word(t: Token) -> str:
    """The token as a marker word: "n't", "nt" and "not" alike, "wo" (of "won't") as "will"."""
    low = t.lower.replace("’", "'")
    if low in ("n't", "nt"):
        return "not"
    return _STEMS.get(low, low)


def _is_imperative(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether an item opens with an imperative: a verb in its base form, not the subject of a
    verb that follows ("Books have pages", "Purple tea is dancing")."""
    t = tokens[i]
    if t.lower in YOU or t.lower in SUBJECT_PRONOUNS:
        return False
    for nxt in tokens[i + 1:i + 4]:
        if not nxt.is_word:
            break
        if nxt.tag in ("VBZ", "VBP", "VBD", "MD") or (nxt.pos == "AUX" and nxt.lower != "be"):
            return False  # a subject: its verb follows
    if t.tag == "VB" or (t.lower in IMPERATIVE_VERBS and t.lower == t.lemma):
        return True  # "put", "read", "set": the tagger may call them past forms after a comma
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if t.tag == "VBN" and t.lower == t.lemma and nxt is not None and nxt.lower in OBJECT_STARTS:
        return True  # "Cast on a few rows", "Set out the board": an irregular verb read as a participle
    if t.tag in ("NNS", "NNPS", "VBG", "VBN", "VBZ"):
        return False
    # the tagger often reads an opening imperative as a noun ("Skip", "Coil"): any verb the
    # lemmatizer knows opens an imperative when its object or particle follows ("Repot the
    # spider plant"), not as the last noun of a list ("flowers and soil.")
    return t.lower in english_verbs() and nxt is not None and (
        nxt.lower in OBJECT_STARTS or nxt.pos in ("NOUN", "PROPN", "ADJ", "NUM"))


def _nice_moment(tokens: tuple[Token, ...], i: int, end: int) -> int:
    """Tokens of a "good time for" / "lovely evening to" frame starting at ``i``, else 0."""
    j = i
    while j < end and tokens[j].lower in ("a", "the", "such", "what", "really", "very", "so", "pretty", "just"):
        j += 1
    if j + 1 < end and tokens[j].lower in NICE_WORDS:
        k = j + 1
        if k < end and tokens[k].lower in NICE_WORDS:  # "a nice quiet evening for"
            k += 1
        if k + 1 < end and tokens[k].lemma in MOMENT_WORDS and tokens[k + 1].lower in ("for", "to"):
            return k + 2 - i
    return 0


def _opening(tokens: tuple[Token, ...], i: int, end: int) -> tuple[object, int]:
    """The stance an item opening at token ``i`` sets, and how many tokens its marker takes."""
    while i < end and (_word(tokens[i]) in LEAD_INS or tokens[i].pos == "PUNCT") and not _starts_with(
            tokens, i, end, PROPOSING_FRAMES) and not _starts_with(tokens, i, end, CONTEXT_PHRASES):
        i += 1
    if i >= end:
        return NONE, 0
    start = i
    k = _starts_with(tokens, i, end, DISCOURAGING_FRAMES)
    if k and _word(tokens[i]) == "drop" and any(_word(t) in DROP_IN for t in tokens[i + 1:min(end, i + 5)]):
        k = 0  # "drop your neighbour a note", "drop by", "drop in on a friend": going to, not giving up
    if k and not _starts_with(tokens, i, end, PROPOSING_FRAMES):
        # a discouraging frame followed by another negation cancels ("don't skip", "never stop")
        j = i + k
        if j < end and (_starts_with(tokens, j, end, DISCOURAGING_FRAMES) or _word(tokens[j]) in NEGATIONS):
            return PROPOSING, j - start + 1
        return DISCOURAGING, j - start
    k = _starts_with(tokens, i, end, PROPOSING_FRAMES)
    if k:
        j = i + k
        while j < end and tokens[j].tag in ("RB", "RBR") and _word(tokens[j]) not in NEGATIONS:
            j += 1  # "you can safely ignore the laundry"
        k2 = _starts_with(tokens, j, end, DISCOURAGING_FRAMES) if j < end else 0
        if k2 and _word(tokens[j]) != "no":  # "why not skip the news" discourages the news
            return DISCOURAGING, j + k2 - start
        return PROPOSING, j - start
    if _context_opener(tokens, i, end):
        return CONTEXT, 1
    if _is_imperative(tokens, i):
        return PROPOSING, 0
    if tokens[i].lower in YOU and i + 1 < end and (
            tokens[i + 1].lower in MODALS_OF_SUGGESTION or tokens[i + 1].tag == "MD"):
        return PROPOSING, 2
    return NONE, 0


def _is_boundary(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether token ``i`` separates items: a list comma or conjunction, a spaced dash, a bracket."""
    t = tokens[i]
    word = _word(t)
    if word in ("-", "/", "–", "—"):  # "to-do" and "and/or" join words; " - " separates
        before = tokens[i - 1] if i > 0 else None
        spaced = before is None or before.start + len(before.text) < t.start or (
            i + 1 < len(tokens) and tokens[i + 1].start > t.start + len(t.text))
        return spaced or _chain_length(tokens, i) >= 3  # "tea-music-books-film" is a list

    if word in ITEM_BOUNDARIES:
        return True
    return t.pos == "PUNCT" and word not in ("'", '"', "?", "!", ".", "'s")


def _chain_length(tokens: tuple[Token, ...], i: int) -> int:
    """How many words the unspaced hyphen or slash at ``i`` joins into one chain."""
    joiners = ("-", "/", "–", "—")
    start = i
    while start - 2 >= 0 and tokens[start - 2].text in joiners and _touching(tokens, start - 2):
        start -= 2
    end = i
    while end + 2 < len(tokens) and tokens[end + 2].text in joiners and _touching(tokens, end + 2):
        end += 2
    return (end - start) // 2 + 2


def _touching(tokens: tuple[Token, ...], i: int) -> bool:
    t = tokens[i]
    return 0 < i < len(tokens) - 1 and tokens[i - 1].start + len(tokens[i - 1].text) == t.start \
        and tokens[i + 1].start == t.start + len(t.text)


def _context_opener(tokens: tuple[Token, ...], i: int, end: int) -> bool:
    """Whether a scene-setting clause starts at ``i`` ("while you cook", "after dinner")."""
    word = _word(tokens[i])
    if _starts_with(tokens, i, end, CONTEXT_PHRASES):
        return True
    if word not in CONTEXT_OPENERS:
        return False
    if i > 0 and tokens[i - 1].lower in ("a", "the", "this", "that", "little", "good"):
        return False  # "breathe for a while": a noun, not a clause
    if word in CLAUSE_ONLY_OPENERS:
        nxt = tokens[i + 1] if i + 1 < end else None
        return nxt is not None and (nxt.lower in YOU or nxt.pos in ("PRON", "DET", "PROPN") or nxt.tag == "VBG")
    return True


def _fragment_offer(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """A verbless noun phrase offered as a question ("A cup of tea?") or introduced by a colon."""
    scene = next((i for i in range(start + 1, end) if _context_opener(tokens, i, end)), end)
    words = [t for t in tokens[start:scene] if t.is_word]  # "Some funk while you cook?": the clause may have a verb
    if not words or len(words) > 12:
        return False
    if any(t.pos in ("VERB", "AUX") and t.tag != "VBG" and not (n and words[n - 1].lower == "to")
           for n, t in enumerate(words)):
        return False  # a verb, except "-ing" and "to go with your dinner"
    # an offer is asked ("Tea?") or introduced ("A prompt for tonight's entry: ..."); "Television." is a remark
    return any(t.text in ("?", ":") for t in tokens[start:end])


def read_proposals(analysis: Analysis, index: LemmaIndex) -> ProposalReading:
    """The proposals, discouragements and context of a tagged text (see the module docstring)."""
    tokens = analysis.tokens
    matches = index.scan(tokens)
    match_at: dict[int, Match] = {m.start: m for m in matches}
    items: list[_Item] = []
    for s_start, s_end in analysis.sentences:
        sentence = _sentence_items(tokens, s_start, s_end, match_at)
        if items and _takes_back(tokens, sentence):
            for earlier in items:  # "Baking? Not worth the fuss tonight."
                if earlier.stance is PROPOSING:
                    earlier.stance = DISCOURAGING
        items.extend(sentence)
    vague_items = _vague_items(tokens, items)
    concrete = any(item.stance is PROPOSING and id(item) not in vague_items and _concrete_item(tokens, item)
                   for item in items)
    vague = None
    if vague_items and not concrete:
        first = min(vague_items.values(), key=lambda item: item.start)
        vague = _span(analysis, first.start, first.end)
    proposals, discouraged, scenes = [], [], []
    for item in items:
        words = _span(analysis, item.start, item.end)
        if item.stance is PROPOSING and (vague is not None or id(item) in vague_items):
            continue  # a placeholder ("something for the garden") proposes nothing concrete
        if item.stance is CONTEXT:
            scenes.append(Scene(_word(tokens[item.start]) if item.start < len(tokens) else "", words,
                                frozenset(item.topics)))
        elif item.topics and item.stance in (PROPOSING, DISCOURAGING):
            content = frozenset(t.lemma for t in tokens[item.start:item.end]
                                if t.pos in CONTENT_CLASSES and t.lemma not in GENERIC_WORDS and len(t.lemma) > 1)
            record = Proposal(words, frozenset(item.topics), frozenset(item.lemmas), content)
            (proposals if item.stance is PROPOSING else discouraged).append(record)
    actions = sum(1 for i in items if i.stance is PROPOSING and i.opened)
    return ProposalReading(tuple(proposals), tuple(discouraged), tuple(scenes), _groups(proposals), actions,
                           any(i.stance is PROPOSING for i in items), _contradiction(tokens, proposals, discouraged),
                           tuple(matches), vague)


# ---- vague proposals ("something for the bathroom") -------------------------------------

PLACEHOLDERS = frozenset("""something anything everything stuff thing things whatever whichever somewhere
anywhere activity activities bits bobs odds ends""".split())
"""Indefinite words that stand for a proposal's object without naming it."""
LIGHT_VERBS = frozenset("""be do try have get make go take give put find pick choose like love want fancy
feel need wish prefer enjoy let keep start begin continue come grab treat use see look check consider
suggest recommend say mean seem sound suit fit help please matter appeal interest excite inspire cheer
tempt strike catch spend plan fill pass smile laugh spark brighten lift calm soothe relax refresh settle
occupy entertain amuse distract happen work potter mess fiddle muck faff busy""".split())
"""Verbs of doing, having, wanting, liking or affecting in general: with a placeholder they name no act
("do something", "whatever you like", "something that makes you smile")."""
SETTING_NOUNS = frozenset("""
room rooms bathroom kitchen garden yard bedroom lounge house home flat place spot area corner space desk table
sofa couch bed chair shelf window wall floor hallway hall porch balcony patio outside indoors outdoors way
route time moment minute minutes hour hours day today tonight morning afternoon evening night week weekend
while bit now later friend friends family partner kid kids child children neighbour neighbor someone somebody
people guest guests one ones other others else kind sort type lot idea mood fun pleasure sake choice option
options liking fancy interest taste heart desire mind variety change self yourself life
""".split()) | PLACEHOLDERS
"""Nouns of where, when, with whom and what kind: with a placeholder they name no act ("something in the
kitchen", "something for the evening", "a thing or two")."""
PLACEHOLDER_NOUNS = frozenset("stuff thing things activity activities bits bobs".split())
"""Placeholders that take words before them: "a music thing", "some garden stuff"."""
MEAL_NOUNS = frozenset("breakfast brunch lunch dinner supper dessert pudding snack tea".split())
"""What a placeholder may be *for* and still name something: a dish ("something light for lunch")."""
FOOD_WORDS = frozenset("""sweet savoury savory salty spicy tasty delicious crunchy crispy fruity cheesy
chocolatey chocolaty sugary zesty tangy hearty yummy scrumptious moreish""".split())
"""Words that make a placeholder a dish ("something sweet")."""
MAKING_VERBS = frozenset("make create build craft whip rustle fashion".split())
"""Verbs whose "with" names the stuff a thing is made of ("make something with the apples")."""
PUT_ON = frozenset("put stick pop throw".split())
"""Verbs that with "on" put on music or a show ("put on something upbeat")."""
EXEMPLIFIERS = _phrases("like", "such as", "say", "for example", "for instance", "e.g.", "eg", "maybe",
                        "perhaps", "especially", "ideally", "preferably", "including", "namely")
"""Openers of an item that gives an example of what came before ("do something relaxing, like a walk")."""
_MODIFIER_TAGS = frozenset({"ADJ", "ADV", "NOUN", "PROPN"})


def _exemplifies(tokens, item: _Item) -> bool:
    start = item.start
    while start < item.end and not tokens[start].is_word:
        start += 1
    return bool(_starts_with(tokens, start, item.end, EXEMPLIFIERS))


def _concrete_word(tokens, item: _Item) -> bool:
    """Whether the item names an act, thing or dish besides placeholders, settings and light verbs
    (see the module docstring)."""
    words = [j for j in range(item.start, item.end) if tokens[j].is_word]
    making = any(tokens[j].lemma in MAKING_VERBS for j in words)
    after_placeholder = adjunct = False
    for n, j in enumerate(words):
        t = tokens[j]
        lemma, low = t.lemma, t.lower
        if low in PLACEHOLDERS or lemma in PLACEHOLDERS:
            after_placeholder, adjunct = True, False
            continue
        if low in FOOD_WORDS or lemma in FOOD_WORDS:
            return True  # "something sweet", "something savoury for later": a dish
        if lemma in PUT_ON and n + 1 < len(words) and tokens[words[n + 1]].lower == "on":
            return True  # "put on something upbeat": music or a show
        if after_placeholder and t.pos in _MODIFIER_TAGS | {"VERB"} and t.tag not in ("VB", "VBP", "VBZ", "VBD"):
            continue  # "something relaxing", "something light", "something new today": qualifies it
        after_placeholder = False
        if t.pos == "ADP" or t.tag == "TO":
            adjunct = low == "for" or (low == "with" and not making)
            continue
        if t.pos in ("NOUN", "PROPN", "ADJ") and _premodifies_placeholder(tokens, words, n):
            continue  # "a music thing", "some garden stuff", "a fun activity": the kind, not the act
        if t.pos in ("NOUN", "PROPN"):
            if adjunct and lemma not in MEAL_NOUNS and low not in MEAL_NOUNS:
                continue  # "something for the garden", "something with the music": what it is for or
                # with, not what it is ("make something with the apples" names its stuff)
            if lemma in SETTING_NOUNS or low in SETTING_NOUNS:
                continue
            return True
        if t.pos == "VERB" and lemma not in LIGHT_VERBS and low not in LIGHT_VERBS:
            return True
    return False


def _premodifies_placeholder(tokens, words: list[int], n: int) -> bool:
    """Whether word ``n`` stands before a placeholder noun with only nouns and adjectives between."""
    for j in words[n + 1:n + 4]:
        t = tokens[j]
        if t.lower in PLACEHOLDER_NOUNS or t.lemma in PLACEHOLDER_NOUNS:
            return True
        if t.pos not in ("NOUN", "PROPN", "ADJ"):
            return False
    return False


def _concrete_item(tokens, item: _Item) -> bool:
    """A proposing item that names something concrete on its own: not a place or purpose tacked on
    to the item before it ("(on the way to the desk)", "in the kitchen")."""
    first = next((j for j in range(item.start, item.end) if tokens[j].is_word), None)
    if first is None:
        return False
    if not item.opened and tokens[first].pos == "ADP" and not _exemplifies(tokens, item):
        return False
    return _concrete_word(tokens, item)


def _vague_items(tokens, items: list[_Item]) -> dict[int, _Item]:
    """The proposing items whose object is only a placeholder (by ``id``), unless the next item of the
    sentence gives an example of it."""
    vague: dict[int, _Item] = {}
    for n, item in enumerate(items):
        if item.stance is not PROPOSING:
            continue
        if not any(tokens[j].lower in PLACEHOLDERS or tokens[j].lemma in PLACEHOLDERS
                   for j in range(item.start, item.end)):
            continue
        if _concrete_word(tokens, item):
            continue
        nxt = next((later for later in items[n + 1:]
                    if any(tokens[j].is_word for j in range(later.start, later.end))), None)
        if nxt is not None and _example_of(tokens, item, nxt) and _concrete_word(tokens, nxt):
            continue
        vague[id(item)] = item
    return vague


_APPOSITION_MARKS = frozenset({",", ":", "-", "–", "—", "(", "..."})
_APPOSITION_STARTS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def _example_of(tokens, item: _Item, nxt: _Item) -> bool:
    """Whether ``nxt`` says what the placeholder of ``item`` stands for: an example ("..., like a
    walk", "..., maybe a comedy") in its sentence, or a noun phrase set beside it after a comma, dash or
    colon ("Try something new: a Korean recipe", "something different - the new jazz album")."""
    if nxt.start >= len(tokens) or item.start >= len(tokens):
        return False
    same = tokens[nxt.start].sent == tokens[item.start].sent
    if same and _exemplifies(tokens, nxt):
        return True
    before = tokens[nxt.start - 1].text if nxt.start > 0 else ""
    if before not in _APPOSITION_MARKS or nxt.opened:
        return False
    if not same and (before != ":" or tokens[nxt.start].sent != tokens[item.start].sent + 1):
        return False
    first = next((tokens[j] for j in range(nxt.start, nxt.end) if tokens[j].is_word), None)
    return first is not None and first.pos in _APPOSITION_STARTS


def _contradiction(tokens, proposals: list[Proposal], discouraged: list[Proposal]) -> str | None:
    """What is both discouraged and proposed: the same keyword ("skip baking, then bake"), or
    the same topic unless the text swaps one thing for another ("skip coffee; have tea instead")."""
    if not proposals or not discouraged:
        return None
    put = set().union(*(p.lemmas for p in proposals))
    same = put & set().union(*(p.lemmas for p in discouraged))
    if same:
        return " and ".join(sorted(same))
    if any(t.lemma in SWAP_WORDS for t in tokens):
        return None
    topics_put = set().union(*(p.topics for p in proposals))
    for p in discouraged:
        if p.topics & topics_put:
            return p.text
    return None


def _span(analysis: Analysis, start: int, end: int) -> str:
    """The text of tokens ``start`` to ``end`` as written."""
    tokens = analysis.tokens[start:end]
    while tokens and not tokens[-1].is_word:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    last = tokens[-1]
    return analysis.text[tokens[0].start:last.start + len(last.text)].strip()


def _groups(proposals: list[Proposal]) -> int:
    """How many distinct things are proposed: proposals that share a topic are one."""
    groups: list[set] = []
    for p in proposals:
        joined = [g for g in groups if g & p.topics]
        merged = set(p.topics).union(*joined)
        groups = [g for g in groups if not (g & p.topics)] + [merged]
    return len(groups)


def _sentence_items(tokens, s_start: int, s_end: int, match_at: dict[int, Match]) -> list[_Item]:
    items: list[_Item] = []
    stance, skip = _opening(tokens, s_start, s_end)
    if stance is NONE and _fragment_offer(tokens, s_start, s_end):
        stance = PROPOSING
    scoped = stance is DISCOURAGING and _word(tokens[s_start]) in ITEM_SCOPED
    before_scene = NONE if stance is CONTEXT else stance  # the stance a scene-setting clause interrupts
    item = _Item(stance, s_start, s_start, set(), set(), stance is not NONE)
    i = s_start + skip
    while i < s_end:
        t = tokens[i]
        word = _word(t)
        if _is_boundary(tokens, i):
            item.end = i
            items.append(item)
            j = i + 1
            while j < s_end and _is_boundary(tokens, j):
                j += 1
            new, k = _opening(tokens, j, s_end)
            if new is NONE and stance is CONTEXT and _fragment_offer(tokens, j, s_end):
                new = PROPOSING  # "As it's Thursday, some funk?"
            reset = any(_word(tokens[x]) in STANCE_RESETS for x in range(i, j))
            if new is not NONE:
                stance = new
                scoped = new is DISCOURAGING and j < s_end and _word(tokens[j]) in ITEM_SCOPED
            elif stance is CONTEXT:
                stance = before_scene
            elif stance is DISCOURAGING and (reset or scoped):
                stance, scoped = NONE, False
            if stance is not CONTEXT:
                before_scene = stance
            item = _Item(stance, j, j, set(), set(), new is not NONE)
            i = j + k
            continue
        if item.stance is not CONTEXT and _context_opener(tokens, i, s_end) and i > item.start:
            # "listen to jazz while you sketch": the clause names the moment, not a proposal
            item.end = i
            items.append(item)
            before_scene, stance = item.stance, CONTEXT
            item = _Item(CONTEXT, i, i, set(), set())
            i += 1
            continue
        k = _starts_with_loose(tokens, i, s_end, DISCOURAGING_PREDICATES) or _bad_verdict(tokens, i, s_end)
        if k and item.stance in (NONE, PROPOSING):
            item.stance = DISCOURAGING  # "the news can wait": what came before is discouraged
            _backfill(items, DISCOURAGING)
            i += k
            continue
        if item.stance is CONTEXT and t.tag == "MD" and _word(t) in MODALS_OF_SUGGESTION and items \
                and items[-1].stance is NONE and _word(tokens[i + 1] if i + 1 < s_end else t) != "not":
            _backfill(items, PROPOSING)  # "a body scan before bed might settle you"
            stance = before_scene = PROPOSING
            i += 1
            continue
        if item.stance is NONE and t.tag == "MD" and i > item.start and _word(t) in MODALS_OF_SUGGESTION:
            # a subject offered with a modal: "a slow walk could give you some fresh air",
            # "that hinge would take ten minutes to fix"; "... would not help" discourages it
            negated = i + 1 < s_end and _word(tokens[i + 1]) == "not"
            item.stance = DISCOURAGING if negated else PROPOSING
            _backfill(items, item.stance)
            if not negated:
                stance = PROPOSING
            i += 2 if negated else 1
            continue
        if item.stance is NONE and word == "if" and i + 2 < s_end and tokens[i + 1].lower in YOU \
                and tokens[i + 2].lemma in ("want", "like", "fancy", "feel", "need", "wish", "prefer"):
            item.stance = stance = PROPOSING  # "a sale is on this week if you need anything"
            i += 3
            continue
        k = _nice_moment(tokens, i, s_end) if item.stance is NONE else 0
        if k:
            item.stance = stance = PROPOSING  # "it's a lovely evening for a stroll"
            i += k
            continue
        k = _starts_with(tokens, i, s_end, PROPOSING_PREDICATES) or _way_to(tokens, i, s_end)
        if k and item.stance is NONE:
            item.stance = stance = PROPOSING  # "a walk might help", "tea is a gentle way to close the day"
            _backfill(items, PROPOSING)
            i += k
            continue
        if word in ("no", "without") and item.stance in (PROPOSING, NONE):
            # "read without your phone", "no screens": what follows in this item is discouraged
            item.end = i
            items.append(item)
            item = _Item(DISCOURAGING, i + 1, i + 1, set(), set())
            i += 1
            continue
        match = match_at.get(i)
        if match is not None:
            item.topics.update(match.labels)
            item.lemmas.add(match.keyword)
            i = match.end
            continue
        i += 1
    item.end = s_end
    items.append(item)
    _dismissals(tokens, items)
    return _take_backs(tokens, items)


def _dismissals(tokens, items: list[_Item]) -> None:
    """A proposing item that sets its thing aside ("leave the records alone") discourages it."""
    for item in items:
        if item.stance is not PROPOSING:
            continue
        words = [j for j in range(item.start, item.end) if tokens[j].is_word]
        head = next((j for j in words[:4] if tokens[j].lemma in DISMISS_VERBS), None)
        if head is None:
            continue
        if tokens[head].lemma == "set" and any(tokens[j].lower in ("for", "to") for j in words):
            continue  # "set aside twenty minutes for reading" makes room for it
        for j in range(head + 2, min(item.end, head + 9)):
            k = _starts_with(tokens, j, item.end, DISMISS_ENDINGS)
            if k and (j + k >= item.end or not tokens[j + k].is_word or _word(tokens[j + k]) in (
                    "for", "this", "today", "tonight", "now", "until", "while", "and")):
                item.stance = DISCOURAGING
                break


def _takes_back(tokens, sentence: list[_Item]) -> bool:
    """Whether a whole sentence only waves away what came before: "Not worth the fuss.",
    "Maybe not today.", "Nah." (short, no topic of its own, opening with a no)."""
    words = [t for item in sentence for t in tokens[item.start:item.end] if t.is_word]
    if not words or len(words) > 8 or any(item.topics for item in sentence):
        return False
    lead = [_word(t) for t in words[:2]]
    return lead[0] in ("not", "no", "nah", "nope") or lead[:2] in (["maybe", "not"], ["perhaps", "not"])


def _starts_with_loose(tokens: tuple[Token, ...], i: int, end: int, phrases: _Phrases) -> int:
    """Like :func:`_starts_with`, letting adverbs sit inside the phrase ("can definitely wait")."""
    if i >= end:
        return 0
    for phrase in phrases.by_first.get(_word(tokens[i]), ()):
        j, ok = i + 1, True
        for want in phrase[1:]:
            while j < end and tokens[j].tag in ("RB", "RBR", "RBS") and _word(tokens[j]) != want \
                    and _word(tokens[j]) not in NEGATIONS:
                j += 1
            if j >= end or _word(tokens[j]) != want:
                ok = False
                break
            j += 1
        if ok:
            return j - i
    return 0


BAD_VERDICTS = frozenset("""mistake waste overkill pointless unnecessary silly nuisance chore hassle
bore drag folly""".split())


def _bad_verdict(tokens: tuple[Token, ...], i: int, end: int) -> int:
    """Tokens of "would be a mistake", "is a waste of time", "is pointless" starting at ``i``, else 0."""
    j = i
    if j < end and tokens[j].tag == "MD":
        j += 1
    if j >= end or tokens[j].lemma != "be" or (j == i and tokens[j].pos != "AUX"):
        return 0
    j += 1
    while j < end and (tokens[j].lower in ("a", "an", "just", "really", "such", "total", "bit", "of") or
                       tokens[j].tag in ("RB", "JJ") and tokens[j].lower not in BAD_VERDICTS):
        j += 1
    return j + 1 - i if j < end and tokens[j].lower in BAD_VERDICTS else 0


def _backfill(items: list[_Item], stance) -> None:
    """A predicate speaks for the coordinated subjects before it in its sentence:
    "a pot of rooibos and the opinion pages would suit this break"."""
    for earlier in reversed(items):
        if earlier.stance is not NONE:
            break
        earlier.stance = stance


def _way_to(tokens, i: int, end: int) -> int:
    """Tokens of "is a gentle way to" / "are a nice way to" starting at ``i``, else 0."""
    if tokens[i].lemma != "be" or i + 3 >= end or tokens[i + 1].lower not in ("a", "the"):
        return 0
    j = i + 2
    while j < end and tokens[j].pos in ("ADJ", "ADV") and j < i + 5:
        j += 1
    if j + 1 < end and tokens[j].lower == "way" and tokens[j + 1].lower == "to":
        return j + 2 - i
    return 0


def _take_backs(tokens, items: list[_Item]) -> list[_Item]:
    """An item that only takes back what came before ("but not today", "or maybe don't")
    turns the proposals before it in the sentence into discouragements."""
    for n, item in enumerate(items):
        if n == 0 or item.topics:
            continue
        words = tuple(_word(t) for t in tokens[item.start:item.end] if t.is_word)
        if words and words in TAKE_BACKS.all:
            for earlier in items[:n]:
                if earlier.stance is PROPOSING:
                    earlier.stance = DISCOURAGING
    return items
