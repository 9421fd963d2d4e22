"""Assistant policies and their training."""
