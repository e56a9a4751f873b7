// Relatedness density (Hidalgo, Klinger, Barabási & Hausmann 2007, "The Product Space Conditions
// the Development of Nations", Science 317).
//   C_nn' = Σ_r M_rn M_rn'               co-occurrence (C_nn = ubiquity k_n)
//   φ_nn' = C_nn' / max(k_n, k_n')       proximity: the smaller of the two conditional probabilities
//                                        (φ = 0 when either link is present nowhere)
//   ω_rn  = Σ_n' M_rn' φ_n'n / Σ_n' φ_n'n   density of r around n (0 when the denominator is 0)
// M follows the RCA rule of EvalParams::rca_threshold. Cost: O(R·N²) (two dense products).
#pragma once
#include <Eigen/Dense>
#include <vector>

#include "chaingap/eval/model.hpp"

namespace chaingap {

Eigen::MatrixXd proximity(const Eigen::MatrixXd& M);                            // N×N
// The same from the co-occurrence C = Mᵀ M (N×N) when the caller has it already.
Eigen::MatrixXd proximity_from_cooccurrence(const Eigen::MatrixXd& C);
Eigen::MatrixXd density(const Eigen::MatrixXd& M, const Eigen::MatrixXd& phi);  // R×N
std::vector<double> density_scores(const EvalState& s, const EvalParams& p);

}  // namespace chaingap
