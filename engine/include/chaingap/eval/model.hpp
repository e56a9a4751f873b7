// The common interface of the scoring models: a model scores every (region, node) pair of an
// EvalState — "how likely is it that region r gains a firm at link n within the horizon" — higher
// is more likely. Only the ranking matters to the protocol; pairs with a firm are scored too but
// never evaluated.
//
// Models are plain functions of (state, params) listed in one table (model_table()); each lives in
// its own file with its formula and paper: baselines.hpp, density.hpp, complexity.hpp,
// propagation.hpp, link_prediction.hpp, learned.hpp.
#pragma once
#include <Eigen/Dense>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "chaingap/core/error.hpp"
#include "chaingap/eval/params.hpp"
#include "chaingap/eval/state.hpp"

namespace chaingap {


using ScoreFn = std::vector<double> (*)(const EvalState& state, const EvalParams& params);

struct ModelInfo {
    const char* name;
    const char* summary;
    ScoreFn score;
};

// Every model, in report order (baselines first, learned last).
const std::vector<ModelInfo>& model_table();
// Throws UsageError listing the known models when `name` is unknown.
const ModelInfo& require_model(std::string_view name);

// M (state.present) as a dense R×N matrix of 0/1.
Eigen::MatrixXd presence_matrix(const EvalState& state);
// Row-major R×N vector from an R×N matrix.
std::vector<double> to_scores(const Eigen::MatrixXd& m);

}  // namespace chaingap
