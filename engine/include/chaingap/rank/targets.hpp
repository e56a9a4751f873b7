// Target-firm ranking for 补链强链 招商 (目标企业库): who to visit first, and why.
//
// Method (docs/targets.md; weights and sources in rank/params.hpp):
//   1. R's gap report on the chain(s) (analysis/gaps.hpp).
//   2. Candidates: enterprises outside R, never aggregate rows, with at least one attachment link
//      in the analysed chains where R's gap_score > 0. A firm's "links" are the nodes it is attached
//      to (and their same_as aliases in the analysed chains); a segment it reaches only through a
//      sub-link is not counted again (the segment's gap summarises the sub-links).
//   3. Components per firm (RankParams), score = Σ weight × component, every component and its
//      contribution kept; per link the contribution of the link-level components.
//   4. Order: score descending, then enterprise id ascending (deterministic).
//   5. Each row also reports gap_closed_alone, the what-if gap closure of the firm alone (O(T_f)).
// With `include_local`, firms inside R at links with a gap are scored the same way in a separate
// list (育新扶小 / 增资扩产); their source_region component is 0.
// Complexity: one gap analysis + O(A·T + Rel + C log C), T = nodes per attachment, C = candidates.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/rank/params.hpp"
#include "chaingap/rank/source_regions.hpp"

namespace chaingap {

enum class Component { gap_fill, strength, downstream_demand, quality, size, relatedness, source_region };
inline constexpr int kComponentCount = 7;
const char* component_name(Component c);     // JSON key, = the RankParams weight name
const char* component_name_zh(Component c);  // Chinese header
double component_weight(const RankParams& p, Component c);

struct TargetLink {
    NodeId node = kNone;
    LinkStatus status = LinkStatus::missing;
    double gap_score = 0;
    double attachment_weight = 0;  // a_l (Σ when attached to a node and its alias)
    double firm_capacity = 0;      // a_l × size
    double firm_share = 0;         // s_l = firm capacity / national capacity at l
    double downstream_local = 0;   // d_l = share of l's downstream leaf links present in R
    double contribution = 0;       // score points from this link (gap_fill + strength + downstream_demand)
};

struct TargetRow {
    std::int32_t rank = 0;  // 1-based
    EnterpriseId enterprise = kNone;
    double score = 0;
    std::vector<TargetLink> links;              // by contribution desc, then node id
    double component[kComponentCount] = {};     // values
    double contribution[kComponentCount] = {};  // weight × value
    double relation_points = 0;                 // raw relatedness evidence
    // What-if gap closed if this firm alone opened a branch in R (rank/portfolio.hpp GapClosure):
    // reported beside the score, not part of it (the score's gap_fill is the cheaper Σ g·a proxy).
    double gap_closed_alone = 0;
    std::int32_t related_firms = 0;  // distinct firms inside R it has relations with
};

struct TargetQuery {
    RegionId region = kNone;
    std::optional<ChainId> chain;
    GapParams gap_params;
    RankParams rank_params;
    SourceRegions from_regions;
    bool include_local = false;
};

struct TargetList {
    TargetQuery query;
    GapReport report;                // R's gap report the ranking is based on
    std::vector<TargetRow> targets;  // all candidates, ranked (callers cut to --top)
    std::vector<TargetRow> local;    // firms inside R to grow (include_local)
    std::int64_t firms_outside = 0;  // non-aggregate enterprises outside R (before the gap filter)
};

// Throws UsageError on invalid parameters.
TargetList rank_targets(const Dataset& ds, const TargetQuery& query);

// Scores one enterprise against a gap report (kept public for tests and bindings): a row with
// empty links when the firm fills no gap.
TargetRow score_enterprise(const Dataset& ds, const TargetQuery& query, const GapReport& report, EnterpriseId e);

}  // namespace chaingap
