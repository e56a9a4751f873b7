#include "chaingap/analysis/gaps.hpp"

#include <algorithm>
#include <cstdio>

#include "chaingap/core/error.hpp"
#include "chaingap/core/memory.hpp"

namespace chaingap {

std::string_view status_name(LinkStatus s) {
    switch (s) {
        case LinkStatus::missing: return "missing";
        case LinkStatus::single_point: return "single_point";
        case LinkStatus::weak: return "weak";
        case LinkStatus::strong: return "strong";
        case LinkStatus::absent_everywhere: return "absent_everywhere";
        case LinkStatus::no_data: return "no_data";
    }
    return "?";
}

std::string_view status_name_zh(LinkStatus s) {
    switch (s) {
        case LinkStatus::missing: return "缺链";
        case LinkStatus::single_point: return "断链风险";
        case LinkStatus::weak: return "弱链";
        case LinkStatus::strong: return "强链";
        case LinkStatus::absent_everywhere: return "无供给";
        case LinkStatus::no_data: return "数据未覆盖";
    }
    return "?";
}

LinkStatus status_without_firms(const Dataset& ds) {
    return ds.coverage == Coverage::full_registry ? LinkStatus::absent_everywhere : LinkStatus::no_data;
}

RegionId require_region(const Dataset& ds, std::string_view id) {
    if (auto r = ds.regions.find(id)) return *r;
    throw NotFoundError("unknown region '" + std::string(id) +
                     "': no enterprise of the dataset lies in it and regions.csv does not list it");
}

ChainId require_chain(const Dataset& ds, std::string_view id) {
    if (auto c = ds.find_chain(id)) return *c;
    std::string known;
    for (std::size_t i = 0; i < ds.chains.size() && i < 8; ++i) known += (i ? ", " : "") + ds.chains[i].id;
    if (ds.chains.size() > 8) known += ", …";
    throw NotFoundError("unknown chain '" + std::string(id) + "' (known: " + known + "; `chaingap chains` lists all)");
}

Benchmark region_benchmark(const Dataset& ds, RegionId region, const RegionPresence& local,
                           const RegionPresence& national) {
    if (ds.regions.has_weight(region)) return {ds.regions.weight(region), "regions.csv"};
    return {national.size > 0 ? local.size / national.size : 0.0, "dataset_share"};
}

LinkGap score_link(NodeId n, const NodeImportance& imp, std::int32_t local_count, double local_capacity,
                   std::int32_t national_count, double national_capacity, double benchmark,
                   std::int32_t local_dependents, const GapParams& params) {
    LinkGap g;
    g.node = n;
    g.importance = imp.importance;
    g.reach = imp.reach;
    g.betweenness = imp.betweenness;
    g.weight = imp.weight;
    g.local_count = local_count;
    g.local_capacity = local_capacity;
    g.national_count = national_count;
    g.national_capacity = national_capacity;
    g.downstream_links = static_cast<std::int32_t>(imp.downstream.size());
    g.local_dependents = local_dependents;
    if (national_count == 0) {
        g.status = LinkStatus::absent_everywhere;
        return g;
    }
    g.local_share = national_capacity > 0 ? local_capacity / national_capacity : 0.0;
    g.rca = benchmark > 0 ? g.local_share / benchmark : 0.0;
    if (local_count == 0) {
        g.status = LinkStatus::missing;
        g.shortfall = 1.0;
    } else {
        g.shortfall = std::clamp(1.0 - g.rca / params.weak_rca, 0.0, 1.0);
        if (local_count == 1 && g.downstream_links > 0) {
            g.status = LinkStatus::single_point;
            // When the region's firm is the only supplier in the dataset there is no outside firm to
            // attract, as for absent_everywhere links: the risk is reported but not scored.
            g.risk = national_count > local_count ? params.single_point_risk : 0.0;
        } else {
            g.status = g.shortfall > 0 ? LinkStatus::weak : LinkStatus::strong;
        }
    }
    g.gap_score = g.importance * std::min(1.0, g.shortfall + g.risk);
    return g;
}

namespace {
std::int32_t count_local_dependents(const NodeImportance& imp, const std::int32_t* local_count) {
    std::int32_t k = 0;
    for (NodeId d : imp.downstream) k += local_count[d] > 0;
    return k;
}

ChainGaps score_chain(const Dataset& ds, ChainId c, const std::vector<NodeImportance>& imp,
                      const RegionPresence& local, const RegionPresence& national, double benchmark,
                      const GapParams& params, const LocalFirmLists& firms) {
    ChainGaps cg;
    cg.chain = c;
    const Chain& chain = ds.chains[c];
    const LinkStatus without_firms = status_without_firms(ds);
    double sum = 0;
    int supplied = 0;
    for (NodeId n = chain.first_node; n < chain.end_node; ++n) {
        LinkGap g = score_link(n, imp[n], local.count[n], local.capacity[n], national.count[n], national.capacity[n],
                               benchmark, count_local_dependents(imp[n], local.count.data()), params);
        if (g.status == LinkStatus::absent_everywhere) g.status = without_firms;
        g.firms = FirmList(firms[n]);
        switch (g.status) {
            case LinkStatus::missing: ++cg.missing; break;
            case LinkStatus::single_point: ++cg.single_point; break;
            case LinkStatus::weak: ++cg.weak; break;
            case LinkStatus::strong: ++cg.strong; break;
            case LinkStatus::absent_everywhere: ++cg.absent_everywhere; break;
            case LinkStatus::no_data: ++cg.no_data; break;
        }
        if (g.status != LinkStatus::absent_everywhere && g.status != LinkStatus::no_data) {
            sum += g.gap_score;
            ++supplied;
        }
        cg.links.push_back(g);
    }
    cg.mean_gap = supplied ? sum / supplied : 0.0;
    std::stable_sort(cg.links.begin(), cg.links.end(),
                     [](const LinkGap& a, const LinkGap& b) { return a.gap_score > b.gap_score; });
    return cg;
}
}  // namespace

GapReport analyze_gaps_from(const Dataset& ds, const std::vector<NodeImportance>& imp, RegionId region,
                            const RegionPresence& local, const RegionPresence& national,
                            std::optional<ChainId> chain, const GapParams& params,
                            std::optional<double> frozen_benchmark) {
    return analyze_gaps_from(ds, imp, region, local, national, share_local_firms(local_firms_by_node(ds, region, chain)),
                             chain, params, frozen_benchmark);
}

GapReport analyze_gaps_from(const Dataset& ds, const std::vector<NodeImportance>& imp, RegionId region,
                            const RegionPresence& local, const RegionPresence& national,
                            const LocalFirmLists& firms, std::optional<ChainId> chain,
                            const GapParams& params, std::optional<double> frozen_benchmark) {
    params.validate();
    GapReport rep;
    rep.region = region;
    rep.params = params;
    rep.local_enterprises = local.enterprises;
    rep.benchmark = frozen_benchmark ? Benchmark{*frozen_benchmark, "frozen"} : region_benchmark(ds, region, local, national);
    for (ChainId c = 0; c < static_cast<ChainId>(ds.chains.size()); ++c) {
        if (chain && *chain != c) continue;
        const Chain& ch = ds.chains[c];
        bool any = false;
        for (NodeId n = ch.first_node; n < ch.end_node && !any; ++n) any = national.count[n] > 0;
        if (!any && !chain) {
            rep.chains_without_data.push_back(c);
            continue;
        }
        rep.chains.push_back(score_chain(ds, c, imp, local, national, rep.benchmark.share, params, firms));
    }
    return rep;
}

GapReport analyze_gaps(const Dataset& ds, RegionId region, std::optional<ChainId> chain, const GapParams& params,
                       std::optional<double> frozen_benchmark) {
    return analyze_gaps(analysis_cache(ds), region, chain, params, frozen_benchmark);
}

GapReport analyze_gaps(const AnalysisCache& cache, RegionId region, std::optional<ChainId> chain,
                       const GapParams& params, std::optional<double> frozen_benchmark) {
    params.validate();
    const Dataset& ds = cache.dataset();
    const RegionPresence& local = cache.presence(region);
    return analyze_gaps_from(ds, cache.importance(params), region, local, cache.national(),
                             *cache.local_firms(region, chain), chain, params, frozen_benchmark);
}

GapReport analyze_gap_scores(const AnalysisCache& cache, RegionId region, std::optional<ChainId> chain,
                             const GapParams& params) {
    params.validate();
    const Dataset& ds = cache.dataset();
    return analyze_gaps_from(ds, cache.importance(params), region, cache.presence(region), cache.national(),
                             LocalFirmLists(ds.nodes.size()), chain, params);
}

void keep_top_links(GapReport& report, std::size_t top) {
    if (top == 0) return;
    for (ChainGaps& cg : report.chains) {
        if (cg.links.size() <= top) continue;
        cg.links_omitted += static_cast<std::int32_t>(cg.links.size() - top);
        cg.links.resize(top);
    }
}

GapMatrix analyze_gaps_all_regions(const Dataset& ds, const GapParams& params) {
    params.validate();
    const PresenceMatrix pm = presence_all_regions(ds);
    const std::vector<NodeImportance>& imp = analysis_cache(ds).importance(params);
    GapMatrix gm;
    gm.regions = pm.regions;
    gm.nodes = pm.nodes;
    const LinkStatus without_firms = status_without_firms(ds);
    resize_huge(gm.gap_score, gm.regions * gm.nodes);
    resize_huge(gm.status, gm.regions * gm.nodes);  // every cell is set below
    gm.benchmark.assign(gm.regions, 0.0);
    for (RegionId r = 0; r < static_cast<RegionId>(gm.regions); ++r) {
        const double b = ds.regions.has_weight(r) ? ds.regions.weight(r)
                         : pm.national.size > 0 ? pm.size[r] / pm.national.size : 0.0;
        gm.benchmark[r] = b;
        const std::size_t row = static_cast<std::size_t>(r) * gm.nodes;
        const std::int32_t* counts = &pm.count[row];
        for (NodeId n = 0; n < static_cast<NodeId>(gm.nodes); ++n) {
            // local_dependents only feeds the single-region report, not the score or status: 0 here
            // (counting it was most of this loop: Σ downstream links per region-link).
            LinkGap g = score_link(n, imp[n], counts[n], pm.capacity[row + n], pm.national.count[n],
                                   pm.national.capacity[n], b, 0, params);
            gm.gap_score[row + n] = g.gap_score;
            gm.status[row + n] = g.status == LinkStatus::absent_everywhere ? without_firms : g.status;
        }
    }
    return gm;
}

std::string explain_link(const Dataset& ds, const GapReport& report, const LinkGap& g) {
    const std::string& region = ds.regions.id(report.region);
    char buf[512];
    std::string s;
    switch (g.status) {
        case LinkStatus::absent_everywhere:
            return "no enterprise anywhere in the dataset works at this link: nothing to attract, not scored";
        case LinkStatus::no_data:
            return "no enterprise anywhere in the dataset works at this link, and the dataset (coverage " +
                   std::string(coverage_name(ds.coverage)) +
                   ") is not a full registry: the data do not cover this link (数据未覆盖), which does not mean "
                   "there is no supply; not scored";
        case LinkStatus::missing:
            std::snprintf(buf, sizeof buf, "no enterprise in %s; %d elsewhere hold all national capacity", region.c_str(),
                          g.national_count);
            s = buf;
            break;
        case LinkStatus::single_point:
            std::snprintf(buf, sizeof buf,
                          "one local enterprise holds %.1f%% of national capacity (RCA %.2f); %d downstream links depend "
                          "on it (%d present locally): %s",
                          100 * g.local_share, g.rca, g.downstream_links, g.local_dependents,
                          g.national_count > g.local_count ? "single-point risk added"
                                                           : "it is the only supplier in the dataset, so no risk is scored");
            s = buf;
            break;
        case LinkStatus::weak:
        case LinkStatus::strong:
            std::snprintf(buf, sizeof buf, "%d local enterprises hold %.1f%% of national capacity against a benchmark of %.1f%% (RCA %.2f)",
                          g.local_count, 100 * g.local_share, 100 * report.benchmark.share, g.rca);
            s = buf;
            break;
    }
    std::snprintf(buf, sizeof buf, "; gap %.3f = importance %.3f (reach %.2f, betweenness %.2f, weight %.2f) × min(1, shortfall %.2f + risk %.2f)",
                  g.gap_score, g.importance, g.reach, g.betweenness, g.weight, g.shortfall, g.risk);
    return s + buf;
}

}  // namespace chaingap
