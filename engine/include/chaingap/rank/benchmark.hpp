// Region benchmarking: 对标 (regions side by side per link) and the 赛马榜 (regions under a parent by
// chain completeness). Source: 000 19 "定期发布招商'赛马榜'"; 002 第四章第三节 (regional
// cooperation and comparison with 京津冀, 长三角, 粤港澳大湾区).
//
// compare_regions: the gap report of every region (analysis/gaps.hpp, each with its own benchmark),
//   aligned by link: status, local count, local share, RCA, gap. O(G · R), G = one gap analysis.
// leaderboard: for every region directly under `within` (its children in the region tree; kNone =
//   the top-level regions, e.g. the provinces of a national dataset) and each analysed chain:
//     q_l = 1 strong, 0.5 present but weak or single_point, 0 missing,
//     completeness = Σ_l importance_l · q_l / Σ_l importance_l over the links with supply somewhere
//                    (absent_everywhere links are nobody's gap) — an importance-weighted share of the
//                    links present (half) and strong (the other half);
//     present_share / strong_share = the same weighted share of links present / strong.
//   Order: completeness desc, strong_share desc, region id. Each region lists the links separating it
//   from the leader: links where the leader's q exceeds its own, by importance × (q_leader − q) desc.
//   O(C · G) for C children.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "chaingap/analysis/gaps.hpp"

namespace chaingap {

struct RegionLinkCell {
    LinkStatus status = LinkStatus::missing;
    std::int32_t local_count = 0;
    double local_share = 0, rca = 0, gap_score = 0;
};

struct ComparisonRow {
    NodeId node = kNone;
    double importance = 0;
    std::vector<RegionLinkCell> cells;  // one per region, in the order asked
};

struct RegionComparison {
    std::vector<RegionId> regions;
    std::vector<GapReport> reports;   // one per region
    std::vector<ComparisonRow> rows;  // every link of the analysed chains, chain then catalogue order
};

// Throws UsageError for fewer than two regions or a region given twice.
RegionComparison compare_regions(const Dataset& ds, const std::vector<RegionId>& regions, std::optional<ChainId> chain,
                                 const GapParams& params);

double link_quality(LinkStatus s);  // q_l: 1 strong, 0.5 weak / single_point, 0 otherwise

struct SeparatingLink {
    NodeId node = kNone;
    LinkStatus leader_status = LinkStatus::missing, status = LinkStatus::missing;
    double importance = 0;
    double weight = 0;  // importance × (q_leader − q)
};

struct LeaderboardRow {
    std::int32_t rank = 0;
    RegionId region = kNone;
    double completeness = 0, present_share = 0, strong_share = 0;
    std::int32_t links = 0, present = 0, strong = 0, missing = 0;  // links with supply somewhere
    std::int64_t local_enterprises = 0;
    double gap_to_leader = 0;                   // leader's completeness − this region's
    std::vector<SeparatingLink> behind_leader;  // empty for the leader
};

struct Leaderboard {
    RegionId within = kNone;  // kNone: top-level regions
    std::optional<ChainId> chain;
    std::vector<ChainId> chains;  // analysed
    std::vector<LeaderboardRow> rows;
};

// Throws UsageError when `within` has no child region.
Leaderboard leaderboard(const Dataset& ds, RegionId within, std::optional<ChainId> chain, const GapParams& params);

}  // namespace chaingap
