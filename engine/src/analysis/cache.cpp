#include "chaingap/analysis/cache.hpp"

namespace chaingap {

const RegionPresence& AnalysisCache::national() const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!national_) national_ = std::make_unique<const RegionPresence>(presence_in(ds_, kNone));
    return *national_;
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

const AnalysisCache& analysis_cache(const Dataset& ds) {
    return ds.derived.get<AnalysisCache>([&] { return std::make_shared<const AnalysisCache>(ds); });
}

}  // namespace chaingap
