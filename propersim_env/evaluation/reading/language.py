"""Whether a suggestion is in English: all 32 residents speak English only.

``language_problem(analysis)`` takes the :class:`~.nlp.Analysis` of the normalised
text and returns ``None`` for English, otherwise a phrase such as
``"it is written mostly in Cyrillic script"``, ``"it is not in English (it reads
as French)"`` or ``"part of it is not in English ('es muy bueno' reads as
Spanish)"``.

How it reads:

1. **Script.** Letters are counted per Unicode script. Mostly non-Latin letters:
   the text is in that script. A word of two letters or more in another script
   inside Latin text: part of it is. Single letters used as symbols ("π", "μg")
   are not words.
2. **Words.** Each Latin word is English (a function word, an informal word, a
   contraction, or a word the English lemmatizer's dictionary knows, by its form
   or its lemma), foreign (a function word or very common word of French,
   German, Spanish, Italian, Portuguese or Dutch, or a French/Italian elision
   such as "l'" and "dell'"), a name (capitalised, unknown, not first in its
   sentence) or unknown. Words of well-known borrowed phrases ("bon appétit",
   "c'est la vie", "chili con carne") count as neither.
3. **Verdict.** The whole text, or one of its sentences, is foreign when its
   foreign words outnumber its English ones (two or more; one is enough in a
   whole text of one or two words), when it has three or more foreign function
   words that are at least twice its English function words and 30% of its
   words (Dutch and German share content words with English), or when fewer
   than 40% of its words are English. A foreign sentence beside an English one,
   or a run of four or more words with three foreign function words and no
   English function word beside English words, is "part of it".

Known limits: a language other than the six listed is recognised only by its
lack of English words, and named only when it shares function words with
one of them; English words unknown to the dictionary (new slang, brand names
in lower case) count against a text, so a short run of them reads as foreign;
a foreign sentence of one word beside English ("Gracias.") passes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .nlp import Analysis, pipeline
from .normalize import script_of

# --- English ----------------------------------------------------------------------------------

# Function words: articles, pronouns, prepositions, conjunctions, auxiliaries and modals,
# and the adverbs and particles that glue an English sentence together.
ENGLISH_FUNCTION_WORDS = frozenset("""
a an the this that these those some any each every all both either neither no none another other such
i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it its itself
we us our ours ourselves they them their theirs themselves one ones someone something somewhere anyone
anything everyone everything nothing nobody who whom whose what which where when why how whatever whenever
to of for with without in on at by from into onto upon about above below over under after before while
during since until till through across along around among between behind beside besides beyond near off
out up down inside outside toward towards against per via than as like unlike
and or but nor so yet because although though if unless whether then also too either
is am are was were be been being do does did done doing have has had having will would shall should can could
may might must ought need dare let lets
not never very really quite rather just only even still already soon now today tonight tomorrow yesterday
here there maybe perhaps please thanks thank yes again ever often always sometimes once twice more most
less least much many few little enough lot lots bit
""".split())
# Informal English and greetings that a dictionary lacks.
ENGLISH_INFORMAL = frozenset("""
ok okay hey hi hello yeah yep yup nope wanna gonna gotta lemme kinda sorta cuppa oh ah aw hmm um uh
""".split())
# Pieces of contractions as the tokenizer splits them ("don't" -> "do", "n't").
_CONTRACTIONS = frozenset({"'s", "'ll", "'re", "'ve", "'d", "'m", "n't", "’s", "’ll", "’re", "’ve", "’d", "’m", "n’t"})

# --- other languages: function words and very common words, none of them an English word -----

FOREIGN_WORDS: dict[str, frozenset[str]] = {
    # French
    "French": frozenset("""
le la les un une des du de au aux et est sont ce cette ces cet il elle ils elles nous vous tu je ne pas
que qui quoi dans sur avec par sans sous chez mais ou où donc car très bien votre vos ton ta tes mon ma mes
sa ses leur leurs notre nos être avoir fait faire peut peux pouvez voulez veux allez aller aussi alors
comme ici là lui moi toi se en bonjour merci soir matin jour peu beaucoup encore toujours déjà maintenant
aujourd'hui demain pourquoi quand faut c'est petite
""".split()),
    # German
    "German": frozenset("""
der das und ist sind nicht ein eine einen einem einer es ich du er sie wir ihr mit von zu auf für im dem
des zum zur bei nach aus über unter wie wer wo warum doch noch schon auch aber oder wenn dann heute morgen
abend jetzt mal bitte danke gut sehr vielleicht kannst können möchtest solltest machen gehen ihre dein
deine mein meine haben hast hat werden wird etwas einfach kurz kleinen einen zusammen nur
""".split()),
    # Spanish
    "Spanish": frozenset("""
el la los las un una unos unas y o de del al en es son está estás están que qué por para con sin muy más
pero como cómo tu tú su sus mi mis te se lo le nos esto este esta estos hoy mañana noche tarde puedes
quieres podrías deberías hacer hace bueno buena gracias hola también ya aquí ahora poco cuando donde dónde
porque un usted ustedes vamos
""".split()),
    # Italian
    "Italian": frozenset("""
il lo la gli le un una uno di del della dei delle al alla che e è sono per con non ma più molto tu ti si
ci mi tuo tua suo sua questo questa oggi domani sera puoi vuoi potresti dovresti fare fai bene grazie ciao
anche ancora adesso ora perché dove quando nel nella sul sulla po magari facciamo
""".split()),
    # Portuguese
    "Portuguese": frozenset("""
o os as um uma de do da dos das no na nos nas em e é são está que por para com sem mais muito você vocês
seu sua teu tua hoje amanhã noite pode podes quer queres fazer obrigado obrigada olá também ainda agora
não aqui então bom boa pelo pela isso isto
""".split()),
    # Dutch
    "Dutch": frozenset("""
de het een en is zijn niet ik je jij u we wij ze zij met van voor op naar bij uit aan om dat deze dit er
nog al ook maar als dan wel geen heel veel vandaag morgen avond kun kunt wil wilt misschien even lekker
doen gaan jouw mijn hebben heb hoe waarom wat wij
""".split()),
}
# French and Italian elided articles and pronouns before an apostrophe ("l'eau", "dell'acqua").
ELISIONS: dict[str, frozenset[str]] = {
    "French": frozenset("l d j c qu n s m t jusqu lorsqu puisqu".split()),
    "Italian": frozenset("l d dell dall nell sull all un c".split()),
}

# Borrowed phrases an English speaker reads as English: their words count as neither side.
LOAN_PHRASES = tuple(tuple(p.split()) for p in """
bon appétit|bon appetit|bon voyage|c'est la vie|je ne sais quoi|à la carte|a la carte|à la mode|a la mode
crème de la crème|creme de la creme|joie de vivre|raison d'être|savoir faire|tête à tête|pièce de résistance
coup de grâce|déjà vu|fait accompli|de rigueur|en route|en masse|en suite|au revoir|au pair|au naturel
au lait|café au lait|pain au chocolat|coq au vin|pot au feu|crème brûlée|soupe à l'oignon|vis à vis
par excellence|hors d'oeuvre|hors d'œuvre|mise en place|sous vide|amuse bouche|petit four|petits fours
chili con carne|arroz con pollo|con carne|hasta la vista|mi casa es su casa|que sera sera|buen provecho
la dolce vita|dolce far niente|al dente|al fresco|a cappella|pasta e fagioli|aglio e olio|cacio e pepe
prima donna|la la|guten appetit|guten tag|gesundheit|carpe diem|ad hoc|per se|vice versa|et cetera
bona fide|alma mater|de facto|status quo|pro bono|feng shui|tai chi|qi gong|dim sum|pad thai|bánh mì
""".replace("\n", "|").split("|") if p)

_MIN_ENGLISH_SHARE = 0.4          # fewer English words than this share: not English
_CLAUSE_WORDS, _CLAUSE_FOREIGN = 4, 3  # a foreign clause: this many words, this many foreign ones
_APOSTROPHES = re.compile("['’]")

# Display names of scripts ("it is written mostly in Cyrillic script").
_SCRIPT_NAMES = {
    "HAN": "Chinese characters", "HIRAGANA": "Japanese kana", "KATAKANA": "Japanese kana",
    "HANGUL": "Korean Hangul",
}
_UNIT_LETTERS = frozenset("μΩπ")  # Greek letters used as symbols next to Latin ones ("μg")
_NEUTRAL_SCRIPTS = frozenset({"COMMON", "INHERITED", "Unknown"})


@lru_cache(maxsize=1)
def english_vocabulary() -> frozenset[str]:
    """The single words the English lemmatizer's tables know (WordNet's nouns, verbs,
    adjectives and adverbs, and irregular forms), lower case; loaded once."""
    lookups = pipeline().get_pipe("lemmatizer").lookups
    words: set[str] = set()
    for pos, entries in lookups.get_table("lemma_index").items():
        words.update(w for w in entries if "_" not in w)
    for pos, forms in lookups.get_table("lemma_exc").items():
        words.update(w for w in forms if "_" not in w)
    return frozenset(words)


# --- public ---------------------------------------------------------------------------------


def language_problem(analysis: Analysis) -> str | None:
    """Why ``analysis``'s text is not English for these residents, or ``None`` (see module)."""
    script = _script_problem(analysis.text)
    if script is not None:
        return script
    words = _classify(analysis)
    if not words:
        return None
    # A foreign sentence beside an English one.
    sentences: dict[int, list[_Word]] = {}
    for w in words:
        sentences.setdefault(w.sent, []).append(w)
    foreign = [k for k, ws in sentences.items() if _foreign(ws, whole=False)]
    english = [k for k, ws in sentences.items() if k not in foreign and _english_count(ws) >= 2]
    if foreign and english:
        k = foreign[0]
        return f"part of it is not in English ('{_sentence_text(analysis, k)}'{_reads_as(sentences[k])})"
    # A foreign clause inside English words; or the whole text.
    whole = _foreign(words)
    clause = _foreign_clause(words)
    if clause is not None:
        in_clause = {id(w) for w in clause}
        outside = [w for w in words if id(w) not in in_clause]
        english_outside = _english_count(outside)
        if not whole or (english_outside >= 3 and english_outside >= 2 * (len(outside) - english_outside)):
            return f"part of it is not in English ('{' '.join(w.text for w in clause)}'{_reads_as(clause)})"
    if whole:
        return f"it is not in English{_reads_as(words, it=True)}"
    return None


def _english_count(words: list[_Word]) -> int:
    return sum(w.kind in _ENGLISH_KINDS for w in words)


def _reads_as(words: list[_Word], it: bool = False) -> str:
    """" (it) reads as French" when two or more foreign words name a language, else ""."""
    foreign = [w for w in words if w.kind == FOREIGN]
    if not foreign:
        return ""
    language = _best_language(foreign)
    if len(words) > 2 and sum(language in w.languages for w in foreign) < 2:
        return ""  # one word of a language among several names no language
    return f" (it reads as {language})" if it else f" reads as {language}"


def _sentence_text(analysis: Analysis, index: int) -> str:
    tokens = [t for t in analysis.sentence_tokens(index) if t.text != "\n"]
    if not tokens:
        return ""
    last = tokens[-1]
    return analysis.text[tokens[0].start:last.start + len(last.text)].strip(" .!?;:")


# --- script ---------------------------------------------------------------------------------


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_LETTERS_RUN = re.compile(r"[^\W\d_]{2,}")


def _script_problem(text: str) -> str | None:
    """Letters of another script: most of the text, or a word of it."""
    counts: dict[str, int] = {}
    for ch in _NON_ASCII.findall(text):
        if ch.isalpha():
            s = script_of(ch)
            counts[s] = counts.get(s, 0) + 1
    latin = counts.pop("LATIN", 0)
    other = sum(n for s, n in counts.items() if s not in _NEUTRAL_SCRIPTS)
    if not other:
        return None
    latin += len(_ASCII_LETTERS.findall(text))
    if other > latin:
        main = max((s for s in counts if s not in _NEUTRAL_SCRIPTS), key=counts.__getitem__)
        return f"it is written mostly in {_script_name(main)}"
    for word in _LETTERS_RUN.finditer(text):
        w = word.group()
        if not w.isascii():
            scripts = {script_of(c) for c in w} - _NEUTRAL_SCRIPTS - {"LATIN"}
            if scripts and not all(c in _UNIT_LETTERS for c in w if script_of(c) in scripts):
                return f"part of it is written in {_script_name(min(scripts))} ('{w}')"
    return None


def _script_name(script: str) -> str:
    return _SCRIPT_NAMES.get(script, script.replace("_", " ").title() + " script")


# --- words ----------------------------------------------------------------------------------

FUNCTION, ENGLISH, FOREIGN, UNKNOWN = "function", "english", "foreign", "unknown"
_ENGLISH_KINDS = (FUNCTION, ENGLISH)


class _Word:
    __slots__ = ("text", "kind", "languages", "sent")

    def __init__(self, text: str, kind: str, languages: tuple[str, ...], sent: int):
        self.text, self.kind, self.languages, self.sent = text, kind, languages, sent


def _classify(analysis: Analysis) -> list[_Word]:
    """The Latin words of ``analysis`` as English, foreign or unknown; names and the words of
    borrowed phrases left out."""
    vocabulary = english_vocabulary()
    # Not Token.is_word: the tagger marks many foreign words as X (foreign word), which it skips.
    tokens = [t for t in analysis.tokens if t.text in _CONTRACTIONS or _PLAIN_WORD.match(t.text)]
    lowers = [t.lower for t in tokens]
    loans = _loan_positions(lowers) if not _LOAN_STARTS.isdisjoint(lowers) \
        or any(_SPLIT_MARKS.search(w) for w in lowers) else ()
    words: list[_Word] = []
    previous_sent = -1
    for k, t in enumerate(tokens):
        first_in_sentence = t.sent != previous_sent
        previous_sent = t.sent
        if k in loans:
            continue
        if t.text in _CONTRACTIONS:
            words.append(_Word(t.text, FUNCTION, (), t.sent))
            continue
        if not t.text.isascii() and script_of(_LETTER.search(t.text).group()) != "LATIN":
            continue
        if "'" in t.lower or "’" in t.lower:
            pieces = _APOSTROPHES.split(t.lower)
            elided = tuple(lang for lang, prefixes in ELISIONS.items() if pieces[0] in prefixes)
            if elided and pieces[1]:
                words.append(_Word(pieces[0] + "'", FOREIGN, elided, t.sent))
                rest = "'".join(pieces[1:])
                words.append(_Word(rest, *_kind(rest, rest, False, vocabulary), t.sent))
                continue
        capitalised = t.text[0].isupper() and not first_in_sentence and t.text != "I"
        kind, languages = _kind(t.lower, t.lemma, capitalised, vocabulary)
        if kind is not None:
            words.append(_Word(t.text, kind, languages, t.sent))
    return words


_LETTER = re.compile(r"[^\W\d_]")
_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*['’.]?$")
_SPLIT_MARKS = re.compile("['’-]")


def _kind(lower: str, lemma: str, capitalised: bool, vocabulary: frozenset[str]) -> tuple[str | None, tuple[str, ...]]:
    """(kind, languages) of one word; kind ``None`` for a name."""
    if lower in ENGLISH_FUNCTION_WORDS:
        return FUNCTION, ()
    if lower in ENGLISH_INFORMAL:
        return ENGLISH, ()
    languages = _FOREIGN_INDEX.get(lower)
    if languages:
        return FOREIGN, languages
    if lower in vocabulary or lemma in vocabulary:
        return ENGLISH, ()
    if capitalised:
        return None, ()  # a name: "Zoë", "Marchetti"
    return UNKNOWN, ()


def _build_foreign_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for language, words in FOREIGN_WORDS.items():
        for w in words - ENGLISH_FUNCTION_WORDS - ENGLISH_INFORMAL:
            index.setdefault(w, []).append(language)
    return {w: tuple(langs) for w, langs in index.items()}


_FOREIGN_INDEX = _build_foreign_index()
_PIECE_BREAK = re.compile(r"[-\s]+|(?<=')")


def _pieces(text: str) -> list[str]:
    """``text`` split into words at spaces and hyphens and after apostrophes ("c'", "est")."""
    return [p for p in _PIECE_BREAK.split(text.replace("’", "'")) if p]


def _build_loan_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in LOAN_PHRASES:
        pieces = tuple(_pieces(" ".join(phrase)))
        index.setdefault(pieces[0], []).append(pieces)
    return {w: tuple(p) for w, p in index.items()}


_LOAN_INDEX = _build_loan_index()
_LOAN_STARTS = frozenset(_LOAN_INDEX)


def _loan_positions(lowers: list[str]) -> set[int]:
    """Token positions inside borrowed phrases, matched piece by piece (see :func:`_pieces`)."""
    positions: set[int] = set()
    flat = [(piece, k) for k, w in enumerate(lowers) for piece in _pieces(w)]
    words = [w for w, _ in flat]
    for i, w in enumerate(words):
        for phrase in _LOAN_INDEX.get(w, ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                positions.update(k for _, k in flat[i:i + len(phrase)])
    return positions


# --- verdicts -------------------------------------------------------------------------------


def _foreign(words: list[_Word], whole: bool = True) -> bool:
    """Whether ``words`` do not read as English (``whole``: they are the whole text, where one
    foreign word in a text of one or two words is enough).

    Foreign function words outnumbering English words; or, since Dutch and German share many
    content words with English ("drink", "water"), three foreign function words or more, at
    least twice the English function words and 30% of the words; or too few English words."""
    function = sum(w.kind == FUNCTION for w in words)
    english = function + sum(w.kind == ENGLISH for w in words)
    foreign = sum(w.kind == FOREIGN for w in words)
    n = len(words)
    if foreign > english and (foreign >= 2 or (whole and n <= 2)):
        return True
    if foreign >= _CLAUSE_FOREIGN and foreign >= 2 * function and foreign >= 0.3 * n:
        return True
    return n >= (3 if whole else 4) and english < _MIN_ENGLISH_SHARE * n


def _foreign_clause(words: list[_Word]) -> list[_Word] | None:
    """A run of words holding enough foreign function words to be a clause. English function
    words end a run; English content words do not (French "pour" and Dutch "water" are
    English words too), but are trimmed from its ends."""
    run: list[_Word] = []
    for w in [*words, None]:
        if w is not None and w.kind != FUNCTION:
            run.append(w)
            continue
        while run and run[-1].kind == ENGLISH:
            run.pop()
        while run and run[0].kind == ENGLISH:
            run.pop(0)
        if len(run) >= _CLAUSE_WORDS and sum(x.kind == FOREIGN for x in run) >= _CLAUSE_FOREIGN:
            return run
        run = []
    return None


def _best_language(foreign: list[_Word]) -> str:
    """The language whose words these are, each word shared by several languages counting a
    share to each; ties go to the order of :data:`FOREIGN_WORDS`."""
    score = dict.fromkeys(FOREIGN_WORDS, 0.0)
    for w in foreign:
        for language in w.languages:
            score[language] += 1 / len(w.languages)
    return max(score, key=score.__getitem__)
