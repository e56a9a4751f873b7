#include "chaingap/eval/learned.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "chaingap/core/error.hpp"

namespace chaingap {

Eigen::VectorXd fit_logistic(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, double l2, double tolerance,
                             int max_iterations) {
    const Eigen::Index n = X.rows(), d = X.cols() + 1;
    Eigen::MatrixXd Z(n, d);
    Z.col(0).setOnes();
    Z.rightCols(d - 1) = X;
    Eigen::VectorXd penalty = Eigen::VectorXd::Constant(d, l2);
    penalty(0) = 0;
    Eigen::VectorXd beta = Eigen::VectorXd::Zero(d);
    for (int it = 0; it < max_iterations; ++it) {
        const Eigen::VectorXd eta = Z * beta;
        const Eigen::VectorXd p = (1.0 + (-eta.array()).exp()).inverse().matrix();
        const Eigen::VectorXd w = (p.array() * (1.0 - p.array())).matrix();
        const Eigen::VectorXd grad = Z.transpose() * (y - p) - penalty.cwiseProduct(beta);
        Eigen::MatrixXd H = Z.transpose() * w.asDiagonal() * Z;
        H.diagonal() += penalty;
        const Eigen::VectorXd step = H.ldlt().solve(grad);
        if (!step.allFinite()) break;
        beta += step;
        if (step.cwiseAbs().maxCoeff() < tolerance) return beta;
    }
    throw ConvergenceError("logistic regression did not converge to tolerance " + std::to_string(tolerance) + " in " +
                           std::to_string(max_iterations) + " Newton steps (try a larger l2)");
}

const std::vector<std::string>& learned_features() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& m : model_table()) {
            const std::string name = m.name;
            if (name != "random" && name != "learned" && name != "boosted") out.push_back(name);
        }
        return out;
    }();
    return names;
}

std::vector<double> percentile_ranks(const std::vector<double>& values, const std::vector<std::int32_t>& count) {
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (count[i] == 0) idx.push_back(i);
    std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> out(values.size(), 0.0);
    const double total = static_cast<double>(idx.size());
    for (std::size_t i = 0; i < idx.size();) {
        std::size_t j = i;
        while (j < idx.size() && values[idx[j]] == values[idx[i]]) ++j;
        const double avg_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;  // 1-based ranks i+1..j
        for (std::size_t k = i; k < j; ++k) out[idx[k]] = avg_rank / total;
        i = j;
    }
    return out;
}

namespace {
// Candidate rows (count == 0) × features, as percentile ranks.
Eigen::MatrixXd features(const EvalState& s, const EvalParams& p, std::vector<std::size_t>& rows,
                         const std::map<std::string, std::vector<double>>* known = nullptr) {
    rows.clear();
    for (std::size_t i = 0; i < s.count.size(); ++i)
        if (s.count[i] == 0) rows.push_back(i);
    const auto& names = learned_features();
    Eigen::MatrixXd X(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(names.size()));
    for (std::size_t f = 0; f < names.size(); ++f) {
        const auto it = known ? known->find(names[f]) : decltype(known->end()){};
        const std::vector<double> ranks = known && it != known->end()
                                              ? percentile_ranks(it->second, s.count)
                                              : percentile_ranks(require_model(names[f]).score(s, p), s.count);
        for (std::size_t i = 0; i < rows.size(); ++i)
            X(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(f)) = ranks[rows[i]];
    }
    return X;
}
}  // namespace

LearnedModel fit_learned(const EvalState& s, const EvalParams& p) {
    if (!s.previous || !s.previous->previous)
        throw UsageError("learned needs the states one and two horizons before " + std::to_string(s.year));
    const EvalState& train = *s.previous;
    std::vector<std::size_t> rows;
    const Eigen::MatrixXd X = features(train, p, rows);
    Eigen::VectorXd y(static_cast<Eigen::Index>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) y(static_cast<Eigen::Index>(i)) = s.activated[rows[i]];
    LearnedModel m;
    m.features = learned_features();
    m.training_year = train.year;
    m.training_examples = static_cast<std::int64_t>(rows.size());
    m.training_positives = static_cast<std::int64_t>(y.sum());
    if (m.training_positives == 0 || m.training_positives == m.training_examples)
        throw UsageError("learned: the training window (" + std::to_string(train.year) + ", " + std::to_string(s.year) +
                         "] has " + std::to_string(m.training_positives) + " activations among " +
                         std::to_string(m.training_examples) + " candidates; nothing to learn from");
    m.coefficients = fit_logistic(X, y, p.l2, p.tolerance, static_cast<int>(p.max_iterations));
    return m;
}

std::vector<double> learned_scores(const EvalState& s, const EvalParams& p) {
    return learned_scores(fit_learned(s, p), s, p);
}

std::vector<double> learned_scores(const LearnedModel& m, const EvalState& s, const EvalParams& p,
                                   const std::map<std::string, std::vector<double>>* known) {
    std::vector<std::size_t> rows;
    const Eigen::MatrixXd X = features(s, p, rows, known);
    const Eigen::VectorXd eta = (X * m.coefficients.tail(X.cols())).array() + m.coefficients(0);
    std::vector<double> out(s.count.size(), 0.0);
    for (std::size_t i = 0; i < rows.size(); ++i)
        out[rows[i]] = 1.0 / (1.0 + std::exp(-eta(static_cast<Eigen::Index>(i))));
    return out;
}

}  // namespace chaingap
