// Gradient-boosted trees over gravity, hierarchy and relatedness features (model `boosted`), through
// XGBoost's C API (Chen & Guestrin 2016, "XGBoost: a scalable tree boosting system", KDD; the
// learner family that wins product-space prediction in Albora & Zaccaria 2022 and Albora,
// Pietronero, Tacchella & Zaccaria 2023, "Product progression: a machine learning approach to
// forecasting industrial upgrading", Scientific Reports 13).
//
// Training uses only what is known at the cutoff c. Origins o = c − L, c − L − 1, …, c − L − K + 1
// (L = boost_label_window, K = boost_origins) are stacked: the examples of origin o are the pairs
// with no firm at o, their features computed from the states ≤ o, labelled 1 when the pair gained a
// firm in (o, o + L] ⊆ (−∞, c]. Base-rate control: national listing volume swings tenfold between
// years, so the positives of each origin are weighted to make its weighted positive rate
// boost_base_rate (0: no weighting). The fitted ensemble then scores the candidates at c with
// features computed at c. Pairs with a firm score 0.
//
// Features of (r, n) at a year t, window w = boost_feature_window (E = all firms r gained in
// (t − w, t], e_n = firms gained at n nationally, all from state counts):
//   region_recent log(1+E_r)          link_recent log(1+e_n)       region_recent_share E_r/ΣE
//   link_recent_share e_n/ΣE          persistence log((1+E_r)(1+e_n))   region_size log(1+firms_r)
//   link_size log(1+Σ_r count_rn)     link_growth log((1+Σ_r count_rn(t))/(1+Σ_r count_rn(t−w)))
//   link_recent_1y log(1+entries at n in year t)   diversity k_r   ubiquity k_n
//   density ω_rn (density.hpp)        rca_density Σ_n' φ_n'n RCA_rn' / Σ_n' φ_n'n
//   parent_firms log(1+ r's firms in the links with n's parent)   parent_recent (same, gained in the
//   window)  parent_share (share of n's sibling links r has)   grandparent_firms (links with n's
//   grandparent)  similar_regions Σ_r' s_rr' M_r'n / Σ_r' s_rr' (s = cosine of log(1+count) rows)
//   neighbour_regions share of the other regions with r's parent region that have n
//   cn log(1+CN_rn), ra RA_rn (link_prediction.hpp).
// Training sets above boost_max_rows rows keep every positive and a seeded sample of the negatives,
// weighted by the inverse of the sampling rate (params.hpp). Deterministic for a given seed (one
// thread, hist method). Cost per origin O(R·N·(R + N)) for the
// features, then O(rounds · examples · features) for training.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "chaingap/eval/model.hpp"

namespace chaingap {

const std::vector<std::string>& boosted_features();

// Feature matrix (R·N rows, row-major pairs; features in boosted_features() order) at `year`, which
// must be the state's year or one of its annual states (and so must year − window).
std::vector<float> boosted_feature_matrix(const EvalState& s, int year, const EvalParams& p);

// Annual states the model needs below the cutoff: L + K − 1 + w.
int boosted_annual_history(const EvalParams& p);

struct BoostedModel {
    std::vector<std::string> features;
    std::vector<double> importance;     // total gain per feature, normalised to sum 1
    std::vector<int> origins;           // training origin years
    std::int64_t training_examples = 0, training_positives = 0;  // candidates at the origins
    double negative_rate = 1;           // share of negatives kept (boost_max_rows), weighted 1/rate
    std::int64_t training_rows = 0;     // rows given to the trees: every positive, the kept negatives
    std::vector<double> scores;         // R×N at the cutoff (0 at pairs with a firm)
    std::shared_ptr<void> booster;      // the fitted ensemble (XGBoost BoosterHandle)
};
// Sampling rate of the negatives for a training set of `examples` rows with `positives`: 1 up to
// boost_max_rows; above it, the rate that fills the cap with every positive and sampled negatives
// (at least half the cap for negatives). Each negative (origin, pair) is kept by a seeded hash,
// independent of the order of the rows.
double boosted_negative_rate(std::int64_t examples, std::int64_t positives, const EvalParams& p);
bool boosted_keep_negative(std::uint64_t seed, int origin, std::size_t pair, double rate);
// Throws UsageError when the annual states are missing or no origin has an activation.
BoostedModel fit_boosted(const EvalState& s, const EvalParams& p);
std::vector<double> boosted_scores(const EvalState& s, const EvalParams& p);

// Per-feature contributions (SHAP values, Lundberg et al. 2020, XGBoost `pred_contribs`) to the
// log-odds of the given pairs (indices into R×N) at the cutoff: rows × (features + 1), the last
// column the bias.
std::vector<std::vector<double>> boosted_contributions(const BoostedModel& m, const EvalState& s,
                                                       const std::vector<std::size_t>& pairs, const EvalParams& p);

}  // namespace chaingap
