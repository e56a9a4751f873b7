#include "chaingap/eval/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace chaingap {
namespace {
struct Group {
    double total, positives;
};

// Tie groups of a descending-sorted list, with weights.
template <class W>
std::vector<Group> tie_groups(const std::vector<double>& score, const std::vector<std::uint8_t>& label, W weight) {
    std::vector<Group> out;
    for (std::size_t i = 0; i < score.size();) {
        Group g{0, 0};
        std::size_t j = i;
        for (; j < score.size() && score[j] == score[i]; ++j) {
            g.total += weight(j);
            g.positives += weight(j) * label[j];
        }
        if (g.total > 0) out.push_back(g);
        i = j;
    }
    return out;
}

double gain(double position0) {
    return 1.0 / std::log2(position0 + 2.0);
}  // position from 0

RankingMetrics from_groups(const std::vector<Group>& groups) {
    RankingMetrics m;
    double P = 0, W = 0;
    for (const Group& g : groups) {
        P += g.positives;
        W += g.total;
    }
    const double Nn = W - P;
    if (P > 0 && Nn > 0) {
        double negatives_below = Nn, auc = 0;
        for (const Group& g : groups) {
            const double neg = g.total - g.positives;
            negatives_below -= neg;
            auc += g.positives * (negatives_below + 0.5 * neg);
        }
        m.roc_auc = auc / (P * Nn);
    }
    if (P > 0) {
        double tp = 0, seen = 0, ap = 0;
        for (const Group& g : groups) {
            tp += g.positives;
            seen += g.total;
            ap += (g.positives / P) * (tp / seen);
        }
        m.pr_auc = ap;
    }
    for (std::size_t t = 0; t < kTopK.size(); ++t) {
        const double k = std::min<double>(kTopK[t], W);
        double before = 0, hits = 0, dcg = 0;
        for (const Group& g : groups) {
            if (before >= k) break;
            const double take = std::min(g.total, k - before);
            const double rate = g.positives / g.total;
            hits += take * rate;
            for (double pos = before; pos < before + take; ++pos) dcg += rate * gain(pos);
            before += g.total;
        }
        double ideal = 0;
        for (double pos = 0; pos < std::min(P, k); ++pos) ideal += gain(pos);
        m.precision[t] = k > 0 ? hits / k : 0;
        m.recall[t] = P > 0 ? hits / P : 0;
        m.ndcg[t] = ideal > 0 ? dcg / ideal : 0;
    }
    return m;
}

// Expected 1/rank of the first positive; groups in order, rank starting after `before` items.
double expected_rr(const std::vector<Group>& groups) {
    double before = 0;
    for (const Group& g : groups) {
        if (g.positives > 0) {
            // X = negatives ahead of the first positive among g items with p positives, random order:
            // P(X=0) = p/g, P(X=j+1)/P(X=j) = (g−p−j)/(g−1−j).
            const double n = g.total, p = g.positives;
            double prob = p / n, e = 0;
            for (double j = 0; j <= n - p; ++j) {
                e += prob / (before + 1 + j);
                if (j < n - p) prob *= (n - p - j) / (n - 1 - j);
            }
            return e;
        }
        before += g.total;
    }
    return 0;
}

std::vector<std::size_t> descending(const std::vector<double>& scores) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    return order;
}

std::vector<Group> single_list(const std::vector<double>& scores, const std::vector<std::uint8_t>& labels) {
    const auto order = descending(scores);
    std::vector<double> s(order.size());
    std::vector<std::uint8_t> l(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        s[i] = scores[order[i]];
        l[i] = labels[order[i]];
    }
    return tie_groups(s, l, [](std::size_t) { return 1.0; });
}
}  // namespace

RankedList::RankedList(const std::vector<double>& scores, const std::vector<std::uint8_t>& labels,
                       const std::vector<std::int32_t>& groups, std::size_t n_groups) {
    const auto order = descending(scores);
    score_.resize(order.size());
    label_.resize(order.size());
    group_.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        score_[i] = scores[order[i]];
        label_[i] = labels[order[i]];
        group_[i] = groups[order[i]];
    }
    group_rr_.assign(n_groups, 0.0);
    group_has_.assign(n_groups, 0);
    // Each region's own ranking, in the global order: O(n) in all.
    std::vector<std::vector<double>> gs(n_groups);
    std::vector<std::vector<std::uint8_t>> gl(n_groups);
    for (std::size_t i = 0; i < score_.size(); ++i) {
        gs[group_[i]].push_back(score_[i]);
        gl[group_[i]].push_back(label_[i]);
    }
    for (std::size_t g = 0; g < n_groups; ++g) {
        const auto groups_g = tie_groups(gs[g], gl[g], [](std::size_t) { return 1.0; });
        group_rr_[g] = expected_rr(groups_g);
        for (const Group& x : groups_g) group_has_[g] |= x.positives > 0 ? 1 : 0;
    }
}

RankingMetrics RankedList::evaluate(const std::vector<double>& group_weight) const {
    RankingMetrics m = from_groups(tie_groups(score_, label_, [&](std::size_t j) { return group_weight[group_[j]]; }));
    double rr = 0, with = 0;
    for (std::size_t g = 0; g < group_rr_.size(); ++g)
        if (group_has_[g]) {
            rr += group_weight[g] * group_rr_[g];
            with += group_weight[g];
        }
    m.mrr = with > 0 ? rr / with : 0;
    return m;
}

RankingMetrics RankedList::evaluate() const {
    return evaluate(std::vector<double>(group_rr_.size(), 1.0));
}

double roc_auc(const std::vector<double>& s, const std::vector<std::uint8_t>& l) {
    return from_groups(single_list(s, l)).roc_auc;
}
double average_precision(const std::vector<double>& s, const std::vector<std::uint8_t>& l) {
    return from_groups(single_list(s, l)).pr_auc;
}
double precision_at(const std::vector<double>& s, const std::vector<std::uint8_t>& l, int k) {
    const auto groups = single_list(s, l);
    double before = 0, hits = 0;
    const double kk = std::min<double>(k, static_cast<double>(s.size()));
    for (const Group& g : groups) {
        if (before >= kk) break;
        hits += std::min(g.total, kk - before) * g.positives / g.total;
        before += g.total;
    }
    return kk > 0 ? hits / kk : 0;
}
double ndcg_at(const std::vector<double>& s, const std::vector<std::uint8_t>& l, int k) {
    const auto groups = single_list(s, l);
    double before = 0, dcg = 0, P = 0;
    for (const Group& g : groups) P += g.positives;
    const double kk = std::min<double>(k, static_cast<double>(s.size()));
    for (const Group& g : groups) {
        for (double pos = before; pos < std::min(before + g.total, kk); ++pos) dcg += g.positives / g.total * gain(pos);
        before += g.total;
    }
    double ideal = 0;
    for (double pos = 0; pos < std::min(P, kk); ++pos) ideal += gain(pos);
    return ideal > 0 ? dcg / ideal : 0;
}
double reciprocal_rank(const std::vector<double>& s, const std::vector<std::uint8_t>& l) {
    return expected_rr(single_list(s, l));
}

}  // namespace chaingap
