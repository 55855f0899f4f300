#!/usr/bin/env python3
"""The official VisDial v1.0 metrics (visdial-challenge-starter-pytorch visdialch/metrics.py at 5844f3d), written
from shared/ref/VISDIAL-EVAL.md for parity checks; not copied from the repository. Needs torch.

usage: visdial_metrics_reference.py INPUT.json OUT.json
INPUT: {"scores": [B][R][N] floats, "gt_index": [B][R] ints (0-based),
        "dense_round": [B] ints (1-based round_id), "relevance": [B][N] floats}
OUT:   {"ranks": [B][R][N] 1-based, "r@1", "r@5", "r@10", "mean", "mrr", "ndcg"}
"""
import json
import sys

import torch


def scores_to_ranks(scores):
    """(B, R, N) scores -> (B, R, N) 1-based rank of each option."""
    batch_size, num_rounds, num_options = scores.size()
    scores = scores.view(-1, num_options)
    sorted_ranks, ranked_idx = scores.sort(1, descending=True)
    ranks = ranked_idx.clone().fill_(0)
    for i in range(ranked_idx.size(0)):
        for j in range(num_options):
            ranks[i][ranked_idx[i][j]] = j
    ranks += 1
    return ranks.view(batch_size, num_rounds, num_options)


class SparseGTMetrics:
    def __init__(self):
        self._rank_list = []

    def observe(self, predicted_scores, target_ranks):
        predicted_scores = predicted_scores.detach()
        predicted_ranks = scores_to_ranks(predicted_scores)
        batch_size, num_rounds, num_options = predicted_ranks.size()
        predicted_ranks = predicted_ranks.view(batch_size * num_rounds, num_options)
        target_ranks = target_ranks.view(batch_size * num_rounds).long()
        predicted_gt_ranks = predicted_ranks[torch.arange(batch_size * num_rounds), target_ranks]
        self._rank_list.extend(list(predicted_gt_ranks.cpu().numpy()))

    def retrieve(self):
        num_examples = len(self._rank_list)
        if num_examples == 0:
            return {}
        rank_tensor = torch.tensor(self._rank_list).float()
        return {
            "r@1": torch.mean((rank_tensor <= 1).float()).item(),
            "r@5": torch.mean((rank_tensor <= 5).float()).item(),
            "r@10": torch.mean((rank_tensor <= 10).float()).item(),
            "mean": torch.mean(rank_tensor).item(),
            "mrr": torch.mean(rank_tensor.reciprocal()).item(),
        }


class NDCG:
    def __init__(self):
        self._ndcg_numerator = 0.0
        self._ndcg_denominator = 0.0

    def observe(self, predicted_scores, target_relevance):
        predicted_scores = predicted_scores.detach().unsqueeze(1)
        predicted_ranks = scores_to_ranks(predicted_scores).squeeze(1)  # squeeze(1): batches of one work too
        batch_size, num_options = predicted_ranks.size()
        k = torch.sum(target_relevance != 0, dim=-1)
        _, rankings = torch.sort(predicted_ranks, dim=-1)
        _, best_rankings = torch.sort(target_relevance, dim=-1, descending=True)
        batch_ndcg = []
        for batch_index in range(batch_size):
            num_relevant = k[batch_index]
            dcg = self._dcg(rankings[batch_index][:num_relevant], target_relevance[batch_index])
            best_dcg = self._dcg(best_rankings[batch_index][:num_relevant], target_relevance[batch_index])
            batch_ndcg.append(dcg / best_dcg)
        self._ndcg_denominator += batch_size
        self._ndcg_numerator += sum(batch_ndcg)

    def _dcg(self, rankings, relevance):
        sorted_relevance = relevance[rankings].cpu().float()
        discounts = torch.log2(torch.arange(len(rankings)).float() + 2)
        return torch.sum(sorted_relevance / discounts, dim=-1)

    def retrieve(self):
        return {"ndcg": float(self._ndcg_numerator / self._ndcg_denominator)}


def main(argv):
    data = json.load(open(argv[1]))
    scores = torch.tensor(data["scores"]).float()          # (B, R, N)
    gt_index = torch.tensor(data["gt_index"]).long()       # (B, R)
    round_id = torch.tensor(data["dense_round"]).long()    # (B,)
    relevance = torch.tensor(data["relevance"]).float()    # (B, N)
    batch = 128                                            # solver.batch_size of the starter's config
    sparse, ndcg = SparseGTMetrics(), NDCG()
    ranks = []
    for start in range(0, scores.size(0), batch):
        output = scores[start:start + batch]
        ranks.append(scores_to_ranks(output))
        sparse.observe(output, gt_index[start:start + batch])
        b = output.size(0)
        ndcg.observe(output[torch.arange(b), round_id[start:start + batch] - 1, :], relevance[start:start + batch])
    out = dict(sparse.retrieve())
    out.update(ndcg.retrieve())
    out["ranks"] = torch.cat(ranks).tolist()
    with open(argv[2], "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main(sys.argv)
