#include "chaingap/eval/link_prediction.hpp"

#include <cmath>

namespace chaingap {
namespace {
double region_weight(LinkIndex kind, double k) {
    switch (kind) {
        case LinkIndex::cn:
            return 1.0;
        case LinkIndex::aa:
            return 1.0 / std::log(std::max(k, 2.0));
        case LinkIndex::ra:
        case LinkIndex::probs:
            return k > 0 ? 1.0 / k : 0.0;
    }
    return 0.0;
}
double node_weight(LinkIndex kind, double k) {
    return kind == LinkIndex::probs ? (k > 0 ? 1.0 / k : 0.0) : 1.0;
}
}  // namespace

Eigen::MatrixXd link_prediction(const Eigen::MatrixXd& M, LinkIndex kind) {
    const Eigen::VectorXd kr = M.rowwise().sum(), kn = M.colwise().sum().transpose();
    Eigen::VectorXd wr(M.rows()), wn(M.cols());
    for (Eigen::Index r = 0; r < M.rows(); ++r) wr(r) = region_weight(kind, kr(r));
    for (Eigen::Index n = 0; n < M.cols(); ++n) wn(n) = node_weight(kind, kn(n));
    // S(n', n) = Σ_r' wn(n') M_r'n' wr(r') M_r'n : link-link similarity; score = M S
    const Eigen::MatrixXd S = wn.asDiagonal() * M.transpose() * wr.asDiagonal() * M;
    return M * S;
}

Eigen::MatrixXd link_prediction_reference(const Eigen::MatrixXd& M, LinkIndex kind) {
    const Eigen::Index R = M.rows(), N = M.cols();
    const Eigen::VectorXd kr = M.rowwise().sum(), kn = M.colwise().sum().transpose();
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(R, N);
    for (Eigen::Index r = 0; r < R; ++r)
        for (Eigen::Index n = 0; n < N; ++n)
            for (Eigen::Index n2 = 0; n2 < N; ++n2) {  // path r – n2 – r2 – n
                if (M(r, n2) == 0) continue;
                for (Eigen::Index r2 = 0; r2 < R; ++r2)
                    if (M(r2, n2) != 0 && M(r2, n) != 0)
                        out(r, n) += region_weight(kind, kr(r2)) * node_weight(kind, kn(n2));
            }
    return out;
}

std::vector<double> cn_scores(const EvalState& s, const EvalParams&) {
    return to_scores(link_prediction(presence_matrix(s), LinkIndex::cn));
}
std::vector<double> aa_scores(const EvalState& s, const EvalParams&) {
    return to_scores(link_prediction(presence_matrix(s), LinkIndex::aa));
}
std::vector<double> ra_scores(const EvalState& s, const EvalParams&) {
    return to_scores(link_prediction(presence_matrix(s), LinkIndex::ra));
}
std::vector<double> probs_scores(const EvalState& s, const EvalParams&) {
    return to_scores(link_prediction(presence_matrix(s), LinkIndex::probs));
}

}  // namespace chaingap
