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
