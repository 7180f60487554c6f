#!/usr/bin/env python3
"""The obvious Python peer of `followup digest`: per-unit task totals as of a date.

    scripts/peer_digest.py --as-of 2026-11-30 ROOT                 # prints JSON
    scripts/peer_digest.py --as-of 2026-11-30 --compare F.json ROOT

Loads every *.yaml / *.yml meeting record below ROOT with PyYAML's CSafeLoader (the
libyaml-backed loader a Python programmer would reach for) and counts, for each lead
unit, the tasks as of the date D:

- a task is a conclusion with `owner`, or one per unit of `owners`;
- only meetings dated <= D and history entries dated <= D count;
- the deadline in force is the last `due` extension dated <= D, else the conclusion's
  `due`, else the meeting's `due`; `ongoing` / `thường xuyên` mean no deadline;
- the status is the last `status` dated <= D (default open); the done date is the
  date of the last entry that set `done`;
- states: cancelled (counted apart), done_on_time (no deadline, or done date <=
  deadline), done_late, overdue (not done, D > deadline), within_deadline (not done,
  D <= deadline), ongoing (not done, no deadline). `tasks` counts non-cancelled tasks.

Output: {"UNIT": {"tasks": n, "done_on_time": n, ...}}. With --compare FILE (the
output of `followup digest --format json`, {"units": [{"code": ..., "tasks": ...}]})
it prints the differences and exits 1 if any unit's counts differ; units with zero
tasks may be absent on either side. Exit 2 on unreadable input.

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

FIELDS = ["tasks", "done_on_time", "done_late", "overdue", "within_deadline", "ongoing", "cancelled"]
NO_DATE = {"ongoing", "thường xuyên"}
SKIP_AT_ROOT = {"units.yaml", "settings.yaml"}


def key(s):
    return unicodedata.normalize("NFC", str(s)).strip().lower()


def text(v):
    """A scalar as the text a YAML 1.2 reader sees (PyYAML makes dates and ints)."""
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v).strip()


def deadline_of(v):
    """(has_value, date text or None for no fixed date)."""
    if v is None:
        return False, None
    t = text(v)
    if key(t) in NO_DATE:
        return True, None
    return True, t


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
            out.append(os.path.join(dirpath, name))
    out.sort()
    return out


def unit_index(root):
    data = load(os.path.join(root, "units.yaml")) or {}
    index = {}
    for u in data.get("units") or []:
        code = text(u["code"])
        for name in [u.get("code"), u.get("name")] + list(u.get("aliases") or []):
            if name is not None:
                index[key(name)] = code
    return index


def digest(root, as_of):
    units = unit_index(root)

    def unit(ref):
        k = key(text(ref))
        if k not in units:
            raise ValueError(f"unknown unit {ref!r}")
        return units[k]

    totals = {}
    for path in meeting_files(root):
        try:
            m = load(path)
            if not isinstance(m, dict):
                continue
            mdate = text(m["date"])
            if mdate > as_of:
                continue
            stem = os.path.splitext(os.path.basename(path))[0]
            mid = text(m["id"]) if m.get("id") is not None else stem
            _, meeting_due = deadline_of(m.get("due"))
            tasks = {}  # (conclusion id, unit code or None) -> [unit, deadline, status, done date]
            for pos, c in enumerate(m.get("conclusions") or [], 1):
                cid = text(c["id"]) if c.get("id") is not None else str(pos)
                has, deadline = deadline_of(c.get("due"))
                if not has:
                    deadline = meeting_due
                if c.get("owner") is not None:
                    ref = text(c["owner"])
                    if key(ref) != "todo":
                        tasks[(cid, None)] = [unit(ref), deadline, "open", None]
                for ref in c.get("owners") or []:
                    if key(text(ref)) == "todo":
                        continue
                    code = unit(ref)
                    tasks[(cid, key(code))] = [code, deadline, "open", None]
            for e in m.get("updates") or []:
                day = text(e["date"])
                if day > as_of:
                    continue
                ref = text(e["task"])
                if "#" in ref:
                    owner_meeting, ref = ref.split("#", 1)
                    if key(owner_meeting) != key(mid):
                        raise ValueError(f"update for another meeting's task {text(e['task'])!r}")
                if "/" in ref:
                    cid, u = ref.split("/", 1)
                    tk = (cid, key(unit(u)))
                else:
                    tk = (ref, None)
                t = tasks.get(tk)
                if t is None:
                    raise ValueError(f"update for unknown task {text(e['task'])!r}")
                if e.get("due") is not None:
                    t[1] = deadline_of(e["due"])[1]
                if e.get("status") is not None:
                    t[2] = text(e["status"])
                    if t[2] == "done":
                        t[3] = day
        except (KeyError, TypeError, ValueError, AttributeError, yaml.YAMLError) as err:
            raise SystemExit(f"peer_digest: {path}: {err}")
        for code, deadline, status, done in tasks.values():
            row = totals.setdefault(code, dict.fromkeys(FIELDS, 0))
            if status == "cancelled":
                row["cancelled"] += 1
                continue
            row["tasks"] += 1
            if status == "done":
                late = deadline is not None and done > deadline
                row["done_late" if late else "done_on_time"] += 1
            elif deadline is None:
                row["ongoing"] += 1
            elif as_of > deadline:
                row["overdue"] += 1
            else:
                row["within_deadline"] += 1
    return totals


def compare(ours, path):
    with open(path, encoding="utf-8") as f:
        theirs_doc = json.load(f)
    theirs = {}
    for u in theirs_doc.get("units") or []:
        theirs[u["code"]] = {f: int(u.get(f) or 0) for f in FIELDS}
    diffs = []
    zero = dict.fromkeys(FIELDS, 0)
    for code in sorted(set(ours) | set(theirs)):
        a, b = ours.get(code), theirs.get(code)
        if a is None and b["tasks"] == 0 or b is None and a["tasks"] == 0:
            continue  # a unit with zero tasks may be absent on either side
        a, b = a or zero, b or zero
        for f in FIELDS:
            if a[f] != b[f]:
                diffs.append(f"{code} {f}: peer {a[f]}, followup {b[f]}")
    return diffs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--as-of", required=True, help="report date yyyy-MM-dd")
    ap.add_argument("--compare", metavar="FILE", help="`followup digest --format json` output to check")
    ap.add_argument("root", help="the followup root (holds units.yaml)")
    args = ap.parse_args(argv)
    try:
        as_of = dt.date.fromisoformat(args.as_of).isoformat()
    except ValueError:
        ap.error(f"--as-of: not a yyyy-MM-dd date: {args.as_of}")
    totals = digest(args.root, as_of)
    if args.compare:
        diffs = compare(totals, args.compare)
        if diffs:
            print(f"peer_digest: {len(diffs)} difference(s) with {args.compare}:")
            for d in diffs:
                print("  " + d)
            return 1
        n = sum(1 for r in totals.values() if r["tasks"])
        print(f"peer_digest: totals agree for {n} units ({sum(r['tasks'] for r in totals.values())} tasks)")
        return 0
    json.dump({c: totals[c] for c in sorted(totals)}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
