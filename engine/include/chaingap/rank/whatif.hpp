// What-if: the gap report of region R as if some firms opened a branch in R.
//
// Method. The what-if dataset is the base plus, for each added enterprise E, a new enterprise row
// "E@R" in region R — a branch with E's attachments, weights, size (revenue) and labels, kind firm.
// The gap report is recomputed with the base report's benchmark frozen (analyze_gaps(...,
// frozen_benchmark)), so attracting a firm never makes another link look weaker. The branch adds to
// national capacity as well as local (E keeps its existing operations), so every touched link's
// local share (L + c) / (N + c) rises and no gap rises.
//
// Two implementations that must agree bit for bit (tests/unit/test_rank_whatif.cpp):
//   run_whatif_reference — copies the dataset, appends the branch rows, finalises it again and
//                          reruns the gap analysis: O(E + A + Rel) plus one gap analysis.
//   run_whatif           — adds each branch's attachments to R's and the national presence
//                          (add_branch_presence: the same additions in the same order as on the
//                          copied dataset) and scores the links from them, with national and R's
//                          presence, importance and R's sorted local firm lists from an
//                          AnalysisCache, shared by both reports; a branch is inserted into a copy
//                          of each list it joins (insert_local_firm). Warm: O(N + Σ_f (T_f + k_f)),
//                          k_f the firms at the links branch f joins; the first query on R adds
//                          building R's presence and lists, O(A_R·T + Σ_n k_n log k_n).
//
// Errors: UsageError naming an unknown enterprise, one already inside R, an aggregate row
// (unnamed firms cannot be attracted) or an enterprise given twice.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "chaingap/analysis/gaps.hpp"

namespace chaingap {

// The base dataset with a branch "E@R" of each enterprise in `added` (already validated ids).
Dataset with_branches(const Dataset& ds, RegionId region, const std::vector<EnterpriseId>& added);

// Resolves enterprise ids for --add; throws UsageError as described above.
std::vector<EnterpriseId> resolve_additions(const Dataset& ds, RegionId region, const std::vector<std::string>& ids);

struct LinkChange {
    ChainId chain = kNone;
    NodeId node = kNone;
    LinkStatus status_before = LinkStatus::missing, status_after = LinkStatus::missing;
    double gap_before = 0, gap_after = 0;
};

struct WhatIfResult {
    RegionId region = kNone;
    std::vector<EnterpriseId> added;  // ids in the base dataset
    GapReport before;                 // on the base dataset
    GapReport after;                  // with the branches (node, chain and region ids are the base's)
    std::vector<LinkChange> changes;                   // every link whose status or gap changed, by gap reduction desc
    double total_gap_before = 0, total_gap_after = 0;  // Σ gap_score over the reported links
};

WhatIfResult run_whatif(const AnalysisCache& cache, RegionId region, std::optional<ChainId> chain,
                        const std::vector<EnterpriseId>& added, const GapParams& params);
// The same with a cache of its own (one-shot callers).
WhatIfResult run_whatif(const Dataset& ds, RegionId region, std::optional<ChainId> chain,
                        const std::vector<EnterpriseId>& added, const GapParams& params);
WhatIfResult run_whatif_reference(const Dataset& ds, RegionId region, std::optional<ChainId> chain,
                                  const std::vector<EnterpriseId>& added, const GapParams& params);

// Σ gap_score over every link of the report's chains (segments included: they are links too).
double total_gap(const GapReport& report);

}  // namespace chaingap
