// Presence of a region at each chain link: how many local enterprises work there (distinct firms,
// a segment counting its sub-links and same_as aliases once per firm) and their capacity
// (Σ attachment weight × size, size = revenue in 万元 when given, else 1).
// Present day: only active firms count (status delisted or cancelled never does, not even in a
// region's size or enterprise count); backtests take a snapshot first (eval/state.hpp dataset_at).
//
// Three implementations that must agree (tests/unit/test_presence.cpp):
//   presence_reference   — per-enterprise std::set of touched nodes; obviously right, O(A log A).
//   presence_in          — one region: R's firms from the analysis cache's region -> firms index
//                          (analysis/cache.hpp), in enterprise index order, and their attachments
//                          with a last-seen stamp per node: O(E_R log E_R + A_R·T + N), T = targets
//                          per attachment (node, ancestors, aliases). The whole dataset (kNone): one
//                          pass over every enterprise, O(A·T + N).
//   presence_all_regions — every region at once: accumulate at each enterprise's own region, then
//                          roll rows up the region tree, deepest first: O(A·T + R·N) time and
//                          O(R·N) memory (dense rows). The accumulation runs on `threads` threads
//                          (0: one per core, at most 8): thread t takes the regions r with
//                          r mod T = t and scans the enterprises in index order, so each row gets
//                          the same additions in the same order as on one thread — the same bits
//                          for any T (tests/unit/test_analysis_presence.cpp); O(E) more reads per
//                          thread for the region column.
#pragma once
#include <vector>

#include "chaingap/model/dataset.hpp"

namespace chaingap {

class AnalysisCache;

struct RegionPresence {
    std::vector<std::int32_t> count;  // per node: distinct local enterprises
    std::vector<double> capacity;     // per node: Σ weight × size
    double size = 0;                  // Σ size of the region's enterprises (all, attached or not)
    std::int64_t enterprises = 0;
};

// kNone as region: the whole dataset (national presence). For a region, the firms come from
// analysis_cache(ds) (built on first use, O(E + R)).
RegionPresence presence_in(const Dataset& ds, RegionId region);
// The same with R's firms from `cache` (cache.dataset() is the dataset), bit for bit.
RegionPresence presence_in(const AnalysisCache& cache, RegionId region);
// Counts one more enterprise with e's attachments and size into `p` (a what-if branch of e): the
// same additions, in the same order, as presence_in makes for an enterprise, so the result equals
// presence_in on a dataset holding the branch, bit for bit. O(T_e).
void add_branch_presence(const Dataset& ds, EnterpriseId e, RegionPresence& p);
RegionPresence presence_reference(const Dataset& ds, RegionId region);

struct PresenceMatrix {
    std::size_t regions = 0, nodes = 0;
    std::vector<std::int32_t> count;  // regions × nodes, row-major
    std::vector<double> capacity;
    std::vector<double> size;         // per region
    std::vector<std::int64_t> enterprises;
    RegionPresence national;

    std::int32_t count_at(RegionId r, NodeId n) const { return count[static_cast<std::size_t>(r) * nodes + n]; }
    double capacity_at(RegionId r, NodeId n) const { return capacity[static_cast<std::size_t>(r) * nodes + n]; }
};
PresenceMatrix presence_all_regions(const Dataset& ds, unsigned threads = 0);

}  // namespace chaingap
