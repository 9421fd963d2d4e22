"""The resident's rating as reward functions for group-relative trainers (TRL's GRPO and RLOO).

Keep the moments a policy saw (``env.unwrapped.moment()``) in a
:class:`MomentStore`; give each training row a ``moment_id`` column; then
:func:`reward_functions` returns the total and one function per criterion in
the signature TRL's ``GRPOTrainer``/``RLOOTrainer`` call
(``prompts=, completions=, **dataset columns``). Each completion is rated at its
row's moment exactly as ``score_candidates`` would have rated it there. TRL
logs every function separately (``rewards/propersim_timing/mean`` ...); to
train on the total only, give the criteria a weight of 0
(``GRPOConfig(reward_weights=[1, 0, 0, 0, 0])``).

    store = MomentStore()
    rows.append({"prompt": messages, "moment_id": store.add(env.unwrapped.moment())})
    trainer = GRPOTrainer(model, reward_funcs=reward_functions(store), train_dataset=Dataset.from_list(rows), ...)

Nothing here imports TRL: any trainer that calls reward functions this way can use them.
"""

from __future__ import annotations

import pickle
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path

from .core import CRITERIA
from .evaluation import Rating
from .seat import Moment

REWARD_NAMES = ("total", *CRITERIA)


class MomentStore:
    """Moments by id (``"m0"``, ``"m1"``, ...), and a cache of the ratings made there, so that the
    five reward functions of one batch rate each completion once."""

    def __init__(self, cache_size: int = 20_000):
        self._moments: dict[str, Moment] = {}
        self._ratings: OrderedDict[tuple[str, str], Rating] = OrderedDict()
        self._cache_size = cache_size
        self.llm = None
        """An LLM client (or its settings) for moments of the LLM evaluator."""

    def add(self, moment: Moment) -> str:
        if not isinstance(moment, Moment):
            raise TypeError(f"a MomentStore holds Moments (env.unwrapped.moment()), got {type(moment).__name__}")
        moment_id = f"m{len(self._moments)}"
        self._moments[moment_id] = moment
        return moment_id

    def __getitem__(self, moment_id: str) -> Moment:
        try:
            return self._moments[moment_id]
        except KeyError:
            raise KeyError(f"no moment {moment_id!r} in this store ({len(self)} moments); was the row's "
                           "moment added to this store?") from None

    def __len__(self) -> int:
        return len(self._moments)

    def __contains__(self, moment_id: object) -> bool:
        return moment_id in self._moments

    def rate(self, moment_id: str, texts: Sequence[str]) -> list[Rating]:
        """Ratings of ``texts`` at one moment, from the cache where it has them."""
        missing = [t for t in dict.fromkeys(texts) if (moment_id, t) not in self._ratings]
        if missing:
            for text, rating in zip(missing, self[moment_id].rate(missing, llm=self.llm)):
                self._ratings[(moment_id, text)] = rating
                while len(self._ratings) > self._cache_size:
                    self._ratings.popitem(last=False)
        return [self._ratings[(moment_id, t)] for t in texts]

    def save(self, path: str | Path) -> None:
        """Pickle the moments to ``path`` (a pickle runs code when loaded: load only your own)."""
        Path(path).write_bytes(pickle.dumps(self._moments, protocol=pickle.HIGHEST_PROTOCOL))

    @classmethod
    def load(cls, path: str | Path) -> MomentStore:
        store = cls()
        store._moments = pickle.loads(Path(path).read_bytes())
        return store


def completion_text(completion) -> str:
    """The text of one completion as trainers pass it: a string, or a conversation (a list of
    messages, the assistant's content taken)."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, list) and all(isinstance(m, dict) for m in completion):
        return "".join(str(m.get("content", "")) for m in completion if m.get("role", "assistant") == "assistant")
    raise TypeError(f"a completion must be text or a list of chat messages, got {type(completion).__name__}")


def reward_functions(store: MomentStore, *, read: Callable[[str], str] | None = None,
                     names: Sequence[str] = REWARD_NAMES) -> list[Callable[..., list[float]]]:
    """One reward function per name of ``names`` (``"total"``, or a criterion of
    :data:`~propersim_env.core.CRITERIA`), in the order given. ``read`` turns a raw completion
    into the decision text (say, the first line without a ``Suggestion:`` label); default: as is."""
    unknown = [n for n in names if n not in REWARD_NAMES]
    if unknown:
        raise ValueError(f"unknown reward names {unknown}; choose from {', '.join(REWARD_NAMES)}")
    return [_reward_function(store, read, name) for name in names]


def _reward_function(store: MomentStore, read: Callable[[str], str] | None, name: str):
    def reward(prompts=None, completions=None, moment_id=None, **columns) -> list[float]:
        if completions is None:
            raise ValueError(f"{reward.__name__}: no completions were passed")
        if moment_id is None:
            raise ValueError(f"{reward.__name__}: the rows have no 'moment_id' column: add "
                             "store.add(env.unwrapped.moment()) as 'moment_id' to every training row "
                             f"(the columns given were: {', '.join(sorted(columns)) or 'none'})")
        if len(moment_id) != len(completions):
            raise ValueError(f"{reward.__name__}: {len(completions)} completions but {len(moment_id)} moment ids")
        texts = [completion_text(c) for c in completions]
        if read is not None:
            texts = [read(t) for t in texts]
        rewards = []
        for mid, text in zip(moment_id, texts):
            if mid is None or mid not in store:
                raise ValueError(f"{reward.__name__}: row moment_id {mid!r} is not in the store "
                                 f"({len(store)} moments)")
            rating = store.rate(mid, [text])[0]
            rewards.append(float(rating.total if name == "total" else rating.scores[name]))
        return rewards

    reward.__name__ = reward.__qualname__ = f"propersim_{name}"
    return reward
