"""`make bench`: a generated dataset, per-page query counts and render latency, load under gunicorn.

Run with `python -m bench` (see `python -m bench --help`). Not a Django app: tooling that
imports every app through `bench.settings`, against its own database (the SQLite file
bench/data/bench.sqlite3, or BENCH_DATABASE_URL).
"""
