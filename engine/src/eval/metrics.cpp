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

// The metrics from the tie groups in ranking order. `each(f)` calls f(Group) for every group with
// total > 0, in order, and stops when f returns false; P and W are the groups' summed positives and
// totals. Shared by the reference (a vector of groups) and the compressed runs of RankedList, so both
// perform the same floating-point operations in the same order. A group without positives adds an
// exact 0 to the ROC and PR sums (both non-negative), so it is skipped there.
template <class Each>
void top_metrics(double P, double W, const Each& each, RankingMetrics& m) {
    for (std::size_t t = 0; t < kTopK.size(); ++t) {
        const double k = std::min<double>(kTopK[t], W);
        double before = 0, hits = 0, dcg = 0;
        each([&](const Group& g) {
            if (before >= k) return false;
            const double take = std::min(g.total, k - before);
            const double rate = g.positives / g.total;
            hits += take * rate;
            for (double pos = before; pos < before + take; ++pos) dcg += rate * gain(pos);
            before += g.total;
            return true;
        });
        double ideal = 0;
        for (double pos = 0; pos < std::min(P, k); ++pos) ideal += gain(pos);
        m.precision[t] = k > 0 ? hits / k : 0;
        m.recall[t] = P > 0 ? hits / P : 0;
        m.ndcg[t] = ideal > 0 ? dcg / ideal : 0;
    }
}

template <class Each>
RankingMetrics from_groups(double P, double W, const Each& each) {
    RankingMetrics m;
    const double Nn = W - P;
    if (P > 0) {
        double negatives_below = Nn, auc = 0, tp = 0, seen = 0, ap = 0;
        each([&](const Group& g) {
            const double neg = g.total - g.positives;
            negatives_below -= neg;
            seen += g.total;
            if (g.positives > 0) {
                auc += g.positives * (negatives_below + 0.5 * neg);
                tp += g.positives;
                ap += (g.positives / P) * (tp / seen);
            }
            return true;
        });
        if (Nn > 0) m.roc_auc = auc / (P * Nn);
        m.pr_auc = ap;
    }
    top_metrics(P, W, each, m);
    return m;
}

RankingMetrics from_groups(const std::vector<Group>& groups) {
    double P = 0, W = 0;
    for (const Group& g : groups) {
        P += g.positives;
        W += g.total;
    }
    return from_groups(P, W, [&](const auto& f) {
        for (const Group& g : groups)
            if (!f(g)) return;
    });
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
    // Runs: within each tie group, one run per region with its candidates and positives (the order
    // inside a tie group does not change any metric). Per region totals give P and W directly.
    group_total_.assign(n_groups, 0);
    group_positives_.assign(n_groups, 0);
    std::vector<std::uint32_t> stamp(n_groups, 0), slot(n_groups, 0);
    std::uint32_t tie = 0;
    for (std::size_t i = 0; i < score_.size();) {
        ++tie;
        std::size_t j = i;
        for (; j < score_.size() && score_[j] == score_[i]; ++j) {
            const auto g = static_cast<std::size_t>(group_[j]);
            ++group_total_[g];
            group_positives_[g] += label_[j];
            if (stamp[g] != tie) {
                stamp[g] = tie;
                slot[g] = static_cast<std::uint32_t>(runs_.size());
                runs_.push_back({group_[j], 0, 0});
            }
            ++runs_[slot[g]].count;
            runs_[slot[g]].positives += label_[j];
        }
        tie_end_.push_back(static_cast<std::uint32_t>(runs_.size()));
        std::uint8_t any = 0;
        for (std::size_t k = i; k < j; ++k) any |= label_[k];
        tie_positive_.push_back(any ? 1 : 0);
        i = j;
    }
}

RankingMetrics RankedList::evaluate(const std::vector<double>& group_weight) const {
    return evaluate_batch({group_weight}).front();
}

std::vector<RankingMetrics> RankedList::evaluate_batch(const std::vector<std::vector<double>>& weights) const {
    // Lanes: kLanes resamples share one pass over the runs; every lane performs exactly the
    // operations of from_groups, in the same order (the groups of a lane with total 0 change
    // nothing: they subtract and add an exact 0).
    constexpr std::size_t kLanes = 8;
    const std::size_t G = group_total_.size();
    std::vector<RankingMetrics> out(weights.size());
    std::vector<double> wl(G * kLanes);
    for (std::size_t b0 = 0; b0 < weights.size(); b0 += kLanes) {
        const std::size_t lanes = std::min(kLanes, weights.size() - b0);
        std::fill(wl.begin(), wl.end(), 0.0);
        for (std::size_t l = 0; l < lanes; ++l)
            for (std::size_t g = 0; g < G; ++g) wl[g * kLanes + l] = weights[b0 + l][g];
        double P[kLanes] = {}, W[kLanes] = {}, nb[kLanes], seen[kLanes] = {}, tp[kLanes] = {}, auc[kLanes] = {},
               ap[kLanes] = {}, gt[kLanes] = {}, gp[kLanes] = {};
        for (std::size_t l = 0; l < lanes; ++l)  // sums of whole numbers: exact in any order
            for (std::size_t g = 0; g < G; ++g) {
                P[l] += weights[b0 + l][g] * static_cast<double>(group_positives_[g]);
                W[l] += weights[b0 + l][g] * static_cast<double>(group_total_[g]);
            }
        for (std::size_t l = 0; l < kLanes; ++l) nb[l] = W[l] - P[l];
        std::size_t r = 0;
        for (std::size_t t = 0; t < tie_end_.size(); ++t) {
            const std::uint32_t end = tie_end_[t];
            for (; r < end; ++r) {
                const double* x = &wl[static_cast<std::size_t>(runs_[r].group) * kLanes];
                const double c = runs_[r].count, q = runs_[r].positives;
                for (std::size_t l = 0; l < kLanes; ++l) {
                    gt[l] += x[l] * c;
                    gp[l] += x[l] * q;
                }
            }
            if (tie_positive_[t]) {
                for (std::size_t l = 0; l < kLanes; ++l) {
                    if (gt[l] > 0) {
                        const double neg = gt[l] - gp[l];
                        nb[l] -= neg;
                        seen[l] += gt[l];
                        if (gp[l] > 0) {
                            auc[l] += gp[l] * (nb[l] + 0.5 * neg);
                            tp[l] += gp[l];
                            ap[l] += (gp[l] / P[l]) * (tp[l] / seen[l]);
                        }
                    }
                    gt[l] = 0;
                    gp[l] = 0;
                }
            } else {  // no positive: neg = total
                for (std::size_t l = 0; l < kLanes; ++l) {
                    nb[l] -= gt[l];
                    seen[l] += gt[l];
                    gt[l] = 0;
                }
            }
        }
        for (std::size_t l = 0; l < lanes; ++l) {
            RankingMetrics& m = out[b0 + l];
            const double Nn = W[l] - P[l];
            if (P[l] > 0) {
                if (Nn > 0) m.roc_auc = auc[l] / (P[l] * Nn);
                m.pr_auc = ap[l];
            }
            const std::vector<double>& w = weights[b0 + l];
            top_metrics(
                P[l], W[l],
                [&](const auto& f) {
                    std::uint32_t q = 0;
                    for (const std::uint32_t end : tie_end_) {
                        Group g{0, 0};
                        for (; q < end; ++q) {
                            const double x = w[static_cast<std::size_t>(runs_[q].group)];
                            g.total += x * runs_[q].count;
                            g.positives += x * runs_[q].positives;
                        }
                        if (g.total > 0 && !f(g)) return;
                    }
                },
                m);
            m.mrr = mrr(w);
        }
    }
    return out;
}

RankingMetrics RankedList::evaluate_reference(const std::vector<double>& group_weight) const {
    RankingMetrics m = from_groups(tie_groups(score_, label_, [&](std::size_t j) { return group_weight[group_[j]]; }));
    m.mrr = mrr(group_weight);
    return m;
}

double RankedList::mrr(const std::vector<double>& group_weight) const {
    double rr = 0, with = 0;
    for (std::size_t g = 0; g < group_rr_.size(); ++g)
        if (group_has_[g]) {
            rr += group_weight[g] * group_rr_[g];
            with += group_weight[g];
        }
    return with > 0 ? rr / with : 0;
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
