// Google Benchmark suite for the gap analysis kernels, on synthetic datasets generated in memory
// from the shipped catalogue (62 chains, ~900 links; 31 provinces × 100 synthetic counties).
// Every benchmark checks its answer against the simple reference once before timing (GAP style).
//   build/bench/chaingap_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <map>
#include <stdexcept>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/load/dataset_loader.hpp"
#include "chaingap/synth/generate.hpp"

using namespace chaingap;

namespace {
const Dataset& dataset(std::int64_t enterprises) {
    static std::map<std::int64_t, Dataset> cache;
    auto it = cache.find(enterprises);
    if (it != cache.end()) return it->second;
    Dataset ds = load_chains_only("");
    SynthParams p;
    p.enterprises = enterprises;
    p.attachments_per_enterprise = 5;
    p.fixed_attachments = true;
    p.counties_per_province = 100;
    generate_synthetic(ds, p);
    return cache.emplace(enterprises, std::move(ds)).first->second;
}

void verify_presence(const Dataset& ds, RegionId r) {
    const RegionPresence fast = presence_in(ds, r);
    const RegionPresence ref = presence_reference(ds, r);
    if (fast.count != ref.count) throw std::runtime_error("presence_in disagrees with presence_reference");
}

void BM_PresenceOneRegion(benchmark::State& state) {
    const Dataset& ds = dataset(state.range(0));
    const RegionId cq = *ds.regions.find("500000");
    if (state.range(0) <= 10000) verify_presence(ds, cq);
    for (auto _ : state) benchmark::DoNotOptimize(presence_in(ds, cq));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(ds.attachments.size()));
}

void BM_PresenceAllRegions(benchmark::State& state) {
    const Dataset& ds = dataset(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(presence_all_regions(ds));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(ds.attachments.size()));
    state.counters["regions"] = static_cast<double>(ds.regions.size());
}

void BM_Importance(benchmark::State& state) {
    const Dataset& ds = dataset(1000);
    for (auto _ : state) benchmark::DoNotOptimize(compute_importance(ds, GapParams{}));
    state.counters["links"] = static_cast<double>(ds.nodes.size());
}

void BM_GapsOneRegion(benchmark::State& state) {
    const Dataset& ds = dataset(state.range(0));
    const RegionId cq = *ds.regions.find("500000");
    for (auto _ : state) benchmark::DoNotOptimize(analyze_gaps(ds, cq, std::nullopt, GapParams{}));
}

void BM_GapsAllRegions(benchmark::State& state) {
    const Dataset& ds = dataset(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(analyze_gaps_all_regions(ds, GapParams{}));
    state.counters["region_links"] = static_cast<double>(ds.regions.size() * ds.nodes.size());
}
}  // namespace

BENCHMARK(BM_Importance)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PresenceOneRegion)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PresenceAllRegions)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GapsOneRegion)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GapsAllRegions)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
