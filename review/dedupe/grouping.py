"""Grouping certain pairs into duplicate groups without chaining unrelated records together."""
from __future__ import annotations

from dataclasses import dataclass, field

from review.dedupe.keys import Keys
from review.dedupe.rules import CERTAIN, POSSIBLE, classify, conflict, title_similarity


@dataclass
class Outcome:
    """What one run found: groups to write (index sets) and pairs for a person to look at."""

    groups: list[set[int]] = field(default_factory=list)
    certain: int = 0
    possible: list[tuple[int, int, float, str]] = field(default_factory=list)


class Components:
    """Union-find over record indexes that remembers members and which existing group each holds."""

    def __init__(self, n: int, existing: dict[int, int]):
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.existing: dict[int, int | None] = {i: existing.get(i) for i in range(n)}
        by_group: dict[int, list[int]] = {}
        for index, group in existing.items():
            by_group.setdefault(group, []).append(index)
        for indexes in by_group.values():
            for other in indexes[1:]:
                self.union(indexes[0], other)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return
        if len(self.members[ri]) < len(self.members[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.members[ri].extend(self.members.pop(rj))
        self.existing[ri] = self.existing[ri] if self.existing[ri] is not None else self.existing[rj]


def group_pairs(keys: list[Keys], pairs: dict[tuple[int, int], float], existing: dict[int, int],
                forbidden: set[tuple[int, int]]) -> Outcome:
    """Join certain pairs (best first) when every member of one side fits every member of the other."""
    outcome = Outcome()
    comps = Components(len(keys), existing)
    # pairs met on an identifier, a page or a cut-off title come unscored (0): a person must see how alike the
    # titles really are, and the most alike go first
    pairs = {p: s or title_similarity(keys[p[0]], keys[p[1]]) for p, s in pairs.items()}
    # most alike first, and a pair whose records are already together is never scored
    for (i, j), similarity in sorted(pairs.items(), key=lambda p: -p[1]):
        if (i, j) in forbidden or comps.find(i) == comps.find(j):
            continue
        verdict, reason = classify(keys[i], keys[j])
        if verdict == CERTAIN and _may_join(comps, comps.find(i), comps.find(j), keys, forbidden):
            comps.union(i, j)
            outcome.certain += 1
        elif verdict != "distinct":
            outcome.possible.append((i, j, similarity, reason if verdict == POSSIBLE else "groups would clash"))
    outcome.possible = _one_pair_per_two_groups(comps, outcome.possible)
    old = set(existing)
    for members in comps.members.values():
        if len(members) > 1 and not set(members) <= old:
            outcome.groups.append(set(members))
    return outcome


def _may_join(comps: Components, ri: int, rj: int, keys: list[Keys], forbidden: set[tuple[int, int]]) -> bool:
    """Two existing groups are merged only by a person; any veto between members stops the join."""
    if comps.existing[ri] is not None and comps.existing[rj] is not None:
        return False
    for x in comps.members[ri]:
        for y in comps.members[rj]:
            if (min(x, y), max(x, y)) in forbidden or conflict(keys[x], keys[y]):
                return False
    return True



def _one_pair_per_two_groups(comps: Components, possible: list[tuple[int, int, float, str]]
                             ) -> list[tuple[int, int, float, str]]:
    """The most alike pair between two groups stands for all their pairs: confirming it joins the groups, so
    a person is asked once, not once per member (pairs inside one group are dropped)."""
    kept: dict[tuple[int, int], tuple[int, int, float, str]] = {}
    for pair in possible:
        ri, rj = comps.find(pair[0]), comps.find(pair[1])
        if ri != rj:
            kept.setdefault((min(ri, rj), max(ri, rj)), pair)
    return list(kept.values())
