"""Demeaning text: insults, belittling, mockery, contempt, threats, profanity, body
shaming, guilt-tripping and emotional manipulation.

A suggestion may be blunt, but it may not look down on the resident (or on
anyone). :func:`demeaning` returns the words that do, as written, or ``None``;
:func:`find_demeaning` also names the kind:

- **profanity**: swear words in any form, masked ones too ("f*ck", "sh!t"),
  minced oaths ("frigging") and oaths ("what the hell", "bloody hell");
- **name-calling**: an insulting noun aimed at someone: "you idiot", "you're
  such a couch potato", "don't be a baby", "what a muppet you are", "Get up,
  lazybones.", "Sit still, brat.", "your neighbour is a moron", "only losers
  stay in", masked insults ("you l0ser", "st*pid"); and any vocative "you"
  with a description that is not kind ("..., you grubby little oik.", "You
  pasty hermit, go outside");
- **a put-down**: a negative trait tied to a person ("you're so lazy", "you're
  hopelessly disorganised", "thick as two short planks", "someone as forgetful
  as you", "you know how scatterbrained you get"), contempt for their things
  or what they do ("your useless brother", "your garden looks ridiculous",
  "your singing is dreadful", "your cooking could curdle milk"), comparisons
  with low things ("you dress like a tramp"), "your place is a pigsty";
- **condescension**: "even you can manage that", "for once in your life",
  failings said to recur ("try not to make a mess of it this time", "don't
  screw it up like you usually do", "hopefully you won't forget this time"),
  "a grown adult should", "no wonder you're tired", "you never listen", "grow
  up", mocking vocatives ("nice one, genius"); doubts about the resident's
  ability ("I doubt you could handle", "if you can even manage", "if you can
  manage basic arithmetic", "since driving is clearly too much for you", "above
  your skill level", "someone with your attention span", "the attention span
  of a gnat", "a five-year-old could do it", "not exactly a master chef",
  "more your level", "if your ears can cope with real music") and sneering
  comparisons ("a proper cook would have...", "a tidy person wouldn't need
  telling", "only an idiot would", "the only thing you're good at");
- **guilt-tripping** and manipulation: "after everything I do for you", "the
  least you can do", "you owe it to me", "if you really cared", "I'm let down
  by you", "you've disappointed everyone", "everyone is tired of your
  excuses", "she's been crying because you never call", "your kids deserve
  better", "shame on you", "everyone else manages";
- **a threat**: "or else", "you'll be sorry", "if you know what's good for
  you", "or there will be consequences", "I'll make your life miserable", "or
  I'll bin your things";
- **body shaming**: "you've let yourself go", "you've gotten so chunky", "your
  big stomach", "your waistline can't take it", "shift that flab", "you smell
  like a dog", "with a face like yours", "you look awful".

The word classes behind these (negative traits, strong and mild and of the
body; abilities, difficulty and what a task is beyond; failings, slips and
words of recurrence; people who can be hurt and how; body parts and size
words; performances and verdicts; low things) are module constants, so a
construction covers every member of its classes.

A pejorative word that describes a thing, not a person, is left alone ("a
lazy Sunday brunch", "the lazy river", "the dumb waiter", "this crossword is
brutal", "a stupidly easy recipe", "you got a fat bonus"), as are warmth,
reassurance and care ("don't be too hard on yourself", "you're not lazy,
you're tired", "even someone as busy as you can fit in a stretch", "if the
hike is too much for you today, take the shorter loop", "don't forget your
scarf again", "you're so sensitive to the cold", "your cough sounds awful",
"well done, you clever thing", "sleep like a baby", "a killer playlist") and
titles after a cue ("watch 'Dumb and Dumber'").

Limits: no parser, so a target is read from nearby words; mild traits
("forgetful", "clumsy") need an intensifier or a frame ("as ... as you");
sarcasm without a marker ("great job, as always"), sneers told as a story
("it's a miracle they're still alive with you in charge"), idioms of looks
("something the cat dragged in") and patronising reproaches with a verb
that is not a failing ("try not to touch it this time", beside the honest
"try not to rush the dough this time") are missed; an insult no word class
holds, outside a vocative or a frame, is missed too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .nlp import Analysis, Token
from .token_patterns import TokenPatterns, phrase
from .topics import word_forms


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _nouns(text: str) -> frozenset[str]:
    """Nouns and their plurals (never verb forms: "wasting" is not "a waste")."""
    out = set()
    for w in text.split():
        out.add(w)
        if w.endswith(("s", "x", "ch", "sh")):
            out.add(w + "es")
        elif w.endswith("y") and w[-2:-1] not in ("a", "e", "o", "u"):
            out.add(w[:-1] + "ies")
        else:
            out.add(w + "s")
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Demeaning:
    """What was found: its kind (a short phrase) and the words as written."""

    kind: str
    phrase: str


PROFANITY = "profanity"
NAME_CALLING = "name-calling"
PUT_DOWN = "a put-down"
CONDESCENSION = "condescension"
GUILT = "guilt-tripping"
THREAT = "a threat"
BODY_SHAMING = "body shaming"

# --- word sets -------------------------------------------------------------------------

# Insulting nouns that insult wherever they name a person (as a vocative too: "Get up, slob.").
STRONG_INSULTS = _nouns("""idiot moron imbecile cretin dimwit halfwit nitwit numbskull numpty dunce dumbass dumbo
loser slob lazybones layabout slacker deadbeat wimp weakling crybaby coward jerk creep weirdo buffoon oaf klutz
doofus dork twit prat pillock plonker nincompoop simpleton ignoramus airhead bonehead blockhead knucklehead
meathead pinhead fatso lardass lardo fatty porker hag slut whore bitch bastard asshole arsehole dickhead dummy
slowpoke muppet wally berk dingbat knobhead tosser dolt dunderhead chump schmuck putz wuss whinger waster wastrel
scrounger sponger dimbulb chubs tubs birdbrain peabrain pea-brain lamebrain scatterbrain featherbrain
wanker twat douche douchebag jackass scumbag lowlife freeloader no-hoper piggy""")
# Nouns that insult only when aimed at the resident ("you pig", "don't be a baby"): other senses are common
# ("a pig roast", "sleep like a baby", "the Fool card", "a rhubarb fool", "git pull").
WEAK_INSULTS = _nouns("""fool pig cow baby child toddler brat clown joke disgrace disappointment embarrassment
burden pest nuisance bum nerd geek sheep hermit dinosaur slug snail whiner complainer moaner quitter sissy diva
nobody zero wreck disaster animal caveman troglodyte zombie vegetable blob lump failure tramp sloth parasite
leech scum degenerate git procrastinator addict chicken killjoy spoilsport buzzkill mess clot drip sap loafer
goof pushover doormat pain letdown let-down liability philistine grump grouch sourpuss curmudgeon crosspatch
oik yob lout slattern drunk drunkard boozer lush wino""")
INSULTS = STRONG_INSULTS | WEAK_INSULTS
# Insults that are a vocative at the end of a sentence ("Sit still, brat."); not endearments ("baby") nor
# words that end lists of things ("..., then the chicken").
VOCATIVE_INSULTS = WEAK_INSULTS - _nouns("""baby child toddler chicken animal vegetable sheep nobody zero joke
disaster mess disgrace disappointment embarrassment burden addict""")
# Nouns for a person, after a pejorative adjective ("a lazy person", "you stupid thing").
PERSON_NOUNS = _nouns("""person man woman guy girl boy kid thing creature human individual lump sod specimen
excuse self bones loser""") | _set("people men women")
# Adjectives that put a person down.
PEJORATIVES = _set("""lazy stupid dumb idiotic moronic brainless mindless dim dimwitted dense pathetic useless
worthless hopeless incompetent clueless fat obese ugly hideous disgusting gross repulsive revolting smelly stinky
filthy sloppy slovenly selfish spoiled spoilt whiny needy clingy spineless gutless boring childish immature
irresponsible undisciplined unreliable flabby chubby pudgy overweight senile crazy insane nuts psycho hysterical
dramatic oversensitive paranoid neurotic pitiful laughable lame feeble wretched ignorant gullible arrogant vain
obnoxious annoying irritating unbearable insufferable nasty ungrateful entitled unlovable unattractive
dull messy sluggish weak soft slow thick old sensitive unfit
inept gormless feckless daft witless half-witted dim-witted thick-headed pig-headed bone-idle good-for-nothing
hapless talentless scatterbrained slovenly slobbish greedy gluttonous piggish scruffy unkempt grubby petty whingy
dopey dozy simple-minded airheaded birdbrained lumpish oafish loutish spineless
idle clumsy forgetful disorganised disorganized untidy careless grumpy moody bossy nosy
chunky podgy portly tubby paunchy bloated frumpy wrinkly saggy lardy porky grotty heartless""")
# Pejoratives that need an intensifier to be aimed ("you're so slow", not "you're slow to anger"): traits of
# ordinary life that are said kindly too ("you're a bit forgetful lately", "you're heavy on the salt").
NEEDS_INTENSIFIER = _set("""weak soft slow thick old sensitive dull unfit messy idle clumsy forgetful disorganised
disorganized untidy careless grumpy moody bossy nosy chunky bloated wrinkly saggy""")
# Traits of the body: a put-down with one of these is body shaming ("you've gotten so chunky").
LOOK_TRAITS = _set("""fat obese ugly hideous flabby chubby pudgy overweight chunky podgy portly tubby paunchy bloated
frumpy unattractive wrinkly saggy scruffy unkempt grubby smelly stinky lardy porky""")
# Words after a trait that make it about a reaction or a moment, not a character ("so sensitive to cold",
# "so slow to anger", "weak from the flu", "heavy on the garlic").
TRAIT_COMPLEMENTS = _set("to from after with because since on about today tonight lately this")
# Words between "you're" and a pejorative that keep it aimed ("you're so very lazy").
INTENSIFIERS = _set("""so too really very such pretty quite incredibly totally completely utterly truly just
a an bit kind sort of rather super extremely downright plain absolutely being getting becoming always ever
walking
still even more most seriously bloody damn damned freaking frigging fucking the biggest total complete
absolute real little right proper""")
# Words that may stand between "you" and an insult ("you absolute clown", "you lazy slob"): the tagger
# does not always call them adjectives after "you", so the patterns take this list besides the class.
MODIFIERS = _set("""absolute total complete utter right proper real big great little old silly daft bloody damn
damned sorry pathetic miserable stupid dumb useless lazy fat filthy dirty greedy selfish ungrateful hopeless
worthless spoilt spoiled snivelling sniveling whining grumpy""")
# Nouns a pejorative adjective describes honestly ("a lazy Sunday", "the dumb waiter", "an old friend").
BENIGN_HEADS = {
    "lazy": _set("""day days sunday saturday weekend morning mornings afternoon afternoons evening evenings
brunch breakfast lunch dinner river susan stroll walk pace lie-in hours hour time loaf eye cat dog"""),
    "dumb": _set("waiter waiters bell bells luck phone phones"),
    "old": _set("friend friends favourite favorite times days habit photos school"),
    "dull": _set("day weather sky afternoon morning knife blade ache"),
    "slow": _set("cooker cook roast morning start pace walk day"),
    "fat": _set("quarter quarters content free"),
}
# Contempt for a thing the resident has or does ("your stupid phone", "your pathetic excuses").
CONTEMPT_ADJECTIVES = _set("""stupid idiotic moronic pathetic crappy shitty lousy lame ridiculous pitiful
laughable pointless worthless sorry useless hopeless slovenly slobbish incompetent clueless inept brainless rubbish
crummy good-for-nothing selfish ungrateful spoilt spoiled gormless feckless""")  # "dumb": its own pattern
# What contempt calls a thing of the resident's ("your garden looks ridiculous", "your plan is a joke").
THING_CONTEMPT = CONTEMPT_ADJECTIVES | _set("""disgusting filthy gross embarrassing disgraceful shameful dumb
annoying insufferable unbearable irritating obnoxious absurd tragic shambolic garbage trash crap eyesore disgrace
shambles joke crime travesty abomination atrocity affront insult""")
# Person-words of the body a pejorative can be aimed at ("your lazy butt", "your fat face").
BODY_NOUNS = word_forms("self", "ass", "arse", "butt", "bum", "behind", "backside", "carcass", "face", "mug", "body",
                    "belly", "gut", "thigh", "arm", "leg", "chin", "bones", "head", "brain")
# Nouns of the resident's failings ("your laziness").
FAILINGS = _set("""laziness stupidity idiocy incompetence ignorance whining moaning self-pity uselessness
pettiness arrogance vanity selfishness cowardice sloth slobbishness""")
# Words that negate a put-down ("you're not lazy", "nobody thinks you're lazy").
NEGATORS = _set("not n't never no nobody nothing hardly neither nor without none")
# Verbs of failing that "try not to ... this time" reproaches.
STRONG_FAILS = word_forms("mess", "screw", "botch", "bungle", "ruin", "muck", "cock", "stuff", "blow", "fail", "fumble",
                      "fuck") | _set("blew")
# Everyday slips: "don't forget your scarf again" is a reminder; only "try not to" or "hopefully you
# won't" makes one a doubt about the resident.
SLIPS = word_forms("forget", "miss", "lose", "skip", "oversleep") | _set("forgot forgotten lost overslept")
MILD_FAILS = word_forms("forget", "burn", "break", "lose", "drop", "spill", "miss", "oversleep", "skip", "drown", "flood",
                    "overcook", "overwater", "kill", "crash", "smash", "scorch", "wreck", "trip", "fall") | _set(
    "forgot forgotten broke broken lost spilt overslept burnt fell")
# Words that say a failing happened before: "try not to drown them again", "don't mess it up like you
# usually do", "hopefully you won't forget this time".
RECURRENCE = _set("again this time usual usually always normally typically before last once more")
# Verbs of coping with a task: what condescension doubts ("I doubt you could handle", "if you can even manage").
ABILITY_VERBS = word_forms("manage", "handle", "cope", "do", "follow", "understand", "grasp", "comprehend", "figure",
                       "work", "remember", "recall", "operate", "use", "read", "count", "spell", "add", "cook",
                       "boil", "make", "finish", "complete", "get", "master", "tackle", "deal", "keep", "lift",
                       "walk", "drive", "fix", "learn", "hold", "carry", "open", "tie", "switch", "turn", "press",
                       "plug", "wield", "pick", "peel", "chop", "sew", "iron", "dress", "wash") | _set(
    "did done made got kept held")
# Things a task can be "too ... for you": the put-down asserts the resident cannot cope.
DIFFICULTY = _set("""much hard difficult complicated complex advanced technical tricky taxing demanding challenging
confusing ambitious sophisticated intellectual highbrow clever smart deep heavy""")
# What a task is beyond ("above your skill level", "beyond your abilities", "over your head").
ABILITY_NOUNS = _nouns("""skill ability capability capacity competence intelligence talent wit brain understanding
league paygrade grade level depth iq expertise""") | _set("pay-grade head")
# Simple tasks a doubter names ("if you can manage basic arithmetic", "even the basics").
BASIC_WORDS = _set("basic basics simple simplest elementary easy easiest even the")
# People who suffer by the resident or tire of them ("your mother has been crying because of you",
# "everyone is sick of your excuses").
OTHERS = _set("""i we everyone everybody people they he she nobody family mother mum mom father dad parents kids
children son daughter wife husband partner friends friend sister brother neighbours neighbors grandchildren
colleagues boss team""")
# States of someone hurt, tired or let down by the resident.
HURT_STATES = _set("""crying cried cry hurt hurting upset sad suffering suffered worried miserable lonely
heartbroken disappointed ashamed embarrassed angry furious exhausted stressed tired sick fed""")
# Verbs by which the resident hurts someone ("you've disappointed everyone", "you let your family down").
HURT_VERBS = word_forms("disappoint", "fail", "hurt", "embarrass", "shame", "upset", "betray", "abandon", "neglect",
                    "humiliate", "burden")
# Parts of the body that size shaming names ("your big stomach", "your waistline can't take it").
SIZE_BODY_PARTS = _nouns("""belly gut stomach tummy thigh hip butt bum backside behind bottom rear arse ass chin jowl
waist waistline midriff middle paunch nose ear forehead arm cheek""")
# Size and shape words that shame a body part.
SIZE_WORDS = _set("""big bigger huge enormous massive giant fat fatter flabby saggy wobbly bulging jiggly ugly chubby
pudgy podgy expanding growing chunky gross""")
# What a waist cannot take ("skip the cake; your waistline can't take it"); not the stomach, which honestly
# cannot take spicy food.
WAIST_WORDS = _nouns("waist waistline hip thigh bum butt backside figure jean trouser belt") | _set("jeans")
# Participles of being hurt by someone ("let down by you", "hurt by your words").
HURT_BY = _set("""hurt upset disappointed embarrassed ashamed betrayed humiliated wounded saddened
exhausted drained""")
# What "for once" or "for a change" reproaches the resident for not doing ("do something productive for a
# change", "get it right for once"); not novelty ("try a new route for a change").
USEFUL_WORDS = _set("""productive useful worthwhile right properly correctly sensible sensibly helpful punctual
responsible effort decent constructive""")
# Skills and gifts that "you're not exactly ..." denies ("not exactly a master chef", "not exactly bright").
SKILLED_WORDS = _nouns("""genius master chef expert pro professional natural athlete einstein scientist surgeon
whizz whiz wizard talent brain prodigy""") | _set("""bright sharp quick clever smart fit handy talented skilled
graceful gifted capable competent""")
# What the resident does or makes, that contempt judges ("your singing is dreadful", "your taste in music").
PERFORMANCES = _nouns("""cooking singing dancing driving taste handwriting spelling grammar joke excuse idea baking
painting drawing playing writing style fashion outfit haircut music choice decision manner attitude effort work
gardening knitting parenting timekeeping housekeeping cleaning dress poem poetry voice laugh""")
# Verdicts on a performance ("your cooking is atrocious"); said of an ailment they are sympathy ("your
# cough sounds awful"), which is why they need a performance noun.
BAD_VERDICTS = _set("""dreadful awful terrible atrocious appalling abysmal horrendous horrible shocking dire woeful
cringeworthy cringe bad rubbish hideous unbearable painful excruciating""")
# What a performance could do in contempt's hyperbole ("your singing could curdle milk").
DAMAGES = word_forms("curdle", "scare", "frighten", "kill", "wake", "stop", "break", "clear", "empty", "poison",
                 "deafen", "offend", "traumatise", "traumatize", "torture", "bore")
# Low things a person is compared to ("you dress like a tramp", "the attention span of a gnat").
LOW_THINGS = _nouns("""beginner amateur novice tramp scarecrow corpse zombie drunk caveman slob animal hobo vagrant
gnat goldfish fly amoeba slug snail sloth potato brick rock plank doorknob teenager pig troll warthog donkey mule
lemming sheep stone post pensioner grandma granny""")
# Qualities that "of a ..." compares ("the attention span of a gnat", "the manners of a pig").
QUALITIES = _set("""span memory brain brains intelligence iq manners grace charm personality reflexes wits wit sense
looks coordination co-ordination table""")
# Adjectives of a dull or addled mind ("that sleepy brain of yours").
DULL_MIND = _set("sleepy thick tiny empty addled foggy rusty dozy slow feeble little lazy small pea-sized")
# Words of a kind vocative ("you lucky thing", "you absolute legend"): the vocative rule leaves these alone.
KIND_VOCATIVES = _set("""lucky poor clever brilliant beautiful lovely sweet dear wonderful amazing gorgeous smart kind
good great fabulous marvellous marvelous talented gifted brave strong busy hard-working hardworking early legend star
champ champion hero angel darling sweetheart sweetie honey love genius beauty treasure gem marvel superstar rockstar
rock diamond cutie clever-clogs sleepyhead rascal devil monkey scamp tinker charmer old young handsome pretty
dearest precious bright lovely happy birthday girl boy night owl lark early-bird""")
# Words of a vocative that name a group, not a trait ("you two", "you lot", "you guys").
GROUP_VOCATIVES = _set("two three both all lot guys folks people lads girls boys everyone ladies gentlemen there")
# Nouns for body fat ("shift some of that flab").
FAT_NOUNS = _set("flab blubber lard flabbiness paunch jowls podge")
# What a person has little of that "someone with your ..." mocks ("someone with your attention span").
DEFICITS = _set("""span memory record direction coordination co-ordination willpower self-control discipline
metabolism waistline""")
# Nouns for a child or an animal that "could do it" (a task so easy that the resident is mocked by it).
CHILD_NOUNS = _nouns("child kid toddler baby monkey chimp chimpanzee caveman preschooler infant") | _set(
    "five-year-old four-year-old three-year-old six-year-old two-year-old seven-year-old")
# Failings that "as usual" turns into a reproach ("late as usual").
BAD_HABITS = word_forms("late", "forget", "slack", "procrastinate", "laze", "loaf", "mope", "sulk", "whine",
                    "complain", "moan", "waste", "mess", "avoid", "glue", "oversleep", "skip", "fail", "quit",
                    "excuse", "dawdle") | _set("forgot lazy nothing behind overslept glued slacking lazing")
# Kind verbs that make "for once" warm ("treat yourself for once").
KIND_VERBS = word_forms("treat", "enjoy", "relax", "rest", "indulge", "pamper", "spoil", "reward", "celebrate",
                    "unwind", "sleep", "breathe", "slow", "pause", "nap", "splurge", "let")
# Sarcastic names ("nice one, genius").
MOCK_NAMES = _set("genius einstein sherlock smartypants smartass hotshot wiseguy")
# States that "no wonder you're ..." blames on the resident.
BAD_STATES = _set("""tired exhausted single alone lonely broke fat unhappy stressed struggling behind stuck bored
sick failing late overweight miserable unfit""")
# How someone looks that shames them ("you look awful").
BAD_LOOKS = _set("""awful terrible horrible dreadful hideous ugly old fat gross disgusting haggard frumpy bloated
chubby flabby pasty""")

# Swear words; the patterns allow masked letters ("f*ck", "sh!t", "a**hole").
_MASK = r"[*#@%!$.1_\-]"
PROFANE_WORDS = re.compile(
    r"^(?:"
    rf"f(?:u|{_MASK})?(?:c|{_MASK})?(?:k|{_MASK}k)+(?:s|ed|er|ers|ing|in|in'|face|head|wit|wits|tard|off|ity|load)?"
    rf"|f{_MASK}{{2,4}}(?:k|ing|in|ed|er)?|fcuk\w*|fuk\w*|motherf\w*|mofo"
    rf"|sh(?:i|{_MASK})(?:t|{_MASK})(?:s|e|ty|tier|tiest|ting|ted|head|hole|show|bag|load|face)?|\$hit\w*"
    rf"|bull(?:sh(?:i|{_MASK})t|crap)\w*|horseshit|apeshit|batshit|dipshit|chickenshit"
    rf"|b(?:i|{_MASK})tch(?:es|ing|y|ed)?|bastards?"
    rf"|(?:a|@)(?:s|\$|{_MASK}){{2}}holes?|arseholes?|assholes?|dumbass(?:es)?|jackass(?:es)?|smartass(?:es)?"
    rf"|c(?:u|{_MASK})nts?|dickheads?|dicks?|pricks?|cocks?|wank\w*|twats?|bollocks|bugger(?:ed|ing)?"
    rf"|god-?damn\w*|damn(?:ed|it)?|dammit|crap(?:py|pier|s)?|arsed?|frigg?(?:ing|in)|effing|feck(?:ing|in)?"
    rf"|piss\w*|douche\w*|tits|titties|slut\w*|whores?"
    rf"|wtf|stfu|gtfo|ffs|omfg|fml|lmfao"
    r")$",
    re.IGNORECASE,
)
# Swear words with an honest sense: only sworn when aimed ("you prick"), not "prick the potatoes".
AMBIGUOUS_SWEARS = _set("dick dicks prick pricks cock cocks tits bugger craps")

# People by role, whom a sneering comparison names ("a proper cook would have ...").
_PEOPLE = _nouns("""person adult grown-up cook chef baker engineer gardener homemaker housekeeper artist writer
designer host parent student professional carpenter woodworker painter musician reader teacher accountant player
gamer friend human man woman knitter crafter decorator developer programmer coder""")

SETS = {
    "STRONG": STRONG_INSULTS, "WEAK": WEAK_INSULTS, "INSULT": INSULTS, "PERSON": PERSON_NOUNS,
    "PEJ": PEJORATIVES, "CONTEMPT": CONTEMPT_ADJECTIVES, "BODY": BODY_NOUNS, "FAILING": FAILINGS,
    "STRONG_FAIL": STRONG_FAILS, "MILD_FAIL": MILD_FAILS, "MOCK": MOCK_NAMES,
    "LOOKS": BAD_LOOKS, "STATE": BAD_STATES,
    "SURELY": _set("clearly obviously evidently plainly apparently simply just still really honestly"),
    "COMPARED": _set("""tacky clumsy careless rude cringey cringe embarrassing tasteless pathetic lazy stupid
dumb selfish useless hopeless sloppy ugly grumpy whiny needy clingy annoying ignorant incompetent clueless lame
dramatic"""),
    "PEOPLE": _PEOPLE,
    "SOFTLY": _set("'d would will 'll really still just do does 're are be seriously honestly"),
    "LOOK": LOOK_TRAITS, "ABLE": ABILITY_VERBS, "HARD": DIFFICULTY, "ABILITY": ABILITY_NOUNS, "BASIC": BASIC_WORDS,
    "OTHERS": OTHERS, "HURT": HURT_STATES, "HURT_VERB": HURT_VERBS, "SIZE_PART": SIZE_BODY_PARTS,
    "PLEASURE": word_forms("love", "enjoy", "like", "adore", "appreciate", "agree", "laugh", "smile", "want", "fancy",
                       "relish", "savour", "savor", "admire", "treasure", "delight"),
    "MOD": MODIFIERS | PEJORATIVES, "USEFUL": USEFUL_WORDS, "SKILLED": SKILLED_WORDS,
    "NICE_SMELL": _set("rose roses flowers lavender heaven vanilla perfume fresh spring baking bread soap sunshine"),
    "PERFORMANCE": PERFORMANCES, "BAD_VERDICT": BAD_VERDICTS, "DAMAGE": DAMAGES, "LOW": LOW_THINGS
    | STRONG_INSULTS | VOCATIVE_INSULTS, "QUALITY": QUALITIES, "DULL_MIND": DULL_MIND | PEJORATIVES,
    "DESTROY": word_forms("bin", "throw", "chuck", "toss", "smash", "break", "sell", "burn", "confiscate", "delete",
                      "cancel", "hide", "unplug", "cut", "take", "lock", "ban", "report", "tell", "hurt", "punish"),
    "FLAW": _nouns("""temper attitude ego mouth mood whining moaning laziness stubbornness sulking nagging
snoring excuse gut belly habit""") | _set("ego"),
    "FACULTY": _nouns("ear eye brain mind palate taste intellect wit attention nerve"),
    "SIZE": SIZE_WORDS, "LAZY_OK": BENIGN_HEADS["lazy"] | _set("hands hand bones"),
    "THING_CONTEMPT": THING_CONTEMPT, "VOCATIVE": VOCATIVE_INSULTS,
    "STRONG_PEJ": PEJORATIVES - NEEDS_INTENSIFIER - LOOK_TRAITS, "WAIST": WAIST_WORDS, "HURT_BY": HURT_BY,
    "FAT": FAT_NOUNS, "DEFICIT": DEFICITS, "CHILD": CHILD_NOUNS,
}

# --- phrase patterns (see token_patterns for the notation) -------------------------------

# Patterns that demean even after a negation ("it won't look like a child drew it").
_NEGATION_PROOF: set[str] = set()


def _unnegated(source: str) -> str:
    """Mark a pattern as demeaning whatever negation comes before it."""
    _NEGATION_PROOF.add(source)
    return source


PATTERNS = (
    # oaths and crude phrases
    (PROFANITY, "what|who|where|why|how|get|shut the hell"),
    (PROFANITY, "go to hell"),
    (PROFANITY, "hell no|yeah"),
    (PROFANITY, "bloody|fucking|effing|freaking|frigging hell"),
    (PROFANITY, "bloody _/ADJ,ADV"),
    (PROFANITY, "the|your|ur|this|that|these|those|my bloody !nose|noses|mary|marys|steak|tissue|tissues|bandage|lip|"
                "knee|knees|footprint|footprints|handprint|handprints|battle|history _/NOUN"),
    (PROFANITY, "like hell"),
    (PROFANITY, "kiss|kick|kicks|kicked|haul|drag my|your|ur ass|arse|butt"),
    (PROFANITY, "pain in the ass|arse|butt"),
    (PROFANITY, "screw|sod|bugger|piss you|off"),
    (PROFANITY, "screw this|that|it $"),
    (PROFANITY, "son of a bitch"),
    (PROFANITY, "piece of shit|crap"),
    # name-calling
    (NAME_CALLING, "you|u ,? {MOD}|_/ADJ? {MOD}|_/ADJ? {STRONG}"),
    (NAME_CALLING, "you|u ,? {MOD}|_/ADJ? {MOD}|_/ADJ? {WEAK}/NOUN,PROPN !-"),
    (NAME_CALLING, "you|u {STRONG_PEJ} {MOD}|_/ADJ? _/NOUN,PROPN $"),
    (NAME_CALLING, "!do|does|did|can|could|will|would|should|may|might|if|when|as|that|where|how you|u ,? _/ADJ? "
                   "_/ADJ? {WEAK} ,|.|!|;"),
    (NAME_CALLING, "you|u|a|an|such|total|real|complete|absolute _/ADJ? couch -? potato|potatoes"),
    (NAME_CALLING, "^ {STRONG}|{MOCK} ,|!|.|?"),
    (NAME_CALLING, ", _/ADJ,NOUN? {STRONG}|{MOCK} $"),
    (NAME_CALLING, ", couch -? potato $"),
    (NAME_CALLING, "do|did|will not|n't be|become a|an|such|so ~2 {INSULT}/NOUN,PROPN"),
    (NAME_CALLING, "stop|quit being|acting|playing a|an|like|the|such ~2 {INSULT}/NOUN,PROPN"),
    (NAME_CALLING, "what a|an _/ADJ? {STRONG}|fool|fools|pig|pigs|cow|baby|brat|clown|slug|quitter|whiner"),
    (NAME_CALLING, "what a|an {PEJ} {PERSON}"),
    # ("your dog eats like a pig" names the dog)
    (NAME_CALLING, "!_/NOUN,PROPN act|acting|behave|behaving|whine|whining|cry|crying|sulk|sulking|eat|eating|talk|"
                   "talking|"
                   "dress|dressing like a|an|some _/ADJ? child|baby|toddler|pig|slob|animal|caveman|idiot|brat|"
                   "teenager|{STRONG}"),
    (NAME_CALLING, "such|total|complete|absolute|utter|real|proper|right a|an ~1 {STRONG} !_/NOUN"),
    (NAME_CALLING, "bunch|pack|lot|load of {STRONG}"),
    (NAME_CALLING, "waste of space|oxygen|skin"),
    (NAME_CALLING, "drama queen"),
    (NAME_CALLING, "a|such|you|u|being|total|real wet blanket"),
    (NAME_CALLING, "a|such|you|u|being|total|real party pooper"),
    (NAME_CALLING, "a|such|you|u|being|total|real scaredy|fraidy -? cat"),
    (NAME_CALLING, ", grandma|grandpa|granny|gramps|old-timer .|!|?|…"),
    (BODY_SHAMING, "nobody|no one? want|wants|needs|need to see you|u|your"),
    (NAME_CALLING, "good - for - nothing"),
    (NAME_CALLING, "sad sack"),
    (NAME_CALLING, "sorry excuse for"),
    (NAME_CALLING, "basket case"),
    (NAME_CALLING, "lost cause"),
    (NAME_CALLING, "hot mess"),
    (NAME_CALLING, "only|just {PEJ} people|losers|idiots|slobs|failures"),
    (PUT_DOWN, "{CONTEMPT}|feeble|half-hearted effort|efforts|attempt|attempts|excuse|excuses|performance|showing|"
               "job|life"),
    # put-downs about the resident or their things
    (PUT_DOWN, "{PEJ} as you|u be|'re|are|may|might|seem|look|r"),
    (PUT_DOWN, "^ {PEJ} you|u|old|thing|one $"),
    (PUT_DOWN, "how|so|too {PEJ} of you|u"),
    (PUT_DOWN, "^ how {PEJ} $|you|of"),
    (PUT_DOWN, "your|ur {PEJ} {BODY}"),
    (PUT_DOWN, "your|ur {CONTEMPT} _/ADJ? _/NOUN"),
    (PUT_DOWN, "your|ur dumb _/ADJ? !phone|phones|waiter|luck|bell|bells _/NOUN"),
    (PUT_DOWN, "your|ur {FAILING}"),
    (PUT_DOWN, "do|did|will not|n't be so|too|such ~1 {PEJ}"),
    (PUT_DOWN, "stop|quit being|acting|getting so|too|such|that ~1 {PEJ}"),
    (PUT_DOWN, "stop|quit being|acting {PEJ}"),
    (PUT_DOWN, "do|did|will not|n't be {PEJ} $"),
    (PUT_DOWN, "call|calls|called|find|finds|found|think|thinks|consider|considers you|u {PEJ}"),
    (PUT_DOWN, "makes|make|made you|u look|seem|sound {PEJ}|{LOOKS}"),
    (PUT_DOWN, "what be|'s|is wrong with you|u"),
    (PUT_DOWN, "be|are|r you|u ~1 stupid|blind|deaf|dumb|thick|daft|insane|crazy|nuts|brain-dead|thick"),
    (PUT_DOWN, "can|ca|could not|n't you|u even|ever|read|follow|manage|understand"),
    (PUT_DOWN, "do you|u even lift|know|care|try|listen|read|remember|think"),
    (PUT_DOWN, "you|u disgust|sicken|bore|annoy|irritate|repulse|embarrass|disgusted|bored|annoyed|irritated|"
               "embarrassed me|us|everyone|everybody|people"),
    (PUT_DOWN, "you|u make|made me|us sick|ill|cringe|sad|angry|mad|worried|upset|cry"),
    (PUT_DOWN, "i|we can|ca not|n't stand you|u"),
    (PUT_DOWN, "your|ur _/NOUN ~1 be|is|'s|are|was|were|looks|seems|seem|look|sounds|sound ~2 {THING_CONTEMPT}"),
    (PUT_DOWN, "^ typical|classic you|u"),
    (PUT_DOWN, ", lazy|chubby|stupid|dumb|ugly|fat|pathetic|useless|tubby|porky|stinky|smelly|skinny $"),
    (NAME_CALLING, ", princess $"),
    (NAME_CALLING, ", your highness|majesty $"),
    (CONDESCENSION, "act|behave your|ur age"),
    (CONDESCENSION, "even for you|u $"),
    (CONDESCENSION, "you|u had one job"),
    (CONDESCENSION, "what be|are you|u ,? five|six|seven|ten|twelve|2|5|12 $"),
    (CONDESCENSION, "what be|are you|u ,? a child|baby|toddler|kid"),
    (CONDESCENSION, "forget your|ur head"),
    (PUT_DOWN, "tolerate|tolerates|tolerated|tolerating you|u"),
    (PUT_DOWN, "put|puts|putting up with you|u"),
    (BODY_SHAMING, "stuff|stuffing|stuffed your|ur face|gob|mouth"),
    (PUT_DOWN, "not like you|u have|'ve|got anything|much ~1 better to do"),
    (PUT_DOWN, "not like you|u be|'re busy"),
    (PUT_DOWN, "what kind|sort of adult|person|grown-up|grown|man|woman can|ca|does|doesn|still"),
    (PUT_DOWN, "do|does you|u ever stop|shut|listen|learn|finish"),
    (PUT_DOWN, "^ pathetic|disgusting|disgraceful|shameful|embarrassing|useless|hopeless|lame|pitiful $"),
    # condescension and mockery
    # ("even you will love this" is a promise of pleasure, not a doubt)
    (CONDESCENSION, "even you|u can|could|should|will|'ll|would|might|manage|ca|understand|get|handle|do|follow "
                    "!{PLEASURE}"),
    (CONDESCENSION, "even you|u ~2 able"),
    (CONDESCENSION, "even a|an|my monkey|chimp|chimpanzee|idiot|moron|caveman|fool|goldfish|dog|trained|"
                    "grandma|granny|grandmother can|could|would|manages|gets"),
    (CONDESCENSION, "for once in your|ur _/ADJ? life|lives"),
    (CONDESCENSION, "make an effort|attempt for once|a change"),
    (CONDESCENSION, "try|do|please|will|can|'ll|just not|n't ~1 to? _/ADV? {STRONG_FAIL} ~3 this time"),
    (CONDESCENSION, "try|do|please|will|can|'ll|just not|n't ~1 to? _/ADV? {STRONG_FAIL} ~3 again"),
    (CONDESCENSION, "try|do|please|will|can|'ll|just not|n't ~1 to? _/ADV? {STRONG_FAIL}|{MILD_FAIL} ~3 this "
                    "time"),
    (CONDESCENSION, "try|do|please|will|can|'ll|just not|n't ~1 to? _/ADV? {STRONG_FAIL}|{MILD_FAIL} ~3 "
                    "like|as last|usual|always|before"),
    (CONDESCENSION, "a grown|full-grown|fully-grown adult|man|woman|person|adults|men|women"),
    (CONDESCENSION, "act|acting|behave|behaving like|as a|an grown -? up|adult"),
    (CONDESCENSION, "at|for your|ur age ,? you|u should|ought ~2 know|understand|able|better"),
    (CONDESCENSION, "at|for your|ur age ,? you|u 'd|would think"),
    (CONDESCENSION, "at|for your|ur age ,? surely"),
    (CONDESCENSION, "still ~5 at|for your|ur age"),
    (CONDESCENSION, "someone|somebody|people your|ur age ~1 should|ought|shouldn't|still|can|ca|really"),
    (CONDESCENSION, "you|u be|'re too old|slow|weak|fat|lazy"),
    (CONDESCENSION, "no wonder you|u ~2 {STATE}"),
    (CONDESCENSION, "no wonder you|u ca|can|never|always|have|do"),
    (CONDESCENSION, "no wonder nobody|no"),
    (CONDESCENSION, "!_/NOUN,PROPN !that|which you|u never listen|learn|finish|bother|manage|stick|lift|follow|care|listened|learned|learnt|"
                    "finished|bothered|managed|stuck|cared"),
    (CONDESCENSION, "!_/NOUN,PROPN !that|which you|u never do|did|get|got|finish|manage|make anything|nothing|right"),
    # doubts about the resident's ability, and sneering comparisons
    (CONDESCENSION, "!if|unless|whether|when|though you|u {SURELY} can|ca|could|cannot not|n't {ABLE}"),
    (CONDESCENSION, "!if|unless|whether|when|though you|u {SURELY}? can|ca|could|cannot not|n't handle|cope|manage|"
                    "understand|follow|grasp|comprehend|figure|hack|cook|draw|paint|sing|write|read|count|spell"),
    (CONDESCENSION, "you|u clearly|obviously|evidently|plainly did|have|had not|n't ~3 last|first|before"),
    (CONDESCENSION, "you|u {SURELY}? have|'ve no idea|clue|taste|sense|talent|skill|self-control|willpower|discipline"),
    (CONDESCENSION, "not|n't too complicated|difficult|hard|advanced|complex|tricky|confusing|technical|taxing for "
                    "you|u|someone|a"),
    (CONDESCENSION, "assuming|presuming you|u still|even|actually remember|recall|know"),
    (CONDESCENSION, "assuming|presuming you|u remember|recall how to"),
    (CONDESCENSION, "if you|u still remember|know how to"),
    (CONDESCENSION, _unnegated("before you|u forget how")),
    (CONDESCENSION, "only thing you|u ~2 good|well|right|manage|capable|excel"),
    (CONDESCENSION, "all you|u be|'re good for"),
    (CONDESCENSION, "you|u be|'re ~1 too scared|afraid|timid|cowardly|chicken|weak|fragile|stupid|dumb|incompetent|"
                    "useless|clumsy|lazy to|for"),
    (CONDESCENSION, "you|u be|'re ~1 too anxious|nervous|old|slow|set|stuck|feeble for|to ~1 anything|everything|new|"
                    "change"),
    (CONDESCENSION, _unnegated("even ~3 like you|u")),
    (CONDESCENSION, _unnegated("like|by a|an child|kid|toddler|five-year-old|monkey|chimp|drunk drew|made|did|wrote|painted|"
                    "built|cooked|knitted|decorated|designed|sewed|baked")),
    (CONDESCENSION, "less {COMPARED} than usual|your|ur|last|before|ever"),
    (CONDESCENSION, "less self -? absorbed|centred|centered|obsessed|indulgent"),
    (CONDESCENSION, "=be less {COMPARED}"),
    (CONDESCENSION, "your|you|u ~5 embarrassingly|pathetically|laughably|pitifully|shamefully|disgracefully|woefully"),
    (CONDESCENSION, "a|any|every competent|real|proper|sensible|normal|reasonable|smart|capable|half-decent|"
                    "self-respecting|true|responsible ~1 {PEOPLE} would|'d|could|should have|'ve"),
    (CONDESCENSION, "anyone|anybody|everyone|someone with half|common|any ~1 brain|brains|sense|clue|taste|manners|"
                    "style"),
    (CONDESCENSION, "anyone|anybody|everyone|someone with taste|manners|style|sense|brains ~2 would|could|'d|knows|"
                    "know|can|should"),
    (CONDESCENSION, "anyone|anybody|everyone with ~2 would|could|'d|should have|'ve"),
    (CONDESCENSION, _unnegated("only a|an fool|idiot|moron|amateur|child|coward|lunatic|madman ~1 would|could|'d")),
    (CONDESCENSION, "any fool|idiot|moron can|could"),
    (CONDESCENSION, "i know ~4 confuses|confuse|confused|baffles|baffle|baffled|bewilders|defeats|overwhelms you|u"),
    (CONDESCENSION, "be|'s|is _/ADV? beyond you|u"),
    (CONDESCENSION, "your|ur ~2 not|n't what they|it|you were|was|used"),
    (PUT_DOWN, "{PEJ}|depressing|tacky|sad|miserable|dreary|bland|grim|useless ,? just|exactly? like you|u|yourself $"),
    (PUT_DOWN, "as {PEJ}|depressing|tacky|miserable|dreary|bland|grim|useless as you|u|yourself $"),
    (NAME_CALLING, ", old man|woman|lady|timer|fart|codger|geezer|git $"),
    (NAME_CALLING, ", gramps|boomer|geezer|codger|fossil|old-timer $"),
    (NAME_CALLING, "^ old man|timer|fart|codger|geezer ,"),
    (PUT_DOWN, "pigsty|pigsties|pigpen|hovel|shithole"),
    (PUT_DOWN, "your|ur place|room|house|flat|home|kitchen|apartment|bedroom|desk|car ~1 be|'s|is|looks ~2 a|an|like "
               "dump|tip|zoo|bombsite|sty"),
    (CONDESCENSION, "people|those|anyone|someone|somebody who ~6 end|ends up ~2 broke|alone|homeless|miserable|lonely|"
                    "fat|sick|dead|unemployed|single|failures"),
    (THREAT, "you|u will|'ll|gon|going ~2 end|die up? alone|broke|lonely|miserable|homeless|single"),
    (CONDESCENSION, "you|u always mess|screw|complain|whine|moan|quit|ruin|fail|procrastinate|sulk|mope|overreact|"
                    "exaggerate|messes|screws|complains|whines|moans|quits|ruins|fails|procrastinates|sulks|mopes"),
    (CONDESCENSION, "you|u always give up"),
    (CONDESCENSION, "you|u always make|find ~1 excuse|excuses"),
    (CONDESCENSION, "you|u always let ~1 down"),
    (CONDESCENSION, "nobody|no one? like|likes|love|loves|want|wants|respect|respects|trust|trusts|need|needs "
                    "a|an ~1 {INSULT}"),
    (CONDESCENSION, "nobody|no one? like|likes|love|loves|want|wants|respect|respects|trust|trusts|need|needs "
                    "you|u"),
    (CONDESCENSION, "nobody|no one? care|cares|wants ~2 about|what|how|if|whether|that you|u|your"),
    (CONDESCENSION, "who care|cares about you|u|your"),
    (CONDESCENSION, "who asked you|u"),
    (CONDESCENSION, "nobody|no one? asked"),
    (CONDESCENSION, "laugh|laughs|laughing|laughed at you|u"),
    (CONDESCENSION, "cry about it"),
    (CONDESCENSION, "ok|okay boomer"),
    (CONDESCENSION, "keep|shut your|ur mouth|trap|gob shut"),
    (CONDESCENSION, "never amount to anything|much|a|nothing"),
    (GUILT, "better off without you|u"),
    (GUILT, "you|u deserve|deserved to be alone|miserable|unhappy|lonely|hated|punished|ignored|forgotten"),
    (CONDESCENSION, "^ grow|man|toughen|wise|shape up"),
    (CONDESCENSION, "you|u ~2 need|needs|have|got to grow|man|toughen|wise up"),
    (CONDESCENSION, "^ just|please|so grow|man|toughen up"),
    (CONDESCENSION, "suck it up"),
    (CONDESCENSION, "get over yourself|it"),
    (CONDESCENSION, "pull yourself together"),
    (CONDESCENSION, "snap out of it"),
    (CONDESCENSION, "get a grip|life !on|of|-|size|jacket|vest"),
    (CONDESCENSION, "cry me a river"),
    (CONDESCENSION, "boo hoo|hoo-hoo"),
    (CONDESCENSION, "boo-hoo"),
    (CONDESCENSION, "^ big deal $"),
    (CONDESCENSION, "^ get real $"),
    (CONDESCENSION, "shut up|it !shop"),
    (CONDESCENSION, "shut your|ur mouth|trap|face|gob|pie"),
    (CONDESCENSION, "^ go away|get lost $"),
    (CONDESCENSION, "just go away|get lost $"),
    (CONDESCENSION, "stop|quit whine|whining|complaining|moaning|crying|sulking|moping|snivelling|sniveling|"
                    "bitching|grumbling|overreacting|pouting"),
    (CONDESCENSION, "stop|quit feeling sorry for yourself"),
    (CONDESCENSION, "stop|quit making excuses"),
    (CONDESCENSION, "good luck with that $"),
    (CONDESCENSION, "yeah|ya right $"),
    (CONDESCENSION, "as if you|u would|'d|will|could|can ever"),
    (CONDESCENSION, "as if you|u 'd|would"),
    (CONDESCENSION, "like you|u would|'d|will|could ever"),
    (CONDESCENSION, "^ in your|ur dreams $"),
    (CONDESCENSION, ", in your|ur dreams $"),
    (CONDESCENSION, "who be|are you|u kidding"),
    (CONDESCENSION, "nice|good|great|way ~2 , {MOCK}"),
    (CONDESCENSION, "way to go , {MOCK}|{STRONG}"),
    (CONDESCENSION, "cute|adorable that you|u think|believe"),
    (CONDESCENSION, "i|we should not|n't have|need to remind|tell|explain|ask|repeat"),
    (CONDESCENSION, "how many times do|must|should i|we have? to? tell|remind|ask|say|explain|repeat"),
    (CONDESCENSION, "how many times have i|we told|reminded|asked|said"),
    (CONDESCENSION, "i keep|kept telling|reminding|asking you"),
    (CONDESCENSION, "do|did not|n't make me ask|tell|remind|say|repeat"),
    (CONDESCENSION, "let me explain|spell ~1 slowly|it out"),
    (CONDESCENSION, "try to keep up $"),
    (CONDESCENSION, "do|did not|n't worry your|ur pretty|little ~1 head"),
    (CONDESCENSION, "you|u would|'d not|n't understand"),
    (CONDESCENSION, "everyone|everybody else ~1 manage|manages|managed|seems|seem|somehow"),
    (CONDESCENSION, "normal|real|other people|adults ~1 manage|manages|managed|somehow"),
    # guilt-tripping and manipulation
    (GUILT, "after everything|all that? i|we ~1 do|did|done|'ve|have|sacrifice|sacrificed|give|gave ~2 for you|u"),
    (GUILT, "after all i|we ~2 done|do|did for you|u"),
    (GUILT, "you|u owe me|us"),
    (GUILT, "you|u owe it|this|that|one to me|us|everyone|everybody|them|people"),
    (GUILT, "you|u owe it|this|that to your|ur family|kids|children|mother|mum|mom|father|dad|parents|partner|wife|"
            "husband|friends"),
    (GUILT, "if you|u really|truly|actually|even|ever|honestly|only cared|loved|respected|valued|appreciated"),
    (GUILT, "if you|u cared|loved|respected|valued"),
    (GUILT, "disappointed|ashamed|embarrassed in|of|with|by ~1 you|u|your"),
    (GUILT, "so|very|really|deeply disappointed $"),
    (GUILT, "i|we be|'m|am ~2 disappointed|ashamed|embarrassed $"),
    (GUILT, "sick|tired of you|u $"),
    (GUILT, "sick|tired of reminding|telling|nagging|asking|repeating"),
    (GUILT, "you|u be|'re ~1 letting|let me|us|everyone|everybody|them|your|the ~2 down"),
    (GUILT, "do|did|will not|n't let me|us|everyone|everybody down"),
    (GUILT, "shame on you|u"),
    (GUILT, "you|u should|ought ~1 be|feel ashamed|embarrassed|guilty|bad"),
    (GUILT, "be|are|r not|n't you|u ashamed|embarrassed"),
    (GUILT, "have you|u no shame"),
    (GUILT, "how dare you|u"),
    (GUILT, "your|ur own fault"),
    (GUILT, "all your|ur fault"),
    (GUILT, "you|u only have yourself to blame"),
    (GUILT, "you|u brought this|it on yourself"),
    (GUILT, "serves you|u right"),
    (GUILT, "i told you|u so"),
    (GUILT, "say|said i did not|n't warn you|u"),
    (GUILT, "what did you|u expect $"),
    (GUILT, "i|we will|'ll be ~2 sad|hurt|heartbroken|upset|disappointed|devastated|angry|mad|crushed if|unless"),
    (GUILT, "i|we will|'ll be ~2 sad|hurt|heartbroken|upset|disappointed|devastated|angry|mad|crushed $"),
    (GUILT, "you|u would|'d not|n't want to disappoint|upset|fail|let"),
    (GUILT, "do|did not|n't want people|everyone|everybody|them|others to think you|u"),
    (GUILT, "do it for me|us $"),
    (GUILT, "think of|about how disappointed|sad|upset|ashamed|embarrassed|hurt"),
    (GUILT, "your|ur _? mother|mum|mom|father|dad|family|kids|children|friends|parents|wife|husband|partner|"
            "grandmother|grandma would|will|'d be ~1 ashamed|disappointed|embarrassed|horrified|appalled"),
    (GUILT, "you|u be|'re breaking my|our heart"),
    # threats
    (THREAT, "or else !, $"),
    (THREAT, "or you|u will|'ll be? sorry|regret"),
    (THREAT, "you|u will|'ll be sorry"),
    (THREAT, "you|u will|'ll regret"),
    (THREAT, "or i|we will|'ll|shall ~2 hurt|punish|report|tell|ban|lock|kill|destroy|ruin|punch|slap|smack|beat"),
    (THREAT, "or i|we will|'ll|shall make you|u"),
    (THREAT, "i|we will|'ll|shall|be|gon|going ~2 hurt|kill|punish|destroy|ruin|beat|smack|slap|strangle|punch|"
             "report you|u"),
    (THREAT, "i|we will|'ll|shall|be|gon|going ~2 make you|u pay|regret|sorry|suffer|cry"),
    (THREAT, "kill|hurt|punch|slap|smack|strangle|beat|destroy you|u $"),
    (THREAT, "i|we know where you|u live"),
    (THREAT, "you|u have|'ve been warned"),
    (THREAT, "do|did not|n't make me come|hurt|punish"),
    # body shaming
    (BODY_SHAMING, "you|u have|'ve|really ~1 let yourself go"),
    (BODY_SHAMING, "you|u be|have|'ve|'re ~2 gained|gaining|putting|put|piling|piled|packing|packed ~3 weight|"
                   "pounds|kilos|kilograms|stone|lbs"),
    (BODY_SHAMING, "you|u be|'re ~1 getting|looking|become|becoming fat|chubby|flabby|big|heavy|wrinkly|saggy|old"),
    (BODY_SHAMING, "you|u be|'re ~1 getting|looking? out of shape"),
    (BODY_SHAMING, "lose|shed|lost ~2 weight|pounds|kilos|kilograms|flab|belly|gut|stone|fat|lbs"),
    (BODY_SHAMING, "burn|lose|hide|trim|shift|shrink ~1 off? that|those|your|ur belly|gut|flab|rolls|thighs|fat|"
                   "bulge|tummy|chins"),
    (BODY_SHAMING, "your|ur|that|those fat|flabby|saggy|wobbly|bulging|jiggly|ugly|chubby|pudgy|gross belly|gut|"
                   "thighs|arms|butt|ass|arse|face|body|rolls|tummy|legs|chin|chins|behind|backside"),
    (BODY_SHAMING, "your|ur|that|those big|huge belly|gut|thighs|butt|ass|arse|rolls|tummy|chin|chins|behind|"
                   "backside"),
    (BODY_SHAMING, "your|ur belly|gut|thighs|butt|bum|ass|arse|tummy|waist|waistline ~3 huge|big|bigger|fat|fatter|"
                   "enormous|massive|flabby|wobbly|saggy|expanding"),
    (BODY_SHAMING, "you|u ~1 reek|stink|stinks|stank|reeks"),
    (BODY_SHAMING, "you|u smell|smelt|smelled bad|awful|terrible|disgusting|funny"),
    (BODY_SHAMING, "love handles"), (BODY_SHAMING, "muffin top"), (BODY_SHAMING, "double chin"),
    (BODY_SHAMING, "beer|pot belly|gut"), (BODY_SHAMING, "man boobs"), (BODY_SHAMING, "moobs"),
    (BODY_SHAMING, "cankles"), (BODY_SHAMING, "bingo wings"), (BODY_SHAMING, "thunder thighs"),
    (BODY_SHAMING, "turkey neck"), (BODY_SHAMING, "spare tyre|tire"), (BODY_SHAMING, "dad bod"),
    (BODY_SHAMING, "you|u {SOFTLY}? look|looking|looked ~1 {LOOKS}"),
    (BODY_SHAMING, "you|u {SOFTLY}? look|looking|looked ~1 like hell|death|crap|shit"),
    (BODY_SHAMING, "you|u {SOFTLY}? look|looking|looked ~1 like a|an _/ADJ? mess|zombie|slob|wreck|corpse|pig|whale|"
                   "hag|ghost|tramp"),
    (BODY_SHAMING, "you|u {SOFTLY}? look|looking|looked ~1 a mess|fright|sight|state|wreck"),
    (BODY_SHAMING, "you|u do|did not|n't need another|more|that|a|any ~1 cookie|biscuit|slice|snack|dessert|"
                   "pudding|treat|helping|doughnut|donut|cake|bite"),
    # --- round two: constructions over the word classes above --------------------------------
    # an insult as a vocative ("Sit still, brat."), an exclamation ("What a muppet you are"), a group
    # ("Only losers stay in")
    (NAME_CALLING, "!_/NOUN,PROPN,NUM , {MOD}|_/ADJ? {VOCATIVE}/NOUN,PROPN $"),
    (NAME_CALLING, "what a|an _/ADJ? _/ADJ? {INSULT}/NOUN you|u be|are|'re|r"),
    (NAME_CALLING, "!the|an|a|one|my|your only|just {STRONG}/NOUN"),
    (PUT_DOWN, "!_/NOUN,PROPN,NUM , {STRONG_PEJ}/ADJ $"),
    # a trait set against the resident ("someone as forgetful as you", "you know how scatterbrained you get")
    (PUT_DOWN, "as {PEJ} as you|u|yourself"),
    (PUT_DOWN, "how {PEJ} you|u be|are|'re|get|can|seem|look|act|r"),
    (PUT_DOWN, "your|ur lazy|idle !{LAZY_OK} _/ADJ? _/NOUN"),
    # doubts about what the resident can do ("I doubt you could handle", "if you can even manage",
    # "if you can manage basic arithmetic", "someone with your attention span")
    (CONDESCENSION, "doubt|doubting|doubtful that? you|u can|could|ca|cannot|'d|would ~2 handle|manage|cope|follow|"
                    "understand|grasp|comprehend|master|tackle|finish|complete|do"),
    (CONDESCENSION, "doubt|doubting|doubtful|unsure|sure|wonder|wondering if|whether|that? you|u can|could|ca even"),
    (CONDESCENSION, "if|whether you|u can|could|ca even {ABLE}"),
    (CONDESCENSION, "if|assuming|provided you|u can|could|'re|are ~1 {ABLE} ~1 {BASIC}"),
    (CONDESCENSION, "someone|somebody|anyone|anybody|people|a|person with your|ur ~2 {DEFICIT}"),
    (CONDESCENSION, "manage|handle|do ~3 without burning|setting|flooding|breaking|wrecking|destroying|ruining ~2 "
                    "house|place|kitchen|flat|building|down|fire"),
    # guilt: the resident hurts, tires or lets down others ("let down by you", "you've disappointed everyone",
    # "everyone is tired of your excuses", "the least you can do")
    (GUILT, "let|letting down by|because you|u|your"),
    (GUILT, "{HURT_BY} by you|u|your"),
    (GUILT, "you|u ~3 {HURT_VERB} ~2 {OTHERS}|me|us|them|everyone|everybody|yourself"),
    (GUILT, "{OTHERS} be|get|getting|grow|growing|'m|'re|'s|am|are|is ~2 sick|tired|weary|fed ~2 of|with you|u|your"),
    (GUILT, "the least you|u can|could|ca do"),
    (GUILT, "after all|everything ~5 i|we ~4 for you|u"),
    # threats ("if you know what's good for you", "or there will be consequences", "I'll make your life hell")
    (THREAT, "if you|u know what be|'s|is good for you|u"),
    (THREAT, "there will|'ll|shall|gon|going ~3 consequences|hell $"),
    (THREAT, "there will|'ll|shall|gon|going ~3 hell to pay"),
    (THREAT, "there will|'ll|shall|gon|going ~3 consequences|hell for|to you|u"),
    (THREAT, "or|otherwise|else ,? face the consequences"),
    (THREAT, "i|we will|'ll|shall|be|gon|going ~3 make|turn your|ur life|day|days|week|evening|weekend ~2 hell|"
             "miserable|misery|nightmare|unbearable"),
    (THREAT, "you|u will|'ll pay for|dearly"),
    (THREAT, "or|otherwise|else you|u will|'ll be? in ~1 trouble"),
    # body shaming by size words and body parts ("your big stomach", "your waistline can't take it",
    # "shift some of that flab")
    (BODY_SHAMING, "your|ur|that|those {SIZE} {SIZE_PART}"),
    (BODY_SHAMING, "your|ur {WAIST} ~3 can|ca|cannot|could|couldn not|n't take|handle|afford|cope|stand"),
    (BODY_SHAMING, "shift|lose|burn|trim|shed|work|get ~4 that|those|your|ur {FAT}|{SIZE_PART}"),
    (BODY_SHAMING, "your|ur|that|those {FAT}"),
    (BODY_SHAMING, "your|ur {SIZE_PART} ~4 out of hand|control|shape"),
    # more doubts and verdicts about the resident ("if your tiny brain can cope", "you'd never finish
    # it", "I wouldn't trust you with a kettle", "clearly not your strong suit", "about as useful as a
    # chocolate teapot", "even the dimmest person")
    (CONDESCENSION, "your|ur tiny|little|small|puny|feeble|pea-sized|limited brain|brains|mind|intellect"),
    (CONDESCENSION, "you|u 'd|would|'ll|will|could never ~1 finish|manage|cope|handle|understand|master|succeed|"
                    "cut|hack|learn|grasp|figure"),
    (CONDESCENSION, "i|we|nobody|no would|'d|could not|n't|never ~1 trust you|u with|to"),
    (CONDESCENSION, "clearly|obviously|evidently|definitely|certainly|plainly not|n't your|ur strong|forte|"
                    "strength|talent|gift"),
    (CONDESCENSION, "you|u be|'re|r ~1 about|roughly|nearly as _/ADJ as a|an"),
    (CONDESCENSION, "even|only the dimmest|dumbest|stupidest|thickest|densest|laziest|clumsiest"),
    (CONDESCENSION, "even|only the most incompetent|clueless|useless|hopeless|inept"),
    (CONDESCENSION, "even you|u , ~5 , can|could|should|will|'ll|would|ca|manage"),
    # guilt: letting people down, selfishness ("you've let everyone down", "you only think of yourself")
    (GUILT, "you|u ~2 let|letting|lets {OTHERS}|me|us|them|everyone|everybody ~1 down"),
    (GUILT, "you|u ~2 let|letting|lets your|ur ~1 {OTHERS} down"),
    (GUILT, "you|u ~1 only think|care|worry|thinks|cares about|of yourself"),
    (GUILT, "never|n't think|care|thinks|cares ~2 about|of anyone|anybody|others but|except|apart yourself"),
    # after blind set 2: irony and sneers by construction ("not exactly a master chef", "more your level",
    # "I've told you a hundred times", "a tidy person wouldn't need telling", "not that you ever listen",
    # "something productive for a change", "your doctor must despair of you", "your kids deserve better")
    (CONDESCENSION, "not|n't exactly|quite|really|precisely a|an|the? _/ADJ? {SKILLED}"),
    (CONDESCENSION, "more|about|just|exactly|right|at your|ur level|speed|league|pace|standard"),
    (CONDESCENSION, "told|asked|reminded|warned|shown you|u ~2 a|so hundred|thousand|million|umpteen|many|100|1000 "
                    "times"),
    (CONDESCENSION, "told|asked|reminded|warned|shown you|u ~1 countless|umpteen|endless times"),
    (CONDESCENSION, _unnegated("should|would|ought|must|'d not|n't need|have telling|reminding")),
    (CONDESCENSION, _unnegated("should|would|ought|must|'d not|n't need|have to be told|reminded")),
    (CONDESCENSION, _unnegated("not that you|u ever|even|actually ~1 listen|care|bother|learn|remember|try|follow|"
                               "finish|pay|notice")),
    (CONDESCENSION, "{USEFUL} ~3 for once $"),
    (CONDESCENSION, "{USEFUL} ~3 for a change $"),
    (CONDESCENSION, "despair|despairs|despaired|despairing of you|u"),
    (CONDESCENSION, "give|gives|gave|given|giving up on you|u"),
    (GUILT, "{OTHERS} ~2 deserve|deserves|deserved better"),
    (GUILT, "deserve|deserves ~4 who|that ~2 not|n't so|as|that {PEJ}"),
    (BODY_SHAMING, "you|u ~1 smell|smells|smelt|smelled|stink|stinks|reek|reeks like|of !{NICE_SMELL} !a|an|the"),
    (BODY_SHAMING, "you|u ~1 smell|smells|smelt|smelled|stink|stinks|reek|reeks like|of a|an|the !{NICE_SMELL}"),
    # after blind set 3: contempt for what the resident does, comparisons with low things, mockery by
    # idiom-shaped constructions over word classes
    (PUT_DOWN, "your|ur {PERFORMANCE} ~3 be|is|'s|was|are|sounds|sound|looks|look|tastes|taste|smells ~2 "
               "{BAD_VERDICT}"),
    (PUT_DOWN, "your|ur {PERFORMANCE} ~3 could|would|can|might ~1 {DAMAGE}"),
    (PUT_DOWN, "you|u ~1 _/VERB like a|an|some {MOD}|_/ADJ? {LOW} !_/NOUN"),
    (CONDESCENSION, "like a|an big|good boy|girl"),
    (PUT_DOWN, "make|making|made|makes|turning|turned|turns|keep|keeping|keeps you|u look|seem|sound|get|grow? ~2 "
               "{STRONG_PEJ}|{LOOK}"),
    (CONDESCENSION, "who raised|brought|reared you|u"),
    (CONDESCENSION, "were|was you|u raised|born|brought|dragged ~1 in a|an barn|cave|field|zoo|sty"),
    (CONDESCENSION, _unnegated("give|gave|given|giving|gives up expecting|hoping ~3 from|of you|u")),
    (CONDESCENSION, "expect|expecting|expects|expected nothing|little from you|u"),
    (CONDESCENSION, "even a|the blind ~1 man|person|mole|bat|woman could|can|would see|tell|notice|spot"),
    (CONDESCENSION, "{QUALITY} of a|an {MOD}|_/ADJ? {LOW}"),
    (PUT_DOWN, "sponging|sponge|sponges|scrounging|scrounge|mooching|mooch|leeching|freeloading|cadging off|on|from"),
    (THREAT, "or|otherwise|else i|we will|'ll|shall|'m|am|be ~2 {DESTROY}"),
    (CONDESCENSION, "that|this|those {DULL_MIND} ~1 brain|brains|head|skull|mind|noggin|mouth|gob of yours"),
    (CONDESCENSION, "that|this|those {MOD}|_/ADJ? {FLAW} of yours|urs"),
    (GUILT, "you|u owe your|ur ~1 {OTHERS} more|better|that"),
    (CONDESCENSION, "what a|an {PEJ} ~1 _/NOUN you|u be|are|'re|r"),
    (CONDESCENSION, "sort|get your|ur life|act|self|shit|head ~1 together|out|sorted|straight"),
    (CONDESCENSION, "sort yourself out"),
    (CONDESCENSION, "shut|close your|ur cakehole|piehole|pie-hole|yap|hole|kisser|gob|trap|mouth|face|pie"),
    (PUT_DOWN, ", {STRONG_PEJ}|{LOOK} $"),
    # after blind set 4: sneers by construction over classes ("which is typical of you", "have you
    # considered actually exercising", "assuming you haven't forgotten where the oven is", "your brain must
    # be mush", "you can barely ... as it is", "nobody would blame your wife for leaving", "if anyone can
    # stand your company", "the world doesn't revolve around you", "ugh, you again")
    (CONDESCENSION, "typical|characteristic of you|u $"),
    (CONDESCENSION, "you|u ~1 considered|tried|thought ~1 actually _/VERB"),
    (CONDESCENSION, "assuming|presuming|provided|if you|u ~2 forgotten|forgot|lost ~1 how|where|what|which"),
    (CONDESCENSION, "your|ur brain|brains|mind|head ~3 mush|porridge|jelly|rotten|rotting|goo|mashed|addled"),
    (CONDESCENSION, "you|u can|could barely|hardly ~4 as it is"),
    (GUILT, _unnegated("blame your|ur ~1 _/NOUN for leaving|walking|divorcing|running|escaping|moving|giving")),
    (PUT_DOWN, "{OTHERS}|anyone|anybody|someone|somebody can|could|ca ~1 stand|bear|tolerate|abide|endure you|u|your"),
    (CONDESCENSION, _unnegated("world|universe ~2 revolve|revolves|revolving around you|u")),
    (CONDESCENSION, "ugh|urgh|eww|ew|yuck|pfft|ugh ,? you|u|your"),

    # a doubt that the resident's senses or mind can cope with the "real" thing (a sneer at their taste:
    # "if your ears can cope with real music"); "if your knees can cope with the stairs" is care
    (CONDESCENSION, "if|whether|assuming your|ur {FACULTY} can|could|ca ~1 cope|handle|manage|take|stand|bear ~3 "
                    "real|proper|actual|grown-up|serious|decent|good|quality|sophisticated|intelligent"),
)


@lru_cache(maxsize=1)
def _patterns() -> TokenPatterns:
    return TokenPatterns(PATTERNS, SETS)


# --- second-person put-downs ("you're so lazy") ------------------------------------------

# Verbs that tie "you" to what it is called.
_LINKS = _set("be 're are were 's r re look looks looked seem seems seemed sound sounds act acts acted get gets got "
              "become becomes became grow grows turn turned")


def _negated_before(tokens: tuple[Token, ...], first: int, i: int) -> bool:
    """A negator in the few tokens before ``i`` in its clause ("nobody thinks you're lazy",
    "it doesn't mean you're lazy")."""
    for k in range(i - 1, max(first, i - 5) - 1, -1):
        t = tokens[k]
        if t.lower in (",", ";", "—", "–", "but", "because", "so"):
            return False
        if t.lower in NEGATORS or t.lemma in NEGATORS:
            # "I can't believe you're so lazy" still says it
            return not (k + 1 < i and tokens[k + 1].lemma in _NOT_NEGATING)
    return False


# Verbs after "not" that do not take back what follows ("can't believe", "can't stand").
_NOT_NEGATING = _set("believe imagine help deny stand wait")


# Lemmas of verbs that tie "you" to what it is called ("you've gotten so chunky", "you seem rather dense").
_LINK_LEMMAS = _set("be become seem look get grow turn remain stay appear sound act")
# Words between "you" and a linking verb ("you've become", "you really are", "you can be so").
_BEFORE_LINK = _set("""'ve have has 've been really truly honestly just always sometimes often can could must 'd would
will 'll still""")


def _aimed_put_down(analysis: Analysis) -> tuple[str, int, int] | None:
    """"you" tied by a linking verb (or "ur") to a pejorative or an insult, with only
    intensifiers or adverbs between, not negated: "you're so lazy", "you are such a slob",
    "you've become so boring", "ur pathetic", "you're being a baby", "you're hopelessly
    disorganised", "you've gotten really chunky" (body shaming: a trait of looks).
    A trait said of a following noun that is not a person is not aimed ("you got a fat
    bonus"); a mild trait needs an intensifier and no complement ("so sensitive to cold")."""
    tokens = analysis.tokens
    for first, end in analysis.sentences:
        for i in range(first, end):
            t = tokens[i]
            if t.lower not in ("you", "u", "ur", "youre", "yall"):
                continue
            k = i + 1
            if t.lower not in ("ur", "youre"):
                while k < end and tokens[k].lower in _BEFORE_LINK:
                    k += 1
                if k >= end or tokens[k].lower not in _LINKS and tokens[k].lemma not in _LINK_LEMMAS:
                    continue
                k += 1
            intensified = article = False
            while k < end and (tokens[k].lower in INTENSIFIERS or tokens[k].lower in ("-", "being")
                               or (tokens[k].pos == "ADV" and tokens[k].lower not in NEGATORS
                                   and tokens[k].lower not in PEJORATIVES)):
                intensified = intensified or tokens[k].lower not in ("a", "an", "being", "-", "the")
                article = article or tokens[k].lower in ("a", "an", "the", "such")
                k += 1
            # other adjectives before an insulting noun: "a big baby", "a grumpy old git"
            adjectives = k
            while adjectives < min(end, k + 3) and (tokens[adjectives].pos == "ADJ"
                                                   or tokens[adjectives].lower in MODIFIERS):
                adjectives += 1
            if adjectives > k and adjectives < end and tokens[adjectives].lower in INSULTS:
                k = adjectives
            if k >= end:
                continue
            word = tokens[k]
            after = tokens[k + 1] if k + 1 < end else None
            hit = None
            if after is not None and after.lower == "as":
                intensified = True  # a simile: "thick as two short planks", "slow as a snail"
            if word.lower in PEJORATIVES and (intensified or word.lower not in NEEDS_INTENSIFIER):
                hit = k
                if article and after is not None and after.pos == "NOUN" and not _names_a_person(after):
                    hit = None  # said of a thing: "you got a fat bonus", "you're a lazy-Sunday type"
                if after is not None and word.lower in NEEDS_INTENSIFIER and after.lower in TRAIT_COMPLEMENTS:
                    hit = None  # "so sensitive to cold", "so slow to anger"
            elif word.lower in STRONG_INSULTS or (word.lower in INSULTS and word.pos in ("NOUN", "PROPN")):
                hit = k
                if after is not None and after.pos == "NOUN":
                    hit = None  # a compound: "you're a cow farmer"
            elif word.lower == "couch" and k + 2 < end and tokens[k + 1].lower in ("-", "potato", "potatoes"):
                hit = k + (2 if tokens[k + 1].lower == "-" else 1)
            if hit is None:
                continue
            if any(tokens[m].lower in NEGATORS or tokens[m].lemma in NEGATORS for m in range(i + 1, hit)):
                continue
            if _negated_before(tokens, first, i):
                continue
            if any(tokens[m].lower in _NOBODY for m in range(hit + 1, min(end, hit + 4))):
                continue  # "you're a burden to no one"
            kind = NAME_CALLING
            if word.lower in PEJORATIVES:
                kind = BODY_SHAMING if word.lower in LOOK_TRAITS else PUT_DOWN
            return kind, i, hit + 1
    return None


# Words right after a put-down that take it back ("a burden to no one", "lazy? never").
_NOBODY = _set("no nobody noone never")


def _names_a_person(token: Token) -> bool:
    """Whether a noun names a person (so that a pejorative before it is said of one): "a lazy person",
    "a lazy cook", "a fat slob" (agent nouns in -er, -or, -ist too)."""
    word = token.lower
    return (word in PERSON_NOUNS or word in INSULTS or word in _PEOPLE
            or (len(word) > 4 and word.endswith(("er", "or", "ist", "ers", "ors", "ists"))))


_BEFORE_COPULA_INSULT = INTENSIFIERS | {"all", "both", "just", "a", "an"}


def _copula_insult(analysis: Analysis) -> tuple[str, int, int] | None:
    """Anyone called a strong insult by a copula: "your boss is an idiot", "they're all
    losers", "Sam is such a slob" (not negated: "he's no fool")."""
    tokens = analysis.tokens
    for first, end in analysis.sentences:
        for i in range(first, end):
            t = tokens[i]
            if t.lemma != "be" or i == first:
                continue
            k = i + 1
            while k < end and tokens[k].lower in _BEFORE_COPULA_INSULT:
                k += 1
            if k < end and tokens[k].lower in STRONG_INSULTS and not (
                    k + 1 < end and (tokens[k + 1].pos == "NOUN" or tokens[k + 1].lower == "'s")):
                if any(tokens[m].lower in NEGATORS or tokens[m].lemma in NEGATORS for m in range(i, k)):
                    continue
                if _negated_before(tokens, first, i):
                    continue
                return NAME_CALLING, max(first, i - 1), k + 1
    return None


def _profanity(analysis: Analysis) -> tuple[str, int, int] | None:
    """A swear word (masked letters too); a swear word with an honest sense only after
    "you", "your" or "a" ("you prick", not "prick the sausages")."""
    tokens = analysis.tokens
    for i, t in enumerate(tokens):
        if len(t.text) < 3 or not PROFANE_WORDS.match(t.text):
            continue
        if t.lower in AMBIGUOUS_SWEARS:
            before = tokens[i - 1].lower if i > 0 else ""
            if before not in ("you", "u", "your", "ur", "such", "total", "complete", "little", "absolute", "big"):
                continue
        if t.lower in ("crap", "craps") and i + 1 < len(tokens) and tokens[i + 1].lower in ("table", "game"):
            continue
        return PROFANITY, i, i + 1
    return None


# Letters written as digits or symbols ("l0ser", "id10t", "st*pid").
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i",
                       "|": "l", "+": "t"})
_MASKABLE = STRONG_INSULTS | _set("stupid dumb lazy fat ugly pathetic useless worthless moronic idiotic")
_MASKABLE_BY_LENGTH = {n: tuple(sorted(w for w in _MASKABLE if len(w) == n)) for n in {len(w) for w in _MASKABLE}}


def _unmasked(word: str) -> str | None:
    """The insult that ``word`` spells with digits, symbols or stars for letters, or ``None``."""
    if word.isalpha() or not any(c.isalpha() for c in word) or len(word) < 4:
        return None
    plain = word.translate(_LEET)
    if plain in _MASKABLE:
        return plain
    if "*" in word or "#" in word:
        for candidate in _MASKABLE_BY_LENGTH.get(len(word), ()):
            if all(c in "*#" or c == d for c, d in zip(plain, candidate)):
                return candidate
    return None


_MASKED_WORD = re.compile(r"[\w@$*!#|+]*[0-9@$*!#|+][\w@$*!#|+]*")


def _masked_insult(analysis: Analysis) -> tuple[str, int, int] | None:
    """An insult disguised with digits or symbols for letters: "you l0ser", "st*pid", "id10t"
    (read on the text, since the tokenizer may split such a word)."""
    tokens = analysis.tokens
    for found in _MASKED_WORD.finditer(analysis.text):
        word = found.group().lower()
        plain = _unmasked(word) or _unmasked(word.strip("!|+"))
        if plain is None:
            continue
        inside = [i for i, t in enumerate(tokens) if found.start() <= t.start < found.end()]
        if inside:
            return (PUT_DOWN if plain in PEJORATIVES else NAME_CALLING), inside[0], inside[-1] + 1
    return None


def _for_once(analysis: Analysis) -> tuple[str, int, int] | None:
    """"for once" closing a sentence that asks something of "you" ("Could you finish a book
    for once?"), unless the sentence is kind ("treat yourself for once")."""
    tokens = analysis.tokens
    for first, end in analysis.sentences:
        for i in range(first, end - 1):
            if tokens[i].lower != "for" or tokens[i + 1].lower != "once":
                continue
            after = i + 2
            if after < end and tokens[after].is_word:
                continue  # "for once the sun is out"
            words = tokens[first:end]
            if not any(t.lower in ("you", "u", "your", "yourself") for t in words):
                continue
            if any(t.lower in KIND_VERBS or t.lemma in KIND_VERBS for t in words):
                continue
            return CONDESCENSION, max(first, i - 3), i + 2
    return None


_EASY = _set("easy simple easily simply effortless quick")
_CAN = _set("could can would 'd ca")
# Animals that "could do it": a mockery whatever the task ("a trained monkey could sort your recycling").
_ANIMALS = _nouns("monkey chimp chimpanzee caveman")


def _child_end(tokens: tuple[Token, ...], k: int, end: int) -> int | None:
    """The token after a child or animal noun at ``k`` ("toddler", "five-year-old", "5 year old"),
    or ``None``."""
    word = tokens[k].lower
    if word in CHILD_NOUNS:
        return k + 1
    # "five-year-old", "5 year old" (the tokenizer splits at hyphens)
    m = k + 1
    for part in ("-", "year", "-", "old"):
        if m < end and (tokens[m].lower == part or (part == "year" and tokens[m].lower == "years")):
            m += 1
        elif part != "-":
            return None
    return m


def _child_could(analysis: Analysis) -> tuple[str, int, int] | None:
    """A child or an animal that could do the resident's task, said to mock them: "even a
    child knows that", "a five-year-old could do it", "even a monkey could manage"; not the
    recipe's boast "so easy even a child could make it" (the sentence says it is easy) nor
    "any child can plant a bean" (the child takes part)."""
    tokens = analysis.tokens
    for first, end in analysis.sentences:
        for i in range(first, end - 2):
            if tokens[i].lower not in ("a", "an"):
                continue
            noun_at = i + 1
            if noun_at + 1 < end and (tokens[noun_at].pos == "ADJ" or tokens[noun_at].tag == "VBN"
                                      or tokens[noun_at].lower in MODIFIERS) and \
                    tokens[noun_at + 1].lower in CHILD_NOUNS:
                noun_at += 1  # "a trained monkey", "a small child"
            v = _child_end(tokens, noun_at, end)
            if v is None or v >= end:
                continue
            animal = tokens[noun_at].lower in _ANIMALS
            even = i > first and tokens[i - 1].lower == "even"
            verb = tokens[v]
            if verb.lemma in ("know", "understand", "manage", "grasp"):
                pass
            elif verb.lower in _CAN and v + 1 < end and (even or animal or (
                    tokens[v + 1].lemma in ABILITY_VERBS and v + 2 < end
                    and tokens[v + 2].lower in ("it", "this", "that", "these", "them", "your"))):
                pass
            else:
                continue
            if any(t.lower in _EASY for t in tokens[first:end]):
                continue
            return CONDESCENSION, i - 1 if even else i, v + 1
    return None


# Words that make a doubt about coping a condition or a question, not a verdict ("if the stairs are too
# much for you, take the lift").
_CONDITIONS = _set("if unless whether when whenever in case should might may")


def _over_your_head(analysis: Analysis) -> tuple[str, int, int] | None:
    """A task said to be too hard for the resident, or above their ability, as a verdict:
    "since driving is clearly too much for you", "too hard for someone like you", "the oven
    is obviously above your skill level"; not a condition or a question ("if the walk is too
    much for you, ...", "is it too hard for you?"): that is care. "someone like you" and
    "your little brain" are a verdict wherever they stand."""
    tokens = analysis.tokens
    for first, end in analysis.sentences:
        for i in range(first, end - 2):
            word = tokens[i].lower
            if word == "too" and tokens[i + 1].lower in DIFFICULTY and tokens[i + 2].lower == "for":
                k = i + 3
            elif word in ("above", "beyond", "past") and tokens[i + 1].lower in ("your", "ur") and any(
                    tokens[m].lower in ABILITY_NOUNS for m in range(i + 2, min(end, i + 4))):
                k = i + 1
            else:
                continue
            if k >= end:
                continue
            target = tokens[k].lower
            stop = k + 1
            if target in ("someone", "somebody", "people", "anyone") and k + 2 < end and \
                    tokens[k + 1].lower == "like" and tokens[k + 2].lower in ("you", "u", "yourself"):
                return CONDESCENSION, i, k + 3  # "too hard for someone like you": a verdict
            if target in ("your", "ur") and k + 2 < end and tokens[k + 1].lower in ("little", "tiny", "poor"):
                return CONDESCENSION, i, k + 3  # "too much for your little brain"
            if target not in ("you", "u", "your", "ur"):
                continue
            if word != "too":
                stop = next(m for m in range(i + 2, min(end, i + 4)) if tokens[m].lower in ABILITY_NOUNS) + 1
            clause = _clause_start(tokens, first, i)
            if any(tokens[m].lower in _CONDITIONS for m in range(clause, i)):
                continue
            if end - 1 >= first and tokens[end - 1].lower == "?" or any(
                    tokens[m].lower in NEGATORS for m in range(clause, i)):
                continue
            return CONDESCENSION, i, stop
    return None


def _clause_start(tokens: tuple[Token, ...], first: int, i: int) -> int:
    """The first token of the clause of token ``i``: after the nearest comma, dash or conjunction."""
    for k in range(i - 1, first - 1, -1):
        if tokens[k].lower in (",", "—", "–", "-", "but", "and", "so"):
            return k + 1
    return first


# Verbs and phrases of a failing, besides the single-word ones ("make a mess of it", "sleep through it").
_FAIL_PHRASES = {"make": _set("mess hash muddle mockery pig dog disaster"), "sleep": _set("through in past"),
                 "mess": _set("up"), "screw": _set("up"), "muck": _set("up"), "cock": _set("up"),
                 "foul": _set("up"), "balls": _set("up")}
# Words that ask the resident not to fail ("try not to", "don't", "hopefully you won't"); the doubting
# ones ("try not to", "hopefully") make a reproach of a slip too.
_DONT = _set("not n't never hopefully hope")
_DOUBTING = _set("try trying hopefully hope let's fingers")


def _reproach(analysis: Analysis) -> tuple[str, int, int] | None:
    """A failing said to recur: a request or hope not to fail with a word that it happened
    before ("try not to make a mess of it this time", "do try not to drown them again",
    "hopefully you won't forget this time"), or a failing "like you usually do" ("don't screw
    it up like you usually do"). A mild failing (forget, burn, miss) needs the marker close by
    ("don't forget to ring the garage before five this time" is a reminder)."""
    tokens = analysis.tokens
    for first, end in analysis.sentences:
        for i in range(first, end):
            t = tokens[i]
            strong = t.lower in STRONG_FAILS or t.lemma in STRONG_FAILS
            mild = t.lower in MILD_FAILS or t.lemma in MILD_FAILS
            phrase_end = i + 1
            follow = _FAIL_PHRASES.get(t.lemma)
            if follow is not None:
                for m in range(i + 1, min(end, i + 3)):
                    if tokens[m].lower in follow:
                        strong, phrase_end = t.lemma != "sleep", m + 1
                        mild = mild or t.lemma == "sleep"
                        break
            if not (strong or mild):
                continue
            before = range(max(first, i - 4), i)
            asked = any(tokens[m].lower in _DONT or tokens[m].lemma in _DONT for m in before)
            if asked and not strong and (t.lower in SLIPS or t.lemma in SLIPS):
                asked = any(tokens[m].lower in _DOUBTING for m in range(max(first, i - 6), i))
            reach = 8 if strong else 6
            for m in range(phrase_end, min(end, phrase_end + reach)):
                w = tokens[m].lower
                marker = None
                if w == "again" or (w == "time" and tokens[m - 1].lower in ("this", "last")) or (
                        w in ("usual", "before") and tokens[m - 1].lower in ("as", "like")):
                    marker = m + 1
                elif w in ("like", "as") and m + 2 < end and tokens[m + 1].lower in ("you", "u") and \
                        tokens[m + 2].lower in ("usually", "always", "normally", "typically", "often", "did", "do"):
                    marker = m + 3
                    asked = True  # "you'll burn it like you always do" reproaches without a request
                if marker is not None and asked:
                    return CONDESCENSION, max(first, i - 3), marker
    return None


# Parts of the body that "a ... like yours" mocks, and words that make it a compliment instead.
_LOOKED_AT = _set("face mug nose body figure physique build teeth skin hair looks")
_COMPLIMENTS = _set("""beautiful lovely gorgeous stunning pretty handsome great amazing fine nice wonderful
fabulous radiant glowing perfect striking photogenic shine deserve deserves model""")


def _like_yours(analysis: Analysis) -> tuple[str, int, int] | None:
    """"with a face like yours", "a body like that": a look held against the resident, unless
    the sentence praises it ("a face like yours deserves a portrait")."""
    tokens = analysis.tokens
    for first, end in analysis.sentences:
        for i in range(first + 1, end - 2):
            if tokens[i].lower in _LOOKED_AT and tokens[i - 1].lower in ("a", "an") and \
                    tokens[i + 1].lower == "like" and tokens[i + 2].lower in ("yours", "that", "urs"):
                if any(t.lower in _COMPLIMENTS for t in tokens[first:end]):
                    continue
                return BODY_SHAMING, i - 1, i + 3
    return None


# Marks that close a vocative ("..., you grubby oik." / "You pasty hermit, go outside").
_VOCATIVE_END = frozenset({",", ".", "!", "?", ";", ":", "-", "–", "—", "…", "...", "!!", "?!", ")"})


def _vocative_you(analysis: Analysis) -> tuple[str, int, int] | None:
    """A vocative "you" with a description, set off by a comma or the sentence's edges: "...,
    you grubby little oik.", "You pasty hermit, go outside.", "..., you heartless thing." The
    form is name-calling unless every word of it is kind or names a group ("you lucky
    thing", "you absolute legend", "you two"). It needs a noun at its end, so "thank you so
    much" and "you know" are not vocatives, and a comma or the start before "you", so "see
    you next week" is not one either."""
    tokens = analysis.tokens
    for first, end in analysis.sentences:
        opening = first
        while opening < end and tokens[opening].lower in _OPENERS:
            opening += 1
        for i in range(opening, end - 1):
            if tokens[i].lower not in ("you", "u") or (i > opening and tokens[i - 1].lower != ","):
                continue
            k = i + 1
            while k < end and k - i <= 4 and tokens[k].lower not in _VOCATIVE_END:
                k += 1
            words = tokens[i + 1:k]
            if not words or len(words) > 4 or (k < end and tokens[k].lower not in _VOCATIVE_END):
                continue
            if i == opening and (k >= end or tokens[k].lower != ","):
                continue  # "You look tired." is a sentence, not a vocative
            if not all(w.pos in ("ADJ", "NOUN", "PROPN") or w.tag in ("VBG", "VBN") or w.lower in MODIFIERS
                       or w.lower in PEJORATIVES or w.lower in INSULTS for w in words):
                continue
            if words[-1].pos not in ("NOUN", "PROPN") and words[-1].lower not in INSULTS:
                continue
            if any(w.lower in KIND_VOCATIVES or w.lower in GROUP_VOCATIVES or w.lower in _PRAISED
                   for w in words):
                continue
            if all(w.lower in INTENSIFIERS or w.lower in ("thing", "things", "one", "ones") for w in words):
                continue
            return NAME_CALLING, i, k
    return None


# Words that open a sentence before its first word (quotes, brackets, bullets).
_OPENERS = frozenset({"(", "[", '"', "'", "“", "‘", "*", "-", "•"})
# Words of praise a vocative may carry ("you absolute star", "you legend").
_PRAISED = _set("""legend star hero angel gem genius treasure champion champ superstar wizard whizz whiz
ace pro natural""")


def _hurt_because_of_you(analysis: Analysis) -> tuple[str, int, int] | None:
    """Someone hurt "because of you" or "because you ...": "your mother has been crying because
    you never call", "she's upset because of you"; the sufferer is another person (named
    before the hurt), not the resident ("you're tired because you stayed up") nor a thing."""
    tokens = analysis.tokens
    for first, end in analysis.sentences:
        for i in range(first, end - 1):
            if tokens[i].lower not in ("because", "thanks", "due"):
                continue
            k = i + 1
            if k < end and tokens[k].lower in ("of", "to"):
                k += 1
            if k >= end or tokens[k].lower not in ("you", "u", "your", "ur"):
                continue
            hurt = next((m for m in range(i - 1, max(first, i - 6) - 1, -1)
                         if tokens[m].lower in HURT_STATES or tokens[m].lemma in HURT_STATES), None)
            if hurt is None:
                continue
            sufferer = next((m for m in range(hurt - 1, first - 1, -1)
                             if tokens[m].lower in OTHERS or tokens[m].lower in ("you", "u", "i", "we")), None)
            if sufferer is None or tokens[sufferer].lower in ("you", "u"):
                continue
            return GUILT, hurt, k + 1
    return None


def _as_usual(analysis: Analysis) -> tuple[str, int, int] | None:
    """"as usual", "as always", "like always" or "like you always do" in a sentence that
    names a failing ("late as usual", "As always, you forgot", "skipping it like you always do")."""
    tokens = analysis.tokens
    for first, end in analysis.sentences:
        for i in range(first, end - 1):
            if tokens[i].lower not in ("as", "like"):
                continue
            if tokens[i + 1].lower in ("usual", "always", "ever"):
                marker = i + 2
            elif i + 2 < end and tokens[i + 1].lower in ("you", "u") and tokens[i + 2].lower == "always":
                marker = i + 3
            else:
                continue
            for k in range(max(first, i - 6), min(end, marker + 6)):
                if i <= k < marker:
                    continue
                if tokens[k].lower in BAD_HABITS or tokens[k].lemma in BAD_HABITS:
                    a, b = min(i, k), max(marker, k + 1)
                    return CONDESCENSION, a, b
    return None


# --- titles are quoted, not said -----------------------------------------------------------

_QUOTES = frozenset({'"', "'", "“", "”", "‘", "’", "`", "«", "»"})
_TITLE_CUES = word_forms("watch", "read", "play", "stream", "film", "movie", "song", "book", "novel", "show", "series",
                     "episode", "album", "track", "called", "titled", "named", "sing", "hear", "listen", "rewatch",
                     "reread", "podcast", "poem", "play", "musical", "documentary", "to")


def _in_title(analysis: Analysis, start: int, end: int) -> bool:
    """Whether tokens ``start``..``end`` are part of a quoted or Title-Case title after a cue
    ("watch 'Dumb and Dumber'", "listen to You're So Vain by Carly Simon")."""
    tokens = analysis.tokens
    first, last = analysis.sentences[tokens[start].sent]
    # a quote opened before the span and closed after it
    open_at = next((k for k in range(start - 1, first - 1, -1) if tokens[k].lower in _QUOTES), None)
    close_at = next((k for k in range(end, last) if tokens[k].lower in _QUOTES), None)
    if open_at is not None and close_at is not None:
        begin = open_at
    else:
        words = [t for t in tokens[start:end] if t.is_word and not t.text.startswith("'")]
        if not words or not all(t.text[:1].isupper() for t in words):
            return False
        begin = start
        while begin > first and tokens[begin - 1].text[:1].isupper() and tokens[begin - 1].is_word:
            begin -= 1
        stop = end
        while stop < last and (tokens[stop].text[:1].isupper() or tokens[stop].text.startswith("'")):
            stop += 1
        close_at = stop - 1
    cue_before = any(tokens[k].lower in _TITLE_CUES or tokens[k].lemma in _TITLE_CUES
                     for k in range(max(first, begin - 3), begin))
    by_after = close_at is not None and close_at + 1 < last and tokens[close_at + 1].lower == "by"
    return cue_before or by_after


# A pattern that says a negation itself ("don't be a baby", "you never listen").
_NEGATING_PATTERN = re.compile(r"(?:^|[ |])(?:not|n't|never|no|nobody)(?:$|[ |?])")


# --- the reading -------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _rules():
    """The rule functions, each with the words one of which a text needs for the rule to find
    anything (``None``: always run); a text without them skips the rule."""
    return (
        (_profanity, None), (_masked_insult, None),
        (_aimed_put_down, _set("you u ur youre yall")),
        (_copula_insult, STRONG_INSULTS),
        (_for_once, _set("once")),
        (_as_usual, _set("usual always ever")),
        (_child_could, CHILD_NOUNS | _set("year years")),
        (_over_your_head, _set("too above beyond past")),
        (_reproach, STRONG_FAILS | MILD_FAILS | frozenset(_FAIL_PHRASES)),
        (_like_yours, _set("like")),
        (_hurt_because_of_you, _set("because thanks due")),
        (_vocative_you, _set("you u")),
    )


def find_demeaning(analysis: Analysis) -> Demeaning | None:
    """The first demeaning words in the text (see the module docstring), with their kind;
    ``None`` if there are none."""
    tokens = analysis.tokens
    if not tokens:
        return None
    spans = []
    for hit in _patterns().scan(analysis):
        first = analysis.sentences[tokens[hit.start].sent][0]
        if hit.source not in _NEGATION_PROOF and _negated_before(tokens, first, hit.start):
            continue  # "nobody would call you lazy"
        if not _NEGATING_PATTERN.search(hit.source) and tokens[hit.start].lower in ("you", "u", "i", "we") and any(
                t.lower in NEGATORS or t.lemma in NEGATORS for t in tokens[hit.start + 1:hit.end]):
            continue  # "you're not letting anyone down"
        spans.append((hit.label, hit.start, hit.end))
    present = {t.lower for t in tokens} | {t.lemma for t in tokens}
    for rule, needs in _rules():
        if needs is not None and needs.isdisjoint(present):
            continue
        found = rule(analysis)
        if found is not None:
            spans.append(found)
    best = None
    for kind, start, end in sorted(spans, key=lambda s: (s[1], -s[2])):
        if kind != PROFANITY and _in_title(analysis, start, end):
            continue
        best = (kind, start, end)
        break
    if best is None:
        return None
    kind, start, end = best
    return Demeaning(kind, phrase(analysis, start, end, context=1 if end - start <= 2 else 0))


def demeaning(analysis: Analysis) -> str | None:
    """The words, as written, that insult, belittle, mock, threaten, shame or guilt-trip the
    resident (or anyone), or swear; ``None`` if there are none."""
    found = find_demeaning(analysis)
    return found.phrase if found is not None else None
