#!/usr/bin/env python3
"""Times commands in interleaved rounds and reports each one's ratio to the first.

    scripts/interleave.py ROUNDS OUT.json name=command ... (the first is the reference)

On a shared machine the speed drifts over minutes; hyperfine runs each command's runs one
after another, so a ratio of two of its medians compares different minutes. Here every
round runs each command once, in a rotated order, and a command's ratio is the median of
its per-round ratios to the reference: each ratio compares runs seconds apart. Output goes
to /dev/null, as with hyperfine; two warm-up rounds are not counted.
"""
import json
import shlex
import statistics
import subprocess
import sys
import time


def main():
    rounds, out = int(sys.argv[1]), sys.argv[2]
    cmds = [a.split("=", 1) for a in sys.argv[3:]]

    def run(cmd):
        start = time.perf_counter()
        done = subprocess.run(shlex.split(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if done.returncode not in (0, 1):
            sys.exit(f"interleave: {cmd} exited {done.returncode}")
        return time.perf_counter() - start

    for _ in range(2):
        for _, cmd in cmds:
            run(cmd)
    times = {name: [] for name, _ in cmds}
    for r in range(rounds):
        order = cmds[r % len(cmds):] + cmds[: r % len(cmds)]
        for name, cmd in order:
            times[name].append(run(cmd))
    ref = cmds[0][0]
    result = {}
    for name, _ in cmds:
        ratios = [t / b for t, b in zip(times[name], times[ref])]
        result[name] = {"median": statistics.median(times[name]), "min": min(times[name]),
                        "ratio": statistics.median(ratios), "times": times[name]}
        print(f"{name:8s} median {result[name]['median'] * 1000:7.1f} ms   ratio to {ref} "
              f"{result[name]['ratio']:.2f}x (per-round ratios {min(ratios):.2f}–{max(ratios):.2f})",
              file=sys.stderr)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"rounds": rounds, "reference": ref, "results": result}, f, indent=1)


if __name__ == "__main__":
    main()
