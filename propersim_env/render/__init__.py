"""Views of a simulation: the house as an RGB image (:mod:`.image`), text views for the
console (:mod:`.sim_text`) and the web replay page (:mod:`.replay`). The env renders
its own ``ansi`` text."""
