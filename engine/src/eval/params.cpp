#include "chaingap/eval/params.hpp"

#include <cmath>

#include "chaingap/core/error.hpp"
#include "chaingap/core/param_table.hpp"

namespace chaingap {

const std::vector<EvalParamInfo>& eval_param_info() {
    static const std::vector<EvalParamInfo> info = {
        {"horizon", &EvalParams::horizon, 1, 50, true, "years after the cutoff in which activations count"},
        {"bootstrap", &EvalParams::bootstrap, 0, 100000, true,
         "bootstrap resamples over regions for the confidence intervals (0: none)"},
        {"seed", &EvalParams::seed, 0, 4294967295.0, true, "seed of the random baseline and the bootstrap"},
        {"confidence", &EvalParams::confidence, 0.5, 0.999, false, "level of the bootstrap intervals"},
        {"rca_threshold", &EvalParams::rca_threshold, 0, 100, false,
         "a region has a link when it has a firm there and RCA >= this (0: any firm)"},
        {"sibling_weight", &EvalParams::sibling_weight, 0, 100, false,
         "chain graph: edge weight between links with the same parent"},
        {"ppr_damping", &EvalParams::ppr_damping, 0, 0.999, false,
         "personalized PageRank: probability of following an edge"},
        {"katz_fraction", &EvalParams::katz_fraction, 1e-6, 0.999, false,
         "Katz: beta as a fraction of 1 / (max weighted degree)"},
        {"tolerance", &EvalParams::tolerance, 1e-15, 1e-2, false, "convergence tolerance of the iterative solvers"},
        {"max_iterations", &EvalParams::max_iterations, 1, 1e6, true,
         "iteration limit of the solvers; reaching it is an error"},
        {"l2", &EvalParams::l2, 0, 1e6, false, "learned: ridge penalty of the logistic regression"},
        {"boost_origins", &EvalParams::boost_origins, 1, 30, true, "boosted: training origins stacked"},
        {"boost_label_window", &EvalParams::boost_label_window, 1, 20, true,
         "boosted: years after each origin in which its labels count"},
        {"boost_feature_window", &EvalParams::boost_feature_window, 1, 20, true,
         "boosted: years of recent entries in the features"},
        {"boost_base_rate", &EvalParams::boost_base_rate, 0, 0.5, false,
         "boosted: each origin's positives weighted to this rate (0: unweighted)"},
        {"boost_rounds", &EvalParams::boost_rounds, 1, 5000, true, "boosted: boosting rounds"},
        {"boost_depth", &EvalParams::boost_depth, 1, 12, true, "boosted: depth of each tree"},
        {"boost_eta", &EvalParams::boost_eta, 1e-4, 1, false, "boosted: learning rate"},
        {"boost_subsample", &EvalParams::boost_subsample, 0.05, 1, false, "boosted: share of rows per tree"},
        {"boost_colsample", &EvalParams::boost_colsample, 0.05, 1, false, "boosted: share of features per tree"},
        {"boost_min_child_weight", &EvalParams::boost_min_child_weight, 0, 1e6, false,
         "boosted: minimum hessian weight in a leaf"},
        {"boost_max_rows", &EvalParams::boost_max_rows, 0, 1e9, true,
         "boosted: training rows above which negatives are sampled, weighted 1/rate (0: no cap)"},
    };
    return info;
}

void EvalParams::validate() const {
    check_param_ranges(eval_param_info(), *this, "parameter");
    for (const auto& p : eval_param_info()) {
        const double v = this->*p.member;
        if (p.integer && v != std::floor(v))
            throw UsageError("parameter " + std::string(p.name) + " = " + std::to_string(v) +
                             " must be a whole number");
    }
}

void set_eval_param(EvalParams& params, const std::string& name, double value) {
    set_param_by_name(eval_param_info(), params, name, value, "parameter");
}

}  // namespace chaingap
