// Scoring models: exact small cases worked out by hand, and each optimised kernel against its plain
// reference.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <tuple>

#include "chaingap/eval/complexity.hpp"
#include "chaingap/eval/density.hpp"
#include "chaingap/eval/learned.hpp"
#include "chaingap/eval/link_prediction.hpp"
#include "chaingap/eval/propagation.hpp"
#include "chaingap/eval/similar_regions.hpp"

using namespace chaingap;

namespace {
// r0 = {a, b}, r1 = {a}, r2 = {b, c}
Eigen::MatrixXd small_m() {
    Eigen::MatrixXd M(3, 3);
    M << 1, 1, 0, 1, 0, 0, 0, 1, 1;
    return M;
}
Eigen::MatrixXd random_m(int R, int N, unsigned seed, double p) {
    std::mt19937 rng(seed);
    std::bernoulli_distribution b(p);
    Eigen::MatrixXd M(R, N);
    for (int r = 0; r < R; ++r)
        for (int n = 0; n < N; ++n) M(r, n) = b(rng) ? 1 : 0;
    return M;
}
ChainGraph graph_from(std::size_t n, const std::vector<std::tuple<int, int, double>>& edges) {
    std::vector<std::vector<std::pair<int, double>>> adj(n);
    for (auto [a, b, w] : edges) {
        adj[a].push_back({b, w});
        adj[b].push_back({a, w});
    }
    ChainGraph g;
    g.nodes = n;
    g.offsets.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        std::sort(adj[i].begin(), adj[i].end());
        for (auto [t, w] : adj[i]) {
            g.targets.push_back(t);
            g.weights.push_back(w);
        }
        g.offsets[i + 1] = static_cast<std::int64_t>(g.targets.size());
    }
    return g;
}
}  // namespace

TEST_CASE("proximity and density on a 3x3 case", "[eval]") {
    const Eigen::MatrixXd M = small_m();
    const Eigen::MatrixXd phi = proximity(M);
    // k = (2, 2, 1); C_ab = 1, C_ac = 0, C_bc = 1
    CHECK(phi(0, 1) == Approx(0.5));
    CHECK(phi(0, 2) == Approx(0.0));
    CHECK(phi(1, 2) == Approx(0.5));
    CHECK(phi(2, 2) == Approx(1.0));
    const Eigen::MatrixXd w = density(M, phi);
    // ω(r1, b) = φ_ab / (φ_ab + φ_bb + φ_cb) = 0.5 / 2
    CHECK(w(1, 1) == Approx(0.25));
    // ω(r1, c) = φ_ac / (φ_ac + φ_bc + φ_cc) = 0
    CHECK(w(1, 2) == Approx(0.0));
    // ω(r0, c) = (φ_ac + φ_bc) / 1.5
    CHECK(w(0, 2) == Approx(1.0 / 3.0));
}

TEST_CASE("link prediction indices on a 3x3 case and against path enumeration", "[eval]") {
    const Eigen::MatrixXd M = small_m();
    // (r0, c): one path r0 – b – r2 – c; k_r2 = 2, k_b = 2. (r1, c): no path.
    CHECK(link_prediction(M, LinkIndex::cn)(0, 2) == Approx(1.0));
    CHECK(link_prediction(M, LinkIndex::aa)(0, 2) == Approx(1.0 / std::log(2.0)));
    CHECK(link_prediction(M, LinkIndex::ra)(0, 2) == Approx(0.5));
    CHECK(link_prediction(M, LinkIndex::probs)(0, 2) == Approx(0.25));
    CHECK(link_prediction(M, LinkIndex::cn)(1, 2) == Approx(0.0));
    // (r1, b): r1 – a – r0 – b; k_r0 = 2, k_a = 2
    CHECK(link_prediction(M, LinkIndex::probs)(1, 1) == Approx(0.25));
    const Eigen::MatrixXd big = random_m(9, 14, 7, 0.35);
    for (LinkIndex k : {LinkIndex::cn, LinkIndex::aa, LinkIndex::ra, LinkIndex::probs})
        CHECK((link_prediction(big, k) - link_prediction_reference(big, k)).cwiseAbs().maxCoeff() < 1e-9);
}

TEST_CASE("ECI and PCI: nested matrix order, and the symmetric solver against the general one", "[eval]") {
    // Nested: region i has links 0..(4−i); link j is in regions 0..(4−j)
    Eigen::MatrixXd M = Eigen::MatrixXd::Zero(5, 5);
    for (int r = 0; r < 5; ++r)
        for (int n = 0; n < 5 - r; ++n) M(r, n) = 1;
    const Complexity c = economic_complexity(M);
    for (int r = 0; r + 1 < 5; ++r) CHECK(c.eci(r) > c.eci(r + 1));  // more diverse, more complex
    for (int n = 0; n + 1 < 5; ++n) CHECK(c.pci(n) < c.pci(n + 1));  // less ubiquitous, more complex
    CHECK(c.eci.mean() == Approx(0.0).margin(1e-12));
    CHECK(std::sqrt(c.eci.squaredNorm() / 5) == Approx(1.0));
    const Complexity ref = economic_complexity_reference(M);
    CHECK((c.eci - ref.eci).cwiseAbs().maxCoeff() < 1e-8);
    CHECK((c.pci - ref.pci).cwiseAbs().maxCoeff() < 1e-8);
    // a random matrix with an empty region and an empty link: both get 0
    Eigen::MatrixXd R = random_m(8, 12, 3, 0.4);
    R.row(2).setZero();
    R.col(5).setZero();
    const Complexity a = economic_complexity(R), b = economic_complexity_reference(R);
    CHECK(a.eci(2) == 0.0);
    CHECK(a.pci(5) == 0.0);
    CHECK((a.eci - b.eci).cwiseAbs().maxCoeff() < 1e-8);
    CHECK((a.pci - b.pci).cwiseAbs().maxCoeff() < 1e-8);
}

TEST_CASE("ECI and PCI from the smaller side agree with the dense reference, tall and wide", "[eval]") {
    // economic_complexity decomposes only the min(R, N)² Gram matrix and maps the other side
    // through A; the reference solves both nested matrices in full.
    for (auto [R, N, seed] : {std::tuple{40, 9, 11u}, std::tuple{9, 40, 12u}, std::tuple{25, 25, 13u}}) {
        const Eigen::MatrixXd M = random_m(R, N, seed, 0.35);
        const Complexity a = economic_complexity(M), b = economic_complexity_reference(M);
        INFO("R=" << R << " N=" << N);
        CHECK(a.eci.size() == R);
        CHECK(a.pci.size() == N);
        CHECK(a.eci.cwiseAbs().maxCoeff() > 0.1);  // a real, non-degenerate answer
        CHECK((a.eci - b.eci).cwiseAbs().maxCoeff() < 1e-7);
        CHECK((a.pci - b.pci).cwiseAbs().maxCoeff() < 1e-7);
    }
}

TEST_CASE("complexity outlook gain by hand", "[eval]") {
    const Eigen::MatrixXd M = small_m();
    const Eigen::MatrixXd phi = proximity(M);
    Eigen::VectorXd pci(3);
    pci << 1.0, -1.0, 2.0;
    const Eigen::MatrixXd cog = complexity_outlook_gain(M, phi, pci);
    // (r1, c): r1 lacks b, c. Column sums of φ: a 1.5, b 2, c 1.5.
    //   Σ_n' φ_cn'/colsum_n' (1 − M_r1n') PCI_n' = φ_cb/2 · (−1) + φ_cc/1.5 · 2 = −0.25 + 4/3
    //   − (1 − ω(r1,c)) PCI_c = −(1 − 0) · 2
    CHECK(cog(1, 2) == Approx(-0.25 + 4.0 / 3.0 - 2.0));
}

TEST_CASE("personalized PageRank and Katz agree with dense solves", "[eval]") {
    // path 0–1–2–3, triangle 3–4–5, node 6 isolated (dangling)
    const ChainGraph g = graph_from(7, {{0, 1, 1}, {1, 2, 2}, {2, 3, 1}, {3, 4, 0.5}, {4, 5, 1}, {3, 5, 1}});
    for (const std::vector<double>& seed :
         {std::vector<double>{1, 0, 0, 0, 0, 0, 0}, std::vector<double>{0, 0, 0.5, 0, 0, 0, 0.5}}) {
        const auto x = personalized_pagerank(g, seed, 0.85, 1e-13, 10000);
        const auto ref = personalized_pagerank_reference(g, seed, 0.85);
        double sum = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            CHECK(x[i] == Approx(ref[i]).margin(1e-10));
            sum += x[i];
        }
        CHECK(sum == Approx(1.0));
        const double beta = katz_beta(g, 0.5);
        const auto y = katz(g, seed, beta, 1e-14, 10000);
        const auto yref = katz_reference(g, seed, beta);
        for (std::size_t i = 0; i < y.size(); ++i) CHECK(y[i] == Approx(yref[i]).margin(1e-10));
    }
    // a two-node graph by hand: Katz from node 0 with β: y1 = β + β³ + ... = β / (1 − β²), y0 = β²/(1 − β²)
    const ChainGraph two = graph_from(2, {{0, 1, 1}});
    const auto y = katz(two, {1, 0}, 0.5, 1e-15, 1000);
    CHECK(y[1] == Approx(0.5 / 0.75));
    CHECK(y[0] == Approx(0.25 / 0.75));
}

TEST_CASE("hitting the iteration limit is an error", "[eval]") {
    const ChainGraph g = graph_from(3, {{0, 1, 1}, {1, 2, 1}});
    CHECK_THROWS_AS(personalized_pagerank(g, {1, 0, 0}, 0.85, 1e-12, 2), ConvergenceError);
    CHECK_THROWS_AS(katz(g, {1, 0, 0}, katz_beta(g, 0.9), 1e-12, 2), ConvergenceError);
    // separable data without a penalty: Newton runs off to infinity
    Eigen::MatrixXd X(4, 1);
    X << 0, 1, 2, 3;
    Eigen::VectorXd y(4);
    y << 0, 0, 1, 1;
    CHECK_THROWS_AS(fit_logistic(X, y, 0.0, 1e-10, 50), ConvergenceError);
}

TEST_CASE("logistic regression: intercept-only fit is the log-odds; penalised fit is stationary", "[eval]") {
    Eigen::VectorXd y(8);
    y << 1, 0, 0, 0, 1, 0, 0, 0;
    const Eigen::VectorXd b0 = fit_logistic(Eigen::MatrixXd(8, 0), y, 1.0, 1e-12, 100);
    CHECK(b0(0) == Approx(std::log(0.25 / 0.75)));
    Eigen::MatrixXd X = random_m(40, 3, 11, 0.5);
    Eigen::VectorXd t(40);
    for (int i = 0; i < 40; ++i) t(i) = (X(i, 0) + (i % 3 == 0 ? 1 : 0)) > 0.5 ? 1 : 0;
    const double l2 = 0.7;
    const Eigen::VectorXd b = fit_logistic(X, t, l2, 1e-12, 100);
    Eigen::MatrixXd Z(40, 4);
    Z << Eigen::VectorXd::Ones(40), X;
    const Eigen::VectorXd p = (1.0 + (-(Z * b).array()).exp()).inverse().matrix();
    Eigen::VectorXd grad = Z.transpose() * (t - p);
    grad.tail(3) -= l2 * b.tail(3);
    CHECK(grad.cwiseAbs().maxCoeff() < 1e-8);
    CHECK(b(1) > 0);  // the informative feature gets a positive weight
}

TEST_CASE("percentile ranks use average ranks over candidates only", "[eval]") {
    const std::vector<double> v = {5, 1, 1, 9, 3};
    const std::vector<std::int32_t> count = {0, 0, 0, 2, 0};  // index 3 is not a candidate
    const auto r = percentile_ranks(v, count);
    CHECK(r[1] == Approx(1.5 / 4));
    CHECK(r[2] == Approx(1.5 / 4));
    CHECK(r[4] == Approx(3.0 / 4));
    CHECK(r[0] == Approx(1.0));
    CHECK(r[3] == 0.0);
}

TEST_CASE("similar-regions share: the association by links agrees with the R x R definition", "[eval]") {
    // by hand: regions 0 and 1 have the same profile, region 2 shares nothing with them
    Eigen::MatrixXd L(3, 2), M(3, 2);
    L << 1, 0, 2, 0, 0, 1;
    M << 1, 0, 1, 0, 0, 1;
    const Eigen::MatrixXd h = similar_regions_share_by_links(M, L);
    CHECK(h(0, 0) == Approx(1.0));  // its only similar region (1) has link 0
    CHECK(h(0, 1) == 0.0);
    CHECK(h(2, 0) == 0.0);  // similar to no region: 0, exactly
    CHECK(h(2, 1) == 0.0);
    CHECK(h.isApprox(similar_regions_share_reference(M, L)));
    // random tall cases with zero rows and isolated regions; counts 0..4 as log(1 + count)
    for (unsigned seed = 1; seed <= 6; ++seed) {
        const int R = 60 + static_cast<int>(seed) * 7, N = 12;
        Eigen::MatrixXd P = random_m(R, N, seed, 0.3);
        std::mt19937 rng(seed);
        Eigen::MatrixXd C(R, N);
        for (int r = 0; r < R; ++r)
            for (int n = 0; n < N; ++n) C(r, n) = P(r, n) * static_cast<double>(1 + rng() % 4);
        C.row(0).setZero();  // a region without firms
        P.row(0).setZero();
        C.row(1).setZero();  // a region alone at the last link
        C(1, N - 1) = 3;
        P.row(1).setZero();
        P(1, N - 1) = 1;
        C.col(N - 1).setZero();
        C(1, N - 1) = 3;
        P.col(N - 1).setZero();
        P(1, N - 1) = 1;
        const Eigen::MatrixXd Lg = C.array().log1p().matrix();
        const Eigen::MatrixXd fast = similar_regions_share_by_links(P, Lg),
                              ref = similar_regions_share_reference(P, Lg);
        CHECK((fast - ref).cwiseAbs().maxCoeff() < 1e-12);
        CHECK(fast.row(0).isZero(0));                 // no firms: no similar region
        CHECK(fast.row(1).isZero(0));                 // similar to no other region
        CHECK(fast.col(N - 1).isZero(0));             // only region 1 has the last link
        CHECK(similar_regions_share(P, Lg) == fast);  // R > N: by links
    }
}
