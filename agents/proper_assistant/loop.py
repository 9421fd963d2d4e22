"""A Gymnasium wrapper that wires ProPerAssistant into a plain ``env.step`` loop.

It binds the assistant to the env (candidates are rated through it), resets
the assistant with the env, hands it every rating, and ends its last day's
training when the episode ends, so a user's loop only calls ``act`` and
``step`` (see :mod:`.assistant`).
"""

from __future__ import annotations

import gymnasium as gym


class AssistantFeedback(gym.Wrapper):
    def __init__(self, env: gym.Env, assistant):
        super().__init__(env)
        self.assistant = assistant.bind(env)

    def reset(self, *, seed=None, options=None):
        observation, info = self.env.reset(seed=seed, options=options)
        self.assistant.reset(seed, info)
        return observation, info

    def step(self, action):
        observation, reward, terminated, truncated, info = self.env.step(action)
        self.assistant.observe(reward, info)
        if terminated or truncated:
            self.assistant.end_of_day()
        return observation, reward, terminated, truncated, info
