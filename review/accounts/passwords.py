"""What a password a person chooses must be: long enough, not a common one, not the one-time password.

Common passwords are judged by zxcvbn (Dropbox's estimator, maintained as the `zxcvbn` package): it knows
the 30 000 most used passwords, English words, names, keyboard walks, repeats, dates and l33t spellings.
It does not know Norwegian, so Sil gives it a list of Norwegian words and passwords (common_passwords_nb.txt)
as well as the person's own name, which it then treats like its dictionaries."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from review.store import Invalid

MIN_LENGTH = 10
MAX_LENGTH = 1024
MIN_SCORE = 3  # zxcvbn's 0-4: 3 is "safely unguessable" (about 10^8 guesses) for an online attack
JUDGED_CHARACTERS = 72  # zxcvbn refuses longer input (its time grows with the length); the rest is extra anyway
WORDS_NB = Path(__file__).with_name("common_passwords_nb.txt")


@lru_cache(maxsize=1)
def norwegian_words() -> tuple[str, ...]:
    """The shipped list of Norwegian words common in passwords, one a line."""
    lines = WORDS_NB.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def check_chosen_password(password: str, user: dict[str, Any] | None = None) -> None:
    """Refuse a password that is too short, too long or easy to guess (for this user: their names count)."""
    if len(password) < MIN_LENGTH:
        raise Invalid(f"The password must have at least {MIN_LENGTH} characters.",
                      "error.user.password_short", min=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        raise Invalid(f"The password may have at most {MAX_LENGTH} characters.",
                      "error.user.password_long", max=MAX_LENGTH)
    if guessable(password, user):
        raise Invalid("That password is among the ones people use most, or close to one (or to your name); "
                      "choose a longer one, e.g. four unrelated words.", "error.user.password_common")


def guessable(password: str, user: dict[str, Any] | None = None) -> bool:
    """Whether zxcvbn scores the password below MIN_SCORE, knowing Norwegian words and the user's names."""
    from zxcvbn import zxcvbn

    own = [str(user.get(k) or "") for k in ("name", "display_name", "email")] if user else []
    own += [part for value in own for part in value.replace("@", " ").replace(".", " ").split()]
    inputs = [w for w in (*own, "sil", *norwegian_words()) if w]
    return zxcvbn(password[:JUDGED_CHARACTERS], user_inputs=inputs)["score"] < MIN_SCORE
