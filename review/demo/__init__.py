"""The demo review: a small invented project with two databases, duplicates, two reviewers who disagree
and a summary, built on first start of `run.py --demo`.

ensure_demo.
"""
from review.demo.builder import ensure_demo

__all__ = [
    "ensure_demo",
]
