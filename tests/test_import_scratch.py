"""Scratch folders that a server killed mid-import leaves behind are removed at the next start."""
import os
import time

from review.searches.staging import STALE_AFTER_SECONDS, sweep_stale_scratch


def test_only_scratch_folders_older_than_a_day_are_removed(tmp_path):
    old = tmp_path / "sil-import-old"
    (old / "part0.sqlite").parent.mkdir()
    (old / "part0.sqlite").write_bytes(b"x" * 100)
    fresh = tmp_path / "sil-import-running"
    fresh.mkdir()
    other = tmp_path / "someone-elses"
    other.mkdir()
    day_ago = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(old, (day_ago, day_ago))
    os.utime(other, (day_ago, day_ago))

    assert sweep_stale_scratch(str(tmp_path)) == 1
    assert not old.exists()
    assert fresh.exists() and other.exists()  # an import may be parsing there; not ours at all
