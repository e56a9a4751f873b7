#include "chaingap/eval/state.hpp"

#include <algorithm>
#include <map>

#include "chaingap/analysis/presence.hpp"
#include "chaingap/core/error.hpp"

namespace chaingap {

std::vector<NodeId> select_nodes(const Dataset& ds, std::optional<ChainId> chain, std::optional<int> level) {
    std::vector<NodeId> out;
    int deepest = -1;
    for (NodeId n = 0; n < static_cast<NodeId>(ds.nodes.size()); ++n) {
        if (chain && ds.nodes[n].chain != *chain) continue;
        deepest = std::max(deepest, ds.nodes[n].depth);
        if (level ? ds.nodes[n].depth == *level : ds.is_leaf(n)) out.push_back(n);
    }
    if (out.empty()) {
        std::string what = chain ? "chain " + ds.chains[*chain].id : std::string("the catalogue");
        if (level)
            throw UsageError("no node at level " + std::to_string(*level) + " in " + what + " (levels 0.." +
                             std::to_string(deepest) + ")");
        throw UsageError("no node in " + what);
    }
    return out;
}

std::vector<RegionId> select_regions(const Dataset& ds, int region_level, int cutoff) {
    std::vector<RegionId> out;
    const auto R = static_cast<RegionId>(ds.regions.size());
    if (region_level >= 0) {
        for (RegionId r = 0; r < R; ++r)
            if (ds.regions.depth(r) == region_level) out.push_back(r);
        if (out.empty()) throw UsageError("no region at region level " + std::to_string(region_level));
        return out;
    }
    std::vector<char> holds(ds.regions.size(), 0);
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(ds.enterprises.size()); ++e) {
        const int f = ds.enterprises.founded[e];
        if (f != 0 && f <= cutoff) holds[ds.enterprises.region[e]] = 1;
    }
    for (RegionId r = 0; r < R; ++r)
        if (holds[r]) out.push_back(r);
    if (out.empty()) throw UsageError("no dated enterprise founded in or before " + std::to_string(cutoff));
    return out;
}

std::int64_t undated_enterprises(const Dataset& ds) {
    return std::count(ds.enterprises.founded.begin(), ds.enterprises.founded.end(), 0);
}

Dataset dataset_at(const Dataset& ds, int year) {
    Dataset out;
    out.source = ds.source;
    out.coverage = ds.coverage;
    out.chains = ds.chains;
    out.nodes = ds.nodes;
    out.clusters = ds.clusters;
    out.regions = ds.regions;
    const auto& E = ds.enterprises;
    std::vector<EnterpriseId> remap(E.size(), kNone);
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(E.size()); ++e) {
        // Founded ≤ year and not yet delisted or cancelled (until = 0 or year < until): at `year` the
        // firm operated, so the snapshot holds it as active.
        if (!E.exists_at(e, year)) continue;
        remap[e] = static_cast<EnterpriseId>(out.enterprises.size());
        out.enterprises.push(E.id[e], E.name[e], E.region[e], E.revenue[e], E.employees[e], E.founded[e], E.labels[e],
                             E.aggregate[e] != 0);
    }
    for (std::size_t a = 0; a < ds.attachments.size(); ++a) {
        const EnterpriseId e = remap[ds.attachments.enterprise[a]];
        if (e != kNone) out.attachments.push(e, ds.attachments.node[a], ds.attachments.weight[a]);
    }
    out.finalize();
    return out;
}

std::vector<std::int32_t> counts_at(const Dataset& ds, const EvalSelection& sel, int year) {
    const Dataset snap = dataset_at(ds, year);
    const PresenceMatrix pm = presence_all_regions(snap);
    const std::size_t R = sel.regions.size(), N = sel.nodes.size();
    std::vector<std::int32_t> count(R * N);
    for (std::size_t r = 0; r < R; ++r)
        for (std::size_t n = 0; n < N; ++n) count[r * N + n] = pm.count_at(sel.regions[r], sel.nodes[n]);
    return count;
}

std::vector<std::uint8_t> presence_rule(const std::vector<std::int32_t>& count, std::size_t R, std::size_t N,
                                        double rca_threshold) {
    std::vector<std::uint8_t> m(R * N, 0);
    std::vector<double> row(R, 0), col(N, 0);
    double total = 0;
    for (std::size_t r = 0; r < R; ++r)
        for (std::size_t n = 0; n < N; ++n) {
            row[r] += count[r * N + n];
            col[n] += count[r * N + n];
            total += count[r * N + n];
        }
    for (std::size_t r = 0; r < R; ++r)
        for (std::size_t n = 0; n < N; ++n) {
            const double c = count[r * N + n];
            if (c <= 0) continue;
            const double rca = (c / row[r]) / (col[n] / total);  // row, col, total > 0 when c > 0
            m[r * N + n] = rca_threshold <= 0 || rca >= rca_threshold ? 1 : 0;
        }
    return m;
}

namespace {
// States without history by year, so a year needed both as an annual state and as a `previous`
// state is built once (each state costs a filtered copy of the dataset).
using StatePool = std::map<int, std::shared_ptr<const EvalState>>;

std::shared_ptr<const EvalState> build_state_pooled(const Dataset& ds, const EvalSelection& sel, int year,
                                                    const EvalParams& params, int history,
                                                    const std::shared_ptr<const ChainGraph>& graph, int annual,
                                                    StatePool& pool) {
    const auto pooled = pool.find(year);
    if (pooled != pool.end() && history == 0 && annual == 0) return pooled->second;
    auto s = std::make_shared<EvalState>();
    if (pooled != pool.end()) {
        *s = *pooled->second;  // the same year: counts, presence, region totals and groups
    } else {
        s->year = year;
        s->regions = sel.regions.size();
        s->nodes = sel.nodes.size();
        s->graph = graph;
        s->count = counts_at(ds, sel, year);
        s->present = presence_rule(s->count, s->regions, s->nodes, params.rca_threshold);
        s->region_firms.assign(s->regions, 0);
        std::vector<std::int32_t> pos(ds.regions.size(), -1);
        for (std::size_t r = 0; r < sel.regions.size(); ++r) pos[sel.regions[r]] = static_cast<std::int32_t>(r);
        for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(ds.enterprises.size()); ++e) {
            const int f = ds.enterprises.founded[e];
            if (f == 0 || f > year) continue;
            for (RegionId r = ds.enterprises.region[e]; r != kNone; r = ds.regions.parent(r))
                if (pos[r] >= 0) ++s->region_firms[pos[r]];
        }
        std::map<RegionId, std::int32_t> gid;
        for (RegionId r : sel.regions) {
            const RegionId p = ds.regions.parent(r);
            s->region_group.push_back(p == kNone ? -1
                                                 : gid.emplace(p, static_cast<std::int32_t>(gid.size())).first->second);
        }
        if (history == 0 && annual == 0) {
            pool.emplace(year, s);
            return s;
        }
        auto plain = std::make_shared<EvalState>(*s);
        pool.emplace(year, std::move(plain));
    }
    for (int k = 1; k <= annual; ++k)
        s->annual.push_back(build_state_pooled(ds, sel, year - k, params, 0, graph, 0, pool));
    if (history > 0) {
        s->previous =
            build_state_pooled(ds, sel, year - static_cast<int>(params.horizon), params, history - 1, graph, 0, pool);
        s->activated.assign(s->count.size(), 0);
        for (std::size_t i = 0; i < s->count.size(); ++i)
            s->activated[i] = s->previous->count[i] == 0 && s->count[i] > 0 ? 1 : 0;
    }
    return s;
}
}  // namespace

std::shared_ptr<const EvalState> build_state(const Dataset& ds, const EvalSelection& sel, int year,
                                             const EvalParams& params, int history,
                                             std::shared_ptr<const ChainGraph> graph, int annual) {
    if (!graph) graph = std::make_shared<const ChainGraph>(build_chain_graph(ds, sel.nodes, params.sibling_weight));
    StatePool pool;
    return build_state_pooled(ds, sel, year, params, history, graph, annual, pool);
}

}  // namespace chaingap
