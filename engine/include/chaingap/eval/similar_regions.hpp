// Similar-regions share (feature `similar_regions` of the boosted model, boosted.hpp): for region r
// and link n, the similarity-weighted share of the other regions that have n,
//   out_rn = Σ_{r'≠r} s_rr' M_r'n / Σ_{r'≠r} s_rr',   s_rr' = cos(L_r, L_r')
// with L_r = log(1 + count) row of r (a zero row has similarity 0 to every region; a region whose
// similarities are all 0 gets 0).
//
// similar_regions_share_by_links: associates the product as D L (Lᵀ (D M)) minus the diagonal term,
// with D = diag(1/‖L_r‖): O(R·N²) time and O(R·N + N²) memory, never the R×R similarity matrix.
// Subtracting the diagonal leaves rounding noise where the exact value is 0 (a link only r has, a
// region similar to no other): values below 1e-12 of the undiminished sum are set to 0.
// similar_regions_share_reference: forms S = D L Lᵀ D (R×R), zeroes its diagonal and multiplies by M:
// O(R²·N) time, O(R²) memory — the definition. The two agree to rounding (tests compare them).
// similar_regions_share picks the association with fewer operations: the definition when R ≤ N
// (provinces × links), by links otherwise (national scale: R ≈ 3,000 counties, N ≈ 700 links, about
// 4× fewer operations).
// Source: cosine similarity of regions' industry profiles as in the "similar regions" evidence of
// the product-space literature (Hidalgo et al. 2007; Neffke, Henning & Boschma 2011).
#pragma once
#include <Eigen/Dense>

namespace chaingap {

// M: R×N presence (0/1), Lg: R×N log(1 + count). Returns R×N.
Eigen::MatrixXd similar_regions_share(const Eigen::MatrixXd& M, const Eigen::MatrixXd& Lg);
Eigen::MatrixXd similar_regions_share_by_links(const Eigen::MatrixXd& M, const Eigen::MatrixXd& Lg);
Eigen::MatrixXd similar_regions_share_reference(const Eigen::MatrixXd& M, const Eigen::MatrixXd& Lg);

}  // namespace chaingap
