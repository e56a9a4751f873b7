// Economic complexity: ECI / PCI by the eigenvector method (Hidalgo & Hausmann 2009, "The building
// blocks of economic complexity", PNAS 106; eigenvector form as in Mealy, Farmer & Teytelboym 2019,
// "Interpreting economic complexity", Science Advances 5) and the complexity outlook gain (Hausmann,
// Hidalgo et al. 2014, "The Atlas of Economic Complexity", technical box).
//
//   D = diag(k_r), U = diag(k_n);  M̃ = D⁻¹ M U⁻¹ Mᵀ (R×R),  M̃' = U⁻¹ Mᵀ D⁻¹ M (N×N).
//   ECI = the eigenvector of M̃ for its second-largest eigenvalue, standardised (mean 0, sd 1), signed
//         to correlate positively with diversity; PCI likewise from M̃', signed so that a link's PCI
//         correlates positively with the mean ECI of the regions that have it.
//   Computed from A = D^{-1/2} M U^{-1/2}: A Aᵀ is similar to M̃ and Aᵀ A to M̃', and their
//   eigenvectors are A's left and right singular vectors. Only the Gram matrix of the smaller side
//   (min(R, N)², e.g. the 346 links rather than 3,010 counties) is decomposed with Eigen's
//   SelfAdjointEigenSolver; the other side is u = A v / σ₂: O(R·N·min(R,N) + min(R,N)³).
//   Regions with no link and links present nowhere are left out of the eigenproblem and get 0 (the
//   mean). Fewer than two regions or links with presence: all 0.
//   COG_rn = Σ_n' [φ_nn' / Σ_n'' φ_n''n'] (1 − M_rn') PCI_n' − (1 − ω_rn) PCI_n.
// Models: `eci` scores ECI_r, `pci` scores PCI_n, `cog` scores COG_rn.
#pragma once
#include <Eigen/Dense>
#include <vector>

#include "chaingap/eval/model.hpp"

namespace chaingap {

struct Complexity {
    Eigen::VectorXd eci;  // R
    Eigen::VectorXd pci;  // N
};
Complexity economic_complexity(const Eigen::MatrixXd& M);
// Reference: Eigen's general EigenSolver on M̃ and M̃' directly (non-symmetric), same sign and scale
// conventions. For tests.
Complexity economic_complexity_reference(const Eigen::MatrixXd& M);
Eigen::MatrixXd complexity_outlook_gain(const Eigen::MatrixXd& M, const Eigen::MatrixXd& phi,
                                        const Eigen::VectorXd& pci);

std::vector<double> eci_scores(const EvalState& s, const EvalParams& p);
std::vector<double> pci_scores(const EvalState& s, const EvalParams& p);
std::vector<double> cog_scores(const EvalState& s, const EvalParams& p);

}  // namespace chaingap
