// Region benchmarking: 对标 comparison and the 赛马榜 leaderboard (see benchmark.hpp).
#include "chaingap/rank/benchmark.hpp"

#include <algorithm>
#include <map>

#include "chaingap/core/error.hpp"

namespace chaingap {

RegionComparison compare_regions(const Dataset& ds, const std::vector<RegionId>& regions, std::optional<ChainId> chain,
                                 const GapParams& params) {
    params.validate();
    if (regions.size() < 2) throw UsageError("--regions: give at least two regions to compare");
    for (std::size_t i = 0; i < regions.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (regions[i] == regions[j])
                throw UsageError("--regions: region '" + ds.regions.id(regions[i]) + "' is given twice");
    RegionComparison out;
    out.regions = regions;
    for (RegionId r : regions) out.reports.push_back(analyze_gaps(ds, r, chain, params));
    // Every report covers the same chains (chains with data, or the one asked) and the same links.
    std::map<NodeId, std::size_t> row_of;
    for (const ChainGaps& cg : out.reports[0].chains) {
        const Chain& c = ds.chains[cg.chain];
        for (NodeId n = c.first_node; n < c.end_node; ++n) {
            row_of[n] = out.rows.size();
            ComparisonRow row;
            row.node = n;
            row.cells.resize(regions.size());
            out.rows.push_back(row);
        }
    }
    for (std::size_t k = 0; k < regions.size(); ++k)
        for (const ChainGaps& cg : out.reports[k].chains)
            for (const LinkGap& g : cg.links) {
                const auto it = row_of.find(g.node);
                if (it == row_of.end()) continue;
                ComparisonRow& row = out.rows[it->second];
                row.importance = g.importance;
                row.cells[k] = {g.status, g.local_count, g.local_share, g.rca, g.gap_score};
            }
    return out;
}

double link_quality(LinkStatus s) {
    switch (s) {
        case LinkStatus::strong:
            return 1.0;
        case LinkStatus::weak:
        case LinkStatus::single_point:
            return 0.5;
        default:
            return 0.0;
    }
}

Leaderboard leaderboard(const Dataset& ds, RegionId within, std::optional<ChainId> chain, const GapParams& params) {
    params.validate();
    Leaderboard out;
    out.within = within;
    out.chain = chain;
    std::vector<RegionId> children;
    for (RegionId r = 0; r < static_cast<RegionId>(ds.regions.size()); ++r)
        if (ds.regions.parent(r) == within && r != within) children.push_back(r);
    if (children.empty())
        throw UsageError("--within " + (within == kNone ? std::string("(top level)") : ds.regions.id(within)) +
                         ": no region lies directly under it in this dataset");
    std::vector<std::map<NodeId, const LinkGap*>> cells(children.size());
    std::vector<GapReport> reports;
    reports.reserve(children.size());
    for (RegionId r : children) reports.push_back(analyze_gaps(ds, r, chain, params));
    for (const ChainGaps& cg : reports[0].chains) out.chains.push_back(cg.chain);
    for (std::size_t k = 0; k < children.size(); ++k) {
        LeaderboardRow row;
        row.region = children[k];
        row.local_enterprises = reports[k].local_enterprises;
        double total = 0, q = 0, present = 0, strong = 0;
        for (const ChainGaps& cg : reports[k].chains)
            for (const LinkGap& g : cg.links) {
                if (g.national_count == 0) continue;  // nobody's gap (absent everywhere / not covered)
                cells[k][g.node] = &g;
                ++row.links;
                total += g.importance;
                q += g.importance * link_quality(g.status);
                if (g.local_count > 0) {
                    ++row.present;
                    present += g.importance;
                } else {
                    ++row.missing;
                }
                if (g.status == LinkStatus::strong) {
                    ++row.strong;
                    strong += g.importance;
                }
            }
        if (total > 0) {
            row.completeness = q / total;
            row.present_share = present / total;
            row.strong_share = strong / total;
        }
        out.rows.push_back(row);
    }
    std::vector<std::size_t> order(children.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const LeaderboardRow &x = out.rows[a], &y = out.rows[b];
        if (x.completeness != y.completeness) return x.completeness > y.completeness;
        if (x.strong_share != y.strong_share) return x.strong_share > y.strong_share;
        return ds.regions.id(x.region) < ds.regions.id(y.region);
    });
    const std::size_t leader = order[0];
    std::vector<LeaderboardRow> sorted;
    for (std::size_t i = 0; i < order.size(); ++i) {
        LeaderboardRow row = out.rows[order[i]];
        row.rank = static_cast<std::int32_t>(i + 1);
        row.gap_to_leader = out.rows[leader].completeness - row.completeness;
        if (order[i] != leader) {
            for (const auto& [node, lg] : cells[leader]) {
                const auto it = cells[order[i]].find(node);
                if (it == cells[order[i]].end()) continue;
                const double d = link_quality(lg->status) - link_quality(it->second->status);
                if (d > 0)
                    row.behind_leader.push_back(
                        {node, lg->status, it->second->status, lg->importance, lg->importance * d});
            }
            std::sort(row.behind_leader.begin(), row.behind_leader.end(),
                      [](const SeparatingLink& a, const SeparatingLink& b) {
                          if (a.weight != b.weight) return a.weight > b.weight;
                          return a.node < b.node;
                      });
        }
        sorted.push_back(std::move(row));
    }
    out.rows = std::move(sorted);
    return out;
}

}  // namespace chaingap
