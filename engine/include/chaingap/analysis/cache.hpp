// What every query on one dataset shares, computed once and kept: national presence (one pass over
// all attachments, O(A·T)) and link importance per importance parameters (O(Σ L·(L+E)) per chain).
// The dataset keeps one (analysis_cache below), so a warm query costs only its region's part.
//
// Thread-safe: the first use computes under a lock, later uses read. The cache refers to the dataset,
// which must outlive it and stay unchanged.
#pragma once
#include <memory>
#include <mutex>
#include <vector>

#include "chaingap/analysis/importance.hpp"
#include "chaingap/analysis/params.hpp"
#include "chaingap/analysis/presence.hpp"
#include "chaingap/model/dataset.hpp"

namespace chaingap {

class AnalysisCache {
public:
    explicit AnalysisCache(const Dataset& ds) : ds_(ds) {}
    AnalysisCache(const AnalysisCache&) = delete;
    AnalysisCache& operator=(const AnalysisCache&) = delete;

    const Dataset& dataset() const { return ds_; }
    // presence_in(ds, kNone), bit for bit.
    const RegionPresence& national() const;
    // compute_importance(ds, params); cached per (reach_weight, betweenness_weight), the only
    // parameters importance depends on.
    const std::vector<NodeImportance>& importance(const GapParams& params) const;

private:
    struct ImportanceEntry {
        double reach_weight, betweenness_weight;
        std::unique_ptr<const std::vector<NodeImportance>> value;
    };
    const Dataset& ds_;
    mutable std::mutex mutex_;
    mutable std::unique_ptr<const RegionPresence> national_;
    mutable std::vector<ImportanceEntry> importance_;
};

// The cache of `ds`, kept in ds.derived and made on first use: every analysis entry point that takes
// a Dataset (analyze_gaps, GapClosure, rank_targets, run_whatif) uses it, so a process that holds one
// dataset (server, Python, a batch of queries) computes national presence and importance once.
const AnalysisCache& analysis_cache(const Dataset& ds);

}  // namespace chaingap
