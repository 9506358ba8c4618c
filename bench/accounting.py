"""What accounting for every record costs: imports.read_file over the corpus's RIS files, with the count of
record starts and the foreign-line check (imports/accounting.py) and without them.

Baseline: the same reading with accounting.check replaced by a function returning no warnings. Prints CPU
seconds (best of SIL_BENCH_REPEAT, 3) for each and the ratio. SIL_BENCH_TIMES (4) repeats the corpus text.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXPORTS = Path(os.environ.get("SIL_SHARED_DATA", ROOT.parent / "shared" / "data")) / "exports"
REPEAT = int(os.environ.get("SIL_BENCH_REPEAT", "3"))
TIMES = int(os.environ.get("SIL_BENCH_TIMES", "4"))


def corpus_ris() -> bytes:
    """Every UTF-8 RIS file of the corpus, BOMs out, joined and repeated TIMES times."""
    parts = [p.read_bytes().replace(b"\xef\xbb\xbf", b"") for p in sorted(EXPORTS.glob("*/*.ris"))]
    return b"".join(part for part in parts if _utf8(part)) * TIMES


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def best_cpu(data: bytes) -> tuple[float, int]:
    import imports

    times, count = [], 0
    for _ in range(REPEAT):
        start = time.process_time()
        count = len(imports.read_file(data, "corpus.ris").records)
        times.append(time.process_time() - start)
    return min(times), count


def main() -> None:
    from imports import accounting

    data = corpus_ris()
    with_check, count = best_cpu(data)
    real = accounting.check
    accounting.check = lambda *args, **kwargs: []
    try:
        without, _ = best_cpu(data)
    finally:
        accounting.check = real
    print(f"{len(data) / 1e6:.1f} MB of RIS, {count} records, CPU best of {REPEAT}")
    print(f"baseline (no accounting): {without:.2f} s")
    print(f"with accounting:          {with_check:.2f} s  ratio {with_check / without:.2f}x")


if __name__ == "__main__":
    main()
