"""The one error type of saved simulations."""


class SimulationError(Exception):
    """A simulation folder is missing, malformed or inconsistent, or a state
    cannot be saved. The message names the path or object and what is wrong."""
