// Ranking metrics of a scored candidate list against binary targets, with ties handled exactly:
// tied candidates are in random order, and every metric is its expectation over those orders
// (equivalently, ROC-AUC by average ranks — Mann–Whitney U / (P·Nₙ)).
//
//   roc_auc    P(score of a random positive > a random negative) + ½ P(tie)
//   pr_auc     average precision, one threshold per distinct score (as scikit-learn):
//              Σ_t (R_t − R_{t−1}) · Prec_t
//   precision@k, recall@k   expected positives among the first k, / k and / P
//   ndcg@k     expected DCG (gain 1/log2(position + 1), positions from 1) / ideal DCG
//   mrr        mean over regions with at least one positive of the expected reciprocal rank of the
//              first positive in that region's own ranking
// Candidates carry integer multiplicities (the bootstrap over regions repeats regions); a candidate
// with multiplicity m counts as m tied copies. One sort, O(n log n); then O(n) per evaluation.
// For the bootstrap, the sorted list is compressed once into runs (tie group × region: count,
// positives), so an evaluation with region weights is one pass over the runs, adding whole numbers
// only (exact); `evaluate_reference` is the plain pass over every candidate, kept beside it, and a
// test checks that both give bit-identical metrics for whole-number weights.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

namespace chaingap {

inline constexpr std::array<int, 3> kTopK = {20, 100, 500};

struct RankingMetrics {
    double roc_auc = 0, pr_auc = 0, mrr = 0;
    std::array<double, kTopK.size()> precision{}, recall{}, ndcg{};
};

// The scored candidates, sorted once by score (descending).
class RankedList {
public:
    RankedList(const std::vector<double>& scores, const std::vector<std::uint8_t>& labels,
               const std::vector<std::int32_t>& groups, std::size_t n_groups);
    // Metrics with each group (region) counted `group_weight[g]` times (all 1: the plain metrics).
    RankingMetrics evaluate(const std::vector<double>& group_weight) const;
    RankingMetrics evaluate() const;
    // evaluate(w) for many weight vectors: the same numbers, several resamples per pass.
    std::vector<RankingMetrics> evaluate_batch(const std::vector<std::vector<double>>& group_weights) const;
    // The same metrics by one pass over every candidate (the reference of `evaluate`).
    RankingMetrics evaluate_reference(const std::vector<double>& group_weight) const;
    std::size_t groups() const { return group_rr_.size(); }

private:
    struct Run {  // candidates of one region inside one tie group
        std::int32_t group, count, positives;
    };
    double mrr(const std::vector<double>& group_weight) const;
    std::vector<double> score_;
    std::vector<std::uint8_t> label_;
    std::vector<std::int32_t> group_;
    std::vector<double> group_rr_;         // expected reciprocal rank of the first positive per group
    std::vector<std::uint8_t> group_has_;  // group has a positive
    std::vector<Run> runs_;                // tie groups in ranking order, regions inside each
    std::vector<std::uint32_t> tie_end_;   // end of each tie group's runs in runs_
    std::vector<std::uint8_t> tie_positive_;                   // tie group holds a positive
    std::vector<std::int64_t> group_total_, group_positives_;  // candidates and positives per group
};

// Single-list helpers (all weights 1), for tests and simple callers.
double roc_auc(const std::vector<double>& scores, const std::vector<std::uint8_t>& labels);
double average_precision(const std::vector<double>& scores, const std::vector<std::uint8_t>& labels);
double precision_at(const std::vector<double>& scores, const std::vector<std::uint8_t>& labels, int k);
double ndcg_at(const std::vector<double>& scores, const std::vector<std::uint8_t>& labels, int k);
// Expected reciprocal rank of the first positive (0 without positives).
double reciprocal_rank(const std::vector<double>& scores, const std::vector<std::uint8_t>& labels);

}  // namespace chaingap
