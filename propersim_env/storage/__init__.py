"""Saving, forking, resuming and replaying simulations. Not built yet."""
