#include "chaingap/eval/complexity.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "chaingap/eval/density.hpp"

namespace chaingap {
namespace {

struct Reduced {
    std::vector<Eigen::Index> rows, cols;  // regions with a link, links present somewhere
    Eigen::MatrixXd M;
    Eigen::VectorXd kr, kn;
};

Reduced reduce(const Eigen::MatrixXd& M) {
    Reduced out;
    const Eigen::VectorXd kr = M.rowwise().sum();
    const Eigen::VectorXd kn = M.colwise().sum().transpose();
    for (Eigen::Index r = 0; r < M.rows(); ++r)
        if (kr(r) > 0) out.rows.push_back(r);
    for (Eigen::Index n = 0; n < M.cols(); ++n)
        if (kn(n) > 0) out.cols.push_back(n);
    out.M.resize(static_cast<Eigen::Index>(out.rows.size()), static_cast<Eigen::Index>(out.cols.size()));
    for (std::size_t i = 0; i < out.rows.size(); ++i)
        for (std::size_t j = 0; j < out.cols.size(); ++j) out.M(i, j) = M(out.rows[i], out.cols[j]);
    out.kr = out.M.rowwise().sum();
    out.kn = out.M.colwise().sum().transpose();
    return out;
}

void standardise(Eigen::VectorXd& v) {
    const double mean = v.mean();
    v.array() -= mean;
    const double sd = std::sqrt(v.squaredNorm() / static_cast<double>(v.size()));
    if (sd > 0)
        v /= sd;
    else
        v.setZero();
}

double correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    const Eigen::VectorXd x = a.array() - a.mean(), y = b.array() - b.mean();
    const double d = std::sqrt(x.squaredNorm() * y.squaredNorm());
    return d > 0 ? x.dot(y) / d : 0.0;
}

// Standardises, fixes the signs, and scatters back to full size.
Complexity finish(const Reduced& red, Eigen::VectorXd eci, Eigen::VectorXd pci, Eigen::Index R, Eigen::Index N) {
    standardise(eci);
    standardise(pci);
    if (correlation(eci, red.kr) < 0) eci = -eci;
    // mean ECI of the regions that have each link
    const Eigen::VectorXd mean_eci = (red.M.transpose() * eci).cwiseQuotient(red.kn);
    if (correlation(pci, mean_eci) < 0) pci = -pci;
    Complexity c;
    c.eci = Eigen::VectorXd::Zero(R);
    c.pci = Eigen::VectorXd::Zero(N);
    for (std::size_t i = 0; i < red.rows.size(); ++i) c.eci(red.rows[i]) = eci(i);
    for (std::size_t j = 0; j < red.cols.size(); ++j) c.pci(red.cols[j]) = pci(j);
    return c;
}

Eigen::VectorXd second_eigenvector_general(const Eigen::MatrixXd& A) {
    Eigen::EigenSolver<Eigen::MatrixXd> es(A);
    std::vector<Eigen::Index> order(static_cast<std::size_t>(A.rows()));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](Eigen::Index a, Eigen::Index b) { return es.eigenvalues()(a).real() > es.eigenvalues()(b).real(); });
    return es.eigenvectors().col(order[1]).real();
}
}  // namespace

Complexity economic_complexity(const Eigen::MatrixXd& M) {
    const Reduced red = reduce(M);
    if (red.rows.size() < 2 || red.cols.size() < 2)
        return {Eigen::VectorXd::Zero(M.rows()), Eigen::VectorXd::Zero(M.cols())};
    // A = D^{-1/2} M U^{-1/2}: A Aᵀ is similar to M̃, Aᵀ A to M̃'. Both share their non-zero
    // eigenvalues, and their eigenvectors are A's singular vectors: only the Gram matrix of the
    // smaller side is decomposed, the other side follows as u = A v / σ (v = Aᵀ u / σ).
    const Eigen::VectorXd dr = red.kr.cwiseSqrt().cwiseInverse(), dn = red.kn.cwiseSqrt().cwiseInverse();
    const Eigen::MatrixXd A = dr.asDiagonal() * red.M * dn.asDiagonal();
    Eigen::VectorXd u, v;  // second left / right singular vectors of A
    if (A.cols() <= A.rows()) {
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(A.transpose() * A);  // ascending
        const Eigen::Index k = A.cols() - 2;
        v = es.eigenvectors().col(k);
        const double sigma = std::sqrt(std::max(es.eigenvalues()(k), 0.0));
        u = sigma > 0 ? Eigen::VectorXd(A * v / sigma) : Eigen::VectorXd::Zero(A.rows());
    } else {
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(A * A.transpose());
        const Eigen::Index k = A.rows() - 2;
        u = es.eigenvectors().col(k);
        const double sigma = std::sqrt(std::max(es.eigenvalues()(k), 0.0));
        v = sigma > 0 ? Eigen::VectorXd(A.transpose() * u / sigma) : Eigen::VectorXd::Zero(A.cols());
    }
    Eigen::VectorXd eci = dr.asDiagonal() * u;
    Eigen::VectorXd pci = dn.asDiagonal() * v;
    return finish(red, std::move(eci), std::move(pci), M.rows(), M.cols());
}

Complexity economic_complexity_reference(const Eigen::MatrixXd& M) {
    const Reduced red = reduce(M);
    if (red.rows.size() < 2 || red.cols.size() < 2)
        return {Eigen::VectorXd::Zero(M.rows()), Eigen::VectorXd::Zero(M.cols())};
    const Eigen::MatrixXd Dinv = red.kr.cwiseInverse().asDiagonal();
    const Eigen::MatrixXd Uinv = red.kn.cwiseInverse().asDiagonal();
    const Eigen::MatrixXd Mr = Dinv * red.M * Uinv * red.M.transpose();
    const Eigen::MatrixXd Mn = Uinv * red.M.transpose() * Dinv * red.M;
    return finish(red, second_eigenvector_general(Mr), second_eigenvector_general(Mn), M.rows(), M.cols());
}

Eigen::MatrixXd complexity_outlook_gain(const Eigen::MatrixXd& M, const Eigen::MatrixXd& phi,
                                        const Eigen::VectorXd& pci) {
    const Eigen::Index N = phi.rows();
    const Eigen::RowVectorXd colsum = phi.colwise().sum();
    Eigen::MatrixXd Q = Eigen::MatrixXd::Zero(N, N);  // Q(n, n') = φ_nn' / Σ_n'' φ_n''n'
    for (Eigen::Index b = 0; b < N; ++b)
        if (colsum(b) > 0) Q.col(b) = phi.col(b) / colsum(b);
    const Eigen::MatrixXd absent = Eigen::MatrixXd::Ones(M.rows(), M.cols()) - M;
    Eigen::MatrixXd gain = absent * pci.asDiagonal() * Q.transpose();
    const Eigen::MatrixXd w = density(M, phi);
    gain -= ((Eigen::MatrixXd::Ones(M.rows(), M.cols()) - w) * pci.asDiagonal());
    return gain;
}

std::vector<double> eci_scores(const EvalState& s, const EvalParams&) {
    const Complexity c = economic_complexity(presence_matrix(s));
    Eigen::MatrixXd out = c.eci * Eigen::RowVectorXd::Ones(static_cast<Eigen::Index>(s.nodes));
    return to_scores(out);
}

std::vector<double> pci_scores(const EvalState& s, const EvalParams&) {
    const Complexity c = economic_complexity(presence_matrix(s));
    Eigen::MatrixXd out = Eigen::VectorXd::Ones(static_cast<Eigen::Index>(s.regions)) * c.pci.transpose();
    return to_scores(out);
}

std::vector<double> cog_scores(const EvalState& s, const EvalParams&) {
    const Eigen::MatrixXd M = presence_matrix(s);
    const Complexity c = economic_complexity(M);
    return to_scores(complexity_outlook_gain(M, proximity(M), c.pci));
}

}  // namespace chaingap
