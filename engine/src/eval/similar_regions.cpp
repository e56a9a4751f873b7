// Similar-regions share: method, complexity and source in chaingap/eval/similar_regions.hpp.
#include "chaingap/eval/similar_regions.hpp"

namespace chaingap {
namespace {
// 1/‖L_r‖ per row, 1 for a zero row (its similarities are 0 either way).
Eigen::VectorXd inverse_norms(const Eigen::MatrixXd& Lg) {
    Eigen::VectorXd norm = Lg.rowwise().norm();
    for (Eigen::Index r = 0; r < norm.size(); ++r)
        if (norm(r) == 0) norm(r) = 1;
    return norm.cwiseInverse();
}
}  // namespace

Eigen::MatrixXd similar_regions_share(const Eigen::MatrixXd& M, const Eigen::MatrixXd& Lg) {
    return M.rows() <= M.cols() ? similar_regions_share_reference(M, Lg) : similar_regions_share_by_links(M, Lg);
}

Eigen::MatrixXd similar_regions_share_by_links(const Eigen::MatrixXd& M, const Eigen::MatrixXd& Lg) {
    constexpr double kNoise = 1e-12;  // relative rounding noise of a difference of equal sums
    const Eigen::VectorXd d = inverse_norms(Lg);
    const Eigen::MatrixXd U = d.asDiagonal() * Lg;  // unit rows (or zero rows)
    // s_rr = ‖U_r‖² (1, or 0 for a zero row): the diagonal that the definition leaves out
    const Eigen::VectorXd self = U.rowwise().squaredNorm();
    const Eigen::MatrixXd G = U.transpose() * M;                    // N×N
    const Eigen::MatrixXd full = U * G;                             // Σ_r' s_rr' M_r'n, diagonal included
    const Eigen::VectorXd all = U * U.colwise().sum().transpose();  // Σ_r' s_rr', diagonal included
    Eigen::MatrixXd out(M.rows(), M.cols());
    for (Eigen::Index r = 0; r < M.rows(); ++r) {
        const double others = all(r) - self(r);  // Σ_{r'≠r} s_rr'
        if (others <= kNoise * all(r)) {         // similar to no other region (or a zero row)
            out.row(r).setZero();
            continue;
        }
        for (Eigen::Index n = 0; n < M.cols(); ++n) {
            const double v = full(r, n) - self(r) * M(r, n);
            out(r, n) = v <= kNoise * full(r, n) ? 0.0 : v / others;
        }
    }
    return out;
}

Eigen::MatrixXd similar_regions_share_reference(const Eigen::MatrixXd& M, const Eigen::MatrixXd& Lg) {
    Eigen::VectorXd norm = Lg.rowwise().norm();
    for (Eigen::Index r = 0; r < norm.size(); ++r)
        if (norm(r) == 0) norm(r) = 1;
    Eigen::MatrixXd sim = norm.cwiseInverse().asDiagonal() * (Lg * Lg.transpose()) * norm.cwiseInverse().asDiagonal();
    sim.diagonal().setZero();
    Eigen::VectorXd simsum = sim.rowwise().sum();
    for (Eigen::Index r = 0; r < simsum.size(); ++r)
        if (simsum(r) == 0) simsum(r) = 1;
    return simsum.cwiseInverse().asDiagonal() * (sim * M);
}

}  // namespace chaingap
