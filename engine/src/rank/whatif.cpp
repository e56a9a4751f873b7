// What-if, incremental and by recomputation (see whatif.hpp). The recomputation is also the
// reference the incremental portfolio evaluator (portfolio.cpp) is tested against.
#include "chaingap/rank/whatif.hpp"

#include <algorithm>
#include <cmath>

#include "chaingap/core/error.hpp"

namespace chaingap {

std::vector<EnterpriseId> resolve_additions(const Dataset& ds, RegionId region, const std::vector<std::string>& ids) {
    std::vector<EnterpriseId> out;
    for (const std::string& id : ids) {
        auto e = ds.find_enterprise(id);
        if (!e) throw UsageError("--add: unknown enterprise '" + id + "'");
        if (ds.regions.within(ds.enterprises.region[*e], region))
            throw UsageError("--add: enterprise '" + id + "' is already inside region " + ds.regions.id(region) +
                             " (its region is " + ds.regions.id(ds.enterprises.region[*e]) + ")");
        if (ds.enterprises.is_aggregate(*e))
            throw UsageError("--add: '" + id +
                             "' is an aggregate row (unnamed firms), not a firm that can be attracted");
        if (!ds.enterprises.is_active(*e))
            throw UsageError("--add: enterprise '" + id + "' is " +
                             std::string(kEnterpriseStatusNames[static_cast<int>(ds.enterprises.status[*e])]) +
                             ", not a firm that can be attracted");
        if (std::find(out.begin(), out.end(), *e) != out.end())
            throw UsageError("--add: enterprise '" + id + "' is given twice");
        out.push_back(*e);
    }
    return out;
}

Dataset with_branches(const Dataset& ds, RegionId region, const std::vector<EnterpriseId>& added) {
    Dataset out = ds;
    auto& E = out.enterprises;
    for (EnterpriseId e : added) {
        const std::string id = ds.enterprises.id[e] + "@" + ds.regions.id(region);
        if (ds.find_enterprise(id))
            throw UsageError("what-if: the branch id '" + id + "' already exists in the dataset");
        const auto branch = static_cast<EnterpriseId>(E.size());
        E.push(id, ds.enterprises.name[e], region, ds.enterprises.revenue[e], ds.enterprises.employees[e],
               ds.enterprises.founded[e], ds.enterprises.labels[e], false);
        for (std::int32_t a : ds.enterprise_attachments.row(e))
            out.attachments.push(branch, ds.attachments.node[a], ds.attachments.weight[a],
                                 ds.attachments.evidence_of.empty() ? 0 : ds.attachments.evidence_of[a]);
    }
    out.source = ds.source + " + what-if branches in " + ds.regions.id(region);
    out.finalize();
    return out;
}

double total_gap(const GapReport& report) {
    double t = 0;
    for (const ChainGaps& cg : report.chains)
        for (const LinkGap& g : cg.links) t += g.gap_score;
    return t;
}

namespace {
void diff_reports(const Dataset& ds, WhatIfResult& r) {
    r.total_gap_before = total_gap(r.before);
    r.total_gap_after = total_gap(r.after);
    // Same chains on both sides: a branch copies attachments of an existing firm, so no chain gains
    // its first enterprise. Pair links by node id.
    std::vector<const LinkGap*> after_of(ds.nodes.size(), nullptr);
    for (const ChainGaps& cg : r.after.chains)
        for (const LinkGap& g : cg.links) after_of[g.node] = &g;
    for (const ChainGaps& cg : r.before.chains) {
        for (const LinkGap& g : cg.links) {
            const LinkGap* a = after_of[g.node];
            if (!a) continue;
            if (a->status == g.status && std::abs(a->gap_score - g.gap_score) <= 1e-12) continue;
            r.changes.push_back({cg.chain, g.node, g.status, a->status, g.gap_score, a->gap_score});
        }
    }
    std::stable_sort(r.changes.begin(), r.changes.end(), [](const LinkChange& x, const LinkChange& y) {
        const double dx = x.gap_before - x.gap_after, dy = y.gap_before - y.gap_after;
        if (dx != dy) return dx > dy;
        return x.node < y.node;
    });
}
}  // namespace

WhatIfResult run_whatif(const AnalysisCache& cache, RegionId region, std::optional<ChainId> chain,
                        const std::vector<EnterpriseId>& added, const GapParams& params) {
    const Dataset& ds = cache.dataset();
    WhatIfResult r;
    r.region = region;
    r.added = added;
    RegionPresence local = cache.presence(region);
    RegionPresence national = cache.national();
    const std::vector<NodeImportance>& imp = cache.importance(params);
    // The base firms are the local firms of both reports (the after report adds the branches).
    // Both reports hold the cache's lists; only the links a branch joins get a list of their own.
    const std::shared_ptr<const LocalFirmLists> firms = cache.local_firms(region, chain);
    r.before = analyze_gaps_from(ds, imp, region, local, national, *firms, chain, params);
    for (EnterpriseId e : added) {
        const std::string id = ds.enterprises.id[e] + "@" + ds.regions.id(region);
        if (ds.find_enterprise(id))
            throw UsageError("what-if: the branch id '" + id + "' already exists in the dataset");
        add_branch_presence(ds, e, local);
        add_branch_presence(ds, e, national);
    }
    r.after = analyze_gaps_from(ds, imp, region, local, national, *firms, chain, params,
                                r.before.benchmark.share);
    // The branches are local firms of the after report, as they are in the recomputation's: each is
    // inserted where sort_local_firms would place it (the lists are sorted already).
    std::vector<LinkGap*> link_of(ds.nodes.size(), nullptr);
    for (ChainGaps& cg : r.after.chains)
        for (LinkGap& g : cg.links) link_of[g.node] = &g;
    for (EnterpriseId e : added)
        for (const auto& [node, firm] : firm_entries(ds, e, region, chain))
            if (LinkGap* g = link_of[node]) insert_local_firm(ds, g->firms.edit(), firm);
    diff_reports(ds, r);
    return r;
}

WhatIfResult run_whatif(const Dataset& ds, RegionId region, std::optional<ChainId> chain,
                        const std::vector<EnterpriseId>& added, const GapParams& params) {
    return run_whatif(analysis_cache(ds), region, chain, added, params);
}

WhatIfResult run_whatif_reference(const Dataset& ds, RegionId region, std::optional<ChainId> chain,
                                  const std::vector<EnterpriseId>& added, const GapParams& params) {
    WhatIfResult r;
    r.region = region;
    r.added = added;
    r.before = analyze_gaps(ds, region, chain, params);
    const Dataset after = with_branches(ds, region, added);
    r.after = analyze_gaps(after, region, chain, params, r.before.benchmark.share);
    // Local firms of `after` refer to its tables: a branch (enterprise index from ds's size on) becomes
    // the firm it copies with branch_in = region, and its j-th attachment the firm's j-th (with_branches
    // copies them in order; base rows keep their indices, being first in (enterprise, node) order).
    const auto n_base = static_cast<EnterpriseId>(ds.enterprises.size());
    for (ChainGaps& cg : r.after.chains)
        for (LinkGap& g : cg.links)
            for (LocalFirm& f : g.firms.edit()) {
                if (f.enterprise < n_base) continue;
                const EnterpriseId original = added[static_cast<std::size_t>(f.enterprise - n_base)];
                const auto copy = after.enterprise_attachments.row(f.enterprise);
                const auto j = std::find(copy.begin(), copy.end(), f.attachment) - copy.begin();
                f.attachment = ds.enterprise_attachments.row(original)[static_cast<std::size_t>(j)];
                f.enterprise = original;
                f.branch_in = region;
            }
    diff_reports(ds, r);
    return r;
}

}  // namespace chaingap
