// The backtest protocol behind `chaingap evaluate` (docs/backtest.md).
//
//   state      firms founded ≤ cutoff (state.hpp: selection of regions and nodes, presence, RCA rule);
//   candidates every selected (region, node) pair without a firm at the cutoff — all of them, no
//              negative sampling;
//   targets    the candidates that have a firm founded in (cutoff, cutoff + horizon] (activations);
//   scores     each model scores the state at the cutoff only; the learned model trains on the
//              window (cutoff − horizon, cutoff];
//   metrics    metrics.hpp on the pooled candidate list (MRR per region); percentile-bootstrap
//              intervals resample regions with replacement (seeded), the same resamples for every
//              model, and give the paired difference of every metric against `density` (and
//              against `persistence` when it is evaluated).
// Cost: states O(A·T + R·N) each; models as documented in their headers; bootstrap
// O(B · models · candidates) after one sort per model.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chaingap/eval/boosted.hpp"
#include "chaingap/eval/learned.hpp"
#include "chaingap/eval/metrics.hpp"
#include "chaingap/eval/params.hpp"
#include "chaingap/eval/state.hpp"

namespace chaingap {

struct EvalOptions {
    int cutoff = 0;
    std::optional<std::string> chain;  // chain id; nullopt: every chain
    std::optional<int> level;          // depth in the parent tree; nullopt: leaves
    int region_level = -1;             // < 0: regions that hold dated enterprises
    std::vector<std::string> models;   // empty: every model of model_table()
    EvalParams params;
};

// Everything the models and metrics see, before scoring (also used by the Python bindings).
struct EvalSetup {
    EvalSelection selection;
    std::shared_ptr<const EvalState> state;  // at the cutoff, with history
    std::vector<std::uint8_t> candidate;     // R×N: no firm at the cutoff
    std::vector<std::uint8_t> target;        // R×N: candidate with a firm by cutoff + horizon
    std::int64_t undated = 0, enterprises_at_cutoff = 0;
    int latest_founded = 0;  // the latest founding year in the data
};
EvalSetup prepare_evaluation(const Dataset& ds, const EvalOptions& options);

struct MetricInterval {
    RankingMetrics low, high;
};

struct ModelResult {
    std::string model;
    RankingMetrics metrics;
    std::optional<MetricInterval> ci;          // when bootstrap > 0
    std::optional<RankingMetrics> vs_density;  // metrics − density's metrics
    std::optional<MetricInterval> vs_density_ci;
    // metrics − persistence's (paired, same resamples), when `persistence` is among the models
    std::optional<RankingMetrics> vs_persistence;
    std::optional<MetricInterval> vs_persistence_ci;
    std::optional<LearnedModel> learned;  // the fitted weights of `learned`
    std::optional<BoostedModel> boosted;  // importances and training set of `boosted`
};

struct EvalResult {
    EvalOptions options;
    std::vector<std::string> region_ids, node_keys;
    std::int64_t candidates = 0, positives = 0, present_pairs = 0;
    std::int64_t undated = 0, enterprises_at_cutoff = 0;
    int latest_founded = 0;
    std::vector<ModelResult> models;
};

// Runs the protocol. Throws UsageError for unknown chains / models / levels and for a target window
// that ends after the data's latest founding year; ConvergenceError from a solver.
EvalResult evaluate(const Dataset& ds, const EvalOptions& options);

// Scores of one model at the cutoff (R×N, row-major), for research use and the Python bindings.
std::vector<double> model_scores(const EvalSetup& setup, const std::string& model, const EvalParams& params);

// "a,b,c" → {"a","b","c"}, each checked against model_table(); throws UsageError.
std::vector<std::string> parse_model_list(const std::string& list);

// Metric names in a fixed order and the metrics flattened in that order (writers, bootstrap).
const std::vector<std::string>& metric_names();  // roc_auc, pr_auc, mrr, precision@20, ...
std::vector<double> flatten(const RankingMetrics& m);
RankingMetrics unflatten(const std::vector<double>& v);

}  // namespace chaingap
