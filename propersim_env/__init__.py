"""propersim_env: ProPerSim as a standard reinforcement-learning environment.

A simulated resident lives through days in a house; an assistant decides at
every 150-second step whether to make a proactive suggestion; the resident
rates each decision. See DESIGN.md for the parts and the contract.
"""

__version__ = "0.1.0"


from .envs import ENV_ID, ProPerSimEnv, register_envs

register_envs()

__all__ = ["ENV_ID", "ProPerSimEnv", "__version__"]
