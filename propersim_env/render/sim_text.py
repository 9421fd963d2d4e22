"""Text views of a running simulation, as the console prints them.

Each function takes the parts it shows (the resident, the house, a memory, a
log record) and returns plain text; none changes what it reads.
"""

from __future__ import annotations

from datetime import datetime

from ..core import CRITERIA, CRITERION_LABELS, NO_RECOMMENDATION
from ..personas import minutes_to_clock
from ..user.memory import NODE_KINDS
from ..world import House, Position, TileEvents



def _now_minutes(resident) -> float:
    return resident.clock.minutes_since_start(resident.step_index)


def _span(start: int, end: int, day: int) -> str:
    """``HH:MM-HH:MM``, with ``+1`` on times past the calendar day's midnight."""
    def clock(m: int) -> str:
        extra = (m - day * 1440) // 1440
        return minutes_to_clock(m) + (f"+{extra}" if extra > 0 else "")
    return f"{clock(start)}-{clock(end)}"


def persona_schedule(resident) -> str:
    """The day's plan decomposed into grounded subtasks; ``->`` marks the current one."""
    plan = resident.plan
    if plan is None:
        return f"{resident.name} has not planned a day yet."
    now = _now_minutes(resident)
    lines = [f"Schedule of {resident.name}, day {plan.day + 1} (wake {minutes_to_clock(plan.wake)}, "
             f"bed {minutes_to_clock(plan.bedtime)}):"]
    for s in plan.subtasks:
        mark = "->" if s.start <= now < s.end else "  "
        lines.append(f"{mark} {_span(s.start, s.end, plan.day)}  {s.description} @ {s.room}: {s.object}")
    return "\n".join(lines)


def hourly_schedule(resident) -> str:
    """The calendar day's activity blocks (24 hours); ``->`` marks the current one."""
    if not resident.schedule:
        return f"{resident.name} has no schedule yet."
    now = _now_minutes(resident)
    day = resident.day
    lines = [f"Hourly schedule of {resident.name}, {resident.clock.date_of_day(day):%A %Y-%m-%d}:"]
    for b in resident.schedule:
        mark = "->" if b.start <= now < b.end else "  "
        end = "24:00" if b.end == (day + 1) * 1440 else minutes_to_clock(b.end)
        lines.append(f"{mark} {minutes_to_clock(b.start)}-{end}  {b.description}")
    return "\n".join(lines)


def current_tile(resident) -> str:
    x, y = resident.position
    return f"{resident.name} is at ({x}, {y}): {resident.house.address(x, y)}"


def associative_memory(resident, kind: str | None = None) -> str:
    """The resident's memory nodes, newest first, optionally of one kind."""
    if kind is not None and kind not in NODE_KINDS:
        raise ValueError(f"memory kind must be one of {', '.join(NODE_KINDS)}, got {kind!r}")
    memory = resident.memory
    counts = ", ".join(f"{len(memory.of_kind(k))} {k}s" for k in NODE_KINDS)
    nodes = memory.nodes if kind is None else memory.of_kind(kind)
    what = "nodes" if kind is None else f"{kind} nodes"
    lines = [f"Associative memory of {resident.name}: {len(memory.nodes)} nodes ({counts}); "
             f"{len(nodes)} {what}, newest first:"]
    for n in reversed(nodes):
        lines.append(f"  [{n.node_id}] {n.kind:<7} {n.created:%a %H:%M}  importance {n.importance:2d}  {n.description}")
    return "\n".join(lines)


def spatial_memory(resident) -> str:
    return f"Spatial memory of {resident.name}:\n" + resident.spatial.to_text()


def current_time(now: datetime, day: int, step: int, days: int) -> str:
    return f"{now:%A %Y-%m-%d %H:%M:%S} (day {day + 1} of {days}, step {step})"


def tile_events(house: House, events: TileEvents, position: Position) -> str:
    found = sorted(events.at(position), key=lambda e: (e.subject, e.description))
    x, y = position
    if not found:
        return f"No events on tile ({x}, {y}) ({house.address(x, y)})."
    lines = [f"Events on tile ({x}, {y}) ({house.address(x, y)}):"]
    lines += [f"  ({e.subject}, {e.predicate}, {e.object}): {e.description}" for e in found]
    return "\n".join(lines)


def tile_details(house: House, events: TileEvents, position: Position, resident) -> str:
    x, y = position
    t = house.tile(x, y)
    lines = [f"Tile ({x}, {y}):",
             f"  address: {house.address(x, y)}",
             f"  room: {t.room or '(wall)'}",
             f"  object: {t.object or '(none)'}",
             f"  walkable: {'yes' if not t.collision else 'no (wall)'}"]
    if tuple(resident.position) == (x, y):
        lines.append(f"  {resident.name} is here")
    found = sorted(events.at(position), key=lambda e: (e.subject, e.description))
    lines.append("  events: " + ("none" if not found else "; ".join(e.description for e in found)))
    return "\n".join(lines)


def last_decision(record: dict | None) -> str:
    """The latest decision of the log: what the resident did, what the assistant said, the rating."""
    if record is None:
        return "No decision yet."
    said = NO_RECOMMENDATION if record["decision"] is None else f'"{record["decision"]}"'
    score = "not scored" if record["score"] is None else f"{record['score']:g}/4"
    lines = [f"Step {record['step']} at {record['time'].replace('T', ' ')}: {record['user_action']}",
             f"  assistant: {said}",
             f"  score: {score}"]
    for c in CRITERIA:
        if c in record["scores"]:
            mark = "+" if record["scores"][c] else "-"
            lines.append(f"  {mark} {CRITERION_LABELS[c]}: {record['reasons'].get(c, '')}")
    if record.get("evaluation_error"):
        lines.append(f"  evaluation failed: {record['evaluation_error']}")
    return "\n".join(lines)
