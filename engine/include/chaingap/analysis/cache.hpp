// What every query on one dataset shares, computed once and kept: national presence (one pass over
// all attachments, O(A·T)), each region's presence once it is asked for (O(A_R·T)), the sorted
// local firm lists of the regions asked for last (bounded in bytes), link importance per importance parameters (O(Σ L·(L+E)) per chain),
// a region -> firms index and the incoming relations of every enterprise (both O(E + R + Rel)), the
// rank of every enterprise id in id order and the count of active firms (O(E)).
// The dataset keeps one (analysis_cache below), so a warm query costs only its region's part.
//
// Region -> firms index. Method: number the region tree in pre-order (roots and children in region
// index order), so that every region's subtree is one contiguous range of positions; counting-sort
// the enterprises by the position of their region (stable, so enterprise index order within a
// region). A region's firms, its sub-regions' included, are then one contiguous slice. Building is
// O(E + R); a lookup is O(1). firms_within_reference (tests) is the brute-force scan.
//
// Thread-safe: the first use computes under a lock, later uses read. The cache refers to the dataset,
// which must outlive it and stay unchanged.
#pragma once
#include <list>
#include <memory>
#include <optional>
#include <unordered_map>
#include <mutex>
#include <span>
#include <vector>

#include "chaingap/analysis/importance.hpp"
#include "chaingap/analysis/local_firms.hpp"
#include "chaingap/analysis/params.hpp"
#include "chaingap/analysis/presence.hpp"
#include "chaingap/model/dataset.hpp"

namespace chaingap {

class AnalysisCache {
public:
    // `local_firm_cache_bytes`: the bound of local_firms()'s kept lists (tests set a small one).
    explicit AnalysisCache(const Dataset& ds, std::size_t local_firm_cache_bytes = kLocalFirmCacheBytes)
        : ds_(ds), firm_list_budget_(local_firm_cache_bytes) {}
    AnalysisCache(const AnalysisCache&) = delete;
    AnalysisCache& operator=(const AnalysisCache&) = delete;

    const Dataset& dataset() const { return ds_; }
    // presence_in(ds, kNone), bit for bit.
    const RegionPresence& national() const;
    // presence_in(*this, r), bit for bit, kept per region once asked for (O(N) each: at most
    // regions × nodes counts and capacities, 33 MB for the 3,103 × 889 country). kNone: national().
    const RegionPresence& presence(RegionId r) const;
    // R's local firm lists (local_firms_by_node(*this, r, chain), sorted, shared with the reports
    // that show them), kept for the (region, chain) pairs asked for last, up to kLocalFirmCacheBytes
    // of entries in all, the least recently used dropped first (a report holding a list keeps it
    // alive). A repeated query on a region reads them in O(N) instead of building and sorting
    // O(A_R·T + Σ_n k_n log k_n) entries.
    std::shared_ptr<const LocalFirmLists> local_firms(RegionId r, std::optional<ChainId> chain) const;
    // 1 GiB: Chongqing's lists for every chain take ~60 MB at 1M synthetic firms, ~0.6 GB at 10M.
    static constexpr std::size_t kLocalFirmCacheBytes = std::size_t{1} << 30;
    // compute_importance(ds, params); cached per (reach_weight, betweenness_weight), the only
    // parameters importance depends on.
    const std::vector<NodeImportance>& importance(const GapParams& params) const;
    // Every enterprise whose region is r or lies inside r (aggregate and inactive rows included —
    // callers filter), in a fixed order: by the region's pre-order position in the region tree, then
    // by enterprise index. kNone: every enterprise, in the same order. O(1) once built; the span stays
    // valid as long as the cache.
    std::span<const EnterpriseId> firms_within(RegionId r) const;
    // The same firms in increasing enterprise index (the order of a scan of the whole table, which
    // sums in presence follow): a copy when r's subtree is one region, else a sort, O(k log k), or for
    // a large k a bitmap over the enterprises, O(k + E/64).
    std::vector<EnterpriseId> firms_within_by_index(RegionId r) const;
    // enterprise -> indices of the relation rows whose `to` is that enterprise (the reverse of
    // Dataset::enterprise_relations, which holds the outgoing rows), rows in increasing index.
    const Csr& relations_in() const;
    // enterprise -> the position of its id in increasing id order (ids compare as std::string):
    // id_order[a] < id_order[b] exactly when id(a) < id(b), so ties broken by id need no string
    // compare. O(E) when the ids are already sorted by index (generated and most imported data),
    // else O(E log E) string compares, once.
    const std::vector<std::int32_t>& id_order() const;
    // Active, non-aggregate firms of the whole dataset (targets' "firms outside R" less R's). O(E) once.
    std::int64_t active_firms() const;

private:
    struct RegionIndex {
        std::vector<std::int32_t> first;     // region -> its pre-order position
        std::vector<std::int32_t> past;      // region -> the position after its subtree
        std::vector<std::int64_t> offsets;   // position -> start of its firms in `firms` (size R + 1)
        std::vector<EnterpriseId> firms;     // counting-sorted by the position of the firm's region
    };
    const RegionIndex& region_index() const;

    struct ImportanceEntry {
        double reach_weight, betweenness_weight;
        std::unique_ptr<const std::vector<NodeImportance>> value;
    };
    struct FirmListsEntry {
        RegionId region;
        ChainId chain;  // kNone: every chain
        std::size_t bytes;
        std::shared_ptr<const LocalFirmLists> lists;
    };
    const Dataset& ds_;
    mutable std::mutex mutex_;
    mutable std::list<FirmListsEntry> firm_lists_;  // most recently used first
    std::size_t firm_list_budget_;
    mutable std::size_t firm_list_bytes_ = 0;
    mutable std::unique_ptr<const RegionPresence> national_;
    mutable std::unordered_map<RegionId, std::unique_ptr<const RegionPresence>> presence_;
    mutable std::vector<ImportanceEntry> importance_;
    mutable std::once_flag region_once_, relations_once_, id_order_once_, active_once_;
    mutable RegionIndex region_index_;
    mutable Csr relations_in_;
    mutable std::vector<std::int32_t> id_order_;
    mutable std::int64_t active_firms_ = 0;
};

// The brute-force form of AnalysisCache::firms_within (tests): every enterprise e with
// ds.regions.within(region(e), r), ordered by (pre-order position of region(e), e), the pre-order
// found by sorting each region's root path. O(E·depth + R·depth·log R).
std::vector<EnterpriseId> firms_within_reference(const Dataset& ds, RegionId r);
// Brute-force form of AnalysisCache::relations_in (tests): for each enterprise, a scan of all rows.
Csr relations_in_reference(const Dataset& ds);

// The cache of `ds`, kept in ds.derived and made on first use: every analysis entry point that takes
// a Dataset (analyze_gaps, GapClosure, rank_targets, run_whatif) uses it, so a process that holds one
// dataset (server, Python, a batch of queries) computes national presence and importance once.
const AnalysisCache& analysis_cache(const Dataset& ds);

}  // namespace chaingap
