#!/usr/bin/env python3
"""The per-question-type answer prior of the VQA paper (Antol et al. 2015, "per Q-type prior"): every question is
answered with the most frequent multiple_choice_answer of its question_type among the training questions (ties: the
answer that sorts first). Writes the official results file [{"question_id", "answer"}] for the held-out questions;
score it with bin/vqa score.

usage: vqa_prior.py TRAIN_ANNOTATIONS TEST_QUESTIONS TEST_ANNOTATIONS RESULTS
"""
import collections
import json
import sys


def main(train_ann, test_q, test_ann, out):
    counts = collections.defaultdict(collections.Counter)
    overall = collections.Counter()
    for a in json.load(open(train_ann))["annotations"]:
        counts[a["question_type"]][a["multiple_choice_answer"]] += 1
        overall[a["multiple_choice_answer"]] += 1
    def best(c):
        return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    qtype = {a["question_id"]: a["question_type"] for a in json.load(open(test_ann))["annotations"]}
    results = []
    for q in json.load(open(test_q))["questions"]:
        t = qtype.get(q["question_id"])
        results.append({"question_id": q["question_id"], "answer": best(counts[t]) if t in counts else best(overall)})
    json.dump(results, open(out, "w"))


if __name__ == "__main__":
    main(*sys.argv[1:5])
