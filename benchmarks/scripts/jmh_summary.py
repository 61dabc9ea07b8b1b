#!/usr/bin/env python3
"""Summarise a JMH JSON result file (-rf json) per benchmark: median and min of the measured iterations (wall
clock), the median of cpu.time.norm when -prof org.dent.benchmarks.CpuTimeProfiler was on, and gc.alloc.rate.norm
when -prof gc was on.

On the shared machine other builds start and stop during a run; one disturbed iteration moves the mean far more
than the median, and CPU time per operation hardly moves at all. Compare medians, or better CPU time."""
import json
import statistics
import sys


def raw(metric):
    return [x for fork in metric.get("rawData", []) for x in fork]


def main(path):
    rows = json.load(open(path))
    print(f"{'benchmark':40} {'param':>7} {'mean':>10} {'median':>10} {'min':>10} {'cpu med':>10} {'unit':6}"
          f" {'B/op':>9}")
    for r in rows:
        name = ".".join(r["benchmark"].rsplit(".", 2)[-2:])
        params = ",".join(str(v) for v in (r.get("params") or {}).values())
        pm = r["primaryMetric"]
        values = raw(pm)
        sec = r.get("secondaryMetrics", {})
        cpu = raw(sec["cpu.time.norm"]) if "cpu.time.norm" in sec else []
        alloc = sec.get("gc.alloc.rate.norm", {}).get("score")
        print(f"{name:40} {params:>7} {pm['score']:10.2f} {statistics.median(values):10.2f} {min(values):10.2f} "
              f"{statistics.median(cpu) if cpu else float('nan'):10.2f} {pm['scoreUnit']:6} "
              f"{'' if alloc is None else f'{alloc:9.0f}'}")


if __name__ == "__main__":
    main(sys.argv[1])
