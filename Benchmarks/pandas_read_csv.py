#!/usr/bin/env python3
"""Times pandas.read_csv (default C parser) on a MovieLens ratings.csv; prints the best of N runs in seconds."""
import sys, time
import pandas as pd

path, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2
best = float("inf")
for _ in range(runs):
    t = time.perf_counter()
    df = pd.read_csv(path)
    best = min(best, time.perf_counter() - t)
print(f"rows {len(df)}")
print(f"seconds {best:.6f}")
