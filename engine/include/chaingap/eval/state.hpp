// The state of a dataset at a cutoff year, as the scoring models see it.
//
// Time. Only enterprises with `founded` ≤ year exist at `year`, and a delisted or cancelled firm
// only until its `until` year (exists while year < until; until = 0: no end known). Enterprises without a founding year
// (founded = 0) are excluded from every time-based state (they cannot be placed before or after a
// cutoff); their number is reported as `undated_enterprises`.
//
// Selection. Regions: with region_level < 0 (default), every region that directly holds at least
// one dated enterprise founded ≤ cutoff (provinces for the A-share import); with region_level = D,
// every region at depth D of the region tree (0 = top level), counting the enterprises inside it.
// Nodes: with a chain, that chain's nodes, else every chain's; with a level, the nodes at that
// depth of the `parent` tree, else the leaves (links without sub-links).
//
// Presence. count_rn = distinct firms of r (or inside r) at n, a segment counting its sub-links
// and same_as aliases once per firm (analysis/presence.hpp, run on a copy of the dataset that holds
// only the firms founded ≤ year). M_rn = count_rn > 0 and RCA_rn ≥ rca_threshold, with
// RCA_rn = (count_rn / Σ_n count_rn) / (Σ_r count_rn / Σ_rn count_rn) over the selection.
//
// Chain graph. graph/chain_graph.hpp's ChainGraph on the selected nodes (an edge between segments
// holds for their sub-links; an edge between sub-links holds for their segments; siblings joined
// with sibling_weight).
//
// Cost: one filtered copy of the dataset and presence_all_regions per state, O(A·T + R·N) each.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chaingap/eval/params.hpp"
#include "chaingap/graph/chain_graph.hpp"
#include "chaingap/model/dataset.hpp"

namespace chaingap {

struct EvalSelection {
    std::optional<ChainId> chain;
    std::optional<int> level;  // depth in the parent tree; nullopt: leaves
    int region_level = -1;     // < 0: regions that directly hold dated enterprises
    std::vector<RegionId> regions;
    std::vector<NodeId> nodes;
};

// Selected nodes; throws UsageError when none is left (e.g. a level deeper than the chain).
std::vector<NodeId> select_nodes(const Dataset& ds, std::optional<ChainId> chain, std::optional<int> level);
// Selected regions at `cutoff` (see above); throws UsageError when none is left.
std::vector<RegionId> select_regions(const Dataset& ds, int region_level, int cutoff);

struct EvalState {
    int year = 0;
    std::size_t regions = 0, nodes = 0;       // R, N of the selection
    std::vector<std::int32_t> count;          // R×N row-major: firms founded ≤ year
    std::vector<std::uint8_t> present;        // R×N: M (RCA rule)
    std::vector<std::int64_t> region_firms;   // per region: dated firms founded ≤ year
    std::shared_ptr<const ChainGraph> graph;  // on the selected nodes
    // The state `horizon` years earlier (nullptr at the deepest level built) and, R×N, which pairs
    // were activated in (year − horizon, year]: count there 0, count here > 0.
    std::shared_ptr<const EvalState> previous;
    std::vector<std::uint8_t> activated;
    // Annual states year − 1, year − 2, … (only when the models need them, see
    // EvalParams::annual_history and boosted.hpp); none of them has history of its own.
    std::vector<std::shared_ptr<const EvalState>> annual;
    // Per selected region: local index of its parent region among the selected regions' distinct
    // parents (neighbourhood groups, e.g. the counties of one city); -1 without a parent.
    std::vector<std::int32_t> region_group;

    std::size_t at(std::size_t r, std::size_t n) const { return r * nodes + n; }
};

// Firms that exist at `year` only (founded ≤ year < until; no relations), each as an active firm;
// undated firms are dropped. Finalized.
Dataset dataset_at(const Dataset& ds, int year);
// Number of enterprises with founded = 0.
std::int64_t undated_enterprises(const Dataset& ds);

// Counts R×N of the firms founded ≤ year, at the selection.
std::vector<std::int32_t> counts_at(const Dataset& ds, const EvalSelection& sel, int year);

// The state at `year` with `history` earlier states chained through `previous` (each `horizon`
// years before the one above it) and `annual` states for year − 1 … year − annual.
std::shared_ptr<const EvalState> build_state(const Dataset& ds, const EvalSelection& sel, int year,
                                             const EvalParams& params, int history,
                                             std::shared_ptr<const ChainGraph> graph = nullptr, int annual = 0);

// M from counts by the RCA rule above (exposed for tests).
std::vector<std::uint8_t> presence_rule(const std::vector<std::int32_t>& count, std::size_t regions, std::size_t nodes,
                                        double rca_threshold);

}  // namespace chaingap
