#include "chaingap/eval/density.hpp"

namespace chaingap {

Eigen::MatrixXd proximity(const Eigen::MatrixXd& M) {
    const Eigen::MatrixXd C = M.transpose() * M;  // co-occurrence, diagonal = ubiquity
    return proximity_from_cooccurrence(C);
}

Eigen::MatrixXd proximity_from_cooccurrence(const Eigen::MatrixXd& C) {
    const Eigen::Index N = C.rows();
    Eigen::MatrixXd phi = Eigen::MatrixXd::Zero(N, N);
    for (Eigen::Index a = 0; a < N; ++a)
        for (Eigen::Index b = 0; b < N; ++b) {
            const double k = std::max(C(a, a), C(b, b));
            if (k > 0) phi(a, b) = C(a, b) / k;
        }
    return phi;
}

Eigen::MatrixXd density(const Eigen::MatrixXd& M, const Eigen::MatrixXd& phi) {
    Eigen::MatrixXd w = M * phi;  // Σ_n' M_rn' φ_n'n
    const Eigen::RowVectorXd denom = phi.colwise().sum();
    for (Eigen::Index n = 0; n < w.cols(); ++n) {
        if (denom(n) > 0)
            w.col(n) /= denom(n);
        else
            w.col(n).setZero();
    }
    return w;
}

std::vector<double> density_scores(const EvalState& s, const EvalParams&) {
    const Eigen::MatrixXd M = presence_matrix(s);
    return to_scores(density(M, proximity(M)));
}

}  // namespace chaingap
