"""cms.sqlite_copy: a database in write-ahead-log mode is copied with the commits still in its log."""

import sqlite3

from cms.sqlite_copy import copy_database


def rows(path):
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT value FROM item ORDER BY value").fetchall()
    finally:
        connection.close()


def test_commits_still_in_the_log_are_copied_and_a_stale_log_beside_the_target_is_not_replayed(tmp_path):
    source = tmp_path / "source.sqlite3"
    writer = sqlite3.connect(source)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")  # the commits stay in source.sqlite3-wal
    with writer:
        writer.execute("CREATE TABLE item (value TEXT)")
        writer.executemany("INSERT INTO item VALUES (?)", [("a",), ("b",)])
    assert (tmp_path / "source.sqlite3-wal").stat().st_size > 0

    # An earlier target, left with a log of its own (a server stopped with a signal).
    target = tmp_path / "target.sqlite3"
    other = sqlite3.connect(target)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("PRAGMA wal_autocheckpoint=0")
    with other:
        other.execute("CREATE TABLE item (value TEXT)")
        other.execute("INSERT INTO item VALUES ('stale')")
    stale_log = (tmp_path / "target.sqlite3-wal").read_bytes()
    other.close()
    (tmp_path / "target.sqlite3-wal").write_bytes(stale_log)  # closing checkpointed it; put it back

    copy_database(source, target)
    writer.close()

    assert rows(target) == [("a",), ("b",)]
