"""The resident's reading of a suggestion: what it proposes, to whom, how and how safely.

Built once per text and cached (see :mod:`.reading`); the rubric rates over it.
"""
