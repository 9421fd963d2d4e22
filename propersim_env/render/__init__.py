"""Drawing, below the envs: the house as an RGB image (:mod:`.image`, the envs'
``rgb_array``) and text views of a resident, its memory and a logged step
(:mod:`.sim_text`, the console's). The web replay page sits above storage, in
:mod:`propersim_env.replay`. The env renders its own ``ansi`` text."""
