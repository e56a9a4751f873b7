// Parameters of the backtest protocol and of the scoring models. Every default is declared here
// once; the CLI (`--param`, --help), the JSON output and the Python bindings read names, defaults,
// ranges and help from `eval_param_info()` (the pattern of analysis/params.hpp).
//
// All values are doubles so one table describes them; those marked `integer` must hold whole
// numbers (validate() checks).
#pragma once
#include <string>
#include <vector>

namespace chaingap {

struct EvalParams {
    // ---- protocol ----
    double horizon = 3;        // years: targets are activations in (cutoff, cutoff + horizon]
    double bootstrap = 200;    // bootstrap resamples over regions for confidence intervals (0: none)
    double seed = 20211228;    // seeds the random baseline and the bootstrap
    double confidence = 0.95;  // two-sided level of the percentile bootstrap intervals
    // A region "has" a node (M_rn = 1) when it has a firm there and RCA_rn ≥ rca_threshold.
    // 0 (default): any firm counts (the right rule for counts of listed firms, mostly 0/1/2);
    // 1: Balassa's RCA ≥ 1 as in Hidalgo et al. (2007). Candidates and targets always use firm
    // counts (a pair with a firm is never a candidate), only the models' input M follows this rule.
    double rca_threshold = 0;
    // ---- chain graph (propagation models) ----
    double sibling_weight = 0.5;  // edge weight between links under the same parent (same segment)
    // ---- personalized PageRank ----
    double ppr_damping = 0.85;  // probability of following an edge rather than restarting at the seed
    // ---- Katz ----
    double katz_fraction = 0.5;  // β = katz_fraction / (max weighted degree); < 1 guarantees convergence
    // ---- iterative solvers (PPR, Katz, logistic regression) ----
    double tolerance = 1e-10;      // L1 change per iteration (PPR/Katz), max |Δβ| (logistic)
    double max_iterations = 1000;  // reaching it is an error (ConvergenceError), never a silent stop
    // ---- learned combination ----
    double l2 = 1.0;  // ridge penalty of the logistic regression (on weights, not the intercept)
    // ---- boosted trees (boosted.hpp); chosen on the 2009 and 2012 cutoffs only (docs/backtest.md) ----
    double boost_origins = 4;         // training origins stacked: c − L, c − L − 1, …
    double boost_label_window = 3;    // L: years after each origin in which its labels count
    double boost_feature_window = 5;  // years of "recent" entries in the features
    double boost_base_rate = 0.03;    // each origin's positives weighted to this rate (0: unweighted)
    double boost_rounds = 300;        // boosting rounds (trees)
    double boost_depth = 2;           // depth of each tree
    double boost_eta = 0.03;          // learning rate
    double boost_subsample = 0.8;     // share of rows drawn per tree (seeded)
    double boost_colsample = 0.8;     // share of features drawn per tree (seeded)
    double boost_min_child_weight = 20;  // minimum hessian weight in a leaf
    // Row cap of the stacked training set (0: none). Above it every positive is kept and each
    // negative with probability q (seeded, per pair and origin), weighted 1/q (negative
    // down-sampling with inverse-probability weights, He et al. 2014, "Practical lessons from
    // predicting clicks on ads at Facebook", ADKDD): the expected weighted sums the trees see are
    // those of the full set. 200,000 rows keep every real-data run whole (the A-share runs train
    // on about 40,000 rows); at national scale (3.7 million rows at 1M firms) training drops about
    // tenfold with PR-AUC unchanged to the third decimal.
    double boost_max_rows = 1000000;

    void validate() const;  // throws UsageError naming the parameter and its allowed range
};

struct EvalParamInfo {
    const char* name;
    double EvalParams::*member;
    double min, max;
    bool integer;
    const char* help;
};
const std::vector<EvalParamInfo>& eval_param_info();
// Sets a parameter by name; throws UsageError for an unknown name or a value out of range.
void set_eval_param(EvalParams& params, const std::string& name, double value);

}  // namespace chaingap
