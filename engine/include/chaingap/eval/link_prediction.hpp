// Link prediction on the bipartite region–link graph (edges: M_rn = 1), as item-based scores: r's
// present links n' vote for n through the regions r' that have both, each path r–n'–r'–n weighted
//   cn     1                          common neighbours (3-paths; Newman 2001)
//   aa     1 / log k_r'               Adamic & Adar (2003), hub regions count less (k_r' ≥ 2 on any
//                                     path to a candidate; log is taken of max(k_r', 2))
//   ra     1 / k_r'                   resource allocation (Zhou, Lü & Zhang 2009)
//   probs  1 / (k_r' · k_n')          mass diffusion, ProbS (Zhou, Ren, Medo & Zhang 2007, "Bipartite
//                                     network projection and personal recommendation", PRE 76):
//                                     unit resource on r's links spreads evenly to their regions and
//                                     back to links.
// Matrix form: score = M · Wₙ · Mᵀ · W_r · M, O(R·N·min(R,N)); the reference enumerates paths,
// O(R²·N²), for tests.
#pragma once
#include <string_view>
#include <vector>

#include "chaingap/eval/model.hpp"

namespace chaingap {

enum class LinkIndex { cn, aa, ra, probs };
Eigen::MatrixXd link_prediction(const Eigen::MatrixXd& M, LinkIndex kind);
Eigen::MatrixXd link_prediction_reference(const Eigen::MatrixXd& M, LinkIndex kind);

std::vector<double> cn_scores(const EvalState& s, const EvalParams& p);
std::vector<double> aa_scores(const EvalState& s, const EvalParams& p);
std::vector<double> ra_scores(const EvalState& s, const EvalParams& p);
std::vector<double> probs_scores(const EvalState& s, const EvalParams& p);

}  // namespace chaingap
