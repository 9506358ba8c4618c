"""The model itself: what it reads, and how it stays fast on very large projects."""
import numpy as np
from sklearn.svm import LinearSVC

from review.ranking import model as ranking

WORDS = [f"w{i}" for i in range(200)]


def corpus(n=600, relevant=40, seed=0):
    rng = np.random.default_rng(seed)
    labels = np.zeros(n, dtype=np.int8)
    labels[rng.choice(n, relevant, replace=False)] = 1
    texts = [" ".join(list(rng.choice(WORDS, 30)) + (["nurse", "burnout"] if label else [])) for label in labels]
    return ranking.build_features(texts), labels


def test_keywords_are_read_only_when_the_settings_say_so():
    with_keywords = ranking.Settings(keywords=True)
    without = ranking.Settings(keywords=False)
    assert "Burnout" in ranking.record_text("Nurses", "Shifts", ["Burnout", "Fatigue"], with_keywords)
    assert "Burnout" not in ranking.record_text("Nurses", "Shifts", ["Burnout", "Fatigue"], without)
    assert ranking.record_text("Nurses", "Shifts", None, with_keywords) == ranking.record_text("Nurses", "Shifts")


def test_a_huge_retrain_learns_from_every_include_and_a_repeatable_sample_of_excludes(monkeypatch):
    features, labels = corpus()
    rows = np.arange(500)
    fitted = []
    real_fit = LinearSVC.fit

    def spy(self, x, y, sample_weight=None):
        fitted.append(np.asarray(y).copy())
        return real_fit(self, x, y, sample_weight=sample_weight)

    monkeypatch.setattr(LinearSVC, "fit", spy)
    capped = ranking.Settings(max_excludes=100)
    first = ranking.train_scores(features, rows, labels[rows], capped)
    again = ranking.train_scores(features, rows, labels[rows], capped)
    assert (fitted[0] == 1).sum() == (labels[rows] == 1).sum()      # every include
    assert (fitted[0] == 0).sum() == 100                            # and 100 of the excludes
    assert np.array_equal(first, again)                             # same decisions, same order
    unscreened = np.arange(500, 600)
    best = unscreened[np.argsort(-first[unscreened])][:int(labels[unscreened].sum())]
    assert labels[best].mean() > 0.8                                # and it still finds the relevant ones


def test_below_the_cap_every_decision_is_used(monkeypatch):
    features, labels = corpus(n=200, relevant=20)
    seen = []
    real_fit = LinearSVC.fit
    monkeypatch.setattr(LinearSVC, "fit", lambda self, x, y, sample_weight=None: (
        seen.append(len(y)), real_fit(self, x, y, sample_weight=sample_weight))[1])
    ranking.train_scores(features, np.arange(150), labels[:150], ranking.Settings(max_excludes=1000))
    assert seen == [150]


def test_folding_one_record_terms_ranks_exactly_as_keeping_them(monkeypatch):
    rng = np.random.default_rng(4)
    labels = (rng.random(300) < 0.1).astype(np.int8)
    texts = [" ".join(list(rng.choice(WORDS, 25)) + [f"only{i}", f"once{i}"] + (["nurse"] if label else []))
             for i, label in enumerate(labels)]
    folded = ranking.build_features(texts)
    monkeypatch.setattr(ranking, "_fold_private_terms", lambda features: features)
    kept = ranking.build_features(texts)
    assert folded.shape[1] < kept.shape[1] - 500          # 600 one-record terms became 300 private columns
    rows = np.arange(150)
    a, b = (ranking.train_scores(f, rows, labels[rows]) for f in (kept, folded))
    rest = np.arange(150, 300)
    assert np.allclose(a[rest], b[rest], atol=1e-5)
    assert list(rest[np.argsort(-a[rest])][:30]) == list(rest[np.argsort(-b[rest])][:30])
