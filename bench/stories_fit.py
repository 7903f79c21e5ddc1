#!/usr/bin/env python3
"""Fits the weights of newswatch's story score (`src/story/score.rs`, `WEIGHTS`).

The score is a logistic model over the evidence a lookup has on a candidate story (cosines
with the story's centroid and closest member, shares of weight covered, title cosine, rare
shared features, conflicts, hours apart, story size). Its training rows come from the
development halves only, replayed in publication order into their labelled stories, in three
regimes: all items in one scope, each clustering rule's items in its own scope (with the words
the rule matched, as the daemon does), and small sets of 12 stories from an empty index:

    STREAM_DUMP=/tmp/candidates.jsonl cargo test --test stories_eval dump_dev_candidates
    python3 bench/stories_fit.py /tmp/candidates.jsonl

It prints the weights fitted on both dev halves together (what `WEIGHTS` holds) and, to
choose the threshold on data a model was not fitted on, the weights fitted on each set alone:
put those in `WEIGHTS`, replay the other set with `cargo test --test stories_eval -- --nocapture`
and read its sweep. Needs numpy.

The shipped WEIGHTS were fitted on rows dumped before the scope words lost their prior
document frequency; a dump made now fits slightly different weights (see the comment on
WEIGHTS in src/story/score.rs).
"""

import json
import math
import sys

import numpy as np

NAMES = [
    "centroid", "member", "coverage", "ours", "theirs", "title", "rare",
    "cross_language", "numbers_conflict", "kinds_conflict", "leads_conflict", "days", "size",
]


def features(row):
    """The model's inputs, transformed as `score` in src/story/score.rs transforms them."""
    return [
        row["centroid"], row["member"], row["coverage"], row["ours"], row["theirs"],
        row["title"], math.log1p(row["rare"]), float(row["cross"]), float(row["numbers"]),
        float(row["kinds"]), float(row["leads"]), min(row["hours"], 48) / 24,
        math.log(row["size"]),
    ]


def fit(x, y, l2=1.0, iterations=5000, rate=0.5):
    """L2-regularised logistic regression by gradient descent; the bias is last."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-xb @ w))
        gradient = xb.T @ (p - y) / len(y)
        gradient[:-1] += l2 * w[:-1] / len(y)
        w -= rate * gradient
    return w


def show(label, w):
    print(label)
    for name, value in zip(NAMES + ["bias"], w):
        print(f"    {name}: {value:.3f},")


def main():
    rows = [json.loads(line) for line in open(sys.argv[1])]
    missed = sum(1 for r in rows if r.get("missed"))
    rows = [r for r in rows if "label" in r]
    x = np.array([features(r) for r in rows])
    y = np.array([float(r["label"]) for r in rows])
    # The regimes of one labelled set ("stream", "stream-rules", "stream-small") are one
    # family: fitting on a family and replaying the other is what chooses the threshold.
    sets = np.array([r["set"].split("-")[0] for r in rows])
    print(f"{len(rows)} candidate rows, {int(y.sum())} of the item's own story; "
          f"{missed} items whose story was in the window but not a candidate")
    show("both dev halves, every regime (WEIGHTS):", fit(x, y))
    for name in sorted(set(sets)):
        mask = sets == name
        show(f"{name} dev half alone:", fit(x[mask], y[mask]))


if __name__ == "__main__":
    main()
