"""A catalog of suggestions written for this project, spanning the personas' topics.

Each entry is a short, calm sentence addressed to the resident, about one
topic of ``propersim_env/personas/data/topics.toml``. The Stable-Baselines3
wrapper (:mod:`.sb3`) uses it as its discrete action set; the baseline
policies of ``agents/`` draw from it through ``agents.catalog``, which
re-exports this module (this is the one place the catalog lives).
"""

from __future__ import annotations

from ..core import NO_RECOMMENDATION

SUGGESTIONS: dict[str, tuple[str, ...]] = {
    "home_decor": (
        "You could move a lamp to the reading corner to make the room feel warmer tonight.",
        "How about swapping the sofa cushions for a seasonal colour palette this week?",
    ),
    "diy_repair": (
        "That loose cabinet hinge would take ten minutes to fix with the screwdriver from the shed.",
        "You could sand and refinish the small side table as a weekend project.",
    ),
    "organizing": (
        "Sorting one drawer now could make tomorrow's morning routine a little smoother.",
        "A quick tidy of the bookshelf might make the room feel calmer this evening.",
    ),
    "cooking": (
        "A simple vegetable stir-fry with ginger could be a quick idea for dinner tonight.",
        "You could try a new soup recipe with the vegetables already in the fridge.",
    ),
    "baking": (
        "You could bake a loaf of soda bread; it is ready within an hour.",
        "You might bake a small batch of oat cookies to enjoy with your tea later.",
    ),
    "tea_coffee": (
        "A pot of green tea could make a pleasant pause before your next task.",
        "You could try brewing your coffee as a pour-over for a change of flavour.",
    ),
    "gardening": (
        "The garden beds might enjoy some water before the afternoon sun gets stronger.",
        "You could plan which herbs to plant in the garden beds this spring.",
    ),
    "crafts": (
        "You could start a simple knitted scarf with the yarn you already have.",
        "A short calligraphy practice could be a relaxing way to spend twenty minutes.",
    ),
    "visual_art": (
        "You could sketch the view from the window for fifteen minutes as a warm-up.",
        "A small watercolour study of the garden could be a nice project this afternoon.",
    ),
    "music": (
        "A calm jazz playlist could go well with what you are doing right now.",
        "You could spend a few minutes at the piano practising a favourite melody.",
    ),
    "film_tv": (
        "A classic film could be a relaxing way to spend the evening on the sofa.",
        "You might enjoy the next episode of the series you started last week.",
    ),
    "reading": (
        "You could read a chapter of your novel before the evening gets busy.",
        "You might read a short story from the bookshelf in this quiet moment.",
    ),
    "writing": (
        "You could write a short poem about something you noticed today.",
        "Drafting a letter to an old friend might be a pleasant way to spend some time.",
    ),
    "journaling": (
        "You could note down three good moments from today in your journal.",
        "A short journal entry about how the day went might help you reflect.",
    ),
    "mindfulness": (
        "A few minutes of slow breathing could help you relax before the next task.",
        "You might enjoy a short quiet pause to stretch and unwind.",
    ),
    "fitness": (
        "A short stretching routine on the exercise mat could loosen you up after sitting.",
        "You could fit in a quick strength workout before dinner.",
    ),
    "nature": (
        "The evening sky looks clear; stargazing from the garden bench could be lovely.",
        "A slow walk around the garden could give you some fresh air.",
    ),
    "social": (
        "You could call a friend you have not spoken to in a while.",
        "Inviting a few friends over this weekend for a simple dinner might be fun.",
    ),
    "games": (
        "A jigsaw puzzle at the dining table could be a relaxing way to unwind.",
        "You could plan a board game night with friends for the weekend.",
    ),
    "technology": (
        "You could set up a small home automation routine to switch off the lamps at night.",
        "Checking for software updates on your laptop now could save time later.",
    ),
    "science": (
        "There is a short lecture on how memory works that you might find interesting.",
        "You could read a popular science article about the brain this afternoon.",
    ),
    "philosophy": (
        "You might enjoy reading a few pages of a stoic philosopher tonight.",
        "A thought experiment about ethics could make a good topic for your next discussion.",
    ),
    "news_politics": (
        "You could catch up on today's headlines over a cup of tea.",
        "A longer analysis of this week's policy news might interest you.",
    ),
    "finance": (
        "You could review this month's expenses in your budget spreadsheet.",
        "Setting aside a small amount for savings this week might be a good plan.",
    ),
    "productivity": (
        "You could write tomorrow's to-do list now so the morning starts calmly.",
        "Choosing your top three priorities for the afternoon might help you focus.",
    ),
    "career": (
        "You could add the project you finished recently to your CV.",
        "Reaching out to a former colleague could open up an interesting conversation.",
    ),
    "history": (
        "A documentary about an ancient city might be an interesting watch tonight.",
        "You could read a chapter of a historical biography this afternoon.",
    ),
    "sustainability": (
        "You could start a small compost bin for kitchen scraps in the garden.",
        "Choosing reusable containers for leftovers could cut down on waste.",
    ),
    "social_media": (
        "You might enjoy a short video from a creator you follow during this break.",
        "You could listen to an episode of your favourite podcast while you relax.",
    ),
    "snacks_takeout": (
        "A bowl of fruit and nuts could be an easy snack right now.",
        "If you do not feel like cooking, ordering a simple takeout meal is an option.",
    ),
    "rest": (
        "A short nap could help you recharge for the rest of the day.",
        "You might wind down with a warm blanket and an early night.",
    ),
    "spirituality": (
        "You could note down last night's dream while you still remember it.",
        "A quiet moment with a tarot card of the day might be a nice ritual.",
    ),
    "travel": (
        "You could start sketching an itinerary for a trip you have been dreaming about.",
        "Reading about a destination you would like to visit might be a nice escape.",
    ),
    "shopping": (
        "There is a sale on home goods this week if you need anything new.",
        "You could shop online for the kitchen tools you mentioned wanting.",
    ),
    "celebrity_trends": (
        "A trending challenge is going viral online if you want to see it.",
        "You could catch up on the latest celebrity news during this break.",
    ),
    "distressing_news": (
        "There was a serious accident reported in the news today.",
        "A crime story is dominating the headlines this afternoon.",
    ),
    "novelty": (
        "You could try something new today and switch up your usual routine.",
        "How about a spontaneous change of plans and a surprise for yourself?",
    ),
}

GENERIC = "You could take a short break and drink a glass of water."


def all_suggestions() -> list[tuple[str, str]]:
    """(topic, text) for every catalog entry, in a fixed order."""
    return [(topic, text) for topic, texts in SUGGESTIONS.items() for text in texts]



def action_texts() -> tuple[str, ...]:
    """The discrete action set: index 0 is the no-op, then every catalog
    sentence in :func:`all_suggestions` order, then :data:`GENERIC`."""
    return (NO_RECOMMENDATION, *(text for _, text in all_suggestions()), GENERIC)
