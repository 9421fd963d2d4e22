"""The reverie-style console: run a saved simulation step by step and inspect it.

``propersim console SIM`` opens (or, with ``--new`` / ``--fork``, makes) a
simulation folder and reads commands, one a line, from standard input, so it
works interactively and from a script::

    printf 'run 100\\nprint current tile\\nfinish\\n' | propersim console runs/sims/demo

See :data:`HELP` for the commands. End of input saves and finishes, as
``finish`` does: a script that forgets ``finish`` loses nothing.
"""

from __future__ import annotations

import shutil
import sys
from typing import TextIO

from .render import sim_text
from .simulation import Simulation
from .storage import SimulationError
from .user.memory import NODE_KINDS

HELP = """Commands (one a line; words are case-insensitive):
  run <steps>                        make that many decisions (1 step = 150 simulated seconds awake)
  save                               snapshot the simulation now
  finish                             save and leave
  exit                               leave; asks whether to delete the simulation folder
  print persona schedule             today's plan, decomposed into subtasks (-> marks now)
  print hourly schedule              today's activity blocks over 24 hours
  print current tile                 where the resident stands
  print associative memory [event|thought|chat]
                                     the resident's memory nodes, newest first
  print spatial memory               the rooms and objects the resident knows
  print current time                 simulated date and time, day and step
  print tile event <x,y>             the events on a tile
  print tile details <x,y>           a tile's address, room, object and events
  print evaluator memory             the resident's memory of today's interactions (what the rater reads)
  print last decision                the latest suggestion or silence, its score and reasons
  help                               this list
Persona commands also take the resident's name, as in reverie: print persona schedule Sofia Marchetti"""


class ConsoleError(ValueError):
    """A command the console cannot carry out; the message says what was wrong."""


_PERSONA_VIEWS = {
    "persona schedule": sim_text.persona_schedule,
    "hourly schedule": sim_text.hourly_schedule,
    "current tile": sim_text.current_tile,
    "spatial memory": sim_text.spatial_memory,
}
PROMPT = "propersim> "


class Console:
    """Reads commands from ``stdin`` and prints to ``stdout`` for one open :class:`Simulation`."""

    def __init__(self, sim: Simulation, stdin: TextIO | None = None, stdout: TextIO | None = None,
                 interactive: bool | None = None):
        self.sim = sim
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        if interactive is None:
            interactive = hasattr(self.stdin, "isatty") and self.stdin.isatty()
        self.interactive = interactive

    # ---- the loop -------------------------------------------------------------
    def loop(self) -> int:
        """Read and carry out commands until ``finish``, ``exit`` or the end of input.
        Returns 0, or 1 if the last command failed."""
        self._say(self._banner())
        status = 0
        while True:
            line = self._read(PROMPT)
            if line is None:
                self._say("End of input: saving and finishing.")
                return self._finish_on_eof()
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                if self.execute(line):
                    return status
                status = 0
            except (ConsoleError, SimulationError, OSError) as exc:
                self._say(f"error: {exc}")
                status = 1
            except Exception as exc:  # noqa: BLE001 - a failing policy or env must not close the console
                self._say(f"error: {type(exc).__name__}: {exc}")
                status = 1
            except KeyboardInterrupt:
                self._say(f"Interrupted at step {self.sim.step}.")

    def _finish_on_eof(self) -> int:
        try:
            self._finish()
        except (SimulationError, OSError) as exc:
            self._say(f"error: {exc}")
            return 1
        return 0

    def _read(self, prompt: str) -> str | None:
        if self.interactive:
            self.stdout.write(prompt)
            self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            if self.interactive:
                self.stdout.write("\n")
            return None
        if not self.interactive:
            self.stdout.write(prompt + line if line.endswith("\n") else prompt + line + "\n")
        return line

    def _say(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def _banner(self) -> str:
        sim = self.sim
        persona = sim.env.persona
        state = "finished" if sim.finished else f"day {sim.day + 1} of {sim.days}"
        return (f"Simulation {sim.path.name} ({sim.path}): {persona.name} (persona {persona.id}), "
                f"assistant policy {sim.policy_name}; {state}, step {sim.step}, {sim.now:%A %Y-%m-%d %H:%M}.\n"
                f"Type 'help' for the commands.")

    # ---- commands -------------------------------------------------------------------
    def execute(self, line: str) -> bool:
        """Carry out one command; True when the console should close."""
        words = line.split()
        low = [w.lower() for w in words]
        head = low[0]
        if head == "run":
            self._run(words[1:])
        elif head in ("save", "finish", "exit", "help"):
            if len(words) > 1:
                raise ConsoleError(f"'{head}' takes no arguments, got {' '.join(words[1:])!r}")
            if head == "save":
                folder = self.sim.save()
                self._say(f"Saved step {self.sim.step} to {folder}.")
            elif head == "finish":
                self._finish()
                return True
            elif head == "exit":
                return self._exit()
            else:
                self._say(HELP)
        elif head == "print":
            self._say(self._print(words[1:], low[1:]))
        else:
            raise ConsoleError(f"unknown command {line!r}; type 'help' for the list of commands")
        return False

    def _run(self, args: list[str]) -> None:
        if len(args) != 1:
            raise ConsoleError("run needs one number of steps, e.g. 'run 100'")
        try:
            steps = int(args[0])
        except ValueError:
            raise ConsoleError(f"run needs a whole number of steps, e.g. 'run 100'; got {args[0]!r}") from None
        if steps < 1:
            raise ConsoleError(f"run needs a positive number of steps, got {steps}")
        sim = self.sim
        if sim.finished:
            self._say(f"The simulation has ended: all {sim.days} days are simulated. Fork it with more days to "
                      f"go on: propersim console NEW --fork {sim.path} --days {sim.days + 1}")
            return
        first_snapshot = sim.snapshot_step
        records = sim.run(steps)
        suggestions = [r for r in records if r["decision"] is not None]
        scores = [r["score"] for r in records if r["score"] is not None]
        mean = f", mean score {sum(scores) / len(scores):.2f}" if scores else ""
        self._say(f"Ran {len(records)} steps ({records[0]['step']}-{records[-1]['step']}), "
                  f"{records[0]['time'].replace('T', ' ')} to {records[-1]['time'].replace('T', ' ')}: "
                  f"{len(suggestions)} suggestion{'' if len(suggestions) == 1 else 's'}{mean}.")
        if sim.snapshot_step != first_snapshot:
            self._say(f"Snapshot saved at step {sim.snapshot_step}.")
        if sim.finished:
            self._say(f"The simulation has ended after day {sim.days}; 'finish' saves and leaves.")
        else:
            self._say(f"Now {sim.now:%a %Y-%m-%d %H:%M}: {sim.env.state.action}")

    def _finish(self) -> None:
        folder = self.sim.save()
        self.sim.close()
        self._say(f"Saved step {self.sim.step} to {folder}. Finished.")

    def _exit(self) -> bool:
        path = self.sim.path
        answer = self._read(f"Delete the simulation folder {path} and everything in it? Type 'yes' to delete: ")
        self.sim.close()
        if answer is not None and answer.strip().lower() in ("y", "yes"):
            shutil.rmtree(path)
            self._say(f"Deleted {path}.")
        else:
            self._say(f"Kept {path}, as of its last snapshot (step {self.sim.snapshot_step}); "
                      f"the {self.sim.step - self.sim.snapshot_step} steps since were not saved.")
        return True

    # ---- print ... -------------------------------------------------------------------
    def _print(self, words: list[str], low: list[str]) -> str:
        sim = self.sim
        resident = sim.resident
        what = " ".join(low[:2])
        rest, rest_low = words[2:], low[2:]
        if what in _PERSONA_VIEWS:
            self._check_persona(rest)
            return _PERSONA_VIEWS[what](resident)
        if what == "associative memory":
            kind = None
            if rest_low and rest_low[0] in NODE_KINDS:
                kind, rest = rest_low[0], rest[1:]
            self._check_persona(rest)
            return sim_text.associative_memory(resident, kind)
        if what in ("tile event", "tile events", "tile details"):
            position = self._coordinates(" ".join(rest), f"print {what}")
            if what == "tile details":
                return sim_text.tile_details(sim.env.house, resident.events, position, resident)
            return sim_text.tile_events(sim.env.house, resident.events, position)
        if rest:
            raise ConsoleError(f"'print {what}' takes no arguments, got {' '.join(rest)!r}")
        if what == "current time":
            return sim_text.current_time(sim.now, sim.day, sim.step, sim.days)
        if what == "evaluator memory":
            return "Evaluator memory (today):\n" + sim.env.evaluation_memory.to_text(sim.now)
        if what == "last decision":
            return sim_text.last_decision(sim.last_record)
        shown = " ".join(words)
        raise ConsoleError(f"unknown command 'print {shown}'; type 'help' for what 'print' can show")

    def _check_persona(self, words: list[str]) -> None:
        if not words:
            return
        name = " ".join(words)
        persona = self.sim.env.persona
        if name.casefold() not in (persona.name.casefold(), persona.first_name.casefold()):
            raise ConsoleError(f"no persona named {name!r} in this simulation; its resident is {persona.name}")

    def _coordinates(self, text: str, command: str) -> tuple[int, int]:
        cleaned = text.strip().strip("()[]").replace(",", " ").split()
        if not text.strip():
            raise ConsoleError(f"{command} needs tile coordinates x,y, e.g. '{command} 3,4'")
        if len(cleaned) != 2:
            raise ConsoleError(f"bad coordinates {text!r}: give two integers x,y, e.g. '{command} 3,4'")
        try:
            x, y = int(cleaned[0]), int(cleaned[1])
        except ValueError:
            raise ConsoleError(f"bad coordinates {text!r}: x and y must be integers, e.g. '{command} 3,4'") from None
        house = self.sim.env.house
        if not (0 <= x < house.width and 0 <= y < house.height):
            raise ConsoleError(f"tile ({x}, {y}) is outside the {house.width}x{house.height} map "
                               f"(x 0-{house.width - 1}, y 0-{house.height - 1})")
        return x, y
