"""What kind of item a record is, from its title and type: a notice (erratum, retraction, reply, comment),
a generic recurring title ('Editorial', 'Table of contents'), and the language of its title."""
from __future__ import annotations

import re

from review.dedupe.text import fold, strip_annotations

# 'Title (vol 142, pg 310, 2003)' is how Web of Science names a correction of that article
# and Embase as 'Title (Journal (2009) 360 (542-5))'
WOS_CORRECTION = re.compile(r"\(vol\.? \d+,? (pg|p)\.? \w+|\([a-z .&-]+\(\d{4}\)\s*\d+")

# What kind of publication a title, type or venue says a record is; different kinds never merge.
NOTICE_PATTERNS = [
    ("erratum", re.compile(r"^(erratum|errata|correction|corrigendum|corrected|notice of correction)\b"
                           r"|\b(erratum|corrigendum)\b|^correction to\b")),
    ("retraction", re.compile(r"^(retraction|notice of retraction|retraction notice|expression of concern)\b")),
    ("reply", re.compile(r"^(reply|response|in reply|author'?s'? reply|authors'? response|the authors reply)\b"
                         r"|\breply to\b|\bresponse to\b|\W(reply|response)\W*$")),
    ("comment", re.compile(r"^(comment|commentary|re|letter)\b\s*(on|to|:|regarding)?|\bcomment on\b"
                           r"|^(editorial comment|invited commentary)\b")),
]

NOTICE_WORDS = re.compile(r"errat|correct|corrig|retract|concern|repl|respon|comment|^re\b|letter|\(vol|\(\d{4}\)")

PUB_TYPE_KINDS = [("erratum", ("erratum", "correction")), ("retraction", ("retraction of publication",)),
                  ("comment", ("comment",))]

GENERIC_TITLES = {
    "editorial", "editorials", "letter", "letters", "letter to the editor", "letters to the editor",
    "correction", "corrections", "erratum", "errata", "corrigendum", "reply", "response", "in reply",
    "authors reply", "author reply", "comment", "commentary", "introduction", "preface", "foreword",
    "news", "in brief", "book review", "book reviews", "abstracts", "poster", "posters", "untitled",
    "index", "contents", "table of contents", "in this issue", "highlights", "guest editorial",
    "editor s note", "editors note", "announcement", "announcements", "acknowledgements", "reviewers",
    "notice of retraction", "retraction", "expression of concern", "obituary", "errata corrigendum",
}

# Titles of recurring items ('Editor's comments', 'Remarks from the editor', 'Subject index', 'Book reviews'):
# every word is one of these, once numbers, months and small words are taken out. Such a title says
# nothing about which issue's item a record is.
GENERIC_WORDS = frozenset("""
    editor editors editorial editorials guest comment comments commentary commentaries remark remarks note notes
    letter letters message messages introduction introductions preface foreword afterword contents table index
    indexes subject author authors cumulative issue issues information front back matter cover masthead reviewer
    reviewers referee referees acknowledgement acknowledgements acknowledgment acknowledgments thanks list
    calendar events event news announcement announcements erratum errata correction corrections corrigendum
    corrigenda book books review reviews received recent publications correspondence abstract abstracts poster
    posters session sessions obituary obituaries memoriam highlights reply replies response responses word words
    page pages corner choice president presidents chair chairs desk board call papers instructions guide
    miscellany digest summaries brief briefs retraction notice expression concern addendum addenda column
    columns report reports treasurer secretary minutes meeting meetings forum readers upcoming field desk
    spotlight update updates roundup bulletin noticeboard advertisement advertisements personalia appointments
    awards contributors welcome farewell thank you introducing image images month quiz answers questions
    crossword keyword keywords titles
    leitartikel inhalt inhaltsverzeichnis leserbrief leserbriefe buchbesprechung buchbesprechungen nachruf
    leder innhold bokanmeldelse bokanmeldelser sommaire editoriale editorialen
""".split())

GENERIC_FILLER = frozenset("""
    the a an of to from for on in and by with at s our this these new vol volume no number part supplement suppl
    jan feb mar apr may jun jul aug sep oct nov dec january february march april june july august september october
    november december spring summer autumn fall winter annual special
""".split())

# English and other languages' small words: which language a title is written in, roughly
ENGLISH_WORDS = frozenset("the of and in a an for with on to by from at is are among after during between versus".split())

OTHER_WORDS = frozenset("""der die das und bei mit von zur zum im ein eine einer des den dem fur auf nach als uber
    de la le les et du en el los las y del con para por una un di il della delle e och av og pa med til ved hos om
    som van het een voor bij zu dans sur aux au nos sobre em da do das dos na no""".split())

def record_kind(title: str, pub_type: str) -> str:
    """'article', or the kind of notice a record is (erratum, retraction, reply, comment)."""
    return notice_kind(strip_annotations(title), pub_type)

def notice_kind(text: str, pub_type: str) -> str:
    """The kind of item a folded title without annotations and a publication type name."""
    if pub_type:
        lowered = fold(pub_type)
        for kind, words in PUB_TYPE_KINDS:
            if any(w in lowered for w in words):
                return kind
    if not NOTICE_WORDS.search(text):
        return "article"
    if WOS_CORRECTION.search(text):
        return "erratum"
    for kind, pattern in NOTICE_PATTERNS:
        if pattern.search(text):
            return kind
    return "article"

def is_generic(title: str) -> bool:
    """A title that names a kind of item rather than a work ('Editorial', 'Remarks from the editor'), or one too
    short to tell works apart."""
    return len(title) < 12 or names_an_item(title)

def names_an_item(title: str) -> bool:
    """Every word names a kind of item ('Editor's comments', 'Table of contents, vol. 12')."""
    if title in GENERIC_TITLES:
        return True
    for word in title.split():  # most titles fail on their first word
        if word not in GENERIC_WORDS and word not in GENERIC_FILLER and not word.isdigit():
            return False
    return True

# letters English does not use ('Schichtarbeit und Schlafqualität', 'santé au travail')
FOREIGN_LETTERS = re.compile(r"[äöüßéèêëàâçñøåæœìíîïòóôõùúûÿčšžłńśźżőű]")

# on words of six letters or more: English has 'lung' and 'young'
FOREIGN_ENDINGS = re.compile(r"\w{3,}(ung|keit|heit|schaft|lich|isch|ungen|ción|ção|zione|ología|ologie)\b")

def title_language(title: str, language: str = "", raw: str = "") -> str:
    """'en' or 'other' from the record's language field, else from the title's small words, letters and word
    endings; '' if unknown."""
    language = fold(language or "").strip()
    if language:
        return "en" if language[:2] == "en" else "other"
    words = title.split()
    english = sum(w in ENGLISH_WORDS for w in words)
    other = sum(w in OTHER_WORDS for w in words)
    if english <= other + 1:  # a title with English small words to spare is English: spare the regexes
        if raw and not raw.isascii():
            other += len(FOREIGN_LETTERS.findall(raw.lower()))
        other += len(FOREIGN_ENDINGS.findall(raw.lower() if raw else title))
    return "en" if english > other else "other" if other > english else ""
