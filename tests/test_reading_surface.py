"""The surface of a suggestion: its characters (normalize), its form (form) and its language.

Each rule is tested with texts it must catch, in several wordings and places, and with the
honest look-alikes a careful reviewer would let through.
"""

from __future__ import annotations

import timeit

import pytest

from propersim_env.evaluation.reading.form import format_problem, kaomoji
from propersim_env.evaluation.reading.language import language_problem
from propersim_env.evaluation.reading.nlp import analyse
from propersim_env.evaluation.reading.normalize import Normalized, normalize

# --- normalize: characters a reviewer refuses --------------------------------------------------

# (raw, the text the judge reads, a phrase the problem must contain)
CHARACTER_TRICKS = [
    # invisible and zero-width characters, anywhere in a word or between words
    ("Brew a pot of mint\u200btea.", "Brew a pot of minttea.", "invisible character U+200B"),
    ("Wa\u200bter the ferns.", "Water the ferns.", "invisible character U+200B"),
    ("Stretch\u200c your calves.", "Stretch your calves.", "invisible character U+200C"),
    ("Tidy the d\u200desk.", "Tidy the desk.", "invisible character U+200D"),
    ("A short\u2060walk?", "A shortwalk?", "invisible character U+2060"),
    ("Phone your\ufeff sister.", "Phone your sister.", "invisible character U+FEFF"),
    ("Knit one more ro\u00adw.", "Knit one more row.", "invisible character U+00AD"),
    ("Sweep the\u2062 porch.", "Sweep the porch.", "invisible character U+2062"),
    ("Fold the\u3164laundry.", "Fold thelaundry.", "invisible character U+3164"),
    ("Rest\u2800 a while.", "Rest a while.", "invisible character U+2800"),
    ("Sip the co\u034fcoa.", "Sip the cocoa.", "invisible character U+034F"),
    ("Read a poe\ufe0fm.", "Read a poem.", "invisible character U+FE0F"),
    # direction controls show one text and give another
    ("Call \u202eyour aunt.", "Call your aunt.", "text-direction control character U+202E"),
    ("Bake \u2067bread\u2069 now.", "Bake bread now.", "text-direction control character U+2067"),
    ("Water\u200f the basil.", "Water the basil.", "text-direction control character U+200F"),
    # private use, unassigned, controls, broken text
    ("Light a candle\ue000.", "Light a candle.", "private-use character U+E000"),
    ("Plant \U000f0001bulbs.", "Plant bulbs.", "private-use character U+F0001"),
    ("Sketch a\u0378 tree.", "Sketch a tree.", "unassigned code point U+0378"),
    ("Ring\x07 the bell.", "Ring the bell.", "control character U+0007"),
    ("Tea\x1b[31m now.", "Tea[31m now.", "control character U+001B"),
    ("A walk\x00 outside.", "A walk outside.", "control character U+0000"),
    ("Open the\x9b window.", "Open the window.", "control character U+009B"),
    ("A stroll\x0b later.", "A stroll later.", "control character U+000B"),
    ("Try the caf\ufffd.", "Try the caf.", "replacement character U+FFFD"),
    # lookalike letters of another script, one letter or several
    ("Try a cup of gr\u0435en tea.", "Try a cup of green tea.", "lookalike letters from another script in 'gr\u0435en'"),
    ("\u0405tretch your back.", "Stretch your back.", "lookalike letters from another script in '\u0405tretch'"),
    ("Water the t\u03bfmatoes.", "Water the tomatoes.", "lookalike letters from another script in 't\u03bfmatoes'"),
    ("A gl\u0430ss of w\u0430ter.", "A glass of water.", "lookalike letters from another script in 'gl\u0430ss'"),
    ("Call your \u0440\u0430rents.", "Call your parents.", "lookalike letters from another script"),
    ("Time for \u0441\u043e\u0441\u043e\u0430 now.", "Time for cocoa now.", "lookalike letters from another script in '\u0441\u043e\u0441\u043e\u0430'"),
    ("\u0422ake a nap.", "Take a nap.", "lookalike letters from another script"),
    ("Enjoy the \u0455\u0443rup.", "Enjoy the syrup.", "lookalike letters from another script"),
    ("Play the \u13a0rums.", "Play the Drums.", "lookalike letters from another script"),
    ("A quick cr\u0430ft \u0430nd tea?", "A quick craft and tea?", "in 'cr\u0430ft'"),
    ("Bake \u043a\u0435\u0442o bread.", "Bake keto bread.", "lookalike letters from another script"),
    ("Sip some t\u0251a.", "Sip some taa.", "lookalike letters in 't\u0251a'"),
    ("Take a \u017fhort walk.", "Take a short walk.", "lookalike letters in '\u017fhort'"),
    ("Cook with t\u0434fu.", "Cook with t\u0434fu.", "letters from two scripts in 't\u0434fu'"),
    ("Take \u0430 walk.", "Take a walk.", "lookalike letters from another script in '\u0430'"),
    ("Some \u03a4\u0395\u0391 now?", "Some TEA now?", "lookalike letters from another script"),
    # decorative letters: mathematical, circled, squared, full-width, small capitals, superscript
    ("Time for \U0001d42d\U0001d41e\U0001d41a.", "Time for tea.", "decorative Unicode letters in '\U0001d42d\U0001d41e\U0001d41a'"),
    ("\U0001d4e2\U0001d4f8\U0001d4f6\U0001d4ee music?", "Some music?", "decorative Unicode letters"),
    ("A \U0001d597\U0001d58a\U0001d598\U0001d599 break.", "A rest break.", "decorative Unicode letters"),
    ("\u24c9\u24d4\u24d0 time.", "Tea time.", "decorative Unicode letters in '\u24c9\u24d4\u24d0'"),
    ("Go \U0001f13f\U0001f130\U0001f141\U0001f142 now.", "Go PARS now.", "decorative Unicode letters"),
    ("\U0001f163\U0001f154\U0001f150 now", "TEA now", "decorative Unicode letters"),
    ("\uff34\uff45\uff41 time?", "Tea time?", "decorative Unicode letters in '\uff34\uff45\uff41'"),
    ("A \u1d1b\u1d07\u1d00 break.", "A tea break.", "decorative Unicode letters in '\u1d1b\u1d07\u1d00'"),
    ("Take a \u0280\u1d07\ua731\u1d1b.", "Take a rest.", "decorative Unicode letters"),
    ("Make \u1d57\u1d49\u1d43 now.", "Make tea now.", "decorative Unicode letters"),
    ("Some \u24af\u24a0\u249c later.", "Some tea later.", "decorative Unicode letters"),
    ("Tea with \U0001d7cf sugar.", "Tea with 1 sugar.", "decorative Unicode letters"),
    # combining marks that strike through or stack on plain letters
    ("Skip the t\u0336e\u0336a\u0336.", "Skip the tea.", "decorative marks on the letters of 't\u0336e\u0336a\u0336'"),
    ("W\u0335a\u0335l\u0335k now.", "Walk now.", "decorative marks"),
    ("Nap a\u0301\u0300\u0302 bit.", "Nap a bit.", "decorative marks"),
    ("Read \u0301now.", "Read now.", "stray combining marks U+0301"),
    ("A cr\u00e8\u0336me br\u00fbl\u00e9e?", "A cr\u00e8me br\u00fbl\u00e9e?", "decorative marks"),
]


@pytest.mark.parametrize("raw,text,problem", CHARACTER_TRICKS)
def test_character_tricks_are_named_and_cleaned(raw, text, problem):
    result = normalize(raw)
    assert isinstance(result, Normalized)
    assert result.problem is not None and problem in result.problem
    assert result.text == text


# Honest text in any one script: accents, punctuation, spaces, emoji sequences, other alphabets.
HONEST_CHARACTERS = [
    ("How about a short walk around the garden?", "How about a short walk around the garden?"),
    ("Caf\u00e9 cr\u00e8me with Zo\u00eb?", "Caf\u00e9 cr\u00e8me with Zo\u00eb?"),
    ("A cr\u00eape and a na\u00efve d\u00e9j\u00e0 vu.", "A cr\u00eape and a na\u00efve d\u00e9j\u00e0 vu."),
    ("Stra\u00dfe and \u00d8resund in \u0130stanbul, \u0141\u00f3d\u017a.", "Stra\u00dfe and \u00d8resund in \u0130stanbul, \u0141\u00f3d\u017a."),
    ("\u201cQuiet time\u201d \u2014 20\u00b0C, 3\u20134 minutes\u2026", "\u201cQuiet time\u201d \u2014 20\u00b0C, 3\u20134 minutes..."),
    ("It\u2019s \u00a35 at the market.", "It\u2019s \u00a35 at the market."),
    ("Tea\u00a0at\u202ften?", "Tea at ten?"),
    ("Take 50 \u00b5g of vitamin D.", "Take 50 \u03bcg of vitamin D."),
    ("Bake a \u03c0 pie.", "Bake a \u03c0 pie."),
    ("Family time \U0001f468\u200d\U0001f469\u200d\U0001f467 tonight", "Family time \U0001f468\u200d\U0001f469\u200d\U0001f467 tonight"),
    ("Love it \u2764\ufe0f", "Love it \u2764\ufe0f"),
    ("Cook \U0001f9d1\U0001f3fd\u200d\U0001f373 something", "Cook \U0001f9d1\U0001f3fd\u200d\U0001f373 something"),
    ("Step 1\ufe0f\u20e3 stretch", "Step 1\ufe0f\u20e3 stretch"),
    ("Blood type \U0001f170\ufe0f", "Blood type \U0001f170\ufe0f"),
    ("Go \U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f", "Go \U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f"),
    ("\u041f\u0440\u043e\u0433\u0443\u043b\u044f\u0439\u0442\u0435\u0441\u044c \u0432 \u0441\u0430\u0434\u0443.", "\u041f\u0440\u043e\u0433\u0443\u043b\u044f\u0439\u0442\u0435\u0441\u044c \u0432 \u0441\u0430\u0434\u0443."),
    ("\u0395\u03bd\u03b1 \u03c4\u03c3\u03ac\u03b9;", "\u0395\u03bd\u03b1 \u03c4\u03c3\u03ac\u03b9;"),
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),
    ("\u0915\u094d\u200d\u0937", "\u0915\u094d\u200d\u0937"),
    ("\u304a\u8336\u306f\u3044\u304b\u304c\uff1f", "\u304a\u8336\u306f\u3044\u304b\u304c?"),
    ("\ufeffA walk before lunch?", "A walk before lunch?"),
    ("A walk\r\nthen tea", "A walk\nthen tea"),
    ("A walk\tthen   tea  ", "A walk then tea"),
    ("One\n\n\n\nTwo", "One\n\nTwo"),
    ("Ten o\u2019clock \u2013 1st floor, \u00bd cup", "Ten o\u2019clock \u2013 1st floor, 1\u20442 cup"),
    ("Vi\u1ec7t Nam pho", "Vi\u1ec7t Nam pho"),
    ("cafe\u0301 au lait", "caf\u00e9 au lait"),
    ("The 1\u00ba prize", "The 1o prize"),
    ("\u0423\u0434\u0430\u0440\u0435\u0301\u043d\u0438\u0435", "\u0423\u0434\u0430\u0440\u0435\u0301\u043d\u0438\u0435"),
    ("\u03b1 and \u03b2 are Greek letters", "\u03b1 and \u03b2 are Greek letters"),
]


@pytest.mark.parametrize("raw,text", HONEST_CHARACTERS)
def test_honest_characters_pass(raw, text):
    result = normalize(raw)
    assert result.problem is None
    assert result.text == text


def test_first_problem_in_reading_order():
    assert normalize("Sip t\u0435a\u200b now").problem.startswith("lookalike")
    assert normalize("Sip\u200b t\u0435a now").problem == "an invisible character U+200B"
    assert normalize("\U0001d42d\U0001d41e\U0001d41a and c\u043effee").problem.startswith("decorative")


def test_lookalike_word_of_another_script_needs_mostly_latin_text():
    # an all-Russian sentence keeps its letters: ordinary text in one script
    russian = "\u0421\u0435\u0433\u043e\u0434\u043d\u044f \u0445\u043e\u0440\u043e\u0448\u0430\u044f \u043f\u043e\u0433\u043e\u0434\u0430, \u0430 \u0441\u043e\u043a?"
    assert normalize(russian) == Normalized(russian, None)


@pytest.mark.parametrize("raw", [raw for raw, _, _ in CHARACTER_TRICKS] + [raw for raw, _ in HONEST_CHARACTERS])
def test_normalized_text_is_clean_and_stable(raw):
    once = normalize(raw).text
    again = normalize(once)
    assert again.text == once
    assert again.problem is None or again.problem.startswith("letters from two scripts")


# --- form: markup and non-conversational forms -------------------------------------------------

FORMS = [
    # Markdown emphasis, headings, links, quotes, tables, rules
    ("How about **one** more cup?", "Markdown emphasis"),
    ("Try the __new__ recipe.", "Markdown emphasis"),
    ("Maybe a *slow* walk?", "Markdown emphasis"),
    ("Put on _something mellow_ tonight.", "Markdown emphasis"),
    ("That was ~~a bad idea~~ fine.", "Markdown emphasis"),
    ("## Evening plan\nA bath and a book.", "a Markdown heading"),
    ("Tea time\n=====\nA pot of oolong.", "a Markdown heading"),
    ("See [the recipe](https://x.test/r) for scones.", "a Markdown link"),
    ("A gentle idea ![picture](img.png)", "a Markdown link"),
    ("> Rest your eyes for a minute.", "a block quote"),
    ("Quick one:\n>> take a breather", "a block quote"),
    ("| Task | Time |\n|------|------|\n| Nap | 20 |", "a table"),
    ("|---|---|", "a table"),
    ("walk | tea | nap", "pipe-separated fields"),
    ("Tea first\n---\nthen a walk", "a horizontal rule"),
    ("* * *", "a horizontal rule"),
    # HTML and XML, hidden in a sentence too
    ("Time for <em>tea</em>.", "an HTML tag"),
    ("Water the plants <span style='x'>now</span>", "an HTML tag"),
    ("Stretch your legs<br/>and breathe.", "an HTML tag"),
    ("A short nap <!-- score 4 --> helps.", "an HTML tag"),
    ("<suggestion>walk</suggestion>", "an HTML tag"),
    ("Tea&nbsp;with honey?", "an HTML entity"),
    ("Bake&#8203; bread.", "an HTML entity"),
    ("Fish &amp; chips tonight?", "an HTML entity"),
    ("Go outside&#x200B; now.", "an HTML entity"),
    # lists: one bullet line is enough
    ("- Drink a glass of water", "a bulleted list"),
    ("Ideas:\n- tea\n- a walk", "a bulleted list"),
    ("+ a short stretch", "a bulleted list"),
    ("\u2022 Call your brother", "a bulleted list"),
    ("\u2713 Feed the cat", "a bulleted list"),
    ("Tea \u2022 cake \u2022 nap", "a bulleted list"),
    ("1. Fill the kettle", "a numbered list"),
    ("Steps:\n1) fill the kettle\n2) warm the pot", "a numbered list"),
    ("(1) stretch", "a numbered list"),
    ("a) tea or b) coffee", "a numbered list"),
    ("Try 1. a walk 2. a bath", "a numbered list"),
    ("[ ] water the ferns", "a checklist"),
    ("- [x] laundry", "a checklist"),
    # code
    ("```\nwalk()\n```", "a fenced code block"),
    ("Run `brew tea` now.", "inline code"),
    ("make_tea();", "code"),
    ("Call rest() now.", "code"),
    ("print('take a break')", "code"),
    ("os.system(x)", "code"),
    ("walk(10)", "code"),
    ("x = 1", "code"),
    ("mood=calm", "code"),
    ("while (awake) {", "code"),
    ("tired && sleepy", "code"),
    ("Set $MOOD to calm", "code"),
    ("function relax() {", "code"),
    ("const nap = true", "code"),
    ("def unwind(): pass", "code"),
    ("import calm", "code"),
    ("SELECT tea FROM kitchen", "code"),
    ("Rest now\\nthen tea", "escape sequences"),
    ("Tea {with milk}", "curly braces (code or data)"),
    # structured data
    ('{"action": "walk", "minutes": 10}', "JSON"),
    ('Try this: {"tip": "drink water"}', "JSON"),
    ('"activity": "nap", "length": 20', "JSON"),
    ("['tea', 'walk']", "a data array"),
    ("[1, 2, 3]", "a data array"),
    ("activity: walk\nduration: 20 minutes", "key-value lines (YAML-like data)"),
    ("next_step: drink water", "key-value lines (YAML-like data)"),
    ("Activity: stretch, length: 5", "a key-value record"),
    # addresses and social forms
    ("Steps:\n\u2013 fill the kettle\n\u2013 warm the pot", "a bulleted list"),
    ("Step 1 fill the kettle\nStep 2 warm the pot", "a numbered list"),
    ("Run brew_tea before bed.", "a code identifier"),
    ("Have a look at https://example.test/yoga today.", "a link"),
    ("Recipes at tasty.shop tonight?", "a link"),
    ("Music ideas at www.example.test tonight", "a link"),
    ("Recipes on cooking.example.org for dinner?", "a link"),
    ("Write to help@example.test for tips.", "an e-mail address"),
    ("Feeling #blessed after a walk?", "a hashtag"),
    ("Ask @grandma for the recipe.", "an @mention"),
]


@pytest.mark.parametrize("text,phrase", FORMS)
def test_forms_are_named(text, phrase):
    assert format_problem(text) == phrase


HONEST_FORMS = [
    "How about a short walk at 10:30?",
    "You are free 9:00-10:00, a good slot for a nap.",
    "Mix the squash 2:1 with water.",
    "One idea: a walk before dinner.",
    "Something light, e.g. a salad, might suit lunch.",
    "Mr. Patel's bakery opens at 8.",
    "She said \"take it slow\" (and she was right).",
    "Tea now - or would a walk suit you better?",
    "Rest your eyes for 3-4 minutes.",
    "A fresh loaf is \u00a35 at the market.",
    "The hotel down the road is rated 5* by guests.",
    "Put on some music (about ten minutes) before bed.",
    "Stretch a little (or a short walk) after sitting.",
    "Invite a friend(s) over for cards?",
    "1 cup = 250 ml, so two cups will do.",
    "Practise some C++ this afternoon?",
    "Watch the news on T.V. tonight?",
    "Fly to the U.K. next summer?",
    "I <3 this idea: a warm bath.",
    "Try it: warm milk; honey; a book.",
    "Room #2 has the best light for painting.",
    "Fancy a Q&A with the chef at noon?",
    "R&B while you cook?",
    "A ~20 minute walk would do.",
    "Use 1/2 cup of oats.",
    "Tea? Or maybe\u2014just maybe\u2014a nap.",
    "Your 3 o'clock break: a short stretch.",
    "It's 50/50 whether it rains, so take an umbrella.",
    "Meet at the caf\u00e9 at 5 p.m.; they close at 6.",
    "A <5 minute stretch? Easy.",
    "The score was 2-1, by the way.",
    "It's a-ok to rest now.",
    "Snake plants like a little water, not much.",
    "Dinner at 7.30 works, then a film.",
    "\u2014 and then, perhaps, a nap.",
    "Ten minutes of stretching\nthen a glass of water.",
    "Take a walk.Maybe later a bath.",
    "2 eggs and 1 cup of flour will do.",
    "A _ moment _ of quiet?",
]


@pytest.mark.parametrize("text", HONEST_FORMS)
def test_honest_prose_has_no_form(text):
    assert format_problem(text) is None


# --- kaomoji and emoticons ---------------------------------------------------------------------

FACES = [
    ("Nice idea :-)", ":-)"),
    ("Go on ;)", ";)"),
    ("Tea time :D", ":D"),
    ("Ugh :( a nap then", ":("),
    ("Sounds fun:)", ":)"),
    ("Cheeky :P", ":P"),
    ("Hmm :/ maybe later", ":/"),
    ("Cute :3", ":3"),
    ("Yay =)", "=)"),
    ("A walk? (:", "(:"),
    ("Love you <3", "<3"),
    ("Heartbroken </3", "</3"),
    ("lol xD", "xD"),
    ("Great ^^", "^^"),
    ("Hi (^_^)", "(^_^)"),
    ("Fine ^_^ then", "^_^"),
    ("So tired -_-", "-_-"),
    ("Sad T_T", "T_T"),
    ("Whoa o.O", "o.O"),
    ("Oops >_<", ">_<"),
    ("Hewwo uwu", "uwu"),
    ("Cute OwO", "OwO"),
    ("Hmm ._.", "._."),
    ("Hooray \\o/", "\\o/"),
    ("Whatever \u00af\\_(\u30c4)_/\u00af", "\u00af\\_(\u30c4)_/\u00af"),
    ("Rage (\u256f\u00b0\u25a1\u00b0)\u256f\ufe35 \u253b\u2501\u253b", "(\u256f\u00b0\u25a1\u00b0)\u256f\ufe35 \u253b\u2501\u253b"),
    ("Bear \u0295\u2022\u1d25\u2022\u0294 hug", "\u0295\u2022\u1d25\u2022\u0294"),
    ("Look \u0ca0_\u0ca0", "\u0ca0_\u0ca0"),
    ("Shy (\u00b4\u30fb\u03c9\u30fb`)", "(\u00b4\u30fb\u03c9\u30fb`)"),
    ("Happy (*^\u25bd^*)", "(*^\u25bd^*)"),
    ("Stunned (\u00b0_\u00b0)", "(\u00b0_\u00b0)"),
    ("Tea (\u25d5\u203f\u25d5)", "(\u25d5\u203f\u25d5)"),
]


@pytest.mark.parametrize("text,face", FACES)
def test_faces_are_found(text, face):
    assert kaomoji(text) == face


HONEST_FACELESS = [
    "Put on some music (about ten minutes) before bed.",
    "Stretch a little (or a short walk) after sitting.",
    "Meet at 10:30 for tea.",
    "The oven should be at 180\u00b0C (350\u00b0F).",
    "Mix it 2:3 with water.",
    "Read https://example.test/tips later.",
    "Plan B: a walk in the park.",
    "Pick option 8) if it rains.",
    "Wear your T-shirt and a U.S. cap.",
    "A lacto-ovo lunch for the tot?",
    "Note (e.g. a to-do) what's next.",
    "It is 8:30) already.",
    "Rest (1) or walk (2)?",
    "The kids (ages 3-5) can join.",
    "Try x-ray vision on the crossword.",
    "The ratio a:b should be even.",
]


@pytest.mark.parametrize("text", HONEST_FACELESS)
def test_honest_text_has_no_face(text):
    assert kaomoji(text) is None


# --- language ----------------------------------------------------------------------------------

ENGLISH = [
    "How about a short walk around the garden before lunch?",
    "Tea?",
    "Nap?",
    "A caf\u00e9 latte with Zo\u00eb at the bakery?",
    "How about a bowl of pho for dinner?",
    "A little feng shui: move the lamp nearer the window.",
    "Ten minutes of tai chi on the patio?",
    "Bon app\u00e9tit, Sofia!",
    "C'est la vie, the rain will pass. A board game instead?",
    "Chili con carne with rice tonight?",
    "Your scarf has a certain je ne sais quoi.",
    "Lunch at Caf\u00e9 de la Paix with Zo\u00eb?",
    "Dinner at Le Petit Bistro tonight?",
    "Take 50 \u03bcg of vitamin D with breakfast.",
    "Bake a \u03c0 pie!",
    "Cr\u00e8me br\u00fbl\u00e9e for dessert?",
    "Wanna try the new recipe? It's gonna be yummy.",
    "Time for a cuppa, love?",
    "Listen to \u00c9dith Piaf's La Vie en Rose while you cook.",
    "Try some kombucha, kimchi or tempeh with lunch.",
    "Stream some lo-fi beats. Maybe Khruangbin or Bonobo?",
    "Hola! How about a walk?",
    "Grazie for the help earlier; a walk now?",
    "Make a quick shakshuka. Za'atar on top.",
    "Practise your arpeggios: Cmaj7, Dm7, G7.",
    "A glass of vin rouge with Am\u00e9lie tonight?",
    "Have a go at ikebana with the tulips.",
    "Crochet a granny square for the blanket.",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_passes(text):
    assert language_problem(analyse(normalize(text).text)) is None


# (text, a phrase the problem must contain)
NOT_ENGLISH = [
    ("Et si vous faisiez une petite promenade dans le jardin avant le d\u00eener ?", "it is not in English (it reads as French)"),
    ("Tu devrais appeler ta s\u0153ur Emma ce soir.", "reads as French"),
    ("C'est l'heure d'une tasse de th\u00e9.", "reads as French"),
    ("Wie w\u00e4re es mit einem kurzen Spaziergang im Garten?", "reads as German"),
    ("Trink doch jetzt ein Glas Wasser und ruh dich aus.", "reads as German"),
    ("\u00bfQu\u00e9 tal un paseo por el parque antes de la cena?", "reads as Spanish"),
    ("Toma un vaso de agua y descansa un poco.", "reads as Spanish"),
    ("Che ne dici di una passeggiata prima di cena?", "reads as Italian"),
    ("Prendi un bicchiere d'acqua e riposati un po'.", "reads as Italian"),
    ("Que tal uma caminhada no parque antes do jantar?", "reads as Portuguese"),
    ("Voc\u00ea pode beber um copo de \u00e1gua agora.", "reads as Portuguese"),
    ("Zin in een korte wandeling voor het eten?", "reads as Dutch"),
    ("Drink even een glas water en rust uit.", "reads as Dutch"),
    ("Merci !", "it is not in English"),
    ("Moze p\u00f3jdziesz na spacer po ogrodzie?", "it is not in English"),
    ("Ta en kort promenad i tr\u00e4dg\u00e5rden.", "it is not in English"),
    ("Bir fincan \u00e7ay i\u00e7meye ne dersin?", "it is not in English"),
    ("Marie, tu pourrais appeler Emma et Jack ce soir.", "reads as French"),
    # mixed: an English sentence and a sentence or clause in another language
    ("Take a short walk. Es muy bueno para la salud.", "part of it is not in English"),
    ("How about a walk? Vamos a la playa ma\u00f1ana.", "reads as Spanish"),
    ("Drink some water, c'est tr\u00e8s bon pour la sant\u00e9 et pour le moral.", "part of it is not in English"),
    ("A nap would help. Das ist gut f\u00fcr dich.", "reads as German"),
    ("Call your mum tonight. Lei sar\u00e0 molto felice di sentirti.", "part of it is not in English"),
    # other scripts
    ("\u041f\u0440\u043e\u0433\u0443\u043b\u044f\u0439\u0442\u0435\u0441\u044c \u043f\u043e \u0441\u0430\u0434\u0443.", "it is written mostly in Cyrillic script"),
    ("\u6563\u6b69\u306f\u3044\u304b\u304c\u3067\u3059\u304b\uff1f", "it is written mostly in Japanese kana"),
    ("\u559d\u676f\u8336\u5427\u3002", "it is written mostly in Chinese characters"),
    ("\ucc28 \ud55c \uc794 \ud558\uc2e4\ub798\uc694?", "it is written mostly in Korean Hangul"),
    ("\u03a0\u03ac\u03bc\u03b5 \u03b2\u03cc\u03bb\u03c4\u03b1;", "it is written mostly in Greek script"),
    ("\u0627\u0634\u0631\u0628 \u0643\u0648\u0628\u0627 \u0645\u0646 \u0627\u0644\u0645\u0627\u0621", "it is written mostly in Arabic script"),
    ("\u0925\u094b\u0921\u093c\u093e \u091f\u0939\u0932\u093f\u090f", "it is written mostly in Devanagari script"),
    ("Take a walk, \u0434\u0440\u0443\u0433 \u043c\u043e\u0439, it helps.", "part of it is written in Cyrillic script"),
    ("Some green tea and \u6291\u8336 cookies?", "part of it is written in Chinese characters"),
]


@pytest.mark.parametrize("text,phrase", NOT_ENGLISH)
def test_other_languages_are_named(text, phrase):
    problem = language_problem(analyse(normalize(text).text))
    assert problem is not None and phrase in problem


def test_language_names_the_foreign_sentence():
    problem = language_problem(analyse("A warm bath tonight? Es muy relajante para ti."))
    assert problem == "part of it is not in English ('Es muy relajante para ti' reads as Spanish)"


# --- speed -------------------------------------------------------------------------------------


def test_surface_checks_are_fast():
    text = ("How about a short walk around the garden before lunch \u2014 the fresh air might help "
            "you feel a bit \u201ccalmer\u201d today?")
    analysis = analyse(normalize(text).text)
    language_problem(analysis)  # loads the vocabulary

    def surface():
        clean = normalize.__wrapped__(text).text
        format_problem(clean)
        kaomoji(clean)
        language_problem(analysis)

    seconds = min(timeit.repeat(surface, number=50, repeat=5)) / 50
    assert seconds < 0.002  # about 0.15 ms on one core; generous for a loaded machine
