"""Views of a simulation: the house as an RGB image (the env renders text itself)."""
