// Learned combination: L2-regularised logistic regression over the other models' scores, fitted by
// Newton's method (IRLS; Hastie, Tibshirani & Friedman, ESL §4.4.1) with Eigen.
//
// Training uses only data up to the cutoff: the examples are the candidate pairs of the state
// `horizon` years before the cutoff (no firm then), labelled 1 when they gained a firm by the cutoff
// (state.activated). The fitted weights then score the candidates at the cutoff. Features: the
// scores of every non-random model (learned_features()), each turned into its percentile rank among
// the candidate pairs of its own snapshot (average rank / count, in (0, 1]), so weights learned at
// one date apply at another whatever the scale. Needs state.previous and state.previous.previous
// (persistence at the training date). Pairs with a firm score 0.
// Cost: the feature models twice, plus O(iter · n · d²) for n candidates and d features.
// Newton stops when max |Δβ| < tolerance; reaching max_iterations throws ConvergenceError. No
// positive example in the training window is a UsageError.
#pragma once
#include <Eigen/Dense>
#include <map>
#include <string>
#include <vector>

#include "chaingap/eval/model.hpp"

namespace chaingap {

// Minimises −loglik + (l2/2)‖β₁..β_d‖² with an unpenalised intercept β₀. X: n×d (no intercept column).
Eigen::VectorXd fit_logistic(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, double l2, double tolerance,
                             int max_iterations);

const std::vector<std::string>& learned_features();

struct LearnedModel {
    std::vector<std::string> features;
    Eigen::VectorXd coefficients;  // intercept, then one per feature
    std::int64_t training_examples = 0, training_positives = 0;
    int training_year = 0;  // features at this year, labels in (training_year, cutoff]
};
LearnedModel fit_learned(const EvalState& s, const EvalParams& p);
std::vector<double> learned_scores(const EvalState& s, const EvalParams& p);
// Scores of an already fitted model at the state s (fit_learned's features, at s). `known`: scores
// of feature models already computed at s, by model name (the others are computed here).
std::vector<double> learned_scores(const LearnedModel& m, const EvalState& s, const EvalParams& p,
                                   const std::map<std::string, std::vector<double>>* known = nullptr);

// Percentile ranks (average rank / count) of `values` at the candidate positions; 0 elsewhere.
std::vector<double> percentile_ranks(const std::vector<double>& values, const std::vector<std::int32_t>& count);

}  // namespace chaingap
