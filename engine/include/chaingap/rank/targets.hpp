// Target-firm ranking for 补链强链 招商 (目标企业库): who to visit first, and why.
//
// Method (docs/targets.md; criteria and sources in rank/criteria.hpp, weights in rank/params.hpp):
//   1. R's gap report on the chain(s) (analysis/gaps.hpp).
//   2. Candidates: enterprises outside R, never aggregate rows, never ST firms (label st) unless
//      `include_st`, with at least one attachment link in the analysed chains where R's
//      gap_score > 0. A firm's "links" are the nodes it is attached to and their same_as aliases in
//      the analysed chains; a segment it reaches only through a sub-link is not counted again.
//   3. Per link l the what-if closure c_l: the gap l's score drops by if the firm opened a branch in
//      R (GapClosure, benchmark frozen, O(T_f)). gap_fill = Σ c_l over its links: a firm filling two
//      missing links closes (about) twice the gap of one filling one of them.
//   4. Criteria with no information among the candidates are left out and the weights renormalised
//      (select_criteria); score = Σ w' × component, every component and contribution kept.
//   5. Order: score descending, then gap_touched (Σ gap before at its links) descending, then
//      enterprise id ascending (deterministic). gap_touched breaks ties such as a tiny firm at a
//      missing link with single-point risk (the what-if leaves its gap at 1) against a firm at
//      links where R is strong.
//   6. Each row also reports gap_closed_alone, the full what-if closure (segments above included).
// With `include_local`, firms inside R at links with a gap are scored in a separate list (育新扶小 /
// 增资扩产) with the same criteria and weights; a branch of a firm already in R is not a new firm, so
// their c_l is the gap at l × the firm's attachment weight there, and source_region is 0.
// Complexity: R's gap scores (no firm lists; O(N) warm, R's presence kept in the cache) + O(E) byte
// flags + O(Σ_c (A_c·T + L_c²) + C·K + C log C) for C candidates (A_c attachments, L_c links each) and
// K criteria, + O(Σ_v Rel_v log Rel_v) for the v candidates whose relation rows are read + k rows
// built. With a cut (keep > 0) relations are read only while a candidate's score bound can still
// reach the top k (rank/topk_bound.hpp); R's firms come from the region index, a candidate's
// relations from its own rows, and the candidate pass scores with a lean scorer
// (rank_targets_reference: the full row builder, every candidate's relations read).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/rank/criteria.hpp"
#include "chaingap/rank/params.hpp"
#include "chaingap/rank/source_regions.hpp"

namespace chaingap {

struct TargetLink {
    NodeId node = kNone;
    LinkStatus status = LinkStatus::missing;
    double gap_score = 0;          // R's gap at l before
    double gap_closed = 0;         // c_l (what-if; local list: gap × attachment weight)
    double attachment_weight = 0;  // a_l (Σ when attached to a node and its alias)
    std::int32_t attachment = -1;  // one attachment row of the firm at l (evidence, rule, basis)
    double firm_capacity = 0;      // a_l × size
    double firm_share = 0;         // s_l = firm capacity / national capacity at l
    double downstream_local = 0;   // d_l = share of l's downstream leaf links present in R
    double contribution = 0;       // score points from this link (the link-level criteria)
};

struct TargetRow {
    std::int32_t rank = 0;  // 1-based
    EnterpriseId enterprise = kNone;
    double score = 0;
    std::vector<TargetLink> links;              // by contribution desc, then node id
    double component[kComponentCount] = {};     // values
    double contribution[kComponentCount] = {};  // weight × value
    double relation_points = 0;                 // raw relatedness evidence
    double gap_touched = 0;                     // Σ gap before at its links (tie-break)
    // What-if gap closed if this firm alone opened a branch in R (rank/portfolio.hpp GapClosure),
    // over every link including the segments above its links (gap_fill counts its own links only).
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
    bool include_st = false;  // ST / *ST firms (label st) are targets only when asked
    // Rows kept in `targets` and `local`: the best `keep` of each (0: all). Every candidate is still
    // scored and counted, and the criteria are chosen over all of them, so the kept rows are the
    // first `keep` rows of the full list exactly; only the kept rows are built in full.
    std::size_t keep = 0;
};

struct TargetList {
    TargetQuery query;
    GapReport report;                // R's gap report the ranking is based on (scores only: analyze_gap_scores, no firm lists)
    std::vector<TargetRow> targets;  // the candidates, ranked (the best query.keep of them; 0: all)
    std::int64_t candidates = 0;     // firms outside R at ≥1 gap link (targets.size() when keep is 0)
    std::int64_t local_candidates = 0;  // firms inside R at ≥1 gap link (include_local)
    std::vector<TargetRow> local;    // firms inside R to grow (include_local)
    std::int64_t firms_outside = 0;  // non-aggregate enterprises outside R (before the gap filter)
    std::int64_t excluded_st = 0;    // candidates left out as ST (without include_st)
    std::int64_t excluded_inactive = 0;  // firms at gap links left out as delisted / cancelled
    std::vector<CriterionUse> criteria;  // used / left out, with effective weights
};

// The list's order: score desc, gap_touched desc, enterprise id asc.
bool ranks_before(const Dataset& ds, const TargetRow& a, const TargetRow& b);

// Throws UsageError on invalid parameters.
TargetList rank_targets(const Dataset& ds, const TargetQuery& query);
// The same list with every candidate scored by the full row builder (maps, the what-if closure per
// link): the reference the lean candidate pass of rank_targets is tested against.
TargetList rank_targets_reference(const Dataset& ds, const TargetQuery& query);

// Scores one enterprise against a gap report (kept public for tests and bindings) as a firm
// outside R: a row with empty links when the firm fills no gap. `uses`: the criteria and effective
// weights of a list (TargetList::criteria); null = every criterion with its weight as given.
TargetRow score_enterprise(const Dataset& ds, const TargetQuery& query, const GapReport& report, EnterpriseId e,
                           const std::vector<CriterionUse>* uses = nullptr);

}  // namespace chaingap
