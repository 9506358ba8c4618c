"""Every field of every record of the corpus stays exactly as it was: a digest per file.

Speed work on the readers and normalisers must not change one value. When a change of parsing is
meant, regenerate the digests and say so in the commit: `python -m tests.test_import_corpus_digests`.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

import imports
from tests.conftest import SHARED_DATA

EXPORTS = SHARED_DATA / "exports"
DIGESTS = Path(__file__).parent / "fixtures" / "corpus_digests.json"


def digest(path: Path) -> str:
    """SHA-256 of what Sil reads from one file: format, encoding, warnings (their English: the keys they carry
    are checked by tests/test_import_warnings.py) and every record's fields."""
    try:
        parsed = imports.read_file(path.read_bytes(), path.name)
        result = {"format": parsed.format, "encoding": parsed.encoding,
                  "warnings": [w["text"] for w in parsed.warnings], "records": parsed.records}
    except imports.ImportFailure as failure:
        result = {"error": str(failure)}
    text = json.dumps(result, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def stored() -> dict[str, str]:
    return json.loads(DIGESTS.read_text(encoding="utf-8")) if DIGESTS.is_file() else {}


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(stored()))
def test_every_record_of_the_corpus_reads_as_before(shared_data, name):
    path = EXPORTS / name
    if not path.is_file():
        pytest.skip(f"{name} is not in this copy of the corpus")
    assert digest(path) == stored()[name], f"{name}: parsed records changed (see this module's docstring)"


def main() -> None:
    """Write the digests of the current readers for every file of the corpus."""
    digests = {f"{p.parent.name}/{p.name}": digest(p) for p in sorted(EXPORTS.glob("*/*")) if p.name != "README.md"}
    DIGESTS.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(digests)} digests written to {DIGESTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
