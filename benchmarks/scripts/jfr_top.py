#!/usr/bin/env python3
"""Top methods of a JFR recording's execution samples: self time and inclusive time (method anywhere on the
stack), optionally only for samples whose stack contains a given substring (e.g. a benchmark method).

  jfr_top.py recording.jfr [--within org.dent.core.profile] [--top 30] [--event jdk.ExecutionSample]

Use with JMH's  -prof jfr  (the recording lands in the benchmark's result directory) or -XX:StartFlightRecording.
"""
import argparse
import collections
import json
import subprocess


def frames(event):
    for f in event["values"]["stackTrace"]["frames"]:
        m = f["method"]
        yield f'{m["type"]["name"]}.{m["name"]}', f.get("lineNumber", -1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recording")
    ap.add_argument("--within", default=None)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--event", default="jdk.ExecutionSample")
    ap.add_argument("--weight", default=None, help="field to weight by, e.g. weight for allocation samples")
    a = ap.parse_args()
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", a.event, a.recording],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    self_t, incl = collections.Counter(), collections.Counter()
    total = 0
    for e in events:
        if not e["values"].get("stackTrace"):
            continue
        fs = list(frames(e))
        if a.within and not any(a.within in name for name, _ in fs):
            continue
        w = e["values"].get(a.weight, 1) if a.weight else 1
        total += w
        self_t[f"{fs[0][0]}:{fs[0][1]}"] += w
        for name in {name for name, _ in fs}:
            incl[name] += w
    print(f"{total} samples" + (f" within {a.within}" if a.within else ""))
    print("--- self ---")
    for k, v in self_t.most_common(a.top):
        print(f"{100.0 * v / total:6.1f}%  {k}")
    print("--- inclusive ---")
    for k, v in incl.most_common(a.top):
        print(f"{100.0 * v / total:6.1f}%  {k}")


if __name__ == "__main__":
    main()
