"""Run every benchmark with its default settings and print the figures the README reports."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in [
    "http_catalog.py",
    "search_matcher.py",
    "booking_create.py",
    "vector_index.py",
    "nlp.py",
    "knowledge_search.py",
]:
    print(f"== {script}", flush=True)
    subprocess.run([sys.executable, str(HERE / script)], check=True)
