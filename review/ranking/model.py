"""The screening model: features from title and abstract, a linear classifier, a ranking.

Features are TF-IDF of words and word pairs, fitted once on the text of every record in the
project (that needs no labels, so it is fitted before the first decision and reused by every
retrain). Retraining is then only the classifier fit on the screened rows plus one sparse
matrix-vector product over all rows.

The model is ASReview's default (ELAS u4: LinearSVC C=0.11, includes together weighing 9.8
times the excludes together, TF-IDF 1-2 grams, sublinear tf, min_df 1, max_df 0.95, title and
abstract only): on bench/ranking.py it reproduces the README's ASReview figures file by file,
where our earlier variant (min_df 2, MeSH keywords read, accents stripped) lost up to 4 points
WSS@95 on some files and gained on others. Keywords stay off as in ASReview (only the Cohen
files have them; their effect alone is not measured yet). Two changes of ours: a fit sees every include but at most
`max_excludes` excludes (a random sample), which keeps an 80 000-record retrain fast and ranks
held-out records as well (mean ROC AUC 0.897 vs 0.898 over the 21 files); and liblinear is
seeded, so the same decisions always give the same order. docs/ranking.md has the tables.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC


@dataclass(frozen=True)
class Settings:
    """Every knob of the model, the same for every project (no per-review tuning)."""

    classifier: str = "svm"          # svm | logreg
    balance: float = 9.8             # includes together weigh this many times the excludes together
    c: float = 0.11                  # inverse regularisation strength of svm/logreg (strong regularisation)
    ngram_max: int = 2               # words and word pairs
    min_df: int = 1                  # as ASReview: a rare term can still mark a rare topic
    max_df: float = 0.95             # terms in nearly every record say nothing about relevance
    sublinear_tf: bool = True
    keywords: bool = False           # as ASReview: MeSH keywords not read (see the module docstring)
    strip_accents: bool = False
    max_excludes: int | None = 5000  # train on every include and at most this many excludes (random sample)


DEFAULT = Settings()


def record_text(title: str | None, abstract: str | None, keywords: Iterable[str] | str | None = None,
                settings: Settings = DEFAULT) -> str:
    """The text the model reads: title, abstract and keywords (keywords may be a list or '; '-joined)."""
    if keywords is None or not settings.keywords:
        keywords = ""
    if not isinstance(keywords, str):
        keywords = "; ".join(k for k in keywords if k)
    return " \n".join(part for part in (title or "", abstract or "", keywords) if part)


def build_features(texts: Sequence[str], settings: Settings = DEFAULT) -> sparse.csr_matrix:
    """TF-IDF rows (L2-normalised) for every record, fitted on all texts, no labels needed."""
    vectorizer = TfidfVectorizer(ngram_range=(1, settings.ngram_max), min_df=settings.min_df,
                                 max_df=settings.max_df, sublinear_tf=settings.sublinear_tf,
                                 strip_accents="unicode" if settings.strip_accents else None,
                                 dtype=np.float32)
    if not any(t.strip() for t in texts):
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)
    try:
        features = vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # only stop words or punctuation: nothing to learn from
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)
    features = _fold_private_terms(features)
    features.sum_duplicates()  # sorted, canonical rows once here, so no retrain has to do it (_float64_rows)
    return features


def _fold_private_terms(features: sparse.csr_matrix) -> sparse.csr_matrix:
    """Replace the terms found in one record only by a single column private to that record, holding their norm.

    Such a term can only ever move its own record's score. In training it lets the SVM fit that
    record on its own, and under an L2 penalty only the norm of a record's private part counts
    (Cauchy-Schwarz), so one private column with that norm poses exactly the same problem: the
    same weights on shared terms, the same ranking. With min_df=1 (as ASReview) half the
    columns and a third of the entries are such terms; folding them halves the retrain time.
    """
    n_rows = features.shape[0]
    df = np.bincount(features.indices, minlength=features.shape[1])
    if not (df == 1).any():
        return features
    private = df[features.indices] == 1
    squares = sparse.csr_matrix((np.where(private, features.data, 0) ** 2, features.indices, features.indptr),
                                shape=features.shape)
    norms = np.sqrt(np.asarray(squares.sum(axis=1)).ravel()).astype(np.float32)
    holders = np.flatnonzero(norms)
    own = sparse.csr_matrix((norms[holders], (holders, holders)), shape=(n_rows, n_rows), dtype=np.float32)
    return sparse.hstack([features[:, np.flatnonzero(df > 1)], own], format="csr", dtype=np.float32)


def can_train(labels: Sequence[int] | np.ndarray) -> bool:
    """The model starts only once both an include and an exclude are known."""
    labels = np.asarray(labels)
    return bool(labels.size) and bool((labels == 1).any()) and bool((labels == 0).any())


def _classifier(settings: Settings):
    if settings.classifier == "svm":
        return LinearSVC(C=settings.c, random_state=0)  # liblinear shuffles: same decisions, same order
    if settings.classifier == "logreg":
        return LogisticRegression(C=settings.c, solver="liblinear", random_state=0)
    raise ValueError(f"unknown classifier {settings.classifier!r}")


def sample_weight(labels: np.ndarray, settings: Settings = DEFAULT) -> np.ndarray:
    """Weights that make the few includes together count `balance` times all excludes together.

    A fixed per-record weight would let the excludes drown the includes as screening goes on
    (typically 50 to 100 excludes per include); weighting the classes' totals keeps the
    balance the same at every stage. Scaled to mean 1 so the regularisation strength holds.
    """
    included, excluded = int((labels == 1).sum()), int((labels == 0).sum())
    weights = np.where(labels == 1, 1.0, included / (settings.balance * excluded))
    return weights * (len(labels) / weights.sum())


def train_scores(features: sparse.csr_matrix, rows: Sequence[int] | np.ndarray,
                 labels: Sequence[int] | np.ndarray, settings: Settings = DEFAULT) -> np.ndarray:
    """Fit on the screened rows and return a relevance score for every row (higher = screen sooner)."""
    labels = np.asarray(labels, dtype=np.int8)
    if not can_train(labels):
        raise ValueError("the model needs at least one include and one exclude")
    rows = np.asarray(rows, dtype=np.int64)
    if settings.max_excludes and (labels == 0).sum() > settings.max_excludes:
        keep = _subsample(labels, settings.max_excludes)
        rows, labels = rows[keep], labels[keep]
    model = _classifier(settings)
    model.fit(_float64_rows(features, rows), labels, sample_weight=sample_weight(labels, settings))
    return np.asarray(features @ model.coef_.ravel().astype(np.float32)).ravel()


def _subsample(labels: np.ndarray, excludes: int) -> np.ndarray:
    """Positions of every include and of `excludes` excludes drawn at random (seeded by the count, so repeatable)."""
    rng = np.random.default_rng(len(labels))
    negative = np.flatnonzero(labels == 0)
    chosen = rng.choice(negative, excludes, replace=False)
    return np.sort(np.concatenate([np.flatnonzero(labels == 1), chosen]))


def _float64_rows(features: sparse.csr_matrix, rows: np.ndarray) -> sparse.csr_matrix:
    """The training rows as the float64 CSR liblinear needs, built directly from the sliced arrays.

    Left to scikit-learn, the float32 -> float64 conversion goes through scipy's astype, which first
    sorts every row's entries (sum_duplicates): 60 of the 140 ms of a fit at 10 000 records.
    build_features sorts them once, so this is a plain copy and the fit sees the very same matrix.
    """
    part = features[rows]
    return sparse.csr_matrix((part.data.astype(np.float64), part.indices, part.indptr), shape=part.shape)


def rank_unscreened(scores: np.ndarray, screened: np.ndarray) -> np.ndarray:
    """Row indices not yet screened, best score first (stable, so ties keep file order)."""
    candidates = np.flatnonzero(~screened)
    return candidates[np.argsort(-scores[candidates], kind="stable")]


def top_candidates(scores: np.ndarray, candidates: np.ndarray, k: int) -> np.ndarray:
    """The k best of `candidates` in exactly the order a full stable sort would give, without sorting them all.

    Only rows scoring at least the k-th best score are sorted (ties at the cut all kept, so the
    stable order is unchanged): 2 000 of 60 000 candidates instead of all of them.
    """
    negative = -scores[candidates]
    if candidates.size > k:
        cut = np.partition(negative, k - 1)[k - 1]
        keep = negative <= cut
        candidates, negative = candidates[keep], negative[keep]
    return candidates[np.argsort(negative, kind="stable")][:k]


Scorer = Callable[[sparse.csr_matrix, np.ndarray, np.ndarray], np.ndarray]


def scorer(settings: Settings = DEFAULT) -> Scorer:
    """A function (features, rows, labels) -> scores using these settings."""
    return lambda features, rows, labels: train_scores(features, rows, labels, settings)
