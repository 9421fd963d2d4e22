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

from .household_simulation import HouseholdSimulation
from .personas import minutes_to_clock
from .render import sim_text
from .simulation import ENV_ID, Simulation
from .storage import SimFolder, SimulationError
from .storage.atomic import TMP_PREFIX
from .user.history import HistoryError, read_history, seed_memory
from .user.interview import Interview, Mood
from .user.memory import NODE_KINDS
from .user.needs import CRITICAL, LOW, NEEDS
from .world.path_tester import MOVES, PathTester

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
  print last decision                the latest suggestion or silence, its score and reasons (and, in
                                     ProPerSim-v1, the resident's reply and whether it acted on it)
  print needs                        ProPerSim-v1: the resident's hidden needs (0-1) and its weekly
                                     goals' progress, which the assistant never sees (a v1 household:
                                     each resident's)
  print all persona schedule         every resident's plan of today, decomposed into subtasks
  print hourly org persona schedule  today's plan before decomposition: the planner's activity blocks
  print persona chatting with buffer <name>
                                     who the resident talked with lately, newest first (households)
  call -- analysis <name>            interview a resident about its day, plans and feelings: each line
                                     after it is a question, until end_convo; nothing enters its memory
  call -- load history <file>        seed residents' memories from a CSV of past events (before the
                                     first step only; columns resident,time,description,kind,importance)
  start path tester mode [name]      walk a marker from the resident's tile by hand: n, s, e, w,
                                     go <x> <y>, where; exit leaves (nothing in the simulation changes)
  help                               this list
Persona commands also take the resident's name, as in reverie: print persona schedule Sofia Marchetti.
In a household, name a resident by its name, first name or agent (assistant_sofia); without a name a
persona command shows every resident."""
END_CONVO = ("end_convo", "end convo", "end")
"""What ends an interview."""


class ConsoleError(ValueError):
    """A command the console cannot carry out; the message says what was wrong."""


_PERSONA_VIEWS = {
    "persona schedule": sim_text.persona_schedule,
    "hourly schedule": sim_text.hourly_schedule,
    "current tile": sim_text.current_tile,
    "spatial memory": sim_text.spatial_memory,
}
PROMPT = "propersim> "
INTERVIEW_PROMPT = "interview> "
PATH_PROMPT = "path tester> "


class Console:
    """Reads commands from ``stdin`` and prints to ``stdout`` for one open :class:`Simulation`."""

    def __init__(self, sim: Simulation | HouseholdSimulation, stdin: TextIO | None = None,
                 stdout: TextIO | None = None, interactive: bool | None = None):
        self.sim = sim
        self.household = isinstance(sim, HouseholdSimulation)
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
        state = "finished" if sim.finished else f"day {sim.day + 1} of {sim.days}"
        if self.household:
            names = sim.policy_names
            who = ", ".join(f"{r.name} (persona {r.persona.id}, {agent}, policy {names[agent]})"
                            for agent, r in sim.residents.items())
            env = "" if sim.env_id == ENV_ID else f", {sim.env_id}"
            head = f"Household simulation {sim.path.name} ({sim.path}){env}: {who}"
        else:
            persona = sim.env.persona
            env = "" if sim.env_id == ENV_ID else f", {sim.env_id}"
            head = (f"Simulation {sim.path.name} ({sim.path}): {persona.name} (persona {persona.id}){env}, "
                    f"assistant policy {sim.policy_name}")
        return (f"{head}; {state}, step {sim.step}, {sim.now:%A %Y-%m-%d %H:%M}.\n"
                f"Type 'help' for the commands.")

    # ---- residents ------------------------------------------------------------------
    def members(self) -> list[tuple[str | None, object]]:
        """(agent, resident) of every resident; the agent is ``None`` in a single-resident simulation."""
        if self.household:
            return list(self.sim.residents.items())
        return [(None, self.sim.resident)]

    def _named(self, words: list[str], *, one: bool = False) -> list[tuple[str | None, object]]:
        """The residents a command is about: the one ``words`` names, or (no name) every one;
        with ``one``, a household needs the name."""
        members = self.members()
        if not words:
            if one and len(members) > 1:
                raise ConsoleError(f"name the resident: {self._who()}")
            return members
        name = " ".join(words).casefold()
        for agent, resident in members:
            persona = resident.persona
            if name in (persona.name.casefold(), persona.first_name.casefold(), (agent or "").casefold()):
                return [(agent, resident)]
        shown = " ".join(words)
        if not self.household:
            raise ConsoleError(f"no persona named {shown!r} in this simulation; its resident is "
                               f"{members[0][1].name}")
        raise ConsoleError(f"no resident named {shown!r} in this household; its residents are {self._who()}")

    def _who(self) -> str:
        return ", ".join(r.name if agent is None else f"{r.name} ({agent})" for agent, r in self.members())

    def _each(self, members, view) -> str:
        return "\n\n".join(view(agent, resident) for agent, resident in members)

    def _evaluation_memory(self, agent):
        env = self.sim.env
        if not self.household:
            return env.evaluation_memory
        return dict(zip(env.possible_agents, env.seats))[agent].evaluation_memory

    def _record_of(self, record: dict | None, agent: str | None) -> dict | None:
        """A log record as a single simulation writes it (a household's holds every resident's)."""
        if record is None or agent is None:
            return record
        return {key: record[key] for key in ("step", "day", "time", "clock_step")} | record["residents"][agent]

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
        elif head == "call" and low[1:2] == ["--"]:
            self._call(words[2:], low[2:])
        elif low[:4] == ["start", "path", "tester", "mode"]:
            self._path_tester(words[4:])
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
        decisions = ([d for r in records for d in r["residents"].values()] if self.household else records)
        suggestions = [d for d in decisions if d["decision"] is not None]
        scores = [d["score"] for d in decisions if d["score"] is not None]
        mean = f", mean score {sum(scores) / len(scores):.2f}" if scores else ""
        self._say(f"Ran {len(records)} steps ({records[0]['step']}-{records[-1]['step']}), "
                  f"{records[0]['time'].replace('T', ' ')} to {records[-1]['time'].replace('T', ' ')}: "
                  f"{len(suggestions)} suggestion{'' if len(suggestions) == 1 else 's'}{mean}.")
        if sim.snapshot_step != first_snapshot:
            self._say(f"Snapshot saved at step {sim.snapshot_step}.")
        if not self.household:
            for line in listening_lines(records):
                self._say(line)
        else:
            for agent, resident in self.members():
                mine = [self._record_of(r, agent) for r in records]
                for line in listening_lines(mine, resident.persona.first_name):
                    self._say(line)
        if sim.finished:
            self._say(f"The simulation has ended after day {sim.days}; 'finish' saves and leaves.")
        elif self.household:
            self._say(f"Now {sim.now:%a %Y-%m-%d %H:%M}:\n" + "\n".join(f"  {state.action}" for state in sim.env.states))
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
        what = " ".join(low[:2])
        rest, rest_low = words[2:], low[2:]
        if low[:3] == ["all", "persona", "schedule"]:
            if words[3:]:
                raise ConsoleError(f"'print all persona schedule' takes no arguments, got {' '.join(words[3:])!r}")
            return self._each(self.members(), lambda agent, r: sim_text.persona_schedule(r))
        if low[:4] == ["hourly", "org", "persona", "schedule"]:
            return self._each(self._named(words[4:]), lambda agent, r: original_schedule(r))
        if low[:4] == ["persona", "chatting", "with", "buffer"]:
            return self._each(self._named(words[4:]), lambda agent, r: self._chatting(r))
        if what in _PERSONA_VIEWS:
            return self._each(self._named(rest), lambda agent, r: _PERSONA_VIEWS[what](r))
        if what == "associative memory":
            kind = None
            if rest_low and rest_low[0] in NODE_KINDS:
                kind, rest = rest_low[0], rest[1:]
            return self._each(self._named(rest), lambda agent, r: sim_text.associative_memory(r, kind))
        if what in ("tile event", "tile events", "tile details"):
            position = self._coordinates(" ".join(rest), f"print {what}")
            residents = [r for _, r in self.members()]
            if what == "tile details":
                return self._tile_details(position, residents)
            return sim_text.tile_events(sim.env.house, residents[0].events, position)
        if what == "evaluator memory":
            return self._each(self._named(rest), lambda agent, r: (
                f"Evaluator memory of {r.name} (today):\n" if self.household else "Evaluator memory (today):\n")
                + self._evaluation_memory(agent).to_text(sim.now))
        if what == "last decision":
            return self._each(self._named(rest), lambda agent, r: last_decision(
                self._record_of(sim.last_record, agent)))
        if low[:1] == ["needs"]:
            return self._each(self._named(words[1:]), self._needs)
        if rest:
            raise ConsoleError(f"'print {what}' takes no arguments, got {' '.join(rest)!r}")
        if what == "current time":
            return sim_text.current_time(sim.now, sim.day, sim.step, sim.days)
        shown = " ".join(words)
        raise ConsoleError(f"unknown command 'print {shown}'; type 'help' for what 'print' can show")

    def _needs(self, agent, resident) -> str:
        """``print needs``: the hidden need levels and the weekly goals of a ProPerSim-v1 resident."""
        sim = self.sim
        if sim.env_id == ENV_ID:
            if self.household:
                raise ConsoleError("'print needs' shows ProPerSim-v1's hidden needs and weekly goals; this "
                                   "household runs ProPerSim-v0, whose residents have none. Make a v1 household "
                                   "to see them: propersim console NEW --new --personas 1,2 --env ProPerSim-v1")
            raise ConsoleError("'print needs' shows ProPerSim-v1's hidden needs and weekly goals; this simulation "
                               "runs ProPerSim-v0, whose resident has none. Make a v1 simulation to see them: "
                               "propersim console NEW --new --env ProPerSim-v1")
        listener = sim.listeners[agent] if self.household else sim.env.listener
        return needs_text(resident, listener.needs, listener.goals, sim.now, sim.day)

    def _tile_details(self, position, residents) -> str:
        lines = sim_text.tile_details(self.sim.env.house, residents[0].events, position, residents[0]).split("\n")
        here = [f"  {r.name} is here" for r in residents[1:] if tuple(r.position) == tuple(position)]
        return "\n".join(lines[:-1] + here + lines[-1:])

    def _chatting(self, resident) -> str:
        """The conversations of the household the resident took part in, newest first."""
        if not self.household:
            return (f"{resident.name} lives alone: no conversations (households have them; "
                    "make one with --personas 1,2,3).")
        talks = [t for t in self.sim.env.household.conversations if resident.name in t.participants]
        if not talks:
            return f"{resident.name} has not talked with anyone yet."
        partners: dict[str, int] = {}
        for t in talks:
            other = next(p for p in t.participants if p != resident.name)
            partners[other] = partners.get(other, 0) + 1
        head = (f"Chatting buffer of {resident.name}: {len(talks)} conversation{'' if len(talks) == 1 else 's'} "
                f"({', '.join(f'{n} with {who}' for who, n in partners.items())}), newest first:")
        lines = [head]
        for t in reversed(talks[-10:]):
            other = next(p for p in t.participants if p != resident.name)
            lines.append(f"  {t.time:%a %H:%M}  with {other} in the {t.room}, about {t.topic_label}: {t.transcript()}")
        return "\n".join(lines)

    # ---- call -- ... -----------------------------------------------------------------
    def _call(self, words: list[str], low: list[str]) -> None:
        if low[:1] == ["analysis"]:
            self._interview(words[1:])
        elif low[:2] == ["load", "history"]:
            if len(words) < 3:
                raise ConsoleError("call -- load history needs a CSV file, e.g. 'call -- load history past.csv'")
            self._say(self._load_history(" ".join(words[2:])))
        else:
            raise ConsoleError(f"unknown command 'call -- {' '.join(words)}'; "
                               "'call --' takes 'analysis <name>' or 'load history <file>'")

    def _interview(self, words: list[str]) -> None:
        if not words:
            raise ConsoleError(f"call -- analysis needs the resident's name: {self._who()}")
        agent, resident = self._named(words, one=True)[0]
        interview = Interview(resident, self.sim.now, self._mood(agent), self._llm_client_of(resident))
        self._say(f"Interviewing {resident.name} at {self.sim.now:%a %H:%M}: type a question a line, "
                  f"'end_convo' to stop. Nothing said enters {resident.persona.first_name}'s memory.")
        while True:
            line = self._read(INTERVIEW_PROMPT)
            if line is None or line.strip().lower() in END_CONVO:
                self._say(f"End of the interview with {resident.name}.")
                return
            if line.strip():
                self._say(interview.answer(line))

    def _llm_client_of(self, resident):
        """The LLM the resident's planner uses when it is LLM-driven, else ``None``."""
        return getattr(resident.planner, "client", None)

    def _mood(self, agent) -> Mood:
        memory = self._evaluation_memory(agent)
        if memory.date != self.sim.now.date():
            return Mood()
        scored = sum(h.scored for h in memory.hourly)
        return Mood(scored, memory.mean_score_today, memory.suggestions_today)

    def _load_history(self, file: str) -> str:
        sim = self.sim
        if sim.step > 0:
            raise ConsoleError(f"history can only be loaded before the first step; this simulation is at step "
                               f"{sim.step}. Make a new one (--new) and load the history first.")

        loaded = [h["file"] for h in sim.meta.get("history", [])]
        if str(file) in loaded:
            raise ConsoleError(f"{file} is loaded already; its memories would be there twice")

        def resolve(name: str):
            return self._named(name.split(), one=True)[0][1]

        try:
            entries = read_history(file, resolve, sim.now)
        except HistoryError as exc:
            raise ConsoleError(str(exc)) from None
        counts: dict[str, int] = {}
        for resident in {id(e.resident): e.resident for e in entries}.values():
            counts[resident.name] = seed_memory(resident, [e for e in entries if e.resident is resident])
        self._replace_start_snapshot(file, len(entries))
        return (f"Loaded {len(entries)} memories from {file}: "
                + ", ".join(f"{n} for {name}" for name, n in counts.items()) + ". Saved at step 0.")

    def _replace_start_snapshot(self, file: str, count: int) -> None:
        """Write the step-0 snapshot again, with the seeded memories. A snapshot is never written
        over in place: the new one is made whole in a staging folder, then swapped in by two
        renames (the old one set aside under a name the next resume sweeps away)."""
        sim = self.sim
        folder = sim.folder
        staging = SimFolder(folder.path / f"{TMP_PREFIX}history")
        shutil.rmtree(staging.path, ignore_errors=True)
        staging.snapshots_dir.mkdir(parents=True)
        sim.meta.setdefault("history", []).append({"file": str(file), "memories": count})
        try:
            sim.folder = staging
            sim._snapshot("history")
        finally:
            sim.folder = folder
        old = folder.snapshot_dir(0)
        aside = folder.snapshots_dir / f"{TMP_PREFIX}{old.name}.before-history"
        if old.exists():
            old.rename(aside)
        staging.snapshot_dir(0).rename(old)
        folder.write_meta(sim.meta)
        shutil.rmtree(aside, ignore_errors=True)
        shutil.rmtree(staging.path, ignore_errors=True)

    # ---- start path tester mode ------------------------------------------------------
    def _path_tester(self, words: list[str]) -> None:
        _, resident = self._named(words, one=False)[0]
        tester = PathTester(self.sim.env.house, resident.position)
        self._say(f"Path tester from {resident.name}'s tile: n, s, e, w (one step), go <x> <y>, where; "
                  f"exit leaves. Nothing in the simulation moves.\nat {tester.describe()}")
        while True:
            line = self._read(PATH_PROMPT)
            if line is None:
                self._say("End of the path tester.")
                return
            cmd = line.strip().lower().split()
            if not cmd:
                continue
            if cmd == ["exit"]:
                self._say("End of the path tester.")
                return
            try:
                if len(cmd) == 1 and cmd[0] in MOVES:
                    self._say(tester.move(cmd[0]))
                elif cmd == ["where"]:
                    self._say(f"at {tester.describe()}")
                elif cmd[0] == "go":
                    self._say(tester.go(*self._coordinates(" ".join(cmd[1:]), "go")))
                else:
                    raise ConsoleError(f"unknown path tester command {line.strip()!r}: n, s, e, w, go <x> <y>, "
                                       "where, exit")
            except ConsoleError as exc:
                self._say(f"error: {exc}")

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


def original_schedule(resident) -> str:
    """Today's plan as the planner made it, before decomposition into subtasks: its activity blocks
    from waking to bedtime; ``->`` marks the current one."""
    plan = resident.plan
    if plan is None:
        return f"{resident.name} has not planned a day yet."
    now = resident.clock.minutes_since_start(max(resident.step_index, 0))
    head = (f"Hourly original schedule of {resident.name}, day {plan.day + 1} (before decomposition; "
            f"wake {minutes_to_clock(plan.wake)}, bed {minutes_to_clock(plan.bedtime)}):")
    lines = [head]
    for b in plan.blocks:
        mark = "->" if b.start <= now < b.end else "  "
        lines.append(f"{mark} {minutes_to_clock(b.start)}-{minutes_to_clock(b.end)}  {b.description} "
                     f"({b.duration} min)")
    if plan.daily_plan:
        lines.append("  daily plan: " + "; ".join(plan.daily_plan))
    return "\n".join(lines)



def _bar(level: float, width: int = 20) -> str:
    filled = round(max(0.0, min(1.0, level)) * width)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def needs_text(resident, needs, goals, now, day: int) -> str:
    """``print needs``: each hidden need's level with a bar and whether it is low or critical,
    then this week's goals (sessions done of the target) and the goal progress due by today."""
    head = (f"Hidden needs of {resident.name} at {now:%a %Y-%m-%d %H:%M} (0 unmet, 1 met; the assistant never "
            f"sees them; below {LOW:g} is out of range, below {CRITICAL:g} critical):")
    lines = [head]
    for need in NEEDS:
        level = needs.levels[need]
        state = "critical" if level < CRITICAL else "low" if level < LOW else "in range"
        lines.append(f"  {need:<12} {level:5.2f} {_bar(level)} {state}")
    in_range = sum(needs.levels[n] >= LOW for n in NEEDS)
    lines.append(f"  {in_range} of {len(NEEDS)} needs in range now")
    week_day = day % 7
    lines.append(f"Weekly goals (week {day // 7 + 1}, day {week_day + 1} of 7):")
    for goal in goals.goals:
        lines.append(f"  {goal.name:<8} {goals.counts[goal.name]}/{goal.target}  {goal.description}")
    lines.append(f"  goal progress {goals.progress(day):.2f} (the share done of what is due by the end of today, "
                 "each goal capped at 1)")
    return "\n".join(lines)


def last_decision(record: dict | None) -> str:
    """``print last decision``: the decision, its score and reasons, and in ProPerSim-v1 what the
    resident made of it (its reply, whether it accepted and acted on it, the day's well-being)."""
    text = sim_text.last_decision(record)
    if record is None or "resident_reply" not in record:
        return text
    lines = [text]
    if record["accepted"] is not None:
        proposed = record["proposed_activity"] or "no activity of the vocabulary"
        lines.append(f"  resident: {_answer(record)}; proposed: {proposed}")
        lines.append(f"  reply: \"{record['resident_reply']}\"")
    if record.get("day_end"):
        lines.append(f"  {_day_end(record)}")
    return "\n".join(lines)


def _answer(record: dict) -> str:
    if not record["accepted"]:
        return "declined"
    return "accepted and acted on it" if record["acted"] else "accepted, but its day did not change"


def _day_end(record: dict) -> str:
    return (f"day {record['day'] + 1} ended: well-being {record['wellbeing_score']:.2f} (needs in range "
            f"{record['needs_in_range']:.2f}, goal progress {record['goal_progress']:.2f}; "
            f"+{record['wellbeing']:.2f} reward)")


def listening_lines(records: list[dict], who: str | None = None) -> list[str]:
    """After ``run`` in a ProPerSim-v1 simulation: how the resident (in a household, the one
    named ``who``, from its records) took the run's suggestions, its latest reply, and the
    day-end well-being of the days that ended (nothing for v0)."""
    heard = [r for r in records if r.get("accepted") is not None]
    lines = []
    if heard:
        accepted = sum(bool(r["accepted"]) for r in heard)
        acted = sum(bool(r["acted"]) for r in heard)
        last = heard[-1]
        lines.append(f"{who or 'The resident'} accepted {accepted} of {len(heard)} and acted on {acted}; last "
                     f"reply at {last['time'][11:16]}: \"{last['resident_reply']}\" ({_answer(last)})")
    for r in records:
        if r.get("day_end"):
            lines.append(f"{who}'s {_day_end(r)}." if who else _day_end(r)[0].upper() + _day_end(r)[1:] + ".")
    return lines
