#include "chaingap/eval/propagation.hpp"

#include <Eigen/LU>
#include <cmath>

namespace chaingap {
namespace {
double l1(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += std::abs(x);
    return s;
}
std::vector<double> degrees(const ChainGraph& g) {
    std::vector<double> d(g.nodes);
    for (std::size_t i = 0; i < g.nodes; ++i) d[i] = g.degree(i);
    return d;
}
Eigen::MatrixXd dense_adjacency(const ChainGraph& g) {
    const auto N = static_cast<Eigen::Index>(g.nodes);
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(N, N);
    for (std::size_t i = 0; i < g.nodes; ++i)
        for (auto k = g.offsets[i]; k < g.offsets[i + 1]; ++k)
            A(static_cast<Eigen::Index>(i), g.targets[k]) += g.weights[k];
    return A;
}
// Seeds: each region's present links, normalised (PPR) or as 0/1 (Katz); empty rows stay empty.
template <class Kernel>
std::vector<double> per_region(const EvalState& s, bool normalise, Kernel kernel) {
    std::vector<double> out(s.regions * s.nodes, 0.0), seed(s.nodes);
    for (std::size_t r = 0; r < s.regions; ++r) {
        double total = 0;
        for (std::size_t n = 0; n < s.nodes; ++n) total += seed[n] = s.present[s.at(r, n)];
        if (total == 0) continue;
        if (normalise)
            for (double& x : seed) x /= total;
        const std::vector<double> x = kernel(seed);
        std::copy(x.begin(), x.end(), out.begin() + static_cast<std::ptrdiff_t>(r * s.nodes));
    }
    return out;
}
}  // namespace

std::vector<double> personalized_pagerank(const ChainGraph& g, const std::vector<double>& seed, double damping,
                                          double tolerance, int max_iterations) {
    const std::vector<double> deg = degrees(g);
    std::vector<double> x = seed, next(g.nodes);
    for (int it = 0; it < max_iterations; ++it) {
        double dangling = 0;
        std::fill(next.begin(), next.end(), 0.0);
        for (std::size_t i = 0; i < g.nodes; ++i) {
            if (deg[i] == 0) {
                dangling += x[i];
                continue;
            }
            const double share = x[i] / deg[i];
            for (auto k = g.offsets[i]; k < g.offsets[i + 1]; ++k) next[g.targets[k]] += share * g.weights[k];
        }
        double change = 0;
        for (std::size_t i = 0; i < g.nodes; ++i) {
            next[i] = (1 - damping) * seed[i] + damping * (next[i] + dangling * seed[i]);
            change += std::abs(next[i] - x[i]);
        }
        x.swap(next);
        if (change < tolerance) return x;
    }
    throw ConvergenceError("personalized PageRank did not converge to tolerance " + std::to_string(tolerance) + " in " +
                           std::to_string(max_iterations) + " iterations");
}

std::vector<double> personalized_pagerank_reference(const ChainGraph& g, const std::vector<double>& seed,
                                                    double damping) {
    // x = (1−α)s + α(Pᵀx + (dᵀx)s)  ⇔  (I − αPᵀ − α s dᵀ) x = (1−α) s
    const auto N = static_cast<Eigen::Index>(g.nodes);
    const Eigen::MatrixXd A = dense_adjacency(g);
    Eigen::MatrixXd P = Eigen::MatrixXd::Zero(N, N);
    Eigen::VectorXd d = Eigen::VectorXd::Zero(N), s(N);
    for (Eigen::Index i = 0; i < N; ++i) {
        s(i) = seed[i];
        const double deg = A.row(i).sum();
        if (deg > 0)
            P.row(i) = A.row(i) / deg;
        else
            d(i) = 1;
    }
    const Eigen::MatrixXd lhs = Eigen::MatrixXd::Identity(N, N) - damping * P.transpose() - damping * s * d.transpose();
    const Eigen::VectorXd x = lhs.fullPivLu().solve((1 - damping) * s);
    return {x.data(), x.data() + N};
}

double katz_beta(const ChainGraph& g, double fraction) {
    double max_degree = 0;
    for (std::size_t i = 0; i < g.nodes; ++i) max_degree = std::max(max_degree, g.degree(i));
    return max_degree > 0 ? fraction / max_degree : 0.0;
}

std::vector<double> katz(const ChainGraph& g, const std::vector<double>& seed, double beta, double tolerance,
                         int max_iterations) {
    std::vector<double> y(g.nodes, 0.0), next(g.nodes);
    const double scale = std::max(1.0, l1(seed));
    for (int it = 0; it < max_iterations; ++it) {
        std::fill(next.begin(), next.end(), 0.0);
        for (std::size_t i = 0; i < g.nodes; ++i) {
            const double v = seed[i] + y[i];
            if (v == 0) continue;
            for (auto k = g.offsets[i]; k < g.offsets[i + 1]; ++k) next[g.targets[k]] += beta * g.weights[k] * v;
        }
        double change = 0;
        for (std::size_t i = 0; i < g.nodes; ++i) change += std::abs(next[i] - y[i]);
        y.swap(next);
        if (change < tolerance * scale) return y;
    }
    throw ConvergenceError("Katz did not converge to tolerance " + std::to_string(tolerance) + " in " +
                           std::to_string(max_iterations) + " iterations (beta " + std::to_string(beta) + ")");
}

std::vector<double> katz_reference(const ChainGraph& g, const std::vector<double>& seed, double beta) {
    const auto N = static_cast<Eigen::Index>(g.nodes);
    const Eigen::MatrixXd A = dense_adjacency(g);  // symmetric
    const Eigen::VectorXd m = Eigen::Map<const Eigen::VectorXd>(seed.data(), N);
    const Eigen::VectorXd y = (Eigen::MatrixXd::Identity(N, N) - beta * A).fullPivLu().solve(m) - m;
    return {y.data(), y.data() + N};
}

std::vector<double> ppr_scores(const EvalState& s, const EvalParams& p) {
    const ChainGraph& g = *s.graph;
    return per_region(s, true, [&](const std::vector<double>& seed) {
        return personalized_pagerank(g, seed, p.ppr_damping, p.tolerance, static_cast<int>(p.max_iterations));
    });
}

std::vector<double> katz_scores(const EvalState& s, const EvalParams& p) {
    const ChainGraph& g = *s.graph;
    const double beta = katz_beta(g, p.katz_fraction);
    return per_region(s, false, [&](const std::vector<double>& seed) {
        return katz(g, seed, beta, p.tolerance, static_cast<int>(p.max_iterations));
    });
}

}  // namespace chaingap
