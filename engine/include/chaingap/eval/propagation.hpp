// Chain-graph propagation, seeded by what a region has: links next to (upstream or downstream of, or
// in the same segment as) the region's present links score high. Kernels over the raw CSR arrays of
// ChainGraph (PERF.md: not boost::page_rank, whose teleport and dangling handling differ).
//
// Personalized PageRank (Page, Brin, Motwani & Winograd 1999; Haveliwala 2002, "Topic-sensitive
// PageRank"): seed s = M_r / |M_r|, P_ij = w_ij / deg_i,
//   x ← (1 − α) s + α (Pᵀ x + (Σ_dangling x_i) s),  α = ppr_damping,
// iterated from x = s until ‖Δx‖₁ < tolerance; x sums to 1. O(iterations · E) per region.
// Katz (Katz 1953), seeded: y = Σ_{k≥1} βᵏ Aᵏ m_r, iterated y ← β A (m_r + y) until ‖Δy‖₁ < tolerance ·
// max(1, ‖m_r‖₁); β = katz_fraction / max weighted degree, so β·λ_max(A) ≤ katz_fraction < 1
// (Gershgorin) and the series converges. O(iterations · E) per region.
// Reaching max_iterations throws ConvergenceError. A region without any present link scores 0.
// References: dense linear solves of the same fixed points (Eigen LU), for tests.
#pragma once
#include <vector>

#include "chaingap/eval/model.hpp"

namespace chaingap {

std::vector<double> personalized_pagerank(const ChainGraph& g, const std::vector<double>& seed, double damping,
                                          double tolerance, int max_iterations);
std::vector<double> personalized_pagerank_reference(const ChainGraph& g, const std::vector<double>& seed,
                                                    double damping);
double katz_beta(const ChainGraph& g, double fraction);
std::vector<double> katz(const ChainGraph& g, const std::vector<double>& seed, double beta, double tolerance,
                         int max_iterations);
std::vector<double> katz_reference(const ChainGraph& g, const std::vector<double>& seed, double beta);

std::vector<double> ppr_scores(const EvalState& s, const EvalParams& p);
std::vector<double> katz_scores(const EvalState& s, const EvalParams& p);

}  // namespace chaingap
