"""The peer's figure for the engine bench: python-docx opens a .docx, replaces one paragraph's text and saves it.

Usage: python3 python_docx_peer.py PATH.docx RUNS. Prints one JSON record with the median milliseconds of RUNS timed
runs, after one untimed run (as the engine bench times its runs after its memory pass): both sides are measured warm.
"""
import io
import json
import statistics
import sys
import time

import docx

path, runs = sys.argv[1], int(sys.argv[2])
with open(path, "rb") as f:
    data = f.read()


def open_edit_save(run):
    document = docx.Document(io.BytesIO(data))
    paragraphs = document.paragraphs
    paragraphs[min(10, len(paragraphs) - 1)].text = f"Edited by the benchmark, run {run}"
    document.save(io.BytesIO())


open_edit_save(-1)
times = []
for run in range(runs):
    start = time.perf_counter()
    open_edit_save(run)
    times.append((time.perf_counter() - start) * 1000)
print(json.dumps({"open_edit_save_ms": round(statistics.median(times))}))
