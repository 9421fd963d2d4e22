"""The assistant's seat: what one assistant serving one resident sees, and how its
decisions are rated and remembered.

- :mod:`.seat`: :class:`AssistantSeat`, the one owner of decide, observation and info
  (``ProPerSim-v0`` has one seat, the PettingZoo household one per resident);
- :mod:`.memory`: :class:`AssistantMemory`, the ``memory`` observation;
- :mod:`.features`: the numeric ``features`` observation;
- :mod:`.moment`: :class:`Moment`, one step's rating context as data (rate texts there later);
- :mod:`.observation`: the observation's time format, and reading an observation back.

Below the envs (which adapt seats to Gymnasium and PettingZoo) and below storage
(which saves the seat's memories).
"""

from .features import assistant_features, feature_names
from .memory import AssistantMemory, Interaction
from .moment import Moment
from .observation import TIME_FORMAT, observed_activity, observed_time
from .seat import EVALUATION_FAILURE_MODES, AssistantSeat, Decided

__all__ = ["EVALUATION_FAILURE_MODES", "TIME_FORMAT", "AssistantMemory", "AssistantSeat", "Decided", "Interaction", "Moment",
           "assistant_features", "feature_names", "observed_activity", "observed_time"]
