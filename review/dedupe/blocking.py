"""Blocking: only records that share a cheap key are compared, so cost grows near-linearly."""
from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator

import numpy as np
from rapidfuzz import fuzz, process

from review.dedupe.keys import Keys
from review.dedupe.rules import is_prefix

# A block this large says nothing (e.g. a very common name in one year); its pairs come from other keys.
MAX_BLOCK = 1000
TITLE_END = 40
# Titles less alike than this in a block are not worth scoring (the rules need 85 at least).
TITLE_CUTOFF = 80
SMALL_BLOCK = 24
IDENTIFIERS = {"doi", "pmid"}
# Keys whose every pair is scored, however unlike the titles: one first author on one page of a volume (a
# translated title), one main title on one first page (a title without its subtitle). Larger blocks are
# a page shared by many items (an abstract book) and are left to the other keys.
WHOLE = {"vpa", "main"}
MAX_WHOLE_BLOCK = 30
MAIN_TITLE = 80


def block_keys(k: Keys) -> Iterator[tuple]:
    """The keys a record is filed under: identifiers, title ends, first author and year, volume and page."""
    if k.doi:
        yield ("doi", k.doi)
    if k.pmid:
        yield ("pmid", k.pmid)
    if len(k.title) >= 12:
        # two ends of the title, so a typo or a dropped subtitle at one end still meets
        # long enough that a topic's stock phrase ('... hemolytic uremic syndrome') is not a block
        yield ("head", k.title[:TITLE_END])
        yield ("tail", k.title[-TITLE_END:])
        words = sorted(set(k.title.split()), key=lambda w: (-len(w), w))[:3]
        yield ("words", " ".join(sorted(words)))
    if k.families and k.year:
        yield ("author", k.families[0], k.year)
    if k.volume and k.page:
        yield ("vp", k.volume, k.page)
        if k.families:
            yield ("vpa", k.volume, k.page, k.families[0])
    # a title without its subtitle is a short one: long titles need no key of their own here
    if k.page and (k.main_title or 0 < len(k.title) <= MAIN_TITLE):
        yield ("main", k.main_title or k.title, k.page)


def build_blocks(keys: list[Keys]) -> list[tuple[str, list[int]]]:
    """(kind of key, indexes of records) per shared key, blocks of one dropped."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        for key in block_keys(k):
            blocks[key].append(i)
    return [(key[0], members) for key, members in blocks.items()
            if 1 < len(members) <= (MAX_WHOLE_BLOCK if key[0] in WHOLE else MAX_BLOCK)]


def candidate_pairs(keys: list[Keys], is_new: list[bool] | None = None) -> dict[tuple[int, int], float]:
    """(i, j) index pairs worth scoring, with their title similarity (0 where a title is missing)."""
    pairs: dict[tuple[int, int], float] = {}
    titles = [k.title for k in keys]
    blocks = build_blocks(keys)
    if is_new is not None:
        # a later import: blocks of old records alone were compared by an earlier run
        blocks = [(kind, members) for kind, members in blocks if any(is_new[m] for m in members)]
    # a translated title ('[...]') is unlike the original's: one volume and page is what brings them together
    translated = [k.translated for k in keys]
    found = (p for kind, members in blocks
             for p in (_identifier_pairs(members) if kind in IDENTIFIERS or kind in WHOLE
                       else _block_pairs(members, titles, translated if kind == "vp" else None)))
    for i, j, score in itertools.chain(found, _prefix_pairs(titles)):
        if is_new is not None and not (is_new[i] or is_new[j]):
            continue
        key = (i, j) if i < j else (j, i)
        if score >= pairs.get(key, 0.0):  # a key that met them without comparing titles does not hide the score
            pairs[key] = score
    return pairs


def _prefix_pairs(titles: list[str], reach: int = 3) -> Iterable[tuple[int, int, float]]:
    """Titles that start or end another (cut off, or with a section name before them): neighbours
    once all titles are sorted, forwards and backwards."""
    for key in (None, lambda i: titles[i][::-1]):
        ordered = sorted((i for i, t in enumerate(titles) if len(t) >= 30), key=key or titles.__getitem__)
        for n, i in enumerate(ordered):
            for j in ordered[n + 1:n + 1 + reach]:
                if is_prefix(titles[i], titles[j]):
                    yield i, j, 0.0


def _identifier_pairs(members: list[int]) -> Iterable[tuple[int, int, float]]:
    """Every pair sharing a DOI or PMID is scored, however different the titles (translations)."""
    return ((i, j, 0.0) for x, i in enumerate(members) for j in members[x + 1:])


def _block_pairs(members: list[int], titles: list[str], loose: list[bool] | None = None
                 ) -> Iterable[tuple[int, int, float]]:
    """Pairs in one block whose titles are alike, or where one title is missing (or loose: translated)."""
    free = {m for m in members if not titles[m] or (loose is not None and loose[m])}
    if len(members) <= SMALL_BLOCK:
        # starting cdist's threads costs more than a few direct comparisons
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if i in free or j in free:
                    yield i, j, 0.0
                    continue
                score = fuzz.ratio(titles[i], titles[j], score_cutoff=TITLE_CUTOFF)
                if score:
                    yield i, j, score
        return
    block_titles = [titles[m] for m in members]
    matrix = process.cdist(block_titles, block_titles, scorer=fuzz.ratio, dtype=np.uint8,
                           workers=-1, score_cutoff=TITLE_CUTOFF)
    rows, cols = np.nonzero(np.triu(matrix, k=1))
    for r, c in zip(rows.tolist(), cols.tolist()):
        yield members[r], members[c], float(matrix[r, c])
    for e in free:
        for m in members:
            if m != e:
                yield e, m, 0.0
