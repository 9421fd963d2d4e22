"""Driving `propersim console` in-process from a test: one script on standard input."""

import io
import sys

from propersim_env.cli import main


def console(monkeypatch, capsys, args, script):
    """Run `propersim console ARGS` with SCRIPT on standard input; (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(script))
    try:
        code = main(["console", *map(str, args)])
    except SystemExit as exc:  # argparse refused an argument
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def answer(out: str, command: str, nth: int = -1, prompt: str = "propersim> ") -> str:
    """What the console printed after the NTH time it read COMMAND (up to the next prompt)."""
    part = out.split(f"{prompt}{command}\n")[1:][nth]
    return part.split(prompt, 1)[0]
