// Greedy target portfolios with an incremental gap evaluator and a recompute-everything reference
// (see portfolio.hpp).
#include "chaingap/rank/portfolio.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "chaingap/core/error.hpp"
#include "chaingap/rank/whatif.hpp"

namespace chaingap {

// ---------------------------------------------------------------- incremental evaluator
GapClosure::GapClosure(const Dataset& ds, RegionId region, std::optional<ChainId> chain, const GapParams& params)
    : GapClosure(analysis_cache(ds), region, chain, params) {}

GapClosure::GapClosure(const AnalysisCache& cache, RegionId region, std::optional<ChainId> chain, const GapParams& params)
    : ds_(cache.dataset()), params_(params) {
    const Dataset& ds = ds_;
    imp_ = cache.importance(params);
    const RegionPresence& local = cache.presence(region);
    const RegionPresence& national = cache.national();
    // Only the benchmark and the analysed links are needed: no local firm lists (at national scale
    // they are most of a report's cost).
    const GapReport base = analyze_gap_scores(cache, region, chain, params);
    benchmark_ = base.benchmark.share;
    local_count_ = local.count;
    local_cap_ = local.capacity;
    national_count_ = national.count;
    national_cap_ = national.capacity;
    scope_.assign(ds.nodes.size(), 0);
    gap_.assign(ds.nodes.size(), 0.0);
    for (const ChainGaps& cg : base.chains)
        for (const LinkGap& g : cg.links) {
            scope_[g.node] = 1;
            gap_[g.node] = gap_at(g.node, 0, 0.0);
            total_ += gap_[g.node];
        }
}

double GapClosure::gap_at(NodeId n, std::int32_t dl, double dc) const {
    // local_dependents only feeds the report, not the gap score (gaps.hpp): pass 0.
    return score_link(n, imp_[n], local_count_[n] + dl, local_cap_[n] + dc, national_count_[n] + dl,
                      national_cap_[n] + dc, benchmark_, 0, params_)
        .gap_score;
}

// Nodes a branch of e counts toward (as presence_in counts them: a firm once per node, capacity
// Σ weight × size), restricted to the analysed chains.
std::vector<GapClosure::Delta> GapClosure::deltas(EnterpriseId e) const {
    std::vector<std::pair<NodeId, double>> att;
    const double size = ds_.enterprises.size_of(e);
    for (std::int32_t a : ds_.enterprise_attachments.row(e))
        att.emplace_back(ds_.attachments.node[a], ds_.attachments.weight[a] * size);
    return deltas_of(att);
}

std::vector<GapClosure::Delta> GapClosure::deltas_of(const std::vector<std::pair<NodeId, double>>& attachments) const {
    // (node, capacity) in attachment order, then stably grouped by node and summed in that order
    // (the sums a std::map would make, without a node allocation per link).
    std::vector<Delta> parts;
    for (const auto& [node, capacity] : attachments) {
        const NodeId c = ds_.canonical[node];
        for (std::int32_t x : ds_.node_targets.row(c))
            if (scope_[x]) parts.push_back({x, capacity});
    }
    std::stable_sort(parts.begin(), parts.end(), [](const Delta& a, const Delta& b) { return a.node < b.node; });
    std::vector<Delta> out;
    out.reserve(parts.size());
    for (const Delta& d : parts) {
        if (!out.empty() && out.back().node == d.node) out.back().capacity += d.capacity;
        else out.push_back(d);
    }
    return out;
}

std::vector<GapClosure::LinkClosure> GapClosure::closure_of(
    const std::vector<std::pair<NodeId, double>>& attachments) const {
    std::vector<LinkClosure> out;
    for (const Delta& d : deltas_of(attachments))
        out.push_back({d.node, gap_[d.node], gap_[d.node] - gap_at(d.node, 1, d.capacity), d.capacity});
    return out;
}

double GapClosure::marginal(EnterpriseId e) const {
    double closed = 0;
    for (const Delta& d : deltas(e)) closed += gap_[d.node] - gap_at(d.node, 1, d.capacity);
    return closed;
}

std::vector<GapClosure::LinkClosure> GapClosure::closure_by_link(EnterpriseId e) const {
    std::vector<LinkClosure> out;
    for (const Delta& d : deltas(e))
        out.push_back({d.node, gap_[d.node], gap_[d.node] - gap_at(d.node, 1, d.capacity), d.capacity});
    return out;
}

double GapClosure::add(EnterpriseId e) {
    double closed = 0;
    for (const Delta& d : deltas(e)) {
        ++local_count_[d.node];
        ++national_count_[d.node];
        local_cap_[d.node] += d.capacity;
        national_cap_[d.node] += d.capacity;
        const double g = gap_at(d.node, 0, 0.0);
        closed += gap_[d.node] - g;
        gap_[d.node] = g;
    }
    total_ -= closed;
    return closed;
}

// ---------------------------------------------------------------- reference evaluator
GapClosureReference::GapClosureReference(const Dataset& ds, RegionId region, std::optional<ChainId> chain,
                                         const GapParams& params)
    : ds_(ds), region_(region), chain_(chain), params_(params) {
    const GapReport base = analyze_gaps(ds, region, chain, params);
    benchmark_ = base.benchmark.share;
    total_ = chaingap::total_gap(base);
}

double GapClosureReference::total_with(const std::vector<EnterpriseId>& set) const {
    const Dataset what_if = with_branches(ds_, region_, set);
    return chaingap::total_gap(analyze_gaps(what_if, region_, chain_, params_, benchmark_));
}

double GapClosureReference::marginal(EnterpriseId e) const {
    std::vector<EnterpriseId> set = added_;
    set.push_back(e);
    return total_ - total_with(set);
}

double GapClosureReference::add(EnterpriseId e) {
    added_.push_back(e);
    const double t = total_with(added_);
    const double closed = total_ - t;
    total_ = t;
    return closed;
}

// ---------------------------------------------------------------- greedy portfolio
namespace {
struct Evaluator {
    virtual ~Evaluator() = default;
    virtual double total() const = 0;
    virtual double marginal(EnterpriseId e) const = 0;
    virtual double add(EnterpriseId e) = 0;
};
template <class T>
struct EvaluatorOf : Evaluator {
    T impl;
    template <class... A>
    explicit EvaluatorOf(A&&... a) : impl(std::forward<A>(a)...) {}
    double total() const override { return impl.total_gap(); }
    double marginal(EnterpriseId e) const override { return impl.marginal(e); }
    double add(EnterpriseId e) override { return impl.add(e); }
};

std::unique_ptr<Evaluator> make_evaluator(const Dataset& ds, const TargetQuery& q, bool reference) {
    if (reference) return std::make_unique<EvaluatorOf<GapClosureReference>>(ds, q.region, q.chain, q.gap_params);
    return std::make_unique<EvaluatorOf<GapClosure>>(ds, q.region, q.chain, q.gap_params);
}

// Greedy over `pool` (indices into ranked rows, in rank order): K picks by marginal gap closed;
// ties keep the better-ranked firm (pool order = score desc, then id).
std::vector<PortfolioPick> greedy(const Dataset& ds, const TargetList& ranked, std::vector<std::size_t> pool, int k,
                                  bool reference) {
    auto eval = make_evaluator(ds, ranked.query, reference);
    std::vector<PortfolioPick> picks;
    while (static_cast<int>(picks.size()) < k && !pool.empty()) {
        std::size_t best = 0;
        double best_gain = -1;
        for (std::size_t i = 0; i < pool.size(); ++i) {
            const double g = eval->marginal(ranked.targets[pool[i]].enterprise);
            if (g > best_gain + 1e-12) {
                best_gain = g;
                best = i;
            }
        }
        const TargetRow& row = ranked.targets[pool[best]];
        const double closed = eval->add(row.enterprise);
        picks.push_back({row, closed});
        pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(best));
    }
    return picks;
}

double sum_closed(const std::vector<PortfolioPick>& picks) {
    double s = 0;
    for (const auto& p : picks) s += p.marginal_gap_closed;
    return s;
}
}  // namespace

Portfolio choose_portfolio(const Dataset& ds, const TargetList& ranked, int k, bool reference) {
    if (k < 1) throw UsageError("--portfolio K: K must be at least 1");
    Portfolio out;
    std::vector<std::size_t> all(ranked.targets.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    {
        auto eval = make_evaluator(ds, ranked.query, reference);
        out.total_gap_before = eval->total();
        // Plain top-K by score, evaluated with the same function.
        for (std::size_t i = 0; i < all.size() && static_cast<int>(i) < k; ++i) {
            out.topk.push_back(ranked.targets[i].enterprise);
            out.topk_gap_closed += eval->add(ranked.targets[i].enterprise);
        }
    }
    std::vector<PortfolioPick> g = greedy(ds, ranked, all, k, reference);
    out.greedy_gap_closed = sum_closed(g);
    if (out.topk_gap_closed > out.greedy_gap_closed + 1e-12) {
        std::vector<std::size_t> top(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(out.topk.size()));
        out.picks = greedy(ds, ranked, top, k, reference);
        out.method = "topk_reordered";
    } else {
        out.picks = std::move(g);
        out.method = "greedy";
    }
    out.portfolio_gap_closed = sum_closed(out.picks);
    return out;
}

}  // namespace chaingap
