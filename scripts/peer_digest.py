#!/usr/bin/env python3
"""The obvious Python peer of `followup digest`: per-unit counts and list sizes as of a date.

    scripts/peer_digest.py --as-of 2026-11-30 ROOT                 # prints JSON
    scripts/peer_digest.py --as-of 2026-11-30 --compare F.json ROOT

Loads every *.yaml / *.yml meeting record below ROOT with PyYAML's CSafeLoader (the
libyaml-backed loader a Python programmer would reach for) and judges every task on the
day D by the rules of Docs/Digest.md and Docs/History.md, written again from the docs
(the Swift side is Model/TaskTimeline.swift and Reports/Assessment.swift):

- records are read in byte order of their path below ROOT; of two records with the same
  meeting ID the later one is left out;
- a task is a conclusion with `owner` (task `ID`), or one per unit of `owners` (task
  `ID/CODE`); an owner `TODO` makes no task, nor does a unit named twice;
- only meetings dated <= D count; their history entries dated <= D are replayed in file
  order, each on the task it names (`meeting#local`, or `local`; `1/Phòng Nội vụ` names
  `1/NV`);
- the original deadline is the conclusion's `due`, else the meeting's; `ongoing` /
  `thường xuyên` mean none. Each replayed extension (`due`) replaces the deadline in force,
  except on a task whose original deadline is `ongoing`, where extensions are ignored;
- the status is that of the last replayed entry with one (`open` if none); its date is
  the date of the entry that changed the status to it: an entry repeating the current
  status does not move it (so a second `done` keeps the first completion date);
- states: cancelled; done_on_time (done, no deadline or status date <= deadline);
  done_late; overdue (not done, D > deadline); within_deadline; ongoing (no deadline);
- flags of open tasks: not_started (status open), blocked, due_soon (within_deadline and
  deadline - D <= 7), stale (D - last report date, or the meeting date, >= 30; for an
  ongoing task: that date before the first day of the month before D's), escalated
  (3 or more reminders); `reminders` sums the reminders of non-cancelled tasks, `tasks`
  counts non-cancelled tasks;
- lists: overdue, blocked, due_soon, stale, escalated (as the flags), completed_since
  (done with a status date >= D - 7) and assigned_since (meeting date >= D - 7, any state).

Output: {"totals": {...}, "units": {"CODE": {...}}, "lists": {"overdue": n, ...}}, the
counts keyed as in `followup digest --format json` (on_time_rate rounded to 4 places).
With --compare FILE (the output of `followup digest --format json`) it compares every
count of the totals and of each unit, the set of units, and the length of every list;
prints each difference and exits 1 if there is any. Exit 2 on unreadable input.

It is a benchmark peer and a cross-check, not a validator: it assumes records that
`followup check` accepts. PyYAML resolves YAML 1.1, so values are turned back into
text where 1.1 and 1.2 differ (dates, numbers used as ids).
"""

import argparse
import datetime as dt
import json
import os
import sys
import unicodedata

import yaml

COUNTS = ["tasks", "done_on_time", "done_late", "overdue", "within_deadline", "ongoing", "cancelled",
          "not_started", "blocked", "due_soon", "stale", "reminders", "escalated"]
LISTS = ["overdue", "blocked", "due_soon", "stale", "escalated", "completed_since", "assigned_since"]
NO_DATE = {"ongoing", "thường xuyên", "thuong xuyen", "thuong-xuyen"}
SKIP_AT_ROOT = {"units.yaml", "units.yml", "settings.yaml", "settings.yml"}
DUE_SOON_DAYS = 7
STALE_DAYS = 30
SINCE_DAYS = 7


def key(s):
    """A unit name as the registry matches it: NFC, lower case, runs of blanks as one space."""
    return " ".join(unicodedata.normalize("NFC", str(s)).lower().split())


def text(v):
    """A scalar as the text a YAML 1.2 reader sees (PyYAML makes dates and ints)."""
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v).strip()


def day(v):
    """A date value as a day number."""
    return dt.date.fromisoformat(text(v)).toordinal()


def deadline_of(v):
    """(has_value, day number or None for no fixed date)."""
    if v is None:
        return False, None
    t = text(v)
    if t.lower() in NO_DATE:
        return True, None
    return True, day(t)


def load(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=yaml.CSafeLoader)


def meeting_files(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        top = dirpath == root
        dirnames[:] = [d for d in dirnames
                       if not d.startswith((".", "_")) and not (top and d == "templates")]
        for name in filenames:
            if name.startswith((".", "_")) or not name.endswith((".yaml", ".yml")):
                continue
            if top and name in SKIP_AT_ROOT:
                continue
            out.append(os.path.relpath(os.path.join(dirpath, name), root))
    out.sort(key=lambda p: p.encode("utf-8"))
    return [os.path.join(root, p) for p in out]


def unit_index(root):
    data = load(os.path.join(root, "units.yaml")) or {}
    index = {}
    for u in data.get("units") or []:
        code = text(u["code"])
        for name in [u.get("code"), u.get("name")] + list(u.get("aliases") or []):
            if name is not None:
                index[key(text(name))] = code
    return index


class Task:
    """One task's replayed history: TaskTimeline's rules, entry by entry."""

    __slots__ = ("unit", "original", "deadline", "status", "status_date", "last_date", "reminders", "support")

    def __init__(self, unit, original, support=()):
        self.unit = unit
        self.support = set(support) - {unit}
        self.original = original  # day number, or None for ongoing
        self.deadline = original
        self.status = "open"
        self.status_date = None
        self.last_date = None
        self.reminders = 0

    def apply(self, date, entry):
        status = entry.get("status")
        if status is not None:
            status = text(status)
            # A repeated status keeps the date it was first reached.
            if status != self.status or self.status_date is None:
                self.status = status
                self.status_date = date
        if entry.get("due") is not None and self.original is not None:
            self.deadline = day(entry["due"])
        if entry.get("reminder") is True:
            self.reminders += 1
        # Only the unit's own reports move the last report: not a reminder, not the office's
        # accept or return, not a supporting unit's note on its part (`by` its code, no status,
        # extension, review or reminder).
        review = entry.get("review")
        part = (
            entry.get("by") is not None and text(entry["by"]) in self.support and status is None
            and entry.get("due") is None and review is None and entry.get("reminder") is not True)
        if entry.get("reminder") is not True and review not in ("accepted", "returned") and not part:
            self.last_date = date


def judge(task, meeting_date, as_of):
    """(state, flags, done date) of a task on day as_of, as Assessment.assess does."""
    flags = set()
    if task.status == "cancelled":
        return "cancelled", flags, None
    if task.status == "done":
        done = task.status_date if task.status_date is not None else meeting_date
        late = task.deadline is not None and done > task.deadline
        return ("done_late" if late else "done_on_time"), flags, done
    if task.deadline is None:
        state = "ongoing"
    elif as_of > task.deadline:
        state = "overdue"
    else:
        state = "within_deadline"
        if task.deadline - as_of <= DUE_SOON_DAYS:
            flags.add("due_soon")
    if task.status == "open":
        flags.add("not_started")
    if task.status == "blocked":
        flags.add("blocked")
    last = task.last_date if task.last_date is not None else meeting_date
    if task.deadline is None:
        # Ongoing work: stale when nothing was reported this month or the month before.
        a = dt.date.fromordinal(as_of)
        first = dt.date(a.year - (a.month == 1), (a.month - 2) % 12 + 1, 1).toordinal()
        if last < first:
            flags.add("stale")
    elif as_of - last >= STALE_DAYS:
        flags.add("stale")
    if task.reminders >= 3:
        flags.add("escalated")
    return state, flags, None


def meeting_tasks(m, stem, unit, as_of):
    """The meeting's ID and its tasks, their history replayed up to as_of."""
    mid = text(m["id"]) if m.get("id") is not None else stem
    _, meeting_due = deadline_of(m.get("due"))
    tasks = {}  # local id -> Task
    for pos, c in enumerate(m.get("conclusions") or [], 1):
        cid = text(c["id"]) if c.get("id") is not None else str(pos)
        has, deadline = deadline_of(c.get("due"))
        if not has:
            deadline = meeting_due
        support = []
        for ref in c.get("support") or []:
            try:
                support.append(unit(ref))
            except ValueError:
                pass  # a group of units: its members' entries are not parts here
        if c.get("owners") is not None:
            for ref in c["owners"]:
                if text(ref).lower() == "todo":
                    continue
                code = unit(ref)
                tasks.setdefault(f"{cid}/{code}", Task(code, deadline, support))
        elif c.get("owner") is not None and text(c["owner"]).lower() != "todo":
            tasks[cid] = Task(unit(c["owner"]), deadline, support)
    for e in m.get("updates") or []:
        date = day(e["date"])
        if date > as_of:
            continue
        ref = text(e["task"])
        if "#" in ref:
            owner_meeting, ref = ref.split("#", 1)
            if owner_meeting != mid:
                raise ValueError(f"update for another meeting's task {text(e['task'])!r}")
        if "/" in ref:
            cid, u = ref.split("/", 1)
            ref = f"{cid}/{unit(u)}"
        t = tasks.get(ref)
        if t is None:
            raise ValueError(f"update for unknown task {text(e['task'])!r}")
        t.apply(date, e)
    return mid, tasks


def digest(root, as_of):
    units = unit_index(root)

    def unit(ref):
        k = key(text(ref))
        if k not in units:
            raise ValueError(f"unknown unit {ref!r}")
        return units[k]

    since = as_of - SINCE_DAYS
    totals = dict.fromkeys(COUNTS, 0)
    by_unit = {}
    lists = dict.fromkeys(LISTS, 0)
    seen = set()
    for path in meeting_files(root):
        try:
            m = load(path)
            if not isinstance(m, dict):
                continue
            meeting_date = day(m["date"])
            stem = os.path.splitext(os.path.basename(path))[0]
            mid, tasks = meeting_tasks(m, stem, unit, as_of)
        except (KeyError, TypeError, ValueError, AttributeError, yaml.YAMLError) as err:
            raise SystemExit(f"peer_digest: {path}: {err}")
        if mid in seen:
            continue  # a duplicate ID: `check` reports it, reports keep the first
        seen.add(mid)
        if meeting_date > as_of:
            continue
        for t in tasks.values():
            state, flags, done = judge(t, meeting_date, as_of)
            row = by_unit.setdefault(t.unit, dict.fromkeys(COUNTS, 0))
            if meeting_date >= since:
                lists["assigned_since"] += 1
            for counts in (row, totals):
                counts[state] += 1
                if state != "cancelled":
                    counts["tasks"] += 1
                    counts["reminders"] += t.reminders
                    for f in flags:
                        counts[f] += 1
            if state == "overdue":
                lists["overdue"] += 1
            for f in ("blocked", "due_soon", "stale", "escalated"):
                if f in flags:
                    lists[f] += 1
            if done is not None and done >= since:
                lists["completed_since"] += 1
    return {"totals": totals, "units": by_unit, "lists": lists}


def on_time_rate(c):
    d = c["done_on_time"] + c["done_late"] + c["overdue"]
    return None if d == 0 else c["done_on_time"] / d


def with_rate(c):
    r = on_time_rate(c)
    return dict(c, on_time_rate=None if r is None else round(r, 4))


def compare(ours, path):
    """Every difference between our counts and `followup digest --format json` in path."""
    with open(path, encoding="utf-8") as f:
        theirs = json.load(f)
    diffs = []

    def counts(where, a, b):
        for f in COUNTS:
            if f not in b:
                diffs.append(f"{where} {f}: missing from followup's output")
            elif a[f] != b[f]:
                diffs.append(f"{where} {f}: peer {a[f]}, followup {b[f]}")
        r, theirs_r = on_time_rate(a), b.get("on_time_rate")
        # followup writes the rate rounded to 4 places: it must be within half a unit of ours.
        if (r is None) != (theirs_r is None) or r is not None and abs(r - theirs_r) > 0.00005 + 1e-12:
            diffs.append(f"{where} on_time_rate: peer {r}, followup {theirs_r}")

    counts("totals", ours["totals"], theirs.get("totals") or {})
    their_units = {}
    for u in theirs.get("units") or []:
        if u["code"] in their_units:
            diffs.append(f"unit {u['code']}: listed twice by followup")
        their_units[u["code"]] = u
    for code in sorted(set(ours["units"]) | set(their_units)):
        if code not in their_units:
            diffs.append(f"unit {code}: counted by the peer, absent from followup's units")
        elif code not in ours["units"]:
            diffs.append(f"unit {code}: in followup's units, absent from the peer's")
        else:
            counts(f"unit {code}", ours["units"][code], their_units[code])
    for name in LISTS:
        n = len(theirs[name]) if isinstance(theirs.get(name), list) else None
        if n != ours["lists"][name]:
            diffs.append(f"list {name}: peer {ours['lists'][name]} items, followup {n}")
    return diffs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--as-of", required=True, help="report date yyyy-MM-dd")
    ap.add_argument("--compare", metavar="FILE", help="`followup digest --format json` output to check")
    ap.add_argument("root", help="the followup root (holds units.yaml)")
    args = ap.parse_args(argv)
    try:
        as_of = dt.date.fromisoformat(args.as_of).toordinal()
    except ValueError:
        ap.error(f"--as-of: not a yyyy-MM-dd date: {args.as_of}")
    result = digest(args.root, as_of)
    if args.compare:
        try:
            diffs = compare(result, args.compare)
        except (OSError, ValueError, KeyError, TypeError) as err:
            print(f"peer_digest: cannot read {args.compare}: {err}", file=sys.stderr)
            return 2
        if diffs:
            print(f"peer_digest: {len(diffs)} difference(s) with {args.compare}:")
            for d in diffs:
                print("  " + d)
            return 1
        t = result["totals"]
        print(f"peer_digest: every count agrees: totals and {len(result['units'])} units "
              f"({t['tasks']} tasks, {t['cancelled']} cancelled), {len(LISTS)} list lengths")
        return 0
    out = {"totals": with_rate(result["totals"]),
           "units": {c: with_rate(result["units"][c]) for c in sorted(result["units"])},
           "lists": result["lists"]}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
