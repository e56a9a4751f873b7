#include "chaingap/analysis/cache.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace chaingap {

const RegionPresence& AnalysisCache::national() const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!national_) national_ = std::make_unique<const RegionPresence>(presence_in(ds_, kNone));
    return *national_;
}

const RegionPresence& AnalysisCache::presence(RegionId r) const {
    if (r == kNone) return national();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (const auto it = presence_.find(r); it != presence_.end()) return *it->second;
    }
    // Computed without the lock (other regions' queries go on); the first result stored wins, and
    // every result is the same.
    auto p = std::make_unique<const RegionPresence>(presence_in(*this, r));
    std::lock_guard<std::mutex> lock(mutex_);
    return *presence_.try_emplace(r, std::move(p)).first->second;
}

std::shared_ptr<const LocalFirmLists> AnalysisCache::local_firms(RegionId r, std::optional<ChainId> chain) const {
    const ChainId c = chain ? *chain : kNone;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (auto it = firm_lists_.begin(); it != firm_lists_.end(); ++it)
            if (it->region == r && it->chain == c) {
                firm_lists_.splice(firm_lists_.begin(), firm_lists_, it);
                return it->lists;
            }
    }
    // Built without the lock, like presence(); the first result stored is the one kept.
    std::vector<std::vector<LocalFirm>> by_node = local_firms_by_node(*this, r, chain, presence(r).count);
    std::size_t bytes = 0;
    for (const auto& firms : by_node) bytes += firms.size() * sizeof(LocalFirm);
    auto lists = std::make_shared<const LocalFirmLists>(share_local_firms(std::move(by_node)));
    std::lock_guard<std::mutex> lock(mutex_);
    for (const FirmListsEntry& e : firm_lists_)
        if (e.region == r && e.chain == c) return e.lists;
    if (bytes > firm_list_budget_) return lists;  // too large to keep: built per query
    firm_lists_.push_front({r, c, bytes, lists});
    firm_list_bytes_ += bytes;
    while (firm_list_bytes_ > firm_list_budget_) {
        firm_list_bytes_ -= firm_lists_.back().bytes;
        firm_lists_.pop_back();
    }
    return lists;
}

const std::vector<NodeImportance>& AnalysisCache::importance(const GapParams& params) const {
    params.validate();
    std::lock_guard<std::mutex> lock(mutex_);
    for (const ImportanceEntry& e : importance_)
        if (e.reach_weight == params.reach_weight && e.betweenness_weight == params.betweenness_weight) return *e.value;
    importance_.push_back({params.reach_weight, params.betweenness_weight,
                           std::make_unique<const std::vector<NodeImportance>>(compute_importance(ds_, params))});
    return *importance_.back().value;
}

const AnalysisCache::RegionIndex& AnalysisCache::region_index() const {
    std::call_once(region_once_, [&] {
        const auto R = static_cast<RegionId>(ds_.regions.size());
        RegionIndex ix;
        // Children lists (CSR by parent), in region index order; roots likewise.
        std::vector<std::int32_t> child_start(static_cast<std::size_t>(R) + 1, 0), children(static_cast<std::size_t>(R));
        std::vector<RegionId> roots;
        for (RegionId r = 0; r < R; ++r) {
            const RegionId p = ds_.regions.parent(r);
            if (p == kNone) roots.push_back(r);
            else ++child_start[p + 1];
        }
        for (RegionId r = 0; r < R; ++r) child_start[r + 1] += child_start[r];
        {
            std::vector<std::int32_t> fill(child_start.begin(), child_start.end() - 1);
            for (RegionId r = 0; r < R; ++r)
                if (const RegionId p = ds_.regions.parent(r); p != kNone) children[fill[p]++] = r;
        }
        // Iterative pre-order: `first` on entry, `past` when the subtree is done.
        ix.first.assign(static_cast<std::size_t>(R), kNone);
        ix.past.assign(static_cast<std::size_t>(R), kNone);
        std::vector<std::int32_t> region_at(static_cast<std::size_t>(R));  // position -> region
        std::int32_t pos = 0;
        std::vector<std::pair<RegionId, std::int32_t>> stack;  // (region, next child slot)
        for (RegionId root : roots) {
            ix.first[root] = pos;
            region_at[pos++] = root;
            stack.push_back({root, child_start[root]});
            while (!stack.empty()) {
                auto& [r, next] = stack.back();
                if (next == child_start[r + 1]) {
                    ix.past[r] = pos;
                    stack.pop_back();
                    continue;
                }
                const RegionId c = children[next++];
                ix.first[c] = pos;
                region_at[pos++] = c;
                stack.push_back({c, child_start[c]});
            }
        }
        if (pos != R) throw std::logic_error("region tree: a cycle in region parents");  // loaders refuse cycles
        // Counting sort of the enterprises by their region's position (stable: index order within).
        const auto E = static_cast<EnterpriseId>(ds_.enterprises.size());
        ix.offsets.assign(static_cast<std::size_t>(R) + 1, 0);
        for (EnterpriseId e = 0; e < E; ++e) {
            const RegionId r = ds_.enterprises.region[e];
            if (r < 0 || r >= R) throw std::logic_error("enterprise with a region outside the region table");
            ++ix.offsets[ix.first[r] + 1];
        }
        for (std::int32_t i = 0; i < R; ++i) ix.offsets[i + 1] += ix.offsets[i];
        ix.firms.resize(static_cast<std::size_t>(E));
        std::vector<std::int64_t> fill(ix.offsets.begin(), ix.offsets.end() - 1);
        for (EnterpriseId e = 0; e < E; ++e) ix.firms[fill[ix.first[ds_.enterprises.region[e]]]++] = e;
        region_index_ = std::move(ix);
    });
    return region_index_;
}

std::span<const EnterpriseId> AnalysisCache::firms_within(RegionId r) const {
    const RegionIndex& ix = region_index();
    if (r == kNone) return {ix.firms.data(), ix.firms.size()};
    const std::int64_t begin = ix.offsets[ix.first[r]], end = ix.offsets[ix.past[r]];
    return {ix.firms.data() + begin, static_cast<std::size_t>(end - begin)};
}

std::vector<EnterpriseId> AnalysisCache::firms_within_by_index(RegionId r) const {
    const std::span<const EnterpriseId> span = firms_within(r);
    std::vector<EnterpriseId> out(span.begin(), span.end());
    const RegionIndex& ix = region_index();
    if (r != kNone && ix.past[r] == ix.first[r] + 1) return out;  // one region: already in index order
    const std::size_t E = ds_.enterprises.size();
    if (out.size() < E / 1024) {
        std::sort(out.begin(), out.end());
        return out;
    }
    std::vector<std::uint64_t> bits((E + 63) / 64, 0);
    for (EnterpriseId e : out) bits[static_cast<std::size_t>(e) >> 6] |= std::uint64_t{1} << (e & 63);
    std::size_t k = 0;
    for (std::size_t w = 0; w < bits.size(); ++w)
        for (std::uint64_t b = bits[w]; b != 0; b &= b - 1)
            out[k++] = static_cast<EnterpriseId>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(b)));
    return out;
}

const Csr& AnalysisCache::relations_in() const {
    std::call_once(relations_once_, [&] {
        // Counting sort of the relation rows by `to`; rows in increasing index within each.
        Csr in;
        const std::size_t E = ds_.enterprises.size(), n = ds_.relations.size();
        in.offsets.assign(E + 1, 0);
        for (std::size_t i = 0; i < n; ++i) ++in.offsets[static_cast<std::size_t>(ds_.relations.to[i]) + 1];
        for (std::size_t e = 0; e < E; ++e) in.offsets[e + 1] += in.offsets[e];
        in.values.resize(n);
        std::vector<std::int64_t> fill(in.offsets.begin(), in.offsets.end() - 1);
        for (std::size_t i = 0; i < n; ++i) in.values[fill[ds_.relations.to[i]]++] = static_cast<std::int32_t>(i);
        relations_in_ = std::move(in);
    });
    return relations_in_;
}

std::vector<EnterpriseId> firms_within_reference(const Dataset& ds, RegionId r) {
    // Pre-order with children in index order = lexicographic order of root-to-region paths.
    const auto R = static_cast<RegionId>(ds.regions.size());
    std::vector<std::vector<RegionId>> path(static_cast<std::size_t>(R));
    for (RegionId x = 0; x < R; ++x) {
        for (RegionId y = x; y != kNone; y = ds.regions.parent(y)) path[x].push_back(y);
        std::reverse(path[x].begin(), path[x].end());
    }
    std::vector<EnterpriseId> out;
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(ds.enterprises.size()); ++e)
        if (r == kNone || ds.regions.within(ds.enterprises.region[e], r)) out.push_back(e);
    std::stable_sort(out.begin(), out.end(), [&](EnterpriseId a, EnterpriseId b) {
        return path[ds.enterprises.region[a]] < path[ds.enterprises.region[b]];
    });
    return out;
}

const std::vector<std::int32_t>& AnalysisCache::id_order() const {
    std::call_once(id_order_once_, [&] {
        const auto& ids = ds_.enterprises.id;
        std::vector<std::int32_t> order(ids.size());
        std::iota(order.begin(), order.end(), 0);
        if (!ds_.enterprise_ids_sorted()) {
            std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) { return ids[a] < ids[b]; });
            std::vector<std::int32_t> rank(ids.size());
            for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<std::int32_t>(i);
            order = std::move(rank);
        }
        id_order_ = std::move(order);
    });
    return id_order_;
}

std::int64_t AnalysisCache::active_firms() const {
    std::call_once(active_once_, [&] {
        const auto& E = ds_.enterprises;
        std::int64_t n = 0;
        for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(E.size()); ++e)
            n += E.status[e] == EnterpriseStatus::active && !E.aggregate[e];
        active_firms_ = n;
    });
    return active_firms_;
}

Csr relations_in_reference(const Dataset& ds) {
    Csr in;
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(ds.enterprises.size()); ++e) {
        for (std::size_t i = 0; i < ds.relations.size(); ++i)
            if (ds.relations.to[i] == e) in.values.push_back(static_cast<std::int32_t>(i));
        in.offsets.push_back(static_cast<std::int64_t>(in.values.size()));
    }
    return in;
}

const AnalysisCache& analysis_cache(const Dataset& ds) {
    return ds.derived.get<AnalysisCache>([&] { return std::make_shared<const AnalysisCache>(ds); });
}

}  // namespace chaingap
