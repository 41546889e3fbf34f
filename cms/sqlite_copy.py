"""Copy an SQLite database that may be in write-ahead-log mode (cms/settings/base.py sets it).

In WAL mode the last commits can sit in `<file>-wal` beside the database until a checkpoint:
after a process that did not close its connection (a server stopped with a signal), or while one
still has it open. A copy of the main file alone then lacks them, and a stale `-wal` left beside
a replaced file would be replayed onto it. SQLite's online backup reads through the log and
writes one complete file. https://www.sqlite.org/backup.html
"""

import sqlite3
from pathlib import Path


def copy_database(source, target):
    """`source` copied whole to `target` (replaced, with any log files of an earlier `target`)."""
    target = Path(target)
    for leftover in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        leftover.unlink(missing_ok=True)
    reading = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    writing = sqlite3.connect(target)
    try:
        reading.backup(writing)
    finally:
        writing.close()
        reading.close()
