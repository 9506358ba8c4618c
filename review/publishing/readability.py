"""Readability of plain-language summaries: LIX with its Norwegian bands, word count, the hard sentences."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# A word is a run of letters or digits, hyphenated parts kept together; \w covers æ, ø, å and é.
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# A sentence ends at . ! ? or : followed by space or the end, or at a blank line / line break
# (headings and list items rarely end with a full stop but are read as sentences).
SENTENCE_END = re.compile(r"(?<=[.!?:])[\"'”»)]*\s+|\n\s*")
LONG_WORD_LETTERS = 6
# A sentence this long (in words) is marked: the first half of LIX is words per sentence, and plain-language
# guidance (Klarspråk, the EU's "How to write clearly") puts the limit for an easy sentence near 20 words.
LONG_SENTENCE_WORDS = 20
WORD_RANGE = (400, 850)
BANDS = ((30, "very_easy"), (40, "easy"), (50, "medium"), (60, "hard"))
BAND_LABELS = {
    "very_easy": {"en": "very easy", "nb": "svært lett", "nn": "svært lett"},
    "easy": {"en": "easy", "nb": "lett", "nn": "lett"},
    "medium": {"en": "medium", "nb": "middels", "nn": "middels"},
    "hard": {"en": "hard", "nb": "vanskelig", "nn": "vanskeleg"},
    "very_hard": {"en": "very hard", "nb": "svært vanskelig", "nn": "svært vanskeleg"},
    "none": {"en": "no text yet", "nb": "ingen tekst ennå", "nn": "ingen tekst enno"},
}


@dataclass
class Sentence:
    """One sentence with where it sits in the text and its own LIX."""

    text: str
    start: int
    end: int
    words: int
    long_words: int
    lix: float


@dataclass
class Readability:
    """What the editor shows: counts, LIX, its band, the sentences that push LIX up."""

    words: int
    sentences: int
    long_words: int
    lix: float
    band: str
    word_range: tuple[int, int] = WORD_RANGE
    hard_sentences: list[Sentence] = field(default_factory=list)

    @property
    def length_status(self) -> str:
        """'short', 'ok' or 'long' against the 400-850 word range."""
        low, high = self.word_range
        return "short" if self.words < low else "long" if self.words > high else "ok"


def words_of(text: str) -> list[str]:
    """The words of a text as LIX counts them."""
    return WORD.findall(text)


def letters(word: str) -> int:
    """How many letters a word has (æ, ø, å count as one each; digits and hyphens do not count)."""
    return sum(1 for ch in word if ch.isalpha())


def is_long(word: str) -> bool:
    """A long word in LIX has more than six letters."""
    return letters(word) > LONG_WORD_LETTERS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence that holds at least one word."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if WORD.search(text[s:e])]


def lix_of(words: int, sentences: int, long_words: int) -> float:
    """LIX = words per sentence + percentage of long words."""
    if not words or not sentences:
        return 0.0
    return words / sentences + 100.0 * long_words / words


def band_of(lix: float) -> str:
    """The Norwegian band: under 30 very easy, 30-40 easy, 40-50 medium, 50-60 hard, over 60 very hard."""
    for limit, name in BANDS:
        if lix < limit:
            return name
    return "very_hard"


def measure(text: str, word_range: tuple[int, int] = WORD_RANGE) -> Readability:
    """Word count, LIX, band and the sentences harder than the text as a whole (hardest first)."""
    sentences = []
    for start, end in split_sentences(text):
        chunk = text[start:end]
        found = words_of(chunk)
        n_long = sum(1 for w in found if is_long(w))
        sentences.append(Sentence(chunk.strip(), start, end, len(found), n_long, lix_of(len(found), 1, n_long)))
    n_words = sum(s.words for s in sentences)
    n_long = sum(s.long_words for s in sentences)
    lix = lix_of(n_words, len(sentences), n_long)
    hard = sorted((s for s in sentences if s.lix > lix and len(sentences) > 1), key=lambda s: -s.lix)
    band = band_of(lix) if n_words else "none"  # an empty text is not "very easy"
    return Readability(n_words, len(sentences), n_long, round(lix, 1), band, word_range, hard)


def long_sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, words) of each sentence of more than LONG_SENTENCE_WORDS words, in text order."""
    found = []
    for start, end in split_sentences(text):
        count = len(words_of(text[start:end]))
        if count > LONG_SENTENCE_WORDS:
            found.append((start, end, count))
    return found


def marks(text: str) -> list[tuple[str, str]]:
    """The text cut into (piece, kind) for the editor: kind 'word' for a long word (what LIX counts), 'sentence'
    for the rest of a long sentence, 'sentence word' for a long word inside one, '' otherwise; joined, the pieces
    give the text back. screens/static/summary.js marks the same way as the person types."""
    inside = [False] * (len(text) + 1)
    for start, end, _ in long_sentences(text):
        for i in range(start, end):
            inside[i] = True
    kinds = [("sentence" if inside[i] else "") for i in range(len(text))]
    for match in WORD.finditer(text):
        if is_long(match.group()):
            for i in range(match.start(), match.end()):
                kinds[i] = (kinds[i] + " word").strip()
    pieces: list[tuple[str, str]] = []
    for ch, kind in zip(text, kinds):
        if pieces and pieces[-1][1] == kind:
            pieces[-1] = (pieces[-1][0] + ch, kind)
        else:
            pieces.append((ch, kind))
    return pieces


def band_label(band: str, lang: str) -> str:
    """The band's name in English, bokmål or nynorsk."""
    return BAND_LABELS[band].get(lang, BAND_LABELS[band]["en"])


def segments(text: str, result: Readability) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_hard) so an editor can highlight the hard sentences in place."""
    hard = sorted((s.start, s.end) for s in result.hard_sentences)
    pieces, at = [], 0
    for start, end in hard:
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces
