// Target portfolios: K firms chosen together so that the region's total gap closes most.
//
// Objective. total_gap(S) = Σ gap_score over every link of the analysed chains of the what-if
// dataset with a branch of each firm of S in R (rank/whatif.hpp), benchmark frozen at the base
// report's. gap_closed(S) = total_gap(∅) − total_gap(S) ≥ 0.
//
// Method. Greedy by marginal gap reduction (a second firm at a link already filled adds less than a
// first firm at another missing link), ties by ranking score then id. The objective is monotone but
// not submodular (the 断链 single-point risk step: a first firm at a missing link may leave the link
// single_point, the second removes the risk), so greedy alone does not guarantee to beat the plain
// top-K by score. The portfolio is therefore the better of greedy and the top-K (re-ordered greedily),
// and `method` says which — so portfolio_gap_closed ≥ topk_gap_closed always holds (tested).
//
// Two evaluators that must agree (tests/unit/test_rank_portfolio.cpp):
//   GapClosureReference — rebuilds the what-if dataset and reruns the gap analysis for every
//                         evaluation: O(E + A + gap analysis) each; obviously right.
//   GapClosure          — keeps local / national count and capacity per node and re-scores only the
//                         links a firm touches (its attachment nodes, their ancestors and aliases):
//                         O(T_f) per evaluation, T_f = nodes the firm touches.
// Greedy cost with GapClosure: O(K · Σ_f T_f) over the C candidates.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/rank/targets.hpp"

namespace chaingap {

class GapClosure {
public:
    GapClosure(const Dataset& ds, RegionId region, std::optional<ChainId> chain, const GapParams& params);
    // National presence, importance and R's firms from the dataset's cache (warm queries):
    // O(E_R log E_R + A_R·T + N), no local firm lists.
    GapClosure(const AnalysisCache& cache, RegionId region, std::optional<ChainId> chain, const GapParams& params);
    double total_gap() const { return total_; }
    double benchmark() const { return benchmark_; }
    // Gap that adding a branch of e in R would close now (≥ 0); does not change the state.
    double marginal(EnterpriseId e) const;
    // Adds a branch of e in R; returns the gap it closed.
    double add(EnterpriseId e);
    // Per link a branch of e would count toward (its nodes, aliases and their ancestors in the
    // analysed chains): the gap now, the gap it would close there, and e's capacity there. Sums to
    // marginal(e). O(T_f log T_f).
    struct LinkClosure {
        NodeId node;
        double gap_before;
        double closed;
        double capacity;  // Σ attachment weight × size of e at the node
    };
    std::vector<LinkClosure> closure_by_link(EnterpriseId e) const;
    // The same for a firm that does not exist yet (a proposed project): `attachments` are its
    // (node, capacity) pairs; aliases and ancestors are added as for a firm.
    std::vector<LinkClosure> closure_of(const std::vector<std::pair<NodeId, double>>& attachments) const;
    // Node n is a link of the analysed chains (a branch's capacity there changes its gap).
    bool in_scope(NodeId n) const { return scope_[n] != 0; }
    // The gap a branch adding `capacity` at link n (one more firm) would close there now: the
    // `closed` of closure_by_link for a firm whose capacity at n is `capacity`. O(1).
    double closed_at(NodeId n, double capacity) const { return gap_[n] - gap_at(n, 1, capacity); }

private:
    struct Delta {
        NodeId node;
        double capacity;
    };
    std::vector<Delta> deltas(EnterpriseId e) const;
    std::vector<Delta> deltas_of(const std::vector<std::pair<NodeId, double>>& attachments) const;
    double gap_at(NodeId n, std::int32_t dl, double dc) const;

    const Dataset& ds_;
    GapParams params_;
    double benchmark_ = 0;
    std::vector<NodeImportance> imp_;
    std::vector<char> scope_;  // node in the analysed chains
    std::vector<std::int32_t> local_count_, national_count_;
    std::vector<double> local_cap_, national_cap_, gap_;
    double total_ = 0;
};

class GapClosureReference {
public:
    GapClosureReference(const Dataset& ds, RegionId region, std::optional<ChainId> chain, const GapParams& params);
    double total_gap() const { return total_; }
    double marginal(EnterpriseId e) const;
    double add(EnterpriseId e);
    // Total gap with a branch of every firm of `set` (and nothing else).
    double total_with(const std::vector<EnterpriseId>& set) const;

private:
    const Dataset& ds_;
    RegionId region_;
    std::optional<ChainId> chain_;
    GapParams params_;
    double benchmark_ = 0;
    std::vector<EnterpriseId> added_;
    double total_ = 0;
};

struct PortfolioPick {
    TargetRow row;                   // the firm's ranking row (rank = its rank in the plain list)
    double marginal_gap_closed = 0;  // in pick order
};

struct Portfolio {
    std::vector<PortfolioPick> picks;  // in pick order
    std::vector<EnterpriseId> topk;    // plain top-K by score
    double total_gap_before = 0;
    double portfolio_gap_closed = 0;
    double greedy_gap_closed = 0;
    double topk_gap_closed = 0;
    std::string method;  // "greedy" | "topk_reordered" (top-K closed more than greedy)
};

// `ranked`: the full ranked target list (rank_targets(...).targets). Uses GapClosure, or the
// reference evaluator when `reference` (tests).
Portfolio choose_portfolio(const Dataset& ds, const TargetList& ranked, int k, bool reference = false);

}  // namespace chaingap
