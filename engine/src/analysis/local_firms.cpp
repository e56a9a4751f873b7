#include "chaingap/analysis/local_firms.hpp"

#include <algorithm>

#include "chaingap/analysis/cache.hpp"

namespace chaingap {

std::vector<std::vector<LocalFirm>> local_firms_by_node(const Dataset& ds, RegionId region,
                                                        std::optional<ChainId> chain) {
    return local_firms_by_node(analysis_cache(ds), region, chain);
}

std::vector<std::vector<LocalFirm>> local_firms_by_node(const AnalysisCache& cache, RegionId region,
                                                        std::optional<ChainId> chain,
                                                        std::span<const std::int32_t> expected) {
    const Dataset& ds = cache.dataset();
    const std::size_t N = ds.nodes.size();
    std::vector<std::vector<LocalFirm>> out(N);
    std::vector<EnterpriseId> stamp(N, kNone);  // stamp[n] == e: e already has its entry at n (the last one)
    const auto& E = ds.enterprises;
    const auto& A = ds.attachments;
    // Any order of the firms gives the same result (each firm's sums are its own, and the final
    // order, capacity then unique id, is total); enterprise index order walks the attachment
    // columns forward, which at national scale is faster than the region index's order.
    for (EnterpriseId e : cache.firms_within_by_index(region)) {
        if (!E.is_active(e)) continue;
        const double size = E.size_of(e);
        for (std::int32_t a : ds.enterprise_attachments.row(e)) {
            const NodeId canon = ds.canonical[A.node[a]];
            for (NodeId t : ds.node_targets.row(canon)) {
                if (chain && ds.nodes[t].chain != *chain) continue;
                if (stamp[t] != e) {
                    stamp[t] = e;
                    if (out[t].empty() && !expected.empty()) out[t].reserve(static_cast<std::size_t>(expected[t]));
                    out[t].push_back({e, 0.0, 0.0, a});
                }
                LocalFirm& f = out[t].back();
                f.weight += A.weight[a];
                f.capacity += A.weight[a] * size;
                if (A.weight[a] > A.weight[f.attachment]) f.attachment = a;
            }
        }
    }
    const std::vector<std::int32_t>& id_order = cache.id_order();
    for (auto& firms : out) sort_local_firms_by_rank(id_order, firms);
    return out;
}

FirmList::List& FirmList::edit() {
    // A list shared with the cache or another report, or one made const elsewhere, is copied into a
    // List of this FirmList's own first; after that it is changed in place.
    if (!own_ || list_.use_count() > 1) {
        auto fresh = std::make_shared<List>(list());
        list_ = fresh;
        own_ = true;
        return *fresh;
    }
    return const_cast<List&>(*list_);  // made as a non-const List (own_), held by this FirmList only
}

const FirmList::List& FirmList::empty_list() {
    static const List empty;
    return empty;
}

namespace {
// The order of sort_local_firms: capacity, largest first, then the id a report shows.
bool local_firm_before(const Dataset& ds, const LocalFirm& x, const LocalFirm& y) {
    if (x.capacity != y.capacity) return x.capacity > y.capacity;
    if (x.branch_in == kNone && y.branch_in == kNone) return ds.enterprises.id[x.enterprise] < ds.enterprises.id[y.enterprise];
    return local_firm_id(ds, x) < local_firm_id(ds, y);
}
}  // namespace

void insert_local_firm(const Dataset& ds, std::vector<LocalFirm>& firms, const LocalFirm& f) {
    const auto at = std::upper_bound(firms.begin(), firms.end(), f,
                                     [&](const LocalFirm& x, const LocalFirm& y) { return local_firm_before(ds, x, y); });
    firms.insert(at, f);
}

LocalFirmLists share_local_firms(std::vector<std::vector<LocalFirm>> by_node) {
    LocalFirmLists out(by_node.size());
    for (std::size_t n = 0; n < by_node.size(); ++n)
        if (!by_node[n].empty()) out[n] = std::make_shared<const std::vector<LocalFirm>>(std::move(by_node[n]));
    return out;
}

std::string local_firm_id(const Dataset& ds, const LocalFirm& f) {
    if (f.branch_in == kNone) return ds.enterprises.id[f.enterprise];
    return ds.enterprises.id[f.enterprise] + "@" + ds.regions.id(f.branch_in);
}

void sort_local_firms(const Dataset& ds, std::vector<LocalFirm>& firms) {
    const bool branches = std::any_of(firms.begin(), firms.end(), [](const LocalFirm& f) { return f.branch_in != kNone; });
    if (!branches) {
        sort_local_firms_by_rank(analysis_cache(ds).id_order(), firms);
        return;
    }
    std::sort(firms.begin(), firms.end(), [&](const LocalFirm& x, const LocalFirm& y) { return local_firm_before(ds, x, y); });
}

void sort_local_firms_by_rank(const std::vector<std::int32_t>& id_order, std::vector<LocalFirm>& firms) {
    // Sorting 16-byte keys (capacity, id rank, position) and permuting once touches far less memory
    // than sorting the 40-byte entries with a comparator that looks the rank up.
    struct Key {
        double capacity;
        std::int32_t rank, pos;
    };
    std::vector<Key> keys(firms.size());
    for (std::size_t i = 0; i < firms.size(); ++i)
        keys[i] = {firms[i].capacity, id_order[firms[i].enterprise], static_cast<std::int32_t>(i)};
    std::sort(keys.begin(), keys.end(), [](const Key& x, const Key& y) {
        if (x.capacity != y.capacity) return x.capacity > y.capacity;
        return x.rank < y.rank;
    });
    std::vector<LocalFirm> sorted;
    sorted.reserve(firms.size());
    for (const Key& k : keys) sorted.push_back(firms[k.pos]);
    firms = std::move(sorted);
}

std::vector<std::pair<NodeId, LocalFirm>> firm_entries(const Dataset& ds, EnterpriseId e, RegionId branch_in,
                                                       std::optional<ChainId> chain) {
    std::vector<std::pair<NodeId, LocalFirm>> out;
    const auto& A = ds.attachments;
    const double size = ds.enterprises.size_of(e);
    for (std::int32_t a : ds.enterprise_attachments.row(e)) {
        const NodeId canon = ds.canonical[A.node[a]];
        for (NodeId t : ds.node_targets.row(canon)) {
            if (chain && ds.nodes[t].chain != *chain) continue;
            auto it = std::find_if(out.begin(), out.end(), [&](const auto& x) { return x.first == t; });
            if (it == out.end()) {
                out.push_back({t, LocalFirm{e, 0.0, 0.0, a, branch_in}});
                it = out.end() - 1;
            }
            LocalFirm& f = it->second;
            f.weight += A.weight[a];
            f.capacity += A.weight[a] * size;
            if (A.weight[a] > A.weight[f.attachment]) f.attachment = a;
        }
    }
    return out;
}

}  // namespace chaingap
