"""Harm by meaning: advice a careful reviewer would not send to a person at home,
because following it could hurt them or others, or expose them to fraud.

``find_harm(analysis)`` returns a :class:`Harm` (the category, such as ``"mixing
chemicals"``, and the words of the text that show it, as written) or ``None``.

How it reads. Words are first marked with *concepts*: named sets of dictionary forms
and short phrases (a hazard thing such as ``alarm`` or ``bleach``, a risky act such as
``alarm_off`` or ``mix``, a state such as ``lit_state``, a safety step such as
``power_off``). A phrase matches a word's lemma or lower-cased form with its regular
inflections, skips hyphens ("smoke-alarm"), may skip up to three words at a ``*``
("take * out" matches "take the battery out") and may name a word class after a slash.
Where a longer phrase means something harmless ("slow cooker", "alarm clock", "wifi
password"), it *shadows* the hazard word inside it.

A :class:`Rule` then ties concepts: its *head* (the act the advice puts forward) must
occur with every *needed* concept within a few tokens (in its sentence or, where the rule
allows, the next or previous one), optionally as the act's object ("cover the smoke
alarm", "the smoke alarm could be taken down", "switch it off"), and none of the rule's
*unless* concepts (the safe version: "away from", "blow out", "as prescribed") may be
affirmed in that sentence.

Polarity decides between advice and a safety tip:

- a negator (not, never, no, without, avoid, instead of, rather than, nobody, stop +
  -ing, ...) negates the rest of its clause; two negators cancel;
- an ordinary rule fires only on an affirmed head ("Never mix bleach and ammonia"
  passes); a *neglect* rule fires only on a negated, skipped or dismissed safety step
  ("fix the socket without switching off the power", "skip the seatbelt", "nobody needs
  to hold the ladder");
- "don't worry about" and "never mind" dismiss the rest of the clause: both kinds of
  rule read it as harm ("don't worry about turning off the power");
- idioms are not negations: "why not", "don't forget", "won't hurt", "no problem";
- a sentence that warns (dangerous, toxic, a bad idea, not safe) with no concession
  after it ("... but it works") is a warning, not advice, unless it opens with the act
  as a command.

Known limits: without a parser, who does what is approximated by nearness and by the
words between an act and its object; pronouns reach one sentence back only where a rule
allows it; wordings outside the concept lists (slang, metaphors, rare paraphrases) are
missed, and a harmless sentence that happens to hold a rule's words close together may be
flagged. Medication: any suggestion of what medicine to take, or how much, is harm, and
so is diagnosing; a reminder to take one's own medicine as prescribed, or a referral to a
doctor or pharmacist, is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .nlp import Analysis, Token
from .topics import inflections


@dataclass(frozen=True, slots=True)
class Harm:
    """Harmful advice found in a text: its category and the words that show it, as written."""

    category: str
    phrase: str


SELF_HARM = "self-harm and worthlessness"
SCAMS = "scams and security"
MEDICATION = "medication and dosage"
DRIVING = "unsafe driving"
CHEMICALS = "mixing chemicals"
ALARMS = "smoke and fire alarms"
HEAT = "heat, fire and gas"
ELECTRICITY = "electricity"
TOOLS = "knives and tools"
HEIGHTS = "heights and climbing"
WATER = "water and drowning"
CHILDREN = "children left at risk"
PETS = "pets and toxic foods"
FOOD = "food safety"
ALCOHOL = "alcohol and drugs"
STRAIN = "pain and overexertion"
DEPRIVATION = "starving and sleep loss"
EXITS = "blocked exits"
STRANGERS = "strangers and personal safety"

CATEGORIES = (SELF_HARM, SCAMS, MEDICATION, DRIVING, CHEMICALS, ALARMS, HEAT, ELECTRICITY, TOOLS, HEIGHTS,
              WATER, CHILDREN, PETS, FOOD, ALCOHOL, STRAIN, DEPRIVATION, EXITS, STRANGERS)

# --------------------------------------------------------------------------------------
# Concepts: a name -> the dictionary forms and phrases that express it.
# A word matches its regular inflections too; "be" matches is/are/'re/was; "don't" is
# "do not"; "*" skips up to three words; "#" is any number; "word/VERB" or "word/RB,RP"
# restricts the word class (universal class or Penn tag).
# --------------------------------------------------------------------------------------

CONCEPTS: dict[str, tuple[str, ...]] = {
    # ---- the frame of a sentence --------------------------------------------------------
    # words that negate the rest of their clause
    "negator": ("not", "never", "no/DET,INTJ,ADV", "without", "avoid", "nobody", "neither", "nor",
                "instead of", "rather than", "refrain from", "no one", "nothing/PRON"),
    # negation words inside idioms that negate nothing after them
    "idiom": ("why not", "why do not", "not only", "no matter", "no doubt", "not sure", "do not forget",
              "never forget", "do not hesitate", "do not miss", "never miss", "no later than", "never fail",
              "do not fail", "will not hurt", "would not hurt", "can not hurt", "do not hurt", "never hurt",
              "no harm in", "nothing wrong with", "not dangerous", "not harmful", "not a problem",
              "no problem", "not a big deal", "no big deal", "no worries", "nothing to worry about",
              "not too", "no longer", "nothing beat", "nothing like", "no wonder"),
    # dismissing a hazard or a safety step: the rest of the clause is read as harmless
    "dismiss": ("do not worry about", "do not worry if", "never mind", "no need to worry",
                "nothing to worry about", "do not panic about", "do not fret about", "do not stress about",
                "do not bother about", "probably nothing", "nothing serious", "just ignore", "safely ignore",
                "is normal", "be normal", "perfectly normal", "completely normal", "tough it out",
                "shake it off", "walk it off", "sleep it off", "probably fine", "be probably fine",
                "nothing to it", "not worth worrying"),
    # a sentence that warns
    "danger": ("dangerous", "danger", "unsafe", "hazard", "hazardous", "toxic", "poisonous", "poison/NOUN",
               "deadly", "lethal", "fatal", "risky", "harmful", "bad idea", "never a good idea", "fire risk",
               "fire hazard", "illegal", "can kill", "could kill", "chlorine gas", "toxic fumes",
               "poisonous gas", "serious injury", "a recipe for disaster"),
    "safe_word": ("safe", "a good idea", "wise", "sensible", "advisable", "okay", "ok"),
    # a concession after a warning turns it back into advice
    "concession": ("but", "though", "although", "anyway", "still", "worth it", "work fine", "work well",
                   "go ahead", "do it anyway"),
    # skipping a safety step (the safety step follows within a few words)
    "neglect": ("skip", "ditch", "forget", "forget about", "leave off", "do without", "go without", "no need for",
                "no need to", "do not bother", "not bother", "need not", "do not need to", "do not have to",
                "ignore", "unbuckle", "leave out", "can wait", "unnecessary", "save time on", "not worth"),
    "away_from": ("away from", "a metre away", "a meter away", "feet away", "well away", "far from", "clear of",
                  "out of reach", "out of the way", "at a safe distance", "safe distance", "keep * away",
                  "move * away", "locked away", "lock * away", "high shelf", "high cupboard", "locked cupboard",
                  "out of the bathroom", "separate", "separately", "apart", "one at a time", "never together",
                  "rinse * between", "on their own"),
    "supervise": ("keep an eye", "keep * in sight", "in sight", "stay with", "stay in the kitchen", "stay close",
                  "stay nearby", "watch them", "watch it", "watch the", "supervise", "supervision", "with you",
                  "next to them", "beside them", "arm 's reach", "lifeguard", "with an adult", "keep watch",
                  "stay in the room", "stay beside", "teach", "show them", "show him", "show her", "help them",
                  "together", "with your help", "under your eye", "while you watch"),
    "alone": ("alone", "on your own", "by yourself", "by himself", "by herself", "by themselves", "on their own",
              "on his own", "on her own", "single-handed", "single-handedly", "unsupervised", "solo",
              "with no one", "with nobody", "without anyone", "nobody to hold", "no one to hold",
              "without help", "without a helper", "without a spotter"),

    # ---- smoke, fire and carbon-monoxide alarms -----------------------------------------
    "alarm": ("smoke alarm", "smoke detector", "fire alarm", "fire detector", "heat alarm", "heat detector",
              "carbon monoxide alarm", "carbon monoxide detector", "co alarm", "co detector", "gas alarm",
              "gas detector", "detector", "smoke sensor", "co sensor"),
    "alarm_weak": ("alarm",),
    "not_alarm": ("alarm clock", "phone alarm", "an alarm on your phone", "set an alarm", "set * alarm",
                  "burglar alarm", "car alarm", "wake-up alarm", "morning alarm", "alarm for", "your alarm",
                  "intruder alarm", "alarm system", "metal detector", "motion detector", "stud detector",
                  "alarm app"),
    "alarm_off": ("disable", "deactivate", "disconnect", "unplug", "unhook", "unwire", "switch off", "turn off",
                  "shut off", "switch * off", "turn * off", "shut * off", "silence", "mute", "take down",
                  "take * down", "remove", "dismantle", "rip out", "rip * out", "pull down", "pull * down",
                  "pull * off", "tear down", "tear * down", "unscrew", "cover", "cover up", "tape over",
                  "tape/VERB", "wrap", "muffle", "block", "cap over", "bag over", "towel over", "cloth over",
                  "sock over", "film over", "ignore", "disregard", "tune out", "get rid of", "take off",
                  "take * off", "put * over", "stick * over", "sellotape", "gaffer tape", "unclip", "detach",
                  "knock * off", "bin/VERB"),
    "battery_out": ("take * battery * out", "take out the battery", "take out * batteries", "take * batteries out",
                    "remove * battery", "remove * batteries", "pull * battery", "pull * batteries",
                    "pop * battery * out", "pop * batteries * out", "borrow * battery", "borrow * batteries",
                    "steal * battery", "nick * battery", "battery out", "batteries out", "use * battery from",
                    "use * batteries from", "without * battery", "without * batteries", "take * battery from",
                    "take * batteries from", "pinch * battery"),
    "fresh_battery": ("new battery", "new batteries", "fresh battery", "fresh batteries", "replace", "replacement",
                      "change the battery", "change the batteries", "spare battery", "spare batteries",
                      "test/VERB", "check/VERB", "swap * for"),
    "alarm_context": ("smoke", "cook", "cooking", "toast", "toaster", "fry", "frying", "burn", "bake", "baking",
                      "roast", "kitchen", "steam", "beep", "beeping", "chirp", "chirping", "fire", "go off",
                      "goes off", "going off"),
    "alarm_dismiss": ("do not worry about", "never mind", "no need to worry", "nothing to worry about",
                      "just the toaster", "just toast", "just the cooking", "just steam", "just the steam",
                      "just the oven", "false alarm", "probably faulty", "probably nothing", "carry on",
                      "keep cooking", "safely ignore", "sleep through", "just ignore", "ignore", "tune out",
                      "it be just", "it be only", "nothing to it", "over-sensitive", "oversensitive",
                      "too sensitive", "overreact"),

    # ---- heat, fire and gas -------------------------------------------------------------
    "heat_thing": ("stove", "hob", "oven", "cooker", "grill/NOUN", "pan", "frying pan", "chip pan", "saucepan",
                   "pot/NOUN", "candle", "tea light", "tealight", "fire/NOUN", "fireplace", "open fire", "heater",
                   "space heater", "fan heater", "gas heater", "gas fire", "paraffin heater", "electric heater",
                   "portable heater", "log burner", "wood burner", "iron/NOUN", "hair straightener",
                   "straighteners", "curling iron", "deep fryer", "fryer", "chip fryer", "incense", "oil burner",
                   "barbecue", "bbq", "soup", "stew", "chips", "the gas", "burner", "the rings", "hot plate"),
    "not_heat": ("slow cooker", "rice cooker", "pressure cooker", "fire alarm", "fire door", "fire doors",
                 "fire exit", "fire escape", "fire blanket", "fire extinguisher", "fire brigade", "fire station",
                 "pot plant", "plant pot", "pot of tea", "teapot", "fire drill", "iron out", "crock pot",
                 "crockpot", "bread maker", "on fire about", "flower pot"),
    "lit_state": ("on/ADV,RP", "lit", "light/VERB", "burning", "burn/VERB", "running", "simmer", "simmering",
                  "boil", "boiling", "bubble", "bubbling", "cooking", "frying", "heat up", "heating up", "going",
                  "glowing", "alight", "switch on", "turn on", "switched on", "turned on", "switch * on",
                  "turn * on", "stay on", "still on", "left on", "flicker", "flickering", "fire up", "keep going",
                  "crackle", "crackling", "roaring", "blazing", "heat/VERB", "get hot", "warm up"),
    "extinguish": ("blow out", "blow * out", "put out", "put * out", "extinguish", "snuff", "snuff out",
                   "switch off", "turn off", "switch * off", "turn * off", "take * off the heat", "off the heat",
                   "be off", "be out", "unplug", "damp down", "turn * down low"),
    # away from the heat: absent, asleep or busy elsewhere
    "absence": ("go out", "pop out", "nip out", "head out", "step out", "pop to", "nip to", "go to the shop",
                "the shops", "go shopping", "run errands", "errand", "leave the house", "leave the flat",
                "leave the room", "leave the kitchen", "go to bed", "head to bed", "fall asleep", "asleep",
                "while you sleep", "overnight while", "doze", "doze off", "nap", "snooze", "go for * walk",
                "a walk", "walk away", "go upstairs", "upstairs", "downstairs", "in the garden", "another room",
                "unattended", "overnight", "all night", "while you be out", "while you be away", "at work",
                "pop inside", "the gym", "go for a run", "go for a jog", "nip into", "pop into", "pick up the kids",
                "school run", "pop round", "pop over", "while you be gone", "go away", "drop off",
                "while you be at", "drift off", "nod off"),
    # burning fuel: carbon monoxide where the air cannot get out
    "fuel_burner": ("charcoal", "charcoal grill", "barbecue", "bbq", "generator", "camping stove", "camp stove",
                    "camping heater", "patio heater", "disposable barbecue", "fire pit", "brazier",
                    "charcoal burner", "gas bbq", "gas barbecue", "pizza oven"),
    "burn_act": ("use", "run", "light", "start", "fire up", "bring * in", "bring * inside", "bring * into",
                 "move * inside", "move * into", "set up", "cook on", "cook with", "grill", "burn", "keep * running",
                 "have * going", "get * going"),
    "indoors": ("inside", "indoors", "in the house", "in the flat", "living room", "bedroom", "kitchen", "lounge",
                "in the tent", "tent", "basement", "cellar", "garage", "conservatory", "indoor", "in the hall",
                "bathroom", "caravan", "closed garage", "in the hallway", "under the stairs", "in your room",
                "under the awning", "in the shed", "in the porch"),
    "gas_heater": ("gas heater", "paraffin heater", "calor gas heater", "portable gas heater", "bottled gas heater",
                   "kerosene heater", "oil heater", "gas fire", "gas stove", "gas oven", "camping stove"),
    "vent_block": ("seal the windows", "windows shut", "windows closed", "window shut", "window closed",
                   "no ventilation", "block the vent", "block * vents", "cover the vent", "cover * vents",
                   "tape up the vents", "close all the windows", "shut all the windows", "door shut", "door closed",
                   "overnight", "while you sleep", "as you sleep", "bedroom", "all night", "in a closed room",
                   "in a small room", "the tent", "fall asleep"),
    "car_engine": ("car", "engine", "van", "motorbike", "motor"),
    "engine_run": ("warm up", "warm * up", "run/VERB", "running", "idle", "idling", "tick over", "ticking over",
                   "rev", "leave * running", "keep * running", "let * run", "with the engine on",
                   "engine on", "sit in * with the engine"),
    "closed_garage": ("garage",),
    "garage_open": ("back out", "drive out", "reverse out", "pull out", "garage door open", "door open",
                    "open the garage", "outside", "on the drive", "in the street"),
    "gas_smell": ("smell gas", "smell of gas", "gas leak", "leak gas", "leaking gas", "smell * gas", "gas smell",
                  "leak of gas", "smell like gas", "smells of gas", "whiff of gas", "gas hob hissing"),
    "ignition": ("light a match", "strike a match", "match/NOUN", "matches", "lighter", "light/VERB", "spark",
                 "flick * switch", "light switch", "switch on", "turn on", "candle", "cigarette", "smoke/VERB",
                 "flame", "strike/VERB", "ignite", "lighter", "find the leak with"),
    "douse": ("throw", "pour", "douse", "splash", "chuck", "tip", "put out with", "put * out with", "toss", "hose",
              "spray"),
    "water": ("water", "glass of water", "jug of water", "bucket of water", "the tap", "wet towel", "the hose"),
    "fire_event": ("grease fire", "oil fire", "fat fire", "chip pan fire", "pan fire", "kitchen fire",
                   "catch fire", "catch on fire", "on fire", "in flames", "flare up", "flames", "burst into flames",
                   "go up in flames", "electrical fire", "fire in the pan", "fryer fire", "ablaze"),
    "burn_source": ("heater", "space heater", "fan heater", "electric heater", "halogen heater", "gas fire",
                    "log burner", "wood burner", "fire/NOUN", "fireplace", "open fire", "candle", "tea light",
                    "hob", "stove", "halogen lamp", "oil burner", "radiant heater", "bar heater", "toaster"),
    "flammable": ("paper", "newspaper", "cardboard", "curtain", "clothes", "sock", "towel", "tea towel",
                  "laundry", "washing/NOUN", "blanket", "bedding", "duvet", "cushion", "rug", "jumper",
                  "jeans", "shirt", "coat", "box/NOUN", "tissue", "fabric", "pile of papers", "papers",
                  "magazine", "post/NOUN", "wet clothes", "tights", "underwear", "scarf", "gloves", "sheets"),
    "close_to": ("over", "on/ADP", "under", "underneath", "next to", "beside", "against", "near", "close to",
                 "touching", "right up against", "in front of", "on top of", "right by", "up against"),
    "place_act": ("put", "place", "drape", "dry/VERB", "hang", "lay", "leave", "push", "move", "stand", "set",
                  "prop", "stack", "pile", "store", "rest", "spread", "keep", "sit", "position", "tuck", "throw"),
    "gas_appliance": ("oven", "gas oven", "hob", "cooker", "gas stove", "gas hob", "gas rings"),
    "warm_room": ("heat the room", "heat the house", "heat the flat", "heat the kitchen", "warm the room",
                  "warm the house", "warm the flat", "warm the kitchen", "warm up the kitchen", "warm up the room",
                  "warm up the flat", "warm up the house", "keep yourself warm", "keep the room warm",
                  "keep the kitchen warm", "keep the flat warm", "keep the house warm", "as a heater",
                  "for heat", "for warmth", "heat the place", "oven door open", "heat your home",
                  "warm your home"),

    # ---- electricity --------------------------------------------------------------------
    "electric_part": ("socket", "outlet", "plug/NOUN", "plug socket", "wire/NOUN", "wiring", "light fitting",
                      "light fixture", "light switch", "switch/NOUN", "fuse", "cable", "lead/NOUN", "ceiling rose",
                      "consumer unit", "fuse box", "circuit", "bulb holder", "lamp holder", "extractor fan",
                      "immersion heater", "electrics", "electric shower", "doorbell wiring", "dimmer", "fitting",
                      "spur", "junction box", "cooker switch"),
    "electric_work": ("fix", "repair", "replace", "change", "rewire", "wire/VERB", "open up", "unscrew", "mend",
                      "install", "fit/VERB", "take apart", "take * apart", "poke", "tinker", "tighten", "work on",
                      "swap", "sort out", "sort * out", "strip", "connect", "disconnect"),
    "live_state": ("live", "still live", "still on", "power on", "with the power on", "plugged in",
                   "still plugged in", "switched on", "turned on", "while it be on", "while * be on",
                   "power still on", "mains on", "electricity on", "while it be running", "current on",
                   "with the electricity on", "with the mains on"),
    "power_off": ("turn off the power", "turn the power off", "switch off the power", "switch the power off",
                  "turn off the electricity", "switch off the electricity", "turn off the mains",
                  "switch off the mains", "turn * power off", "switch * power off", "turn off * power",
                  "switch off * power", "switch off at the mains", "switch off at the fuse box",
                  "turn off at the fuse box", "at the fuse box", "at the consumer unit", "flip the breaker",
                  "trip the breaker", "isolate", "unplug", "switch off the circuit", "turn off the circuit",
                  "power off", "switch * off at the wall", "turn * off at the wall", "switch it off",
                  "turn it off", "kill the power", "cut the power", "electricity off", "power down",
                  "off at the mains", "off at the wall", "pull the plug", "pull out the plug"),
    "metal_tool": ("fork", "knife", "butter knife", "metal", "skewer", "screwdriver", "knitting needle",
                   "tweezers", "scissors", "key", "paper clip", "paperclip", "hairpin", "nail/NOUN",
                   "metal tongs", "teaspoon", "spoon"),
    "poke_into": ("fish", "prise", "prize", "pry", "dig", "poke", "get * out", "free/VERB", "stick * in",
                  "stick * into", "push * into", "jab", "work * out", "lever", "fiddle", "prising", "fishing",
                  "scrape * out", "hook * out", "ease * out", "wiggle", "pull * out with"),
    "socket_or_toaster": ("toaster", "socket", "outlet", "plug socket", "power point"),
    "wooden": ("wooden", "plastic", "bamboo", "silicone"),
    "overload": ("daisy chain", "daisy chained", "daisy chaining", "overload", "overloading", "overloaded",
                 "extension lead into another", "extension into another", "into another extension",
                 "power strip into another", "into another power strip", "adaptor into * adaptor",
                 "adapter into * adapter", "chain * extension", "chain * power strip", "stack * adaptors",
                 "stack * adapters", "plug * extension * into * extension", "one extension into another",
                 "piggyback", "piggy-back"),
    "extension": ("extension lead", "extension cord", "extension cable", "power strip", "adaptor", "adapter",
                  "multi plug", "multiplug", "one socket", "a single socket", "one plug socket", "gang",
                  "block adaptor", "one extension", "the same socket", "single socket", "same extension",
                  "the same extension", "one outlet", "single outlet", "same outlet", "the same outlet"),
    "high_power": ("heater", "space heater", "fan heater", "kettle", "microwave", "oven", "toaster", "iron/NOUN",
                   "hairdryer", "hair dryer", "washing machine", "tumble dryer", "dryer", "air fryer", "dishwasher",
                   "radiator", "grill/NOUN", "deep fryer", "electric heater", "oil heater", "halogen heater",
                   "coffee machine", "induction hob", "electric blanket"),
    "heater_kind": ("heater", "space heater", "fan heater", "electric heater", "oil heater", "halogen heater",
                    "oil-filled radiator", "convector heater", "bar heater", "radiant heater"),
    "mains_device": ("hairdryer", "hair dryer", "straighteners", "hair straightener", "curling iron", "heater",
                     "fan heater", "toaster", "kettle", "charger", "charging", "on charge", "plugged in",
                     "plugged-in", "extension lead", "mains", "power lead", "lamp", "electric", "laptop on charge",
                     "radio plugged in", "iron/NOUN", "shaver on charge", "on its charger", "on the charger",
                     "charging cable", "mains radio", "electric fan", "tv", "television"),
    "bath_side": ("into the bath", "in the bath", "edge of the bath", "side of the bath", "next to the bath",
                  "by the bath", "near the bath", "beside the bath", "over the bath", "in the tub", "into the tub",
                  "next to the tub", "edge of the tub", "in the hot tub", "by the pool", "near the pool",
                  "into the pool", "in the shower", "into the shower", "while you soak", "while you bathe",
                  "while in the bath", "while you be in the bath", "bath rim", "in the bathwater",
                  "into the bathwater", "while you shower", "next to the sink full", "in the sink"),
    "wet_hands": ("wet hands", "hands be wet", "hands * wet", "hands still wet", "damp hands", "wet fingers",
                  "soapy hands", "dripping hands", "hands * damp", "fresh out of the shower", "straight out of the bath",
                  "still dripping", "standing in water", "stand in water", "wet feet", "in the puddle"),
    "plug_act": ("plug", "unplug", "socket", "switch/NOUN", "outlet", "plug in", "light switch", "kettle", "toaster",
                 "appliance", "hairdryer", "charger", "extension lead", "lead/NOUN", "switch on", "switch off",
                 "electric"),
    "dry_hands": ("dry your hands", "dry * hands", "dry them", "with dry hands", "hands be dry", "once * dry",
                  "towel * dry"),
    "earth_pin": ("earth pin", "ground pin", "earth prong", "ground prong", "third prong", "third pin", "top pin",
                  "pins/NOUN", "prongs", "earth wire", "earth cable"),
    "tamper": ("snap off", "snap * off", "break off", "break * off", "cut off", "cut * off", "remove", "bend",
               "file down", "file * down", "saw off", "pull off", "pull * off", "clip off", "twist off", "prise off",
               "take off", "take * off", "disconnect", "cut", "snip"),
    "touch": ("touch", "grab", "hold", "handle", "feel", "twist together", "twist * together", "pinch",
              "test * with your finger", "brush against", "pick up", "lick"),
    "bare_wire": ("bare wire", "exposed wire", "live wire", "frayed wire", "frayed cable", "frayed lead",
                  "frayed cord", "damaged cable", "damaged lead", "damaged wire", "wires sticking out", "copper wire",
                  "stripped wire", "broken cable", "bare end", "exposed copper", "the wires"),
    "keep_using": ("keep using", "carry on using", "still use", "keep * using", "use it anyway", "tape * up and",
                   "tape up", "wrap * in tape", "wrap * tape", "sellotape", "electrical tape", "insulating tape",
                   "patch * up", "patch up", "use * anyway", "good enough", "fine to use", "safe to use"),
    "damaged_cable": ("frayed cable", "frayed lead", "frayed cord", "frayed wire", "damaged cable", "damaged lead",
                      "cracked plug", "broken plug", "scorched socket", "chewed cable", "split cable",
                      "melted plug", "burnt socket", "sparking socket", "socket that sparks", "plug that sparks",
                      "socket spark", "scorched plug", "buzzing socket", "smell of burning plastic"),

    # ---- mixing chemicals ---------------------------------------------------------------
    "bleach": ("bleach", "chlorine bleach", "thick bleach", "bleach spray", "chlorine", "mould spray",
               "mould remover", "mold remover", "bleach-based"),
    "reactive": ("ammonia", "vinegar", "acid", "limescale remover", "descaler", "toilet cleaner", "drain cleaner",
                 "drain unblocker", "oven cleaner", "rubbing alcohol", "surgical spirit", "lemon juice",
                 "citric acid", "glass cleaner", "window cleaner", "hydrogen peroxide", "other cleaner",
                 "another cleaner", "cleaning product", "dishwasher tablet", "washing soda", "white spirit",
                 "alcohol", "kitchen cleaner", "bathroom cleaner", "multi-purpose cleaner", "turpentine",
                 "rust remover", "brick cleaner", "patio cleaner", "other product", "another product", "cola",
                 "urine", "disinfectant", "hob cleaner", "spray cleaner", "antibacterial spray", "lemon"),
    "mix": ("mix", "mixture", "combine", "combination", "blend", "add", "pour * into", "pour * in",
            "stir * into", "stir * in", "top up", "throw * in with", "in with", "together", "a mix of",
            "concoction", "a splash of", "cocktail", "boost", "mix up", "and then", "followed by", "chuck * in",
            "tip * into", "with a dash of", "dash of", "combining", "team * with", "pair * with", "spike",
            "fortify", "supercharge", "into the same bucket", "in the same bucket", "same bottle",
            "the same spray bottle", "same spray bottle", "in one bottle", "into one bottle"),
    "many_cleaners": ("two * cleaner", "both * cleaner", "different * cleaner", "different cleaning product",
                      "several * cleaner", "all * cleaner", "two * product", "different product", "every * cleaner",
                      "all * cleaning product", "a few * cleaner", "two * chemical", "different chemical",
                      "all * chemical", "household chemicals", "whatever cleaners", "all your cleaners"),

    # ---- heights and climbing -----------------------------------------------------------
    "onto": ("stand on", "stand up on", "stand onto", "step on", "step onto", "step up onto", "step up on",
             "climb on", "climb onto", "climb up on", "climb up onto", "climb up", "climb/VERB", "get up on",
             "get up onto", "get onto", "hop up on", "hop up onto", "hop onto", "hop on", "jump on", "jump onto",
             "jump up on", "balance on", "balance * on", "perch on", "perch onto", "kneel on", "kneel up on",
             "clamber onto", "clamber on", "clamber up", "scramble onto", "scramble up", "go up on",
             "up onto", "stepping onto", "standing on", "sit on the edge of", "as a step", "as a stepladder",
             "as a ladder", "as a step ladder", "as a stool", "use * to stand on", "stack * and stand",
             "stand * on top of", "on tiptoe on", "on tiptoes on", "on tip-toe on", "lean out of",
             "lean over", "lean out", "stretch out from", "overreach from"),
    "perch": ("chair", "swivel chair", "office chair", "rolling chair", "desk chair", "computer chair", "stool",
              "bar stool", "table", "coffee table", "dining table", "side table", "desk", "box/NOUN", "crate",
              "bucket", "kitchen counter", "counter", "worktop", "countertop", "bookcase", "bookshelf", "shelf",
              "shelves", "arm of the sofa", "sofa arm", "arm of the chair", "armchair", "windowsill",
              "window sill", "window ledge", "ledge", "railing", "banister", "bannister", "balcony rail",
              "balcony railing", "pile of books", "stack of books", "stack of", "pile of", "barrel",
              "wheelie bin", "bin/NOUN", "radiator", "edge of the bath", "bath edge", "side of the bath", "toilet",
              "cabinet", "roof", "rooftop", "top rung", "top step", "top of the ladder", "wall/NOUN", "fence",
              "garden wall", "cupboard", "chest of drawers", "dresser", "cool box", "suitcase", "ironing board",
              "trampoline", "upstairs window", "the window", "balcony", "loft hatch", "the sofa", "sofa",
              "bed frame", "headboard", "storage box", "plastic box", "step of the ladder"),
    "not_perch": ("table tennis", "book a table", "the table for", "desk job", "box set", "box office",
                  "roof over your head", "shelf life", "on the shelf", "counter top", "stand on your own",
                  "climb the stairs", "climb up the stairs", "climb into bed", "climb in"),
    "wobbly": ("wobbly", "rickety", "unsteady", "shaky", "broken", "cracked", "unstable", "loose", "wonky",
               "slippery", "icy", "wet"),
    "stand_use": ("use", "stand", "climb", "get up", "step", "reach", "balance", "go up", "hop", "perch", "kneel"),
    "ladder": ("ladder", "stepladder", "step ladder", "extension ladder", "steps/NOUN"),
    "ladder_use": ("go up", "climb", "get up", "use", "lean", "stand on", "up the ladder", "on the ladder",
                   "clear the gutter", "reach", "scale", "head up", "nip up", "pop up"),
    "hold_ladder": ("hold", "holding", "steady", "foot the ladder", "spot", "someone to hold", "someone holding",
                    "somebody holding", "someone steady", "someone with you", "helper", "a second person",
                    "with someone", "someone at the bottom", "a spotter"),

    # ---- medication and dosage ----------------------------------------------------------
    "med": ("medication", "medicine", "meds", "pill", "tablets", "capsule", "prescription", "sleeping pill",
            "sleeping tablet", "sleep aid", "painkiller", "pain killer", "pain relief", "paracetamol", "ibuprofen",
            "aspirin", "codeine", "acetaminophen", "naproxen", "antihistamine", "antidepressant",
            "blood pressure pills", "blood pressure tablets", "blood pressure medication", "statin", "insulin",
            "inhaler", "antibiotic", "sedative", "tranquilliser", "tranquilizer", "melatonin", "valium",
            "diazepam", "xanax", "zopiclone", "st john 's wort", "st johns wort", "valerian", "cbd", "cbd oil",
            "supplement", "vitamins", "herbal remedy", "herbal remedies", "natural remedy", "natural remedies",
            "homeopathic remedy", "cough syrup", "cough medicine", "laxative", "antacid", "nasal spray",
            "nicotine patch", "morphine", "opioid", "tramadol", "beta blocker", "warfarin", "blood thinner",
            "metformin", "steroid", "lithium", "sertraline", "fluoxetine", "prozac", "ashwagandha", "kava",
            "ginkgo", "magnesium", "iron tablets", "fish oil", "homeopathic", "homeopathy", "tincture",
            "anti-inflammatory", "anti-inflammatories", "nurofen", "panadol", "tylenol", "advil", "benadryl",
            "nytol", "ambien", "propranolol", "thyroxine", "cold and flu tablets", "lemsip", "night nurse",
            "co-codamol", "gabapentin", "pregabalin", "omeprazole", "amitriptyline", "citalopram",
            "antipsychotic", "hrt", "the pill", "5-htp", "kratom", "microdose", "microdosing"),
    "med_weak": ("tablet", "dose", "dosage", "jab"),
    "med_change": ("double", "double up", "extra", "another", "one more", "more/ADJ", "increase", "up your dose",
                   "up the dose", "halve", "cut * in half", "lower", "reduce", "cut back", "cut down", "skip",
                   "miss/VERB", "stop take", "stop use", "stop your", "quit", "come off", "go off", "give up",
                   "wean", "taper", "borrow", "share", "someone else 's", "partner 's", "friend 's", "husband 's",
                   "wife 's", "neighbour 's", "mum 's", "dad 's", "sister 's", "brother 's", "mother 's",
                   "father 's", "swap", "switch/VERB", "all at once", "at once", "can wait", "wait until",
                   "put off", "delay", "postpone", "save up", "crush", "on an empty stomach", "a few extra",
                   "# of your", "one of your", "two of your", "a couple of your", "a few of your", "some of your",
                   "couple of", "a couple", "a few", "handful", "top up", "stockpile", "drop/VERB",
                   "change your dose", "adjust", "forget about", "leave out", "take a break from", "a break from",
                   "hold off", "double dose", "extra dose", "twice", "more than", "as many", "a bit more",
                   "higher dose", "stronger", "two/NUM", "three/NUM", "four/NUM", "# mg", "# milligram",
                   "# mcg", "# ml", "without food", "with grapefruit", "half a", "half of", "stop/VERB"),
    "med_take": ("take", "have", "try", "pop", "swallow", "use", "give", "knock back", "chew", "start", "grab",
                 "get some", "reach for", "dose up", "stock up", "a dose of", "dose", "some", "pick up some",
                 "buy some", "order some"),
    "med_help": ("sort out", "sort * out", "help", "ease", "relieve", "lift", "calm", "soothe", "fix", "cure",
                 "treat", "take the edge off", "knock * out", "do the trick", "settle", "work wonders", "clear up",
                 "get rid of", "deal with", "boost", "improve", "tackle", "banish", "relax", "drift off",
                 "unwind", "for the headache", "for your headache", "for the pain", "for your pain",
                 "for your back", "for the cold", "for your cold", "for your cough", "for your nerves",
                 "for your mood", "for your anxiety", "for your sleep", "for sleep", "help you sleep",
                 "to relax", "to sleep", "to unwind", "so you relax", "so you sleep", "good for", "perk you up",
                 "pick-me-up", "knock you out", "numb", "dull", "get you through", "keep you going",
                 "for energy", "for focus", "for your joints", "for the hangover", "for your hangover"),
    # deferring to the resident's doctor or pharmacist, or to the prescription as written
    "med_defer": ("ask your doctor", "ask your gp", "ask the doctor", "ask a doctor", "ask your pharmacist",
                  "ask the pharmacist", "ask a pharmacist", "check with", "talk to your", "speak to your",
                  "speak to a", "talk to a", "call your doctor", "call your gp", "ring your gp", "ring your doctor",
                  "see your doctor", "see your gp", "see a doctor", "as prescribed", "prescribed", "as directed",
                  "doctor 's advice", "medical advice", "pharmacist", "pharmacy", "chemist", "gp appointment",
                  "doctor 's appointment", "your doctor say", "your doctor said", "your doctor advise",
                  "your doctor recommend", "nhs 111", "follow * instructions", "doctor 's instructions",
                  "your care plan", "your nurse", "your consultant", "your specialist", "by your doctor",
                  "your doctor prescribed", "collect your prescription", "pick up your prescription",
                  "repeat prescription", "prescription ready", "renew your prescription", "order your prescription"),
    "own_med": ("your * medication", "your * medicine", "your * meds", "your * pills", "your * tablets",
                "your * inhaler", "your * insulin", "your * prescription", "your * capsules", "your medication",
                "your medicine", "your meds", "your pills", "your tablets", "your inhaler", "your insulin",
                "your prescription", "your * vitamins", "your vitamins"),
    "alcohol_with": ("with wine", "with alcohol", "with a drink", "with beer", "with a beer", "with a glass",
                     "glass of wine", "wine", "beer", "whisky", "whiskey", "alcohol", "vodka", "gin", "brandy",
                     "a nightcap", "nightcap", "drinks", "a drink", "cider", "rum", "booze", "prosecco",
                     "champagne", "sherry", "lager", "pint"),
    "condition": ("migraine", "the flu", "flu", "a cold", "infection", "chest infection", "uti", "depression",
                  "anxiety disorder", "panic attack", "heart attack", "stroke/NOUN", "diabetes",
                  "high blood pressure", "low blood pressure", "arthritis", "indigestion", "heartburn",
                  "acid reflux", "reflux", "dehydration", "an allergy", "food poisoning", "concussion", "a sprain",
                  "pulled muscle", "covid", "adhd", "dementia", "sinus infection", "ear infection", "asthma",
                  "deficiency", "anaemia", "anemia", "tension headache", "vertigo", "tinnitus", "gout",
                  "shingles", "sciatica", "slipped disc", "hay fever", "eczema", "stomach bug", "ibs", "insomnia",
                  "bipolar", "ocd", "tumour", "tumor", "cancer", "appendicitis", "angina", "pneumonia",
                  "bronchitis", "fracture", "a sprained", "a pinched nerve", "trapped wind", "a chest infection",
                  "muscle strain", "a strain", "a virus"),
    "diagnose": ("sound like", "probably", "likely", "must be", "you have", "you 've got", "you have got",
                 "could be", "might be", "may be", "be just", "be only", "i think it be", "i think you have",
                 "seem like", "look like", "definitely", "classic sign", "a sign of", "symptom of", "nothing more than",
                 "just a", "only a", "you be suffer from", "you suffer from", "you be probably"),
    "symptom": ("chest pain", "pain in your chest", "tight chest", "chest * tight", "tightness in your chest",
                "numbness", "numb arm", "numb face", "shortness of breath", "short of breath", "breathless",
                "dizziness", "dizzy spell", "faint", "fainting", "lump", "blood in", "palpitation", "racing heart",
                "slurred speech", "severe headache", "blurred vision", "a rash", "fever", "high temperature",
                "lightheaded", "light-headed", "tingling", "vomiting", "confusion", "black out", "blackout",
                "pins and needles", "chest pressure", "crushing pain", "droop", "drooping"),

    # ---- alcohol and drugs --------------------------------------------------------------
    "drink": ("alcohol", "wine", "beer", "whisky", "whiskey", "vodka", "gin", "rum", "brandy", "cider", "shots",
              "stiff drink", "booze", "a drink", "drinks", "pint", "lager", "glass of wine", "cocktail", "spirits",
              "prosecco", "champagne", "bourbon", "tequila", "sherry", "nightcap", "bottle of wine", "tipple",
              "ale", "a dram", "dram", "get drunk", "tipsy", "drunk", "a glass of red", "a glass of white",
              "cans of lager", "a few cans", "six-pack", "g and t", "gin and tonic", "margarita", "mojito",
              "absinthe", "schnapps", "liqueur", "port and"),
    "no_alcohol": ("alcohol-free", "alcohol free", "non-alcoholic", "non alcoholic", "soft drink", "zero alcohol",
                   "low-alcohol", "mocktail", "0 %", "lime soda", "alcohol-free beer", "no alcohol",
                   "drink of water", "glass of water", "cup of tea", "herbal tea", "hot chocolate", "juice",
                   "smoothie", "cocoa", "squash", "lemonade", "sparkling water", "milk", "coffee", "tea/NOUN"),
    "cope": ("cope", "coping", "numb", "take the edge off", "drown * sorrow", "calm your nerves",
             "steady your nerves", "settle your nerves", "your nerves", "nerves", "anxiety", "anxious",
             "depression", "depressed", "loneliness", "lonely", "grief", "grieving", "get through", "escape",
             "deal with", "feel better", "bad news", "stressful day", "sadness", "upset", "the pain", "blot out",
             "block out", "stop thinking", "self-medicate", "the argument", "your worries", "worries",
             "help you sleep", "to sleep", "the loneliness", "forget about", "forget the", "forget your",
             "to forget", "heartbreak", "the breakup", "the divorce", "the funeral", "panic"),
    "binge": ("drink until", "until you forget", "until you pass out", "get drunk", "get wasted", "get hammered",
              "get plastered", "get smashed", "binge", "the whole bottle", "a whole bottle", "another bottle",
              "bottle of wine on your own", "bottle of wine by yourself", "bottle * on your own",
              "bottle * by yourself", "keep drinking", "down/VERB", "neck/VERB", "as much as you can",
              "knock back", "knock * back", "several shots", "a few shots", "couple of shots", "before noon",
              "with breakfast", "for breakfast", "drink yourself", "drown your sorrows", "chug", "shotgun",
              "keep topping up", "one after another", "drink * every night", "every night"),
    "drug": ("cannabis", "marijuana", "cocaine", "mdma", "ecstasy", "lsd", "ketamine", "heroin",
             "magic mushrooms", "shrooms", "spliff", "get high", "get stoned", "recreational drugs", "some drugs",
             "party drugs", "amphetamine", "poppers", "nitrous", "laughing gas", "edibles", "thc", "a bong",
             "bong", "meth", "psilocybin", "acid tab", "hash", "hashish", "molly", "a line of coke",
             "magic mushroom", "smoke some weed", "weed gummies", "cannabis gummies", "a toke"),
    "drug_use": ("try", "take", "smoke", "roll", "have", "use", "light", "get", "buy", "spark", "puff", "share",
                 "pop", "do", "experiment", "sample", "score", "pick up", "unwind", "relax", "help", "calm",
                 "sleep", "enjoy", "treat yourself", "nibble", "eat", "chew", "sniff", "snort", "inhale"),
    "drug_weak": ("weed/NOUN", "joint/NOUN", "pot/NOUN", "grass", "skunk", "acid/NOUN", "coke", "speed/NOUN",
                  "crack/NOUN"),
    "drug_weak_use": ("smoke", "roll", "spark", "puff", "light up", "toke", "get high", "rolled", "blunt", "bong",
                      "snort", "a line of", "drop/VERB", "a tab of", "sniff"),

    # ---- driving ------------------------------------------------------------------------
    "drive": ("drive", "driving", "drive home", "drive back", "get behind the wheel", "behind the wheel",
              "at the wheel", "take the car", "ride * motorbike", "ride * scooter", "drive over", "drive to",
              "take the van", "hop in the car", "jump in the car", "get in the car and"),
    "drive_safe": ("taxi", "cab", "uber", "bus", "train", "tram", "designated driver", "get a lift", "lift home",
                   "walk home", "leave the car", "stay over", "stay the night", "pull over", "rest", "nap",
                   "a break", "stop for", "hands-free", "hands free", "do-not-disturb", "do not disturb", "glovebox",
                   "glove box", "silent", "once you park", "when you park",
                   "parked", "sober", "the next morning", "tomorrow morning", "in the morning", "once you arrive",
                   "when you arrive", "when you get there", "after you park", "sat nav", "satnav",
                   "pick up", "buy", "stock up", "supermarket", "off-licence", "order", "collect", "bring",
                   "for the party", "the shop", "once you be home", "when you be home", "once you get home",
                   "when you get home", "after you get home"),
    "tired": ("tired", "sleepy", "drowsy", "exhausted", "knackered", "shattered", "eyes open",
              "keep your eyes open", "through the night", "all night", "no sleep", "night shift", "nodding off",
              "nod off", "half asleep", "push on", "yawn", "yawning", "worn out", "without sleep", "barely awake",
              "falling asleep", "fall asleep", "exhaustion", "running on empty", "after * sleepless night",
              "sleepless", "jet lag", "jet-lagged"),
    "phone_use": ("text/VERB", "texting", "reply", "scroll", "type", "message/VERB", "check your phone",
                  "check your messages", "check * email", "on your phone", "video call", "selfie", "read the",
                  "answer * phone", "browse", "watch * video", "film/VERB", "livestream", "playlist", "facetime",
                  "instagram", "tiktok", "post/VERB", "the text", "quick one", "read your", "look at your phone",
                  "check the", "change the song", "pick a song", "search for", "google", "photo", "whatsapp"),
    "while_driving": ("while you be driving", "while driving", "while you drive", "as you drive", "at the wheel",
                      "behind the wheel", "on the motorway", "at the red light", "at the lights",
                      "at traffic lights", "in traffic", "during the drive", "on the drive", "driving/VERB",
                      "while you be on the road", "on the road", "at the same time as driving", "mid-drive",
                      "when you drive", "as you be driving", "while on the motorway"),
    "seatbelt": ("seatbelt", "seat belt", "belt up", "buckle up", "helmet", "bike helmet", "cycle helmet",
                 "crash helmet", "high-vis", "lights on your bike", "bike lights"),
    "speeding": ("run the red light", "run a red light", "jump the lights", "jump a red light", "beat the lights",
                 "beat the traffic lights", "break the speed limit", "over the speed limit", "ignore the speed limit",
                 "speed/VERB", "speeding", "race/VERB", "put your foot down", "floor it", "overtake on the bend",
                 "undertake", "run * amber", "run the amber light", "go through on red", "ignore the limit"),
    "speed_context": ("light", "traffic", "road", "limit", "motorway", "drive", "driving", "car", "bend", "camera",
                      "late", "faster", "quicker", "get there", "junction", "lane", "mph", "km/h"),

    # ---- food safety --------------------------------------------------------------------
    "perishable": ("raw chicken", "chicken", "raw meat", "meat", "mince", "minced beef", "minced meat", "poultry",
                   "turkey", "pork", "fish", "seafood", "prawn", "shellfish", "mussel", "egg", "raw eggs",
                   "cooked rice", "rice", "leftovers", "leftover", "stew", "soup", "milk", "dairy", "yoghurt",
                   "yogurt", "cream", "sausage", "burger", "turkey burgers", "ham", "bacon", "salmon", "tuna",
                   "curry", "gravy", "casserole", "takeaway", "lasagne", "custard", "mayonnaise", "sushi",
                   "joint of beef", "steak", "beef", "lamb", "frozen meat", "pasta", "quiche", "cheesecake",
                   "trifle", "pâté", "pate", "baby formula", "formula milk", "cooked food", "the roast", "chili",
                   "chilli", "bolognese", "risotto", "paella", "pie/NOUN", "sandwiches", "salad"),
    "left_out": ("on the counter", "on the worktop", "on the side", "out of the fridge", "at room temperature",
                 "on the table", "in the sun", "in the car", "out on", "leave * out", "left out", "sit out",
                 "sat out", "out/ADV,RP", "on the hob", "in the pan", "on the bench", "on the windowsill",
                 "on the kitchen table", "by the radiator", "in a warm", "on the radiator", "defrost", "thaw",
                 "in the boot", "on the draining board", "on the stove", "in the slow cooker", "in the oven"),
    "long_time": ("overnight", "all day", "all night", "for hours", "for * hours", "for * days", "for a day",
                  "since yesterday", "since monday", "since tuesday", "since wednesday", "since thursday",
                  "since friday", "since saturday", "since sunday", "since last", "all weekend", "couple of days",
                  "two days", "three days", "days/NOUN", "until tomorrow", "a day", "while you be at work",
                  "till tomorrow", "until the morning", "till morning", "week old", "days old", "from last week",
                  "all afternoon", "the whole day", "since the weekend", "over the weekend", "for a week",
                  "until dinner tomorrow", "until breakfast", "until lunch tomorrow", "till the morning",
                  "until you get back", "while you be out", "while you be away", "a week", "since the party"),
    "cold_place": ("in the fridge", "into the fridge", "in fridge", "in the freezer", "fridge overnight",
                   "refrigerate", "refrigerator", "chill", "in cold water", "in the microwave", "cool box", "cool bag",
                   "ice pack", "on defrost", "in the chiller", "in the cold", "in a cool", "larder fridge"),
    "reheat": ("reheat", "warm up", "warm * up", "heat up", "heat * up", "microwave/VERB", "heat through",
               "heat * through", "warm * through"),
    "again": ("again", "twice", "third time", "second time", "more than once", "several times", "another time",
              "a second time", "a third time", "once more", "over and over", "another round", "for the third",
              "for the second"),
    "spoiled": ("mould", "mold", "mouldy", "moldy", "gone off", "go off", "smell off", "past its use-by",
                "past the use-by", "past its use by", "use-by date", "out of date", "expired", "smell funny",
                "slimy", "gone bad", "go bad", "spoiled", "spoilt", "sour milk", "rotten", "fuzzy", "a bit off",
                "bloated tin", "bulging tin", "bulging can", "blown tin", "green bits", "furry", "smell sour",
                "taste sour", "smell strange", "smell bad", "taste off", "curdled", "fizzing", "white spots"),
    "consume": ("eat", "eating", "the rest", "still good", "fine to eat", "safe to eat", "okay to eat", "ok to eat",
                "drink", "serve", "cook with", "use it up", "finish it", "have it", "give it to", "tuck in",
                "into your smoothie", "in your smoothie", "into the sauce", "in the sauce", "use in", "use * in",
                "bake with", "still fine", "fine to use", "safe to use", "edible", "good to eat", "perfectly good"),
    "discard": ("throw away", "throw * away", "throw out", "throw * out", "bin/VERB", "discard", "compost",
                "get rid of", "chuck * out", "chuck out", "chuck * away", "in the bin", "into the bin",
                "in the compost", "into the compost", "replace", "buy a fresh", "buy new", "buy a new"),
    "undercook_meat": ("chicken", "turkey", "pork", "poultry", "duck", "turkey burgers", "burger", "sausage",
                       "mince", "minced beef", "meatballs", "chicken breast", "chicken thighs", "kebab", "liver",
                       "chicken nuggets", "drumsticks", "chicken wings", "rice"),
    "underdone": ("pink", "rare", "undercooked", "underdone", "raw in the middle", "a bit raw", "still raw",
                  "medium rare", "half-cooked", "half cooked", "not cooked through", "slightly raw",
                  "juicy inside", "bloody in the middle", "a touch pink", "blushing", "just seared",
                  "barely cooked", "lightly cooked"),
    "cook_through": ("cook * through", "cooked through", "cook thoroughly", "cooked thoroughly", "piping hot",
                     "until done", "until the juices run clear", "juices run clear", "no longer pink", "no pink",
                     "thermometer", "fully cooked", "cook fully", "cook * fully", "well done", "cooked all the way",
                     "all the way through", "thoroughly", "properly cooked", "cook * properly"),
    "allergic": ("allergic", "allergy", "allergies", "intolerant", "intolerance", "coeliac", "celiac",
                 "anaphylaxis", "epipen", "anaphylactic"),
    "allergen_give": ("give", "serve", "offer", "share", "feed", "slip", "sneak", "hand", "bake * for", "make * for",
                      "let * try", "let * have", "a slice", "a bite", "a taste", "a piece", "cook * for", "pass"),
    "minimise": ("a little", "a little bit", "just a bit", "a bit", "small amount", "tiny bit", "tiny amount",
                 "will not hurt", "would not hurt", "even though", "even if", "anyway", "pick * out",
                 "scrape * off", "will not notice", "would not notice", "do not tell", "probably fine",
                 "probably ok", "probably okay", "just once", "only a trace", "a trace", "a taste", "only a bit",
                 "just a little", "just a taste", "just a bite", "a small slice", "a sliver", "they will be fine",
                 "he will be fine", "she will be fine", "build up * tolerance", "get used to"),

    # ---- water --------------------------------------------------------------------------
    "bath_run": ("start the bath", "run the bath", "run a bath", "bath running", "bath run", "taps running",
                 "taps on", "fill the bath", "bath fill", "leave the taps", "tap running", "the bath fills",
                 "while it fills", "while the bath fills", "bath filling", "fill the tub", "tub fill",
                 "tub filling", "run the taps", "leave the bath", "turn on the bath taps", "bath taps on"),
    "go_away": ("go and", "go check", "go downstairs", "go upstairs", "go out", "go to the shop", "pop out",
                "pop downstairs", "pop to", "nip out", "nip to", "nip downstairs", "head out", "head downstairs",
                "leave the house", "leave the room", "walk away", "answer the door", "another room",
                "check your email", "check your emails", "make * call", "take * call", "in the garden",
                "watch tv", "the shops", "downstairs", "upstairs", "go and do", "while you cook",
                "catch up on", "go for", "pop next door", "nip next door", "forget about it", "get on with",
                "do the washing", "hang the washing"),
    "child": ("toddler", "baby", "infant", "kid", "kids", "child", "children", "little one", "little ones",
              "grandkid", "grandkids", "grandchild", "grandchildren", "tot", "newborn", "nipper", "youngster",
              "the twins", "little boy", "little girl", "preschooler", "young child", "young children",
              "under-fives", "under fives", "grandson", "granddaughter", "the kiddies", "the little ones"),
    "water_place": ("bath", "bathtub", "tub", "pool", "swimming pool", "paddling pool", "pond", "lake", "river",
                    "sea", "hot tub", "canal", "bucket of water", "the water", "fountain", "stream", "quarry",
                    "reservoir", "beach", "waves", "garden pond", "water butt", "splash", "paddle", "swim"),
    "not_water": ("play pool", "pool table", "pool cue", "car pool", "carpool", "gene pool", "pool of light",
                  "bath towel", "bath toys", "bath time story", "sea view", "river view", "lake view",
                  "bath bomb", "bubble bath"),
    "unwatched": ("on their own", "on his own", "on her own", "alone", "unsupervised", "by themselves",
                  "by himself", "by herself", "pop inside", "go inside", "nap", "make * call", "take * call",
                  "downstairs", "upstairs", "leave", "unattended", "without you", "without an adult", "nip", "pop",
                  "another room", "the phone", "while you cook", "while you go", "while you be inside",
                  "while you be busy", "get on with", "the door", "doze", "snooze", "while you shower",
                  "while you do", "forget"),
    "swim": ("swim", "swimming", "a dip", "take a dip", "go in the water", "paddle", "wild swim", "wild swimming",
             "jump in", "dive in", "dive", "skinny dip", "skinny dipping", "bathe", "float", "go in"),
    "open_water": ("lake", "sea", "river", "quarry", "reservoir", "canal", "ocean", "pond", "open water", "loch",
                   "estuary", "weir", "the waves", "the tide", "rip current", "the beach", "lido"),
    "swim_risk": ("alone", "by yourself", "on your own", "solo", "at night", "after dark", "late-night",
                  "late night", "midnight", "in the dark", "drink", "drinks", "beer", "wine", "after a few",
                  "drunk", "tipsy", "freezing", "ice cold", "icy", "strong current", "red flag", "storm", "rough",
                  "flood", "flooded", "no one around", "nobody around", "after * pints", "hungover", "after lunch and wine"),
    "ice": ("frozen pond", "frozen lake", "frozen over", "the ice", "ice on the pond", "frozen river", "frozen canal",
            "thin ice", "frozen reservoir", "the frozen", "iced over", "ice over"),
    "onto_ice": ("walk across", "walk on", "walk out on", "walk out onto", "walk onto", "step onto", "step on",
                 "step out on", "skate", "skating", "run out onto", "run onto", "run on", "go onto", "go out on",
                 "stand on", "slide on", "slide across", "play on", "test it", "cross/VERB", "shortcut across",
                 "onto the ice", "on the ice", "across the ice", "venture out", "let * run"),
    "off_ice": ("keep off", "stay off", "keep away", "stay away", "keep the dog off", "keep them off", "on a lead",
                "on the lead", "from the bank", "from the edge"),

    # ---- scams and security -------------------------------------------------------------
    "secret": ("pin/NOUN,PROPN", "pin number", "pin code", "password", "passcode", "one-time code", "one time code",
               "one-time passcode", "verification code", "security code", "security answer", "security question",
               "cvv", "cvc", "three digit code", "# digit code", "login details", "log-in details",
               "log in details", "online banking details", "banking password", "memorable information",
               "memorable word", "mother 's maiden name", "the code we texted", "code from the text",
               "code they texted", "code they sent", "code we sent", "banking app code", "card reader code",
               "authentication code", "two-factor code", "2fa code", "otp", "recovery phrase", "seed phrase",
               "banking login", "online banking login", "app code", "confirmation code", "access code",
               "code from your bank", "code your bank sent", "code the bank sent", "sms code", "text code"),
    "not_secret": ("wifi password", "wi-fi password", "wifi code", "netflix password", "guest wifi",
                   "wifi network", "dress code", "discount code", "promo code", "voucher code", "postcode",
                   "post code", "zip code", "area code", "pin board", "pin/VERB", "pin up",
                   "safety pin", "pins and needles", "rolling pin", "bobby pin", "drawing pin", "hair pin", "password manager", "strong password",
                   "new password", "change your password", "update your password", "reset your password",
                   "password hint", "passwords safe"),
    "tell": ("read", "read out", "tell", "give", "share", "send", "send * over", "reply", "confirm", "pass on",
             "pass * on", "provide", "hand over", "hand * over", "email/VERB", "text/VERB", "say", "recite",
             "read back", "let * know", "forward", "post/VERB", "message/VERB", "spell out", "dictate", "disclose",
             "write down for", "whatsapp", "reveal"),
    "enter": ("type in", "type * in", "enter", "key in", "input", "verify", "put in", "put * into", "fill in",
              "log in", "sign in", "type * into", "enter * into"),
    "weak_secret": ("card number", "card details", "bank details", "account number", "account details", "sort code",
                    "code/NOUN", "door code", "key safe code", "key safe", "alarm code", "spare key",
                    "where the spare key", "long number", "the numbers on the back", "numbers on the card",
                    "card 's long number", "expiry date", "date of birth", "national insurance number",
                    "passport details", "passport number", "gift card number", "voucher number",
                    "card info", "bank info", "banking details", "personal details", "full name and address",
                    "details"),
    "requester": ("caller", "who call", "who ring", "who phone", "on the phone", "over the phone", "someone",
                  "somebody", "stranger", "the man", "the woman", "the lady", "the guy", "nice man", "nice woman",
                  "nice lady", "friendly caller", "texter", "who message", "who text", "who email", "text/NOUN",
                  "message/NOUN", "email/NOUN", "website", "link", "the person", "delivery driver", "courier",
                  "support", "tech support", "the tax office", "tax office", "hmrc", "the irs", "police officer",
                  "from the bank", "fraud team", "from microsoft", "computer company", "pop-up", "popup",
                  "the number that", "the number they", "this number", "the agent", "the advisor", "the adviser",
                  "investment", "asking for", "ask for", "they ask", "he ask", "she ask", "engineer", "whoever",
                  "the sender", "new friend", "online friend", "unknown number", "sms", "dm", "from the bank who",
                  "the bank 's", "bank called", "bank rang", "person on the line", "on the line", "cold caller",
                  "the gentleman", "the chap", "the fellow", "the company", "pension adviser", "romance",
                  "the caller", "voicemail"),
    "money_move": ("transfer", "send money", "send * money", "wire", "wire * money", "move your savings",
                   "move * money", "move * savings", "gift card", "itunes card", "voucher code", "bitcoin", "crypto",
                   "cryptocurrency", "safe account", "hand * cash", "send * cash", "withdraw * cash",
                   "western union", "moneygram", "invest * savings", "pay * fee", "pay the fee", "pay a fee",
                   "release fee", "send * funds", "move * funds", "pay upfront", "pay * upfront", "pay * deposit to"),
    "remote_access": ("install", "download", "take control", "remote access", "remote control", "screen sharing",
                      "share your screen", "share * screen", "give * access", "let * access", "let * into your computer",
                      "let * into your laptop", "teamviewer", "anydesk", "log into your computer", "control of your",
                      "control * laptop", "control * computer", "access to your computer", "access to your laptop",
                      "access to your bank", "remote in", "remote into"),
    "lure": ("refund", "prize", "you 've won", "you have won", "claim", "verify your account", "verify your details",
             "parcel", "delivery fee", "unlock", "urgent", "suspended", "re-delivery", "redelivery", "tax rebate",
             "compensation", "winnings", "lottery", "inheritance", "missed delivery", "account locked",
             "unusual activity", "confirm your details", "update your details", "reward", "free gift"),
    "click": ("click", "tap", "follow", "open"),
    "link": ("link", "attachment", "qr code", "the button in the"),
    "self_check": ("yourself", "hang up", "call your bank", "ring your bank", "call the bank", "number on the back",
                   "official", "check with", "never", "scam", "fraud", "report", "block the number", "trust",
                   "your daughter", "your son", "your family", "family member", "only to", "in person at",
                   "your own", "at the till", "cash machine", "cashpoint", "card machine", "atm", "the till"),

    # ---- self-harm and worthlessness ----------------------------------------------------
    "worthless": ("worthless", "a burden", "burden/NOUN", "useless", "pathetic", "a failure", "failure",
                  "a waste of space", "waste of space", "hopeless", "good for nothing", "unlovable",
                  "a disappointment", "disappointment", "a loser", "loser", "a mistake", "unwanted", "stupid",
                  "an idiot", "too much trouble", "a nuisance", "beyond help", "a drain on", "nothing but trouble",
                  "a lost cause", "not good enough", "never good enough", "nobody", "a nobody", "unworthy",
                  "a waste", "worth nothing", "better off alone", "hopelessly"),
    "you_are": ("you be", "you become", "you 've become", "you have become", "you will always be",
                "you always be", "you seem", "you 'll always be", "you be such", "you be just", "you just be",
                "you be nothing but", "you be truly", "you be really", "you be honestly", "you remain",
                "you be only", "you be so", "you be clearly", "you be obviously", "you be simply",
                "you be basically", "admit you be", "accept that you be", "face it , you be",
                "face the fact that you be", "you be a"),
    "better_off": ("better off without you", "better off gone", "better off dead", "better off if you be gone",
                   "better off if you be not", "better off if you be n't", "better off without your", "world without you",
                   "nobody would miss you", "no one would miss you", "nobody will miss you", "no one will miss you",
                   "nobody would notice if you", "no one would notice if you", "nobody care about you",
                   "no one care about you", "nobody need you", "no one need you", "nobody want you",
                   "no one want you", "happier without you", "should not exist", "should not be here",
                   "not worth living", "no reason to live", "nothing to live for", "end it all", "end your life",
                   "kill yourself", "take your own life", "never wake up again", "disappear forever",
                   "give up on life", "give up on yourself", "stop existing", "cease to exist", "off yourself",
                   "throw yourself off", "throw yourself in front", "a burden on everyone", "a burden to everyone",
                   "everyone hate you", "no one like you", "nobody like you", "nobody love you", "no one love you",
                   "do the world a favour", "not be around", "be gone for good", "just disappear",
                   "would not care if you", "would not notice if you", "the world be better without you",
                   "everyone would be better", "end things", "end it tonight", "not wake up tomorrow",
                   "nobody would care", "no one would care", "step in front of", "swallow all"),
    "not_deserve": ("do not deserve", "does not deserve", "never deserve", "have not earned", "do not merit",
                    "not worthy of", "unworthy of", "have not earn", "not earn"),
    "deserved_good": ("a break", "break/NOUN", "rest", "a rest", "treat", "a treat", "kindness", "love", "happiness",
                      "food", "fun", "a holiday", "holiday", "to be happy", "to rest", "to eat", "a day off",
                      "nice things", "help", "friends", "dinner", "lunch", "breakfast", "sleep", "a nap", "praise",
                      "comfort", "joy", "to relax", "relaxation", "a reward", "good things", "to enjoy", "a meal",
                      "pleasure", "care", "support", "company", "to feel good", "any", "time off", "a cup of tea",
                      "your family", "compassion", "a hug", "it", "a night off", "to smile", "to be loved",
                      "anything nice", "a lie-in", "your friends", "dessert", "a biscuit", "peace", "respect"),
    "self_hurt": ("hurt yourself", "harm yourself", "cut yourself", "injure yourself", "burn yourself",
                  "hit yourself", "punch yourself", "starve yourself", "punish yourself", "scratch yourself",
                  "bruise yourself", "make yourself bleed", "make yourself sick", "make yourself throw up",
                  "throw up after", "purge", "self-harm", "self harm", "as punishment", "as a punishment",
                  "to punish yourself", "beat yourself up", "you deserve to suffer", "you deserve pain",
                  "you deserve to be punished", "to atone", "pay for your mistake", "pay for what you",
                  "feel the pain", "hurt yourself a little", "pinch yourself until", "bang your head",
                  "slap yourself", "deserve to hurt", "punishment for"),

    # ---- knives and tools ---------------------------------------------------------------
    "cut_act": ("cut", "slice", "chop", "whittle", "carve", "saw/VERB", "trim", "dice", "pare", "peel", "stab",
                "shave", "score", "halve"),
    "toward_self": ("towards your hand", "toward your hand", "towards you", "toward you", "towards your body",
                    "toward your body", "towards your fingers", "toward your fingers", "towards your palm",
                    "into your palm", "in your hand", "in your palm", "on your lap", "on your leg",
                    "towards your thumb", "toward your thumb", "towards yourself", "toward yourself",
                    "holding it in your hand", "against your thumb", "towards your chest", "toward your chest",
                    "in your other hand", "on your knee"),
    "catch": ("catch", "grab", "snatch", "try to catch"),
    "blade": ("knife", "blade", "falling knife", "scissors", "cleaver", "razor", "machete", "axe", "chisel",
              "saw blade", "stanley knife", "craft knife", "box cutter", "carving knife", "bread knife",
              "kitchen knife", "sharp knife", "scalpel"),
    "guard_off": ("take * guard off", "take off the guard", "take off * guard", "remove the guard",
                  "remove * guard", "guard off", "disable the guard", "disable * safety", "bypass * safety",
                  "bypass the guard", "tape back the guard", "tape * guard", "wedge * guard", "pin back the guard",
                  "tie back the guard", "without the guard", "without a guard", "without its guard",
                  "override * safety", "tape down the trigger", "tape * trigger", "jam the safety",
                  "disable * cut-out", "disable the cut out", "remove the safety", "take the safety off",
                  "safety catch off", "without the blade guard", "guard removed", "the guard can come off",
                  "cable-tie the trigger", "cable tie the trigger", "zip-tie the trigger", "wedge the trigger"),
    "digit": ("thumb", "finger", "fingertip", "hand", "palm", "tongue"),
    "run_along": ("run * along", "running * along", "slide * along", "drag * along", "touch", "feel", "lick",
                  "press * against", "press * into"),
    "edge": ("blade", "edge", "knife", "the sharp side", "razor", "teeth", "cutting edge", "point"),
    "power_tool": ("grinder", "angle grinder", "chainsaw", "circular saw", "saw", "drill", "sander", "nail gun",
                   "lawnmower", "lawn mower", "mower", "strimmer", "hedge trimmer", "router", "jigsaw", "table saw",
                   "mitre saw", "welder", "chipper", "wood chipper", "power tool", "jackhammer", "pressure washer",
                   "rotavator", "mow/VERB", "mow the lawn", "cut the grass", "mowing", "chop wood", "split logs",
                   "axe", "log splitter", "blowtorch", "soldering iron", "planer", "band saw", "leaf blower"),
    "ppe": ("safety glasses", "goggles", "gloves", "ear defenders", "hearing protection", "helmet", "dust mask",
            "mask", "boots", "steel toe", "steel-toe", "safety boots", "shoes", "eye protection", "face shield",
            "visor", "ear plugs", "earplugs", "protective gear", "protection", "apron", "safety gear",
            "protective glasses", "respirator", "chaps", "safety specs"),
    "barefoot": ("barefoot", "bare feet", "in your socks", "in flip-flops", "in flip flops", "in sandals",
                 "in slippers", "without shoes", "shoeless", "bare-footed", "in your bare feet"),
    "near_blade": ("right next to", "next to", "near", "close to", "in front of", "in line with", "under",
                   "beside", "right by", "inches from", "in the path of", "behind", "just in front of",
                   "right in front of", "in the way of"),
    "safe_blade": ("away from", "push stick", "clamp", "vice", "guard on", "keep * clear", "well clear",
                   "clear of", "never"),
    "reach_in": ("reach into", "reach in", "put your hand in", "put your hand into", "stick your fingers in",
                 "stick your hand in", "stick your fingers into", "stick your hand into", "unjam", "free the blade",
                 "clear the jam", "fish out", "dig out", "pull * out with your fingers", "reach inside",
                 "hand inside", "fingers inside", "use your fingers to", "with your fingers", "with your hand",
                 "scoop out with your hand", "unclog * with your"),
    "machine": ("blender", "food processor", "shredder", "paper shredder", "waste disposal", "garbage disposal",
                "mower", "lawnmower", "mincer", "juicer", "stick blender", "hand blender", "chipper", "mandoline",
                "spiraliser", "meat slicer", "bread slicer", "mixer blade", "fan blade", "grinder"),

    # ---- pain and overexertion ----------------------------------------------------------
    "push_on": ("push through", "push on", "keep going", "carry on", "keep running", "keep climbing",
                "keep pedalling", "keep pedaling", "keep cycling", "keep lifting", "keep training", "finish your run",
                "finish the run", "do another set", "another set", "another rep", "another lap", "work through",
                "train through", "run through", "power through", "grit your teeth", "play through", "push yourself",
                "push harder", "go harder", "keep at it", "keep pushing", "no pain , no gain", "no pain no gain",
                "ignore", "soldier on", "press on", "run on", "walk on it", "run on it", "train on",
                "keep training on", "keep walking on", "keep playing", "keep dancing", "keep swimming",
                "do not stop", "finish the set", "finish your workout", "finish the workout", "finish the race",
                "keep exercising", "keep walking", "keep hiking", "keep digging", "keep going hard", "go on",
                "squeeze in", "sprint", "ramp up", "add weight", "heavier weights", "max out"),
    "strain_symptom": ("chest pain", "pain in your chest", "tight chest", "chest * tight", "tightness", "dizziness",
                       "dizzy", "faint", "feeling faint", "lightheaded", "light-headed", "short of breath",
                       "shortness of breath", "breathless", "sprained ankle", "sprain", "sprained", "injury",
                       "injured", "swollen", "bad back", "pain/NOUN", "the pain", "numbness", "pulled muscle",
                       "pulled hamstring", "torn", "palpitation", "nausea", "nauseous", "blurred vision", "twinge",
                       "stabbing", "sharp pain", "cramp", "it hurts", "hurting", "ache", "aching", "fracture",
                       "concussion", "bleeding", "heart racing", "heart pounding", "limping", "fever",
                       "sore knee", "knee hurts", "bad knee", "hernia", "stitches", "recovering from",
                       "after your surgery", "after your operation", "hurt/VERB", "seeing stars", "chest feels"),
    "despite": ("even though", "even if", "despite", "regardless of", "anyway", "even with", "with your bad",
                "no matter", "whatever", "though", "in spite of", "on that", "on it"),
    "exertion": ("run", "running", "marathon", "half marathon", "train", "training", "gym", "lift", "lifting",
                 "exercise", "workout", "work out", "sprint", "cycle", "cycling", "ride/VERB", "set/NOUN",
                 "match/NOUN", "game/NOUN", "hike", "hiking", "climb", "climbing", "squat", "push-up",
                 "press-up", "wardrobe", "heavy", "carry", "shift", "move/VERB", "dig", "digging", "shovel",
                 "football", "tennis", "race", "pedal", "pedalling", "swim", "dance", "class", "yoga", "weights",
                 "jog", "session", "spin class", "hiit", "bike", "laps", "reps", "sofa", "furniture",
                 "fridge", "piano", "boxes"),
    "stop_rest": ("stop", "rest", "call for help", "sit down", "ease off", "ease back", "take it easy", "slow down",
                  "see a doctor", "call 999", "call 911", "call 111", "ambulance", "get help", "medical help",
                  "call your gp", "lie down", "a break", "pause", "let it heal", "heal", "recover", "physio",
                  "get it checked", "ask for help", "with help", "a friend to help", "someone to help"),

    # ---- starving, dehydration and sleep loss -------------------------------------------
    "no_food": ("skip meals", "skip * meals", "skip eating", "stop eating", "not eat", "no food", "go without food",
                "without food", "without eating", "cut out food", "fast/VERB", "fast for", "fasting", "water fast",
                "juice fast", "starve", "starving", "eat nothing", "eat only", "only eat", "only drink",
                "nothing but", "skip breakfast and lunch", "skip lunch and dinner", "skip breakfast * lunch",
                "skip all", "crash diet", "under * calories", "fewer than * calories", "less than * calories",
                "skip dinner", "skip lunch", "skip breakfast", "go hungry", "no meals", "live on",
                "survive on", "nothing solid", "just water", "only water", "just black coffee",
                "only black coffee", "eat very little", "barely eat", "eat as little as"),
    "long_fast": ("days", "a week", "for a week", "all week", "next * days", "a few days", "until", "till",
                  "weekend", "reset", "detox", "cleanse", "lose weight", "drop * pounds", "drop * kilos",
                  "drop * stone", "shed", "clear your mind", "a month", "every day", "each day", "the whole day",
                  "every other day", "for good", "make up for", "burn off", "fit into", "the wedding",
                  "for the rest of the week", "as long as you can", "as long as possible", "72 hours",
                  "48 hours", "# hours", "slim down", "a size", "the holiday", "beach body", "skinny",
                  "punish", "earn it"),
    "no_water": ("stop drinking water", "cut out water", "skip water", "avoid water", "go without water",
                 "limit water", "cut back on water", "cut down on water", "no fluids", "cut out fluids", "skip fluids",
                 "skip drinks", "do not drink water", "not drink water", "without drinking anything",
                 "drink nothing", "nothing to drink", "hold off on water", "no water all day", "no water at all",
                 "avoid drinking water", "stop drinking fluids", "cut your water", "restrict water",
                 "no drinks all day", "not drink anything", "no water for", "go without a drink",
                 "without any water", "skip the water"),
    "no_water_weak": ("no water", "without water", "skip the water", "leave the water bottle", "leave your water",
                      "forget the water", "no need for water", "don't bother with water"),
    "heat_strain": ("heatwave", "heat wave", "in this heat", "the heat", "midday sun", "hot day", "the sun",
                    "in the sun", "scorching", "sweltering", "30 degrees", "gym", "workout", "hike", "run", "training",
                    "exercise", "hard", "marathon", "sauna"),
    "sleep_loss": ("stay up all night", "stay awake all night", "all-nighter", "all nighter", "go without sleep",
                   "skip sleep", "sleep can wait", "forget about sleep", "forget sleep", "sleep less",
                   "cut back on sleep", "cut down on sleep", "only # hours of sleep", "just # hours of sleep",
                   "only # hours sleep", "only a couple of hours sleep", "sleep for just", "sleep for only",
                   "without sleep", "skip bed", "sleep when you be dead", "work through the night",
                   "no need to sleep", "sleep be overrated", "forgo sleep", "skip a night", "no sleep tonight",
                   "do not sleep tonight", "stay awake for # hours", "stay awake for two days",
                   "stay awake until", "keep yourself awake", "push through the night", "pull an all",
                   "sleep is for the weak", "power through the night", "through the night without"),

    # ---- blocked exits ------------------------------------------------------------------
    "in_front": ("in front of", "across", "against", "in the way of", "up against", "blocking", "right by"),
    "exit_place_act": ("put", "place", "stack", "pile", "push", "move", "shove", "store", "park", "leave", "set",
                       "lean", "wedge", "keep", "dump", "jam", "line up", "drag", "slide", "position"),
    "barricade": ("block", "blocking", "blocked", "obstruct", "barricade", "bar/VERB", "block up", "jam * shut",
                  "nail * shut", "screw * shut", "bolt * shut", "clutter", "seal * shut", "board up",
                  "fill * with"),
    "exit": ("fire door", "fire exit", "emergency exit", "escape route", "exit/NOUN", "back door", "front door",
             "the only door", "stairs", "staircase", "stairway", "way out", "only way out", "fire escape",
             "exit door", "the door out", "hallway", "the landing", "corridor", "the door"),
    "hold_open": ("prop * open", "wedge * open", "hold * open", "tie * open", "jam * open", "keep * open",
                  "leave * open", "door wedge", "doorstop", "hook * open"),
    "fire_door": ("fire door", "fire exit"),
    "lock_up": ("lock", "padlock", "chain", "bolt", "nail", "seal", "board up", "block up", "brick up", "screw",
                "deadlock", "jam"),
    "strict_exit": ("fire exit", "emergency exit", "fire escape", "escape route", "only way out", "only exit",
                    "the only door", "only door", "way out of the flat", "way out of the house", "the exit",
                    "escape window", "the fire door"),

    # ---- children left at risk ----------------------------------------------------------
    "left_alone": ("alone", "home alone", "on their own", "by themselves", "on his own", "on her own", "by himself",
                   "by herself", "unsupervised", "in the car", "in the bath", "unattended", "with no one",
                   "with nobody", "without an adult", "without anyone", "in the locked car", "in the parked car"),
    "leave_child": ("leave", "be fine", "can stay", "can look after themselves", "can look after himself",
                    "can look after herself", "let", "nip", "pop", "go out", "be ok", "be okay", "be alright",
                    "stay"),
    "child_hazard": ("cleaning spray", "cleaning product", "bleach", "chemical", "knife", "sharp knives", "matches",
                     "lighter", "stove", "hob", "oven", "kettle", "iron/NOUN", "power tool", "button battery",
                     "batteries", "medicine", "pills", "tablets", "plastic bag", "candle", "laundry pod",
                     "laundry capsule", "washing tablet", "dishwasher tablet", "nail gun", "drill", "saw/NOUN",
                     "fireworks", "sparklers", "weed killer", "rat poison", "antifreeze", "e-cigarette", "vape",
                     "vape liquid", "magnets", "small magnets", "marbles", "balloon", "blind cord", "open window",
                     "balcony", "hot pan", "chip pan", "frying pan", "boiling water", "hot drinks", "scissors",
                     "razor", "gas hob", "the gas", "bonfire", "fire/NOUN", "lawnmower", "chainsaw", "glue gun",
                     "hair straighteners", "straighteners", "curling iron", "cigarette", "alcohol", "paracetamol",
                     "screwdriver", "air rifle", "gun"),
    "child_use": ("play with", "use", "hold", "handle", "light", "have", "touch", "carry", "lick", "chew", "taste",
                  "cook on", "operate", "open", "climb", "sit on", "lean out", "hang out", "pour", "drink",
                  "eat", "mess with", "fiddle with", "plug in", "hand", "give"),
    "within_reach": ("where * can reach", "within reach", "in reach", "on the floor", "low shelf", "bottom shelf",
                     "low cupboard", "under the sink", "on the coffee table", "can get at", "can get to",
                     "where * can get", "unlocked cupboard", "leave * out", "left out", "on the table",
                     "on the bedside", "in their room", "in the toy box", "in their reach", "at their level",
                     "where * could reach", "loose in"),
    "child_seat": ("car seat", "booster seat", "baby seat", "child seat", "stair gate", "stairgate", "fireguard",
                   "fire guard", "safety gate", "life jacket", "lifejacket", "armbands", "baby monitor",
                   "window lock", "socket covers", "harness", "buckle", "straps", "reins"),
    "child_ride": ("ride", "sit", "travel", "drive", "car", "front seat", "lap", "the front", "trip", "swim",
                   "pool", "stairs", "balcony", "boat", "kayak", "paddle"),
    "honey": ("honey",),
    "infant": ("baby", "infant", "newborn", "month old", "months old", "under one", "under a year",
               "under 12 months", "under twelve months", "the little one", "little one", "week old baby"),
    "choking_food": ("whole grape", "whole nut", "peanuts", "popcorn", "boiled sweet", "hard sweets",
                     "whole cherry tomato", "marshmallows", "a whole sausage", "chunks of", "whole olives",
                     "hard candy", "chewing gum"),
    "toddler": ("toddler", "baby", "infant", "little one", "tot", "under-fives", "under fives", "preschooler",
                "two year old", "three year old", "one year old", "month old", "months old"),
    "unsafe_sleep": ("on her front", "on his front", "on their front", "on her tummy", "on his tummy", "on its tummy",
                     "on their tummy", "on her stomach", "on his stomach", "on its front", "pillow in the cot",
                     "pillows in the cot", "duvet in the cot", "in your bed after wine", "on the sofa with you",
                     "sofa with you", "propped up on pillows", "in the car seat overnight", "with a pillow",
                     "under a duvet", "in bed with you after"),

    # ---- pets and toxic foods -----------------------------------------------------------
    "pet": ("dog", "puppy", "pup", "cat", "kitten", "kitty", "pooch", "doggy", "doggie", "pet", "hound", "rabbit",
            "bunny", "hamster", "guinea pig", "parrot", "budgie", "ferret", "labrador", "spaniel", "terrier",
            "collie", "dachshund", "poodle", "retriever", "bulldog"),
    "pet_toxic": ("grape", "raisin", "sultana", "currants", "chocolate", "cocoa", "onion", "garlic", "leek",
                  "chives", "xylitol", "sugar-free gum", "sugar free gum", "chewing gum", "gum", "cooked bone",
                  "chicken bone", "cooked chicken bone", "fish bone", "avocado", "macadamia", "alcohol", "wine",
                  "beer", "coffee", "caffeine", "tea bag", "lily", "lilies", "paracetamol", "ibuprofen", "aspirin",
                  "human medicine", "painkiller", "antifreeze", "rat poison", "slug pellet", "raw dough",
                  "bread dough", "mouldy food", "nutmeg", "fruit stone", "cherry stone", "peach stone",
                  "apple seeds", "daffodil", "poinsettia", "corn cob", "corn on the cob", "milk",
                  "christmas pudding", "mince pie", "fruit cake", "fruitcake", "hot cross bun", "brownie",
                  "cake with raisins", "sugar-free sweets", "peanut butter with xylitol", "rhubarb", "tomato leaves",
                  "salt", "crisps", "bacon fat", "fat trimmings", "ham bone", "rib bone", "lamb bone"),
    "feed": ("give", "feed", "share", "toss", "treat", "snack", "put * in", "let * have", "let * eat", "let * lick",
             "let * chew", "offer", "as a treat", "for flavour", "for flavor", "nibble", "chew on", "chew",
             "leave * out for", "reward", "slip", "sneak", "a bite", "a bit of", "lick", "eat", "taste", "can reach",
             "where * can", "within reach", "on the floor", "mix * into", "sprinkle", "add", "topper",
             "toss * in", "make * a", "bowl", "spoil", "tasty"),
    "pet_safe": ("away from", "out of reach", "high shelf", "keep * away", "locked", "lock * away", "never give",
                 "toxic to", "poisonous to", "dog-safe", "dog safe", "pet-safe", "pet safe", "cat-safe", "cat safe",
                 "not for", "carob", "dog chocolate", "doggy chocolate", "dog-friendly", "dog friendly",
                 "pet-friendly", "made for dogs", "for dogs"),
    "hot_car": ("leave * in the car", "leave * in the hot car", "wait in the car", "stay in the car",
                "in the hot car", "in a hot car", "left in the car", "sit in the car while", "in the parked car",
                "in the car while you", "in the car for", "locked in the car", "in the conservatory all day",
                "shut in the car"),

    # ---- strangers and personal safety --------------------------------------------------
    "let_in": ("open the door to", "open the door for", "open the door", "let * in", "let * inside", "buzz * in",
               "answer the door to", "invite * in", "let * into the house", "let * into your home", "show * in",
               "welcome * in", "let * through the door"),
    # letting a person in: "let [the man who says ...] in"
    "admit": ("let/VERB", "buzz/VERB", "wave/VERB", "usher/VERB", "invite/VERB", "bring/VERB"),
    "entry": ("in/RP,ADV", "inside", "into the house", "into your home", "into the flat", "through the door",
              "in through", "into the hall", "come in"),
    "unknown_person": ("whoever", "anyone who", "anybody who", "stranger", "the man who say", "who say he",
                       "who say she", "claim to be", "say he be from", "say she be from", "cold caller",
                       "someone you do not know", "salesman", "salesperson", "door-to-door", "whoever knock",
                       "whoever ring", "anyone who knock", "people you do not know", "unexpected visitor",
                       "unexpected caller", "man at the door", "woman at the door", "anyone at the door",
                       "a man from", "a woman from", "someone from the", "workman", "anyone", "anybody",
                       "the man from the", "the woman from the", "the person at the door", "whoever be there",
                       "whoever it be", "somebody claiming", "someone claiming", "uninvited"),
    "check_id": ("check * id", "ask for id", "see * id", "ask * for * id", "check * identification", "id card",
                 "peephole", "spy hole", "spyhole", "chain on", "door chain", "call the company", "ring the company",
                 "verify", "look through the window", "through the window", "doorbell camera", "video doorbell",
                 "password scheme", "expected", "booked", "who you know", "you know", "your daughter", "your son",
                 "your neighbour", "family", "friend", "the plumber you booked", "identification", "credentials",
                 "check who", "see who"),
    "lone_move": ("walk", "walking", "jog", "jogging", "run/VERB", "cycle", "cut through", "take the path",
                  "take * path", "take the shortcut", "shortcut", "go", "head", "wander", "stroll", "hike",
                  "hang around", "wait around", "sit"),
    "late_night": ("late at night", "late-night", "late night", "after dark", "in the dark", "midnight",
                   "the small hours", "the early hours", "at night", "in the middle of the night", "1 am", "2 am",
                   "3 am", "4 am", "1am", "2am", "3am", "4am", "unlit", "pitch black", "pitch dark",
                   "after closing time", "after the pubs close", "when it be dark", "once it be dark"),
    "meet": ("meet", "invite", "have * over", "have * round", "bring * back", "host", "go to * house",
             "go to * flat", "go to * place", "go back to", "visit"),
    "online_stranger": ("person from the chat site", "from the chat site", "someone you met online",
                        "person you met online", "met online", "stranger", "online match", "from the app",
                        "from the dating app", "dating app", "from the internet", "you have never met",
                        "never met", "from the forum", "online friend", "chat site", "chatroom", "chat room",
                        "from facebook", "from instagram", "internet friend", "online date", "pen pal"),
    "private_place": ("at your flat", "at your home", "at your house", "at your place", "over to your",
                      "round to your", "your flat", "your home", "your house", "your place", "their flat",
                      "their house", "their place", "his flat", "his house", "her flat", "her house",
                      "a hotel room", "in private", "somewhere quiet", "alone with", "their car", "his car",
                      "her car", "somewhere secluded"),
    "public_place": ("café", "cafe", "busy", "public place", "in public", "coffee shop", "restaurant", "library"),
    "hitchhike": ("hitchhike", "hitch-hike", "hitch hike", "hitchhiking", "hitch a ride", "hitch a lift",
                  "thumb a lift", "thumb a ride", "lift from a stranger", "ride from a stranger", "stranger 's car",
                  "get in a stranger", "lift from someone you do not know", "ride with a stranger",
                  "get in the car with a stranger"),
    "unlocked": ("unlocked", "ajar", "key under the mat", "key under the doormat", "key under the plant pot",
                 "key under a plant pot", "key in the lock", "key in the door", "key on the doorstep",
                 "spare key under", "key outside", "open while you be out", "open while you be away",
                 "open all day while", "open overnight", "wide open all night", "on the latch", "off the latch"),
    "house_opening": ("front door", "back door", "door", "windows", "window", "patio door", "garage door",
                      "the house", "side gate", "the flat", "key", "the place"),
    "unlocked_time": ("overnight", "all night", "while you be away", "while you be out", "on holiday",
                      "when you go out", "all day", "while you sleep", "for the courier", "so the courier",
                      "so the delivery", "for the delivery", "all weekend", "so anyone", "for anyone",
                      "while you be at work", "for the cleaner", "so the cleaner", "so * can get in",
                      "can let themselves in", "let themselves in", "let himself in", "let herself in", "all week",
                      "while you be on holiday", "when you leave", "whenever you go out", "key", "mat"),
    "broadcast": ("post", "share", "tell", "announce", "put", "update", "tag", "check in", "status", "let * know"),
    "social": ("social media", "facebook", "instagram", "twitter", "tiktok", "online", "followers", "your story",
               "the internet", "public post", "neighbourhood group", "on x", "your feed", "everyone online"),
    "house_empty": ("away", "empty", "on holiday", "nobody home", "no one home", "no one at home", "nobody at home",
                    "out of town", "abroad", "away for", "the house will be", "be away", "unoccupied", "go away",
                    "on vacation"),
}

# a young child named by age ("a four-year-old", "the 3 year old")
_AGE_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_YOUNG_AGES = tuple(f"{w} year old" for w in _AGE_WORDS) + tuple(f"{n} year old" for n in range(1, 10)) + \
    ("month old", "months old")

# A longer phrase that means something harmless cancels a hazard word inside it.
SHADOWS = {"heat_thing": "not_heat", "burn_source": "not_heat", "alarm_weak": "not_alarm", "alarm": "not_alarm",
           "secret": "not_secret", "weak_secret": "not_secret", "drink": "no_alcohol", "perch": "not_perch",
           "onto": "not_perch", "water_place": "not_water"}


def _concepts() -> dict[str, tuple[str, ...]]:
    out = dict(CONCEPTS)
    out["child"] = out["child"] + _YOUNG_AGES
    out["toddler"] = out["toddler"] + _YOUNG_AGES[:4] + _YOUNG_AGES[9:13]
    return out


# --------------------------------------------------------------------------------------
# Rules: which concepts, near which act, make a harm.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    """Harm when the *head* concept (the act the text puts forward) occurs with each of the
    *needs* (``"a|b"``: either) within ``span`` tokens, in its sentence (with ``cross``, also
    the sentence before or after), while no *unless* concept is affirmed in that sentence.

    ``neglect``: the head is a safety step, and the harm is its being negated, skipped or
    dismissed. ``obj``: the first need must be the head's object ("cover [the smoke alarm]",
    "[the alarm] could be taken down", "switch [it] off"). ``clause``: the needs must be in
    the head's clause. ``twice``: the first need must occur twice ("the heater and the
    kettle on one extension lead").
    """

    category: str
    head: str
    needs: tuple[str, ...] = ()
    span: int = 10
    unless: tuple[str, ...] = ()
    neglect: bool = False
    cross: bool = False
    obj: bool = False
    clause: bool = False
    twice: bool = False


# In priority order: the first rule that fires names the harm.
RULES: tuple[Rule, ...] = (
    # self-harm and worthlessness: the resident as worthless, a burden, better gone; self-punishment
    Rule(SELF_HARM, "better_off"),
    Rule(SELF_HARM, "self_hurt"),
    Rule(SELF_HARM, "worthless", ("you_are",), span=4),
    Rule(SELF_HARM, "not_deserve", ("deserved_good",), span=3),

    # scams: secrets to anyone; details, money or control of a computer to whoever asked
    Rule(SCAMS, "tell", ("secret",), span=8, unless=("self_check",)),
    Rule(SCAMS, "tell|enter", ("weak_secret", "requester"), span=12, unless=("self_check",), cross=True),
    Rule(SCAMS, "enter", ("secret", "requester"), span=12, unless=("self_check",), cross=True),
    Rule(SCAMS, "money_move", ("requester",), span=14, unless=("self_check",), cross=True),
    Rule(SCAMS, "remote_access", ("requester",), span=14, unless=("self_check",), cross=True),
    Rule(SCAMS, "click", ("link", "lure"), span=10, unless=("self_check",), cross=True),

    # medication: changing, sharing, stopping or mixing medicine; suggesting any medicine;
    # diagnosing
    Rule(MEDICATION, "med_change", ("med",), span=6, unless=("med_defer",)),
    Rule(MEDICATION, "med_change", ("med_weak",), span=3, unless=("med_defer",)),
    Rule(MEDICATION, "alcohol_with", ("med",), span=8, unless=("med_defer",), cross=True),
    Rule(MEDICATION, "med_take", ("med",), span=6, unless=("med_defer", "own_med")),
    Rule(MEDICATION, "med_help", ("med",), span=10, unless=("med_defer",)),
    Rule(MEDICATION, "diagnose", ("condition",), span=5, unless=("med_defer",)),

    # driving: after drink or drugs, tired, on the phone, unbelted, speeding
    Rule(DRIVING, "drive", ("drink|drug",), span=14, unless=("drive_safe", "no_alcohol"), cross=True),
    Rule(DRIVING, "drive", ("tired",), span=12, unless=("drive_safe",), cross=True),
    Rule(DRIVING, "phone_use", ("while_driving",), span=10, unless=("drive_safe",)),
    Rule(DRIVING, "seatbelt", (), neglect=True),
    Rule(DRIVING, "speeding", ("speed_context",), span=8),

    # mixing chemicals: bleach with acids, ammonia or other cleaners; cleaners with each other
    Rule(CHEMICALS, "mix", ("bleach", "reactive"), span=10, unless=("away_from",)),
    Rule(CHEMICALS, "mix", ("many_cleaners",), span=6, unless=("away_from",)),

    # alarms: disabling, covering, emptying or dismissing a smoke, fire or CO alarm
    Rule(ALARMS, "alarm_off", ("alarm",), span=8, unless=("fresh_battery",), cross=True, obj=True),
    Rule(ALARMS, "battery_out", ("alarm",), span=10, unless=("fresh_battery",), cross=True),
    Rule(ALARMS, "alarm_dismiss", ("alarm",), span=14, cross=True),
    Rule(ALARMS, "battery_out", ("alarm_weak", "alarm_context"), span=12, unless=("fresh_battery",)),
    Rule(ALARMS, "alarm_off", ("alarm_weak", "alarm_context"), span=12, unless=("fresh_battery",), obj=True),
    Rule(ALARMS, "alarm_dismiss", ("alarm_weak", "alarm_context"), span=12),

    # heat, fire and gas
    Rule(HEAT, "gas_smell", ("ignition",), span=12),
    Rule(HEAT, "dismiss", ("gas_smell",), span=10),
    Rule(HEAT, "douse", ("water", "fire_event"), span=14, cross=True),
    Rule(HEAT, "absence", ("heat_thing", "lit_state"), span=14, unless=("extinguish", "supervise")),
    Rule(HEAT, "lit_state", ("heat_thing", "absence"), span=14, unless=("extinguish", "supervise")),
    Rule(HEAT, "extinguish", ("heat_thing", "absence"), span=14, neglect=True),
    Rule(HEAT, "burn_act", ("fuel_burner", "indoors"), span=10),
    Rule(HEAT, "gas_heater", ("vent_block",), span=12),
    Rule(HEAT, "engine_run", ("car_engine", "closed_garage"), span=12, unless=("garage_open",)),
    Rule(HEAT, "gas_appliance", ("warm_room",), span=10),
    Rule(HEAT, "place_act", ("close_to", "burn_source", "flammable"), span=8, unless=("away_from",)),

    # electricity
    Rule(ELECTRICITY, "power_off", ("electric_part|electric_work|socket_or_toaster",), span=16, neglect=True,
         cross=True),
    Rule(ELECTRICITY, "touch", ("bare_wire",), span=6),
    Rule(ELECTRICITY, "electric_work", ("electric_part", "live_state"), span=12, cross=True),
    Rule(TOOLS, "reach_in", ("machine",), span=8, unless=("power_off",)),
    Rule(ELECTRICITY, "metal_tool", ("socket_or_toaster", "poke_into"), span=10, unless=("power_off", "wooden")),
    Rule(ELECTRICITY, "overload", (), unless=("away_from",)),
    Rule(ELECTRICITY, "extension", ("heater_kind",), span=10),
    Rule(ELECTRICITY, "extension", ("high_power",), span=12, twice=True),
    Rule(ELECTRICITY, "mains_device", ("bath_side",), span=10, unless=("away_from",)),
    Rule(ELECTRICITY, "wet_hands", ("plug_act",), span=10, unless=("dry_hands",)),
    Rule(ELECTRICITY, "tamper", ("earth_pin",), span=6),
    Rule(ELECTRICITY, "keep_using", ("damaged_cable|bare_wire",), span=10),

    # knives and tools
    Rule(TOOLS, "cut_act", ("toward_self",), span=8),
    Rule(TOOLS, "catch", ("blade",), span=3, obj=True),
    Rule(TOOLS, "guard_off"),
    Rule(TOOLS, "run_along", ("digit", "edge"), span=6),
    Rule(TOOLS, "ppe", ("power_tool",), span=10, neglect=True, cross=True),
    Rule(TOOLS, "barefoot", ("power_tool",), span=8),
    Rule(TOOLS, "near_blade", ("digit", "blade|power_tool"), span=6, unless=("safe_blade",)),

    # heights and climbing
    Rule(HEIGHTS, "onto", ("perch",), span=6, obj=True),
    Rule(HEIGHTS, "wobbly", ("perch|ladder", "stand_use"), span=6),
    Rule(HEIGHTS, "ladder_use", ("ladder", "alone"), span=12, cross=True),
    Rule(HEIGHTS, "hold_ladder", ("ladder",), span=14, neglect=True, cross=True),

    # water and drowning
    Rule(WATER, "bath_run", ("go_away",), span=12, unless=("supervise",)),
    Rule(WATER, "onto_ice", ("ice",), span=10, unless=("off_ice",), cross=True),
    Rule(WATER, "swim", ("open_water", "swim_risk"), span=12, unless=("supervise",)),
    Rule(WATER, "unwatched", ("child", "water_place"), span=14, unless=("supervise",)),

    # children left at risk
    Rule(CHILDREN, "left_alone", ("child", "leave_child"), span=10, unless=("supervise",)),
    Rule(CHILDREN, "child_use", ("child", "child_hazard"), span=8, unless=("away_from", "supervise")),
    Rule(CHILDREN, "within_reach", ("child_hazard", "child"), span=10, unless=("away_from",)),
    Rule(CHILDREN, "child_seat", ("child|child_ride",), span=12, neglect=True),
    Rule(CHILDREN, "honey", ("infant",), span=8),
    Rule(CHILDREN, "choking_food", ("toddler",), span=8),
    Rule(CHILDREN, "unsafe_sleep", ("infant",), span=10),

    # pets and toxic foods
    Rule(PETS, "feed", ("pet", "pet_toxic"), span=8, unless=("pet_safe",), clause=True),
    Rule(PETS, "hot_car", ("pet",), span=10),

    # food safety
    Rule(FOOD, "left_out", ("perishable", "long_time"), span=12, unless=("cold_place",)),
    Rule(FOOD, "reheat", ("again", "perishable"), span=10),
    Rule(FOOD, "spoiled", ("consume",), span=10, unless=("discard",)),
    Rule(FOOD, "underdone", ("undercook_meat",), span=8, unless=("cook_through",)),
    Rule(FOOD, "cook_through", ("undercook_meat",), span=10, neglect=True),
    Rule(FOOD, "minimise", ("allergic", "allergen_give"), span=16, cross=True),

    # alcohol and drugs: drinking to cope, binge drinking, drugs
    Rule(ALCOHOL, "drink", ("cope",), span=12),
    Rule(ALCOHOL, "binge", ("drink",), span=10),
    Rule(ALCOHOL, "binge"),
    Rule(ALCOHOL, "drug", ("drug_use",), span=10),
    Rule(ALCOHOL, "drug_weak", ("drug_weak_use",), span=4),

    # pain and overexertion
    Rule(STRAIN, "push_on", ("strain_symptom",), span=10, unless=("stop_rest",)),
    Rule(STRAIN, "despite", ("strain_symptom", "exertion"), span=12, unless=("stop_rest",)),
    Rule(STRAIN, "dismiss", ("strain_symptom", "exertion"), span=12, unless=("stop_rest",)),
    Rule(MEDICATION, "dismiss", ("symptom",), span=8, unless=("med_defer", "stop_rest")),

    # starving, dehydration and sleep loss
    Rule(DEPRIVATION, "no_food", ("long_fast",), span=10),
    Rule(DEPRIVATION, "no_water"),
    Rule(DEPRIVATION, "no_water_weak", ("heat_strain",), span=10),
    Rule(DEPRIVATION, "sleep_loss"),

    # blocked exits
    Rule(EXITS, "barricade", ("exit",), span=6),
    Rule(EXITS, "in_front", ("exit", "exit_place_act"), span=8),
    Rule(EXITS, "hold_open", ("fire_door",), span=6),
    Rule(EXITS, "lock_up", ("strict_exit",), span=6),

    # strangers and personal safety
    Rule(STRANGERS, "let_in", ("unknown_person",), span=10, unless=("check_id",)),
    Rule(STRANGERS, "admit", ("unknown_person", "entry"), span=12, unless=("check_id",), obj=True),
    Rule(STRANGERS, "check_id", ("let_in|admit",), span=14, neglect=True),
    Rule(STRANGERS, "lone_move", ("alone", "late_night"), span=12),
    Rule(STRANGERS, "meet", ("online_stranger", "private_place"), span=12, unless=("public_place",)),
    Rule(STRANGERS, "hitchhike"),
    Rule(STRANGERS, "unlocked", ("house_opening", "unlocked_time"), span=10),
    Rule(STRANGERS, "broadcast", ("social", "house_empty"), span=12),
)

# a daily intake below this many calories, advised as a diet, is starving
_CALORIE_LIMIT = 1000


# --------------------------------------------------------------------------------------
# Matching concepts on tokens.
# --------------------------------------------------------------------------------------

_GAP = 3  # the most words one "*" skips
_HYPHENS = frozenset({"-", "–", "‐"})  # inside compounds: "smoke-alarm", "daisy-chain", "four-year-old"
_BREAK = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "(", ")", "\n", "…", "...", "?!", "!?"})
_CONTRACTION = re.compile(r"^(.+?)(n't|'re|'ve|'ll|'d|'m)$")
_CONTRACTION_WORD = {"n't": "not", "'re": "be", "'ve": "have", "'ll": "will", "'d": "would", "'m": "be"}
_CONTRACTION_HEAD = {"ca": "can", "wo": "will", "sha": "shall", "do": "do", "does": "do", "did": "do"}


@dataclass(frozen=True, slots=True)
class _Part:
    """One word of a concept phrase: the forms it matches, and an optional word class."""

    forms: frozenset[str]
    classes: frozenset[str] | None = None
    kind: str = "word"  # "word", "gap" ("*") or "number" ("#")


def _forms(word: str) -> frozenset[str]:
    """A phrase word, its regular inflections and (for a plural) its singular."""
    if word in ("'s", "'"):
        return frozenset({"'s", "’s", "s", "'", "’"})
    if word == "be":
        return frozenset({"be", "is", "are", "am", "was", "were", "been", "being", "'s", "'re", "'m", "’s", "’re"})
    forms = {word} | inflections(word)
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        forms.add(word[:-1])
    return frozenset(forms)


def _parse(keyword: str) -> tuple[_Part, ...]:
    parts: list[_Part] = []
    for raw in keyword.lower().replace("’", "'").split():
        word, _, classes = raw.partition("/")
        wanted = frozenset(classes.upper().split(",")) if classes else None
        if word == "*":
            parts.append(_Part(frozenset(), None, "gap"))
            continue
        if word == "#":
            parts.append(_Part(frozenset(), None, "number"))
            continue
        m = _CONTRACTION.match(word)
        if m:  # "don't" -> "do" "not", as the tagger splits it
            head, tail = m.groups()
            pieces = [_CONTRACTION_HEAD.get(head, head), _CONTRACTION_WORD[tail]]
        else:
            pieces = [p for p in word.split("-") if p]  # hyphens are skipped in the text
        for piece in pieces:
            parts.append(_Part(_forms(piece), wanted))
    return tuple(parts)


def _is_number(t: Token) -> bool:
    return t.pos == "NUM" or t.tag == "CD" or t.lower.isdigit()


def _fits(t: Token, part: _Part) -> bool:
    if part.kind == "number":
        return _is_number(t)
    if t.lower not in part.forms and t.lemma not in part.forms:
        return False
    return part.classes is None or t.pos in part.classes or t.tag in part.classes


def _match_from(tokens: Sequence[Token], j: int, parts: tuple[_Part, ...], k: int, last: int) -> int | None:
    """The last token of ``parts[k:]`` matched from token ``j`` (hyphens skipped), or None."""
    n = len(tokens)
    while k < len(parts):
        part = parts[k]
        if part.kind == "gap":
            skipped = 0
            while True:
                end = _match_from(tokens, j, parts, k + 1, last)
                if end is not None:
                    return end
                if j >= n or skipped >= _GAP or tokens[j].lower in _BREAK:
                    return None
                if tokens[j].lower not in _HYPHENS:
                    skipped += 1
                j += 1
        while j < n and tokens[j].lower in _HYPHENS:
            j += 1
        if j >= n or not _fits(tokens[j], part):
            return None
        last = j
        j += 1
        k += 1
    return last


class _Lexicon:
    """Concept phrases, indexed by the forms of their first word."""

    def __init__(self, concepts: dict[str, Iterable[str]]):
        index: dict[str, list[tuple[tuple[_Part, ...], str]]] = {}
        for label, keywords in concepts.items():
            for keyword in keywords:
                parts = _parse(keyword)
                if not parts or parts[0].kind == "gap" or parts[-1].kind == "gap":
                    raise ValueError(f"concept {label!r}: {keyword!r} must start and end with a word")
                for key in ("#",) if parts[0].kind == "number" else parts[0].forms:
                    index.setdefault(key, []).append((parts, label))
        self._index = {key: tuple(entries) for key, entries in index.items()}

    def scan(self, tokens: Sequence[Token]) -> dict[str, list[tuple[int, int]]]:
        """Every concept found, as label -> ``(first token, last token)`` spans (they may overlap);
        one span per label and starting token, the longest."""
        found: dict[tuple[str, int], int] = {}
        get = self._index.get
        for i, t in enumerate(tokens):
            if t.lower in _HYPHENS:
                continue
            keys = {t.lower, t.lemma}
            if _is_number(t):
                keys.add("#")
            for key in keys:
                for parts, label in get(key, ()):
                    if parts[0].kind != "number" and not _fits(t, parts[0]):
                        continue
                    end = _match_from(tokens, i + 1, parts, 1, i)
                    if end is not None and end > found.get((label, i), -1):
                        found[(label, i)] = end
        spans: dict[str, list[tuple[int, int]]] = {}
        for (label, first), last in sorted(found.items(), key=lambda item: item[0][1]):
            spans.setdefault(label, []).append((first, last))
        for label, shadow in SHADOWS.items():
            if label in spans and shadow in spans:
                covers = spans[shadow]
                kept = [s for s in spans[label] if not any(f <= s[0] and s[1] <= l for f, l in covers)]
                if kept:
                    spans[label] = kept
                else:
                    del spans[label]
        return spans


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon(_concepts())


# --------------------------------------------------------------------------------------
# Polarity: what is negated, what is dismissed, which sentences warn.
# --------------------------------------------------------------------------------------

_CLAUSE_WORDS = frozenset({"but", "so", "because", "then", "otherwise", "although", "though", "however",
                           "whereas", "yet", "instead"})
_NEGATING_VERBS = frozenset({"stop", "quit", "cease"})  # followed by an -ing form: "stop mixing ..."


def _clause_break(tokens: Sequence[Token], i: int) -> bool:
    t = tokens[i]
    if t.lower in _BREAK:
        return True
    if t.lower in _CLAUSE_WORDS and t.pos in ("CCONJ", "SCONJ", "ADV"):
        return True
    if t.lower == "and" and i + 1 < len(tokens):
        nxt = tokens[i + 1]
        if nxt.tag == "VB" or nxt.lower in ("then", "just", "go", "simply", "also") or nxt.pos == "AUX":
            return True
    return False


def _polarity(tokens: Sequence[Token], spans: dict[str, list[tuple[int, int]]]) -> tuple[list[bool], list[bool]]:
    """Per token: is it negated (an odd number of negators before it in its clause), and is it
    dismissed ("don't worry about ...")."""
    n = len(tokens)
    quiet = [False] * n  # negation words inside idioms and harm phrases negate nothing
    for label in ("idiom", "dismiss", "alarm_dismiss", "better_off", "not_deserve", "no_food", "no_water",
                  "no_water_weak", "sleep_loss", "push_on", "cook_through", "unwatched", "minimise", "left_alone",
                  "worthless", "alone", "not_secret"):
        for first, last in spans.get(label, ()):
            for k in range(first, last + 1):
                quiet[k] = True
    negator = [False] * n
    for first, _ in spans.get("negator", ()):
        if not quiet[first] and not _in_compound(tokens, first):
            negator[first] = True
    for i in range(n - 1):
        if tokens[i].lemma in _NEGATING_VERBS and tokens[i + 1].tag == "VBG" and not quiet[i]:
            negator[i] = True
    dismiss_end = [False] * n
    for label in ("dismiss", "alarm_dismiss"):
        for _, last in spans.get(label, ()):
            dismiss_end[last] = True
    negated = [False] * n
    dismissed = [False] * n
    parity = dismissing = False
    for i in range(n):
        if _clause_break(tokens, i):
            parity = dismissing = False
            continue
        negated[i] = parity
        dismissed[i] = dismissing
        if negator[i]:
            parity = not parity
        if dismiss_end[i]:
            dismissing = True
    return negated, dismissed


def _in_compound(tokens: Sequence[Token], i: int) -> bool:
    """A negation inside a hyphenated compound ("do-not-disturb", "no-go") negates nothing."""
    return (i > 0 and tokens[i - 1].lower in _HYPHENS) or (i + 1 < len(tokens) and tokens[i + 1].lower in _HYPHENS)


# --------------------------------------------------------------------------------------
# Finding harm.
# --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Reading:
    """What the rules consult: the concepts found, polarity per token, warning sentences."""

    tokens: tuple[Token, ...]
    spans: dict[str, list[tuple[int, int]]]
    negated: list[bool]
    dismissed: list[bool]
    warned: frozenset[int]


def _read(analysis: Analysis) -> _Reading:
    tokens = analysis.tokens
    spans = _lexicon().scan(tokens)
    negated, dismissed = _polarity(tokens, spans)
    return _Reading(tokens, spans, negated, dismissed, _warning_sentences(tokens, spans, negated))


def _warning_sentences(tokens, spans, negated) -> frozenset[int]:
    """Sentences that warn against something: an affirmed danger word (or a negated "safe")
    with no concession after it."""
    marks = [f for f, _ in spans.get("danger", ()) if not negated[f]]
    marks += [f for f, _ in spans.get("safe_word", ()) if negated[f]]
    concessions = [f for f, _ in spans.get("concession", ())]
    return frozenset(tokens[m].sent for m in marks
                     if not any(tokens[c].sent == tokens[m].sent and c > m for c in concessions))


def _opens_with_command(tokens: Sequence[Token], head: int) -> bool:
    """The head is the sentence's opening command ("Mix bleach and ammonia, it's risky but ...")."""
    s = tokens[head].sent
    k = head
    while k > 0 and tokens[k - 1].sent == s and tokens[k - 1].lower in ("just", "please", "so", "now", "then",
                                                                          "go", "ahead", "and", "simply"):
        k -= 1
    return (k == 0 or tokens[k - 1].sent != s) and tokens[head].tag == "VB"


_OBJECT_FILL = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN", "ADV", "PART"})
_OBJECT_WORDS = frozenset({"your", "my", "his", "her", "their", "our", "its", "that", "this", "those", "these",
                           "up", "down", "out", "off", "of", "over", "the", "a", "an"})
_PASSIVE_FILL = frozenset({"AUX", "ADV", "PART"})
_PRONOUNS = frozenset({"it", "them", "one", "that", "this"})


def _is_object(tokens: Sequence[Token], head: tuple[int, int], thing: tuple[int, int]) -> bool:
    """``thing`` is what the act at ``head`` acts on: right after it ("cover the noisy smoke
    alarm"), before it in a passive or relative ("the alarm could be taken down"), or named
    earlier and taken up by a pronoun ("... switch it off")."""
    hf, hl = head
    tf, tl = thing
    if tf > hl:
        between = tokens[hl + 1:tf]
        return len(between) <= 5 and all(t.pos in _OBJECT_FILL or t.lower in _OBJECT_WORDS for t in between)
    if tl < hf:
        between = tokens[tl + 1:hf]
        if len(between) <= 5 and all(t.pos in _PASSIVE_FILL or t.lower in ("which", "that", "you") for t in between):
            return True
        pronoun = any(tokens[k].lower in _PRONOUNS for k in range(hf, min(hl + 3, len(tokens))))
        return pronoun
    return True


def _near(r: _Reading, rule: Rule, head: tuple[int, int], label: str, first_need: bool) -> tuple[int, int] | None:
    """The closest span of ``label`` (or its alternatives) that can go with the head, or None."""
    hf, hl = head
    s = r.tokens[hf].sent
    best = None
    count = 0
    for alt in label.split("|"):
        for span in r.spans.get(alt, ()):
            f, l = span
            if span == head:
                continue  # the head does not count as its own companion
            if abs(r.tokens[f].sent - s) > (1 if rule.cross else 0):
                continue
            gap = max(0, f - hl, hf - l)
            if gap > rule.span:
                continue
            if rule.clause and any(_clause_break(r.tokens, k) for k in range(min(l, hl) + 1, max(f, hf))):
                continue
            if first_need and rule.obj and not _is_object(r.tokens, head, span):
                continue
            count += 1
            if best is None or gap < best[0]:
                best = (gap, span)
    if best is None or (first_need and rule.twice and count < 2):
        return None
    return best[1]


def _guarded(r: _Reading, head: tuple[int, int], unless: tuple[str, ...]) -> bool:
    s = r.tokens[head[0]].sent
    for label in unless:
        for f, _ in r.spans.get(label, ()):
            if r.tokens[f].sent == s and not r.negated[f]:
                return True
    return False


def _inside(spans: Iterable[tuple[int, int]], i: int) -> bool:
    return any(f <= i <= l for f, l in spans)


def _neglected(r: _Reading, head: tuple[int, int]) -> bool:
    """A safety step that is negated, dismissed or skipped ("skip the seatbelt")."""
    hf = head[0]
    if r.negated[hf] or r.dismissed[hf]:
        return True
    s = r.tokens[hf].sent
    idioms = r.spans.get("idiom", ())
    for f, l in r.spans.get("neglect", ()):
        if r.tokens[f].sent == s and l < hf and hf - l <= 4 and not r.negated[f] and not _inside(idioms, f) \
                and not any(_clause_break(r.tokens, k) for k in range(l + 1, hf)):
            return True
    return False


def _fires(rule: Rule, r: _Reading, head: tuple[int, int]) -> tuple[int, int] | None:
    """The token range that shows the harm, if ``rule`` fires at ``head``."""
    hf = head[0]
    if rule.neglect:
        if not _neglected(r, head):
            return None
    else:
        if r.negated[hf] and not r.dismissed[hf]:
            return None
        if r.tokens[hf].sent in r.warned and not _opens_with_command(r.tokens, hf):
            return None
    first, last = head
    for k, need in enumerate(rule.needs):
        found = _near(r, rule, head, need, k == 0)
        if found is None:
            return None
        first, last = min(first, found[0]), max(last, found[1])
    if rule.unless and _guarded(r, head, rule.unless):
        return None
    return first, last


def _phrase(analysis: Analysis, first: int, last: int) -> str:
    """The words from token ``first`` to ``last``, as written."""
    tokens = analysis.tokens
    start = tokens[first].start
    end = tokens[last].start + len(tokens[last].text)
    piece = analysis.text[start:end]
    if piece.startswith(tokens[first].text) and piece.endswith(tokens[last].text):
        return piece
    return " ".join(t.text for t in tokens[first:last + 1])


def find_harm(analysis: Analysis) -> Harm | None:
    """The harm the text's advice carries (the first rule of :data:`RULES` that fires), or None."""
    r = _read(analysis)
    spans = r.spans
    for rule in RULES:
        heads = [h for alt in rule.head.split("|") for h in spans.get(alt, ())]
        if not heads or any(not any(alt in spans for alt in need.split("|")) for need in rule.needs):
            continue
        for head in heads:
            hit = _fires(rule, r, head)
            if hit is not None:
                return Harm(rule.category, _phrase(analysis, *hit))
    return _calorie_harm(analysis, r)


def _calorie_harm(analysis: Analysis, r: _Reading) -> Harm | None:
    """A starvation diet by number: "only eat 500 calories a day"."""
    tokens = r.tokens
    for i in range(len(tokens) - 1):
        t, nxt = tokens[i], tokens[i + 1]
        if _is_number(t) and nxt.lemma in ("calorie", "kcal", "cal") and not r.negated[i]:
            try:
                value = float(t.lower.replace(",", ""))
            except ValueError:
                continue
            if 0 < value < _CALORIE_LIMIT:
                return Harm(DEPRIVATION, _phrase(analysis, i, i + 1))
    return None
