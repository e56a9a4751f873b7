// Baseline scoring models. Each is O(R·N).
//   random       uniform in [0,1) from a counter-based generator (SplitMix64, Steele et al. 2014)
//                keyed by seed and pair index: reproducible and independent of the data.
//   popularity   ubiquity k_n = Σ_r M_rn: links present in many regions are where firms appear
//                (the "preferential attachment" baseline of link prediction, Barabási & Albert 1999).
//   diversity    k_r = Σ_n M_rn: diverse regions gain links (Hidalgo & Hausmann 2009's diversity).
//   persistence  recent entry continues: (1 + e_r)·(1 + e_n), with e_r the firms region r gained and
//                e_n the (region, link) firm counts link n gained in the last `horizon` years before
//                the cutoff (a gravity form of the naive "last period repeats" forecast); net gains,
//                0 where delistings outweigh new firms.
//                Needs state.previous.
#pragma once
#include <vector>

#include "chaingap/eval/model.hpp"

namespace chaingap {

std::vector<double> random_scores(const EvalState& s, const EvalParams& p);
std::vector<double> popularity_scores(const EvalState& s, const EvalParams& p);
std::vector<double> diversity_scores(const EvalState& s, const EvalParams& p);
std::vector<double> persistence_scores(const EvalState& s, const EvalParams& p);

}  // namespace chaingap
