"""What a risk-of-bias tool is: domains with signalling questions, ordered judgement levels, an overall rule."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

ANSWERS = ("Y", "PY", "PN", "N", "NI", "NA")
ANSWER_LABELS = {"Y": "Yes", "PY": "Probably yes", "PN": "Probably no", "N": "No", "NI": "No information",
                 "NA": "Not applicable"}


@dataclass(frozen=True)
class Level:
    """One judgement a domain or the whole result can get; symbol and colour follow robvis."""

    key: str
    label: str
    symbol: str
    colour: str


@dataclass(frozen=True)
class Domain:
    key: str
    name: str
    questions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Overall:
    """The overall judgement a tool's rule derives (None while a domain is unjudged), with a note for the reviewer."""

    judgement: str | None
    note: str = ""
    key: str = ""  # the note's catalogue key, so the web can say it in the reader's language
    values: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Tool:
    key: str
    name: str
    levels: tuple[Level, ...]
    domains: tuple[Domain, ...]
    rule: Callable[[dict[str, str]], Overall] = field(compare=False)
    citation: str = ""
    domain_rule: Callable[[str, dict[str, str]], str | None] | None = field(default=None, compare=False)

    def level(self, key: str) -> Level:
        """The level with this key."""
        return next(level for level in self.levels if level.key == key)

    def level_keys(self) -> tuple[str, ...]:
        """The keys of the judgement levels, least severe first."""
        return tuple(level.key for level in self.levels)

    def suggest(self, domain: str, answers: dict[str, str]) -> str | None:
        """The judgement the tool's algorithm proposes for a domain from its answers, where it has one."""
        return self.domain_rule(domain, answers) if self.domain_rule else None

    def overall(self, judgements: dict[str, str]) -> Overall:
        """Derive the overall judgement from the domain judgements (domain key -> level key)."""
        missing = [d.name for d in self.domains if not judgements.get(d.key)]
        if missing:
            return Overall(None, "not yet judged: " + "; ".join(missing), "rob.note.unjudged",
                           {"domains": [d.key for d in self.domains if not judgements.get(d.key)]})
        return self.rule({d.key: judgements[d.key] for d in self.domains})


def count(judgements: dict[str, str], level: str) -> int:
    """How many domains got this level."""
    return sum(1 for value in judgements.values() if value == level)


def most_severe(order: tuple[str, ...]) -> Callable[[dict[str, str]], Overall]:
    """A rule for tools whose overall judgement is the most severe domain judgement."""
    def rule(judgements: dict[str, str]) -> Overall:
        return Overall(max(judgements.values(), key=order.index))
    return rule


LOW = Level("low", "Low", "+", "#02C100")
SOME_CONCERNS = Level("some_concerns", "Some concerns", "-", "#E2DF07")
HIGH = Level("high", "High", "X", "#BF0000")
NO_INFORMATION = Level("no_information", "No information", "?", "#4EA1F7")
