// Gradient-boosted trees over gravity, hierarchy and relatedness features: method, features and
// sources in chaingap/eval/boosted.hpp.
#include "chaingap/eval/boosted.hpp"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "chaingap/core/error.hpp"
#include "chaingap/eval/density.hpp"
#include "chaingap/eval/link_prediction.hpp"
#include "chaingap/eval/similar_regions.hpp"

namespace chaingap {

const std::vector<std::string>& boosted_features() {
    static const std::vector<std::string> names = {
        "region_recent", "link_recent",  "region_recent_share", "link_recent_share", "persistence",
        "region_size",   "link_size",    "link_growth",         "link_recent_1y",    "diversity",
        "ubiquity",      "density",      "rca_density",         "parent_firms",      "parent_recent",
        "parent_share",  "grandparent_firms", "similar_regions", "neighbour_regions", "cn",
        "ra"};
    return names;
}

int boosted_annual_history(const EvalParams& p) {
    return static_cast<int>(p.boost_label_window + p.boost_origins - 1 + p.boost_feature_window);
}

namespace {

const EvalState& state_at(const EvalState& s, int year) {
    if (year == s.year) return s;
    const int k = s.year - 1 - year;
    if (k < 0 || k >= static_cast<int>(s.annual.size()) || !s.annual[static_cast<std::size_t>(k)])
        throw UsageError("boosted needs the state of " + std::to_string(year) + " (annual history of " +
                         std::to_string(s.annual.size()) + " years below " + std::to_string(s.year) + ")");
    return *s.annual[static_cast<std::size_t>(k)];
}

void check(int rc) {
    if (rc != 0) throw std::runtime_error(std::string("XGBoost: ") + XGBGetLastError());
}

struct DMatrix {
    DMatrixHandle h = nullptr;
    DMatrix(const std::vector<float>& x, std::size_t rows, std::size_t cols) {
        check(XGDMatrixCreateFromMat(x.data(), rows, cols, std::nanf(""), &h));
    }
    ~DMatrix() {
        if (h) XGDMatrixFree(h);
    }
    DMatrix(const DMatrix&) = delete;
    DMatrix& operator=(const DMatrix&) = delete;
};

std::uint64_t splitmix64(std::uint64_t x) {  // Steele, Lea & Flood 2014
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::string num(double v) {
    std::string s = std::to_string(v);
    return s;
}

}  // namespace

std::vector<float> boosted_feature_matrix(const EvalState& s, int year, const EvalParams& p) {
    const int w = static_cast<int>(p.boost_feature_window);
    const EvalState& now = state_at(s, year);
    const EvalState& back = state_at(s, year - w);
    const EvalState& last = state_at(s, year - 1);
    const std::size_t R = s.regions, N = s.nodes, F = boosted_features().size();
    const ChainGraph& g = *s.graph;

    std::vector<double> er(R), rf(R), en(N, 0), ln(N, 0), lb(N, 0), l1(N, 0), kr(R, 0), kn(N, 0);
    double E = 0;
    for (std::size_t r = 0; r < R; ++r) {
        // Net entries, never below 0: a delisted or cancelled firm leaves the later state, so a
        // region (a link) can hold fewer firms than `w` years before; the feature reads growth.
        er[r] = std::max(0.0, static_cast<double>(now.region_firms[r] - back.region_firms[r]));
        rf[r] = static_cast<double>(now.region_firms[r]);
        E += er[r];
    }
    E = std::max(E, 1.0);
    for (std::size_t r = 0; r < R; ++r)
        for (std::size_t n = 0; n < N; ++n) {
            const std::size_t i = s.at(r, n);
            ln[n] += now.count[i];
            lb[n] += back.count[i];
            l1[n] += now.count[i] - last.count[i];
            kr[r] += now.present[i];
            kn[n] += now.present[i];
        }
    for (std::size_t n = 0; n < N; ++n) {
        en[n] = std::max(0.0, ln[n] - lb[n]);
        l1[n] = std::max(0.0, l1[n]);
    }

    Eigen::MatrixXd M = presence_matrix(now);
    const Eigen::MatrixXd C = M.transpose() * M;  // co-occurrence of links: whole numbers
    const Eigen::MatrixXd phi = proximity_from_cooccurrence(C);
    const Eigen::MatrixXd dens = density(M, phi);
    // RCA of the region's links, then its relatedness-weighted mean
    Eigen::MatrixXd rca = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(R), static_cast<Eigen::Index>(N));
    {
        std::vector<double> row(R, 0);
        double total = 0;
        for (std::size_t r = 0; r < R; ++r)
            for (std::size_t n = 0; n < N; ++n) row[r] += now.count[s.at(r, n)];
        for (double v : ln) total += v;
        for (std::size_t r = 0; r < R; ++r)
            for (std::size_t n = 0; n < N; ++n) {
                const double c = now.count[s.at(r, n)];
                if (c > 0) rca(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(n)) = (c / row[r]) / (ln[n] / total);
            }
    }
    Eigen::MatrixXd rca_dens = rca * phi;
    const Eigen::RowVectorXd phisum = phi.colwise().sum();
    for (Eigen::Index n = 0; n < rca_dens.cols(); ++n) rca_dens.col(n) = phisum(n) > 0 ? Eigen::VectorXd(rca_dens.col(n) / phisum(n)) : Eigen::VectorXd::Zero(rca_dens.rows());
    // link_prediction(M, cn) = M (Mᵀ M): sums of whole numbers, exact in any order, so C is reused
    const Eigen::MatrixXd cn = M * C;
    const Eigen::MatrixXd ra = link_prediction(M, LinkIndex::ra);

    // hierarchy: firms of r per parent / grandparent group, recent firms per parent, links present
    const std::size_t P = static_cast<std::size_t>(g.parents), G = static_cast<std::size_t>(g.grandparents);
    std::vector<double> pf(R * P, 0), pr(R * P, 0), pm(R * P, 0), gf(R * G, 0), sib(P, 0);
    for (std::size_t n = 0; n < N; ++n)
        if (g.parent[n] >= 0) ++sib[static_cast<std::size_t>(g.parent[n])];
    for (std::size_t r = 0; r < R; ++r)
        for (std::size_t n = 0; n < N; ++n) {
            const std::size_t i = s.at(r, n);
            if (g.parent[n] >= 0) {
                const std::size_t q = r * P + static_cast<std::size_t>(g.parent[n]);
                pf[q] += now.count[i];
                pr[q] += now.count[i] - back.count[i];
                pm[q] += now.present[i];
            }
            if (g.grandparent[n] >= 0) gf[r * G + static_cast<std::size_t>(g.grandparent[n])] += now.count[i];
        }

    // similar regions: cosine similarity of log(1 + count) rows
    Eigen::MatrixXd Lg(static_cast<Eigen::Index>(R), static_cast<Eigen::Index>(N));
    for (std::size_t r = 0; r < R; ++r)
        for (std::size_t n = 0; n < N; ++n)
            Lg(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(n)) = std::log1p(now.count[s.at(r, n)]);
    const Eigen::MatrixXd simshare = similar_regions_share(M, Lg);

    // neighbouring regions: the others in r's region group
    std::map<std::int32_t, std::vector<double>> group_present;
    std::map<std::int32_t, double> group_size;
    for (std::size_t r = 0; r < R; ++r) {
        const std::int32_t q = s.region_group[r];
        auto& v = group_present[q];
        v.resize(N, 0);
        for (std::size_t n = 0; n < N; ++n) v[n] += now.present[s.at(r, n)];
        group_size[q] += 1;
    }

    std::vector<float> X(R * N * F);
    for (std::size_t r = 0; r < R; ++r) {
        const auto& gp = group_present[s.region_group[r]];
        const double gs = group_size[s.region_group[r]] - 1;
        for (std::size_t n = 0; n < N; ++n) {
            const auto ri = static_cast<Eigen::Index>(r), ni = static_cast<Eigen::Index>(n);
            const std::size_t i = s.at(r, n);
            const std::int32_t pa = g.parent[n], ga = g.grandparent[n];
            const double pfv = pa >= 0 ? pf[r * P + static_cast<std::size_t>(pa)] : 0.0;
            const double prv = pa >= 0 ? std::max(0.0, pr[r * P + static_cast<std::size_t>(pa)]) : 0.0;
            const double pmv = pa >= 0 ? pm[r * P + static_cast<std::size_t>(pa)] / sib[static_cast<std::size_t>(pa)] : 0.0;
            const double gfv = ga >= 0 ? gf[r * G + static_cast<std::size_t>(ga)] : 0.0;
            const double nb = gs > 0 ? (gp[n] - now.present[i]) / gs : 0.0;
            const double v[] = {std::log1p(er[r]),
                                std::log1p(en[n]),
                                er[r] / E,
                                en[n] / E,
                                std::log((1 + er[r]) * (1 + en[n])),
                                std::log1p(rf[r]),
                                std::log1p(ln[n]),
                                std::log((1 + ln[n]) / (1 + lb[n])),
                                std::log1p(l1[n]),
                                kr[r],
                                kn[n],
                                dens(ri, ni),
                                rca_dens(ri, ni),
                                std::log1p(pfv),
                                std::log1p(prv),
                                pmv,
                                std::log1p(gfv),
                                simshare(ri, ni),
                                nb,
                                std::log1p(cn(ri, ni)),
                                ra(ri, ni)};
            static_assert(sizeof(v) / sizeof(v[0]) == 21);
            for (std::size_t f = 0; f < F; ++f) X[i * F + f] = static_cast<float>(v[f]);
        }
    }
    return X;
}

double boosted_negative_rate(std::int64_t examples, std::int64_t positives, const EvalParams& p) {
    const auto cap = static_cast<std::int64_t>(p.boost_max_rows);
    const std::int64_t negatives = examples - positives;
    if (cap <= 0 || examples <= cap || negatives <= 0) return 1.0;
    // every positive, negatives to fill the cap (at least half of it when positives alone fill it)
    const double room = std::max(static_cast<double>(cap - positives), 0.5 * static_cast<double>(cap));
    return std::min(1.0, room / static_cast<double>(negatives));
}

bool boosted_keep_negative(std::uint64_t seed, int origin, std::size_t pair, double rate) {
    if (rate >= 1.0) return true;
    const std::uint64_t h = splitmix64(splitmix64(seed ^ (static_cast<std::uint64_t>(origin) << 40)) ^ pair);
    return static_cast<double>(h >> 11) * 0x1.0p-53 < rate;
}

BoostedModel fit_boosted(const EvalState& s, const EvalParams& p) {
    const int L = static_cast<int>(p.boost_label_window), K = static_cast<int>(p.boost_origins);
    const std::size_t F = boosted_features().size(), RN = s.count.size();
    BoostedModel m;
    m.features = boosted_features();
    // Examples and positives per origin first: they set the negatives' sampling rate.
    std::vector<std::int64_t> rows_of(static_cast<std::size_t>(K), 0), pos_of(static_cast<std::size_t>(K), 0);
    for (int k = 0; k < K; ++k) {
        const int o = s.year - L - k;
        const EvalState& at = state_at(s, o);
        const EvalState& later = state_at(s, o + L);
        for (std::size_t i = 0; i < RN; ++i)
            if (at.count[i] == 0) {
                ++rows_of[static_cast<std::size_t>(k)];
                pos_of[static_cast<std::size_t>(k)] += later.count[i] > 0 ? 1 : 0;
            }
        m.origins.push_back(o);
        m.training_examples += rows_of[static_cast<std::size_t>(k)];
        m.training_positives += pos_of[static_cast<std::size_t>(k)];
    }
    m.negative_rate = boosted_negative_rate(m.training_examples, m.training_positives, p);
    const auto seed = static_cast<std::uint64_t>(p.seed);
    const float wneg = static_cast<float>(1.0 / m.negative_rate);
    std::vector<float> X, y, wt;
    for (int k = 0; k < K; ++k) {
        const int o = m.origins[static_cast<std::size_t>(k)];
        const EvalState& at = state_at(s, o);
        const EvalState& later = state_at(s, o + L);
        const std::vector<float> Xo = boosted_feature_matrix(s, o, p);
        const double rows = static_cast<double>(rows_of[static_cast<std::size_t>(k)]);
        const double pos = static_cast<double>(pos_of[static_cast<std::size_t>(k)]);
        const double wpos = p.boost_base_rate > 0 && pos > 0 ? p.boost_base_rate / (pos / rows) : 1.0;
        for (std::size_t i = 0; i < RN; ++i) {
            if (at.count[i] != 0) continue;
            const bool label = later.count[i] > 0;
            if (!label && !boosted_keep_negative(seed, o, i, m.negative_rate)) continue;
            X.insert(X.end(), Xo.begin() + static_cast<std::ptrdiff_t>(i * F),
                     Xo.begin() + static_cast<std::ptrdiff_t>((i + 1) * F));
            y.push_back(label ? 1.0f : 0.0f);
            wt.push_back(label ? static_cast<float>(wpos) : wneg);
        }
    }
    m.training_rows = static_cast<std::int64_t>(y.size());
    if (m.training_positives == 0 || m.training_positives == m.training_examples)
        throw UsageError("boosted: the training origins " + std::to_string(m.origins.back()) + ".." +
                         std::to_string(m.origins.front()) + " have " + std::to_string(m.training_positives) +
                         " activations among " + std::to_string(m.training_examples) +
                         " candidates; nothing to learn from");

    DMatrix train(X, y.size(), F);
    check(XGDMatrixSetFloatInfo(train.h, "label", y.data(), y.size()));
    check(XGDMatrixSetFloatInfo(train.h, "weight", wt.data(), wt.size()));
    BoosterHandle bh = nullptr;
    check(XGBoosterCreate(&train.h, 1, &bh));
    m.booster = std::shared_ptr<void>(bh, [](void* h) { XGBoosterFree(h); });
    const std::pair<const char*, std::string> params[] = {
        {"objective", "binary:logistic"},
        {"tree_method", "hist"},
        {"nthread", "1"},
        {"verbosity", "0"},
        {"seed", std::to_string(static_cast<std::uint64_t>(p.seed))},
        {"max_depth", std::to_string(static_cast<int>(p.boost_depth))},
        {"eta", num(p.boost_eta)},
        {"subsample", num(p.boost_subsample)},
        {"colsample_bytree", num(p.boost_colsample)},
        {"min_child_weight", num(p.boost_min_child_weight)},
    };
    for (const auto& [k, v] : params) check(XGBoosterSetParam(bh, k, v.c_str()));
    for (int it = 0; it < static_cast<int>(p.boost_rounds); ++it) check(XGBoosterUpdateOneIter(bh, it, train.h));

    // importances: total gain, normalised
    {
        std::string names = "[";
        for (std::size_t f = 0; f < F; ++f) names += (f ? ",\"" : "\"") + m.features[f] + "\"";
        names += "]";
        const std::string config = "{\"importance_type\": \"total_gain\", \"feature_names\": " + names + "}";
        bst_ulong nf = 0, dim = 0;
        const char** fnames = nullptr;
        const bst_ulong* shape = nullptr;
        const float* scores = nullptr;
        check(XGBoosterFeatureScore(bh, config.c_str(), &nf, &fnames, &dim, &shape, &scores));
        m.importance.assign(F, 0.0);
        double total = 0;
        for (bst_ulong j = 0; j < nf; ++j)
            for (std::size_t f = 0; f < F; ++f)
                if (m.features[f] == fnames[j]) {
                    m.importance[f] = scores[j];
                    total += scores[j];
                }
        if (total > 0)
            for (double& v : m.importance) v /= total;
    }

    // scores at the cutoff
    // scores at the cutoff, predicted for the candidates only (rows are predicted independently)
    std::vector<std::size_t> cand;
    for (std::size_t i = 0; i < RN; ++i)
        if (s.count[i] == 0) cand.push_back(i);
    m.scores.assign(RN, 0.0);
    if (cand.empty()) return m;
    std::vector<float> Xc;
    {
        const std::vector<float> all = boosted_feature_matrix(s, s.year, p);
        Xc.reserve(cand.size() * F);
        for (std::size_t i : cand)
            Xc.insert(Xc.end(), all.begin() + static_cast<std::ptrdiff_t>(i * F),
                      all.begin() + static_cast<std::ptrdiff_t>((i + 1) * F));
    }
    DMatrix test(Xc, cand.size(), F);
    bst_ulong len = 0;
    const float* out = nullptr;
    check(XGBoosterPredict(bh, test.h, 0, 0, 0, &len, &out));
    for (std::size_t j = 0; j < cand.size(); ++j) m.scores[cand[j]] = out[j];
    return m;
}

std::vector<double> boosted_scores(const EvalState& s, const EvalParams& p) { return fit_boosted(s, p).scores; }

std::vector<std::vector<double>> boosted_contributions(const BoostedModel& m, const EvalState& s,
                                                       const std::vector<std::size_t>& pairs, const EvalParams& p) {
    const std::size_t F = boosted_features().size();
    const std::vector<float> Xc = boosted_feature_matrix(s, s.year, p);
    std::vector<float> sub;
    sub.reserve(pairs.size() * F);
    for (std::size_t i : pairs)
        sub.insert(sub.end(), Xc.begin() + static_cast<std::ptrdiff_t>(i * F),
                   Xc.begin() + static_cast<std::ptrdiff_t>((i + 1) * F));
    std::vector<std::vector<double>> out;
    if (pairs.empty()) return out;
    DMatrix d(sub, pairs.size(), F);
    bst_ulong len = 0;
    const float* v = nullptr;
    check(XGBoosterPredict(m.booster.get(), d.h, 4 /* pred_contribs */, 0, 0, &len, &v));
    for (std::size_t r = 0; r < pairs.size(); ++r) out.emplace_back(v + r * (F + 1), v + (r + 1) * (F + 1));
    return out;
}

}  // namespace chaingap
