#include "chaingap/eval/protocol.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/eval/model.hpp"
#include "chaingap/core/error.hpp"

namespace chaingap {

const std::vector<std::string>& metric_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out = {"roc_auc", "pr_auc", "mrr"};
        for (const char* kind : {"precision", "recall", "ndcg"})
            for (int k : kTopK) out.push_back(std::string(kind) + "@" + std::to_string(k));
        return out;
    }();
    return names;
}

std::vector<double> flatten(const RankingMetrics& m) {
    std::vector<double> out = {m.roc_auc, m.pr_auc, m.mrr};
    for (const auto* a : {&m.precision, &m.recall, &m.ndcg}) out.insert(out.end(), a->begin(), a->end());
    return out;
}

RankingMetrics unflatten(const std::vector<double>& v) {
    RankingMetrics m;
    m.roc_auc = v[0];
    m.pr_auc = v[1];
    m.mrr = v[2];
    std::size_t i = 3;
    for (auto* a : {&m.precision, &m.recall, &m.ndcg})
        for (double& x : *a) x = v[i++];
    return m;
}

std::vector<std::string> parse_model_list(const std::string& list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        std::string name = list.substr(start, comma - start);
        if (name.empty()) throw UsageError("empty model name in '" + list + "'");
        require_model(name);
        if (std::find(out.begin(), out.end(), name) != out.end()) throw UsageError("model '" + name + "' listed twice");
        out.push_back(name);
        start = comma + 1;
    }
    return out;
}

EvalSetup prepare_evaluation(const Dataset& ds, const EvalOptions& opt) {
    opt.params.validate();
    for (const std::string& m : opt.models) require_model(m);
    EvalSetup s;
    s.undated = undated_enterprises(ds);
    for (int f : ds.enterprises.founded) s.latest_founded = std::max(s.latest_founded, f);
    const int horizon = static_cast<int>(opt.params.horizon);
    if (s.latest_founded == 0) throw UsageError("no enterprise has a founding year: nothing to backtest");
    if (opt.cutoff + horizon > s.latest_founded)
        throw UsageError("the target window (" + std::to_string(opt.cutoff) + ", " +
                         std::to_string(opt.cutoff + horizon) + "] ends after the latest founding year in the data (" +
                         std::to_string(s.latest_founded) + "): choose an earlier cutoff or a shorter horizon");
    if (opt.chain) s.selection.chain = require_chain(ds, *opt.chain);
    s.selection.level = opt.level;
    s.selection.region_level = opt.region_level;
    s.selection.nodes = select_nodes(ds, s.selection.chain, opt.level);
    s.selection.regions = select_regions(ds, opt.region_level, opt.cutoff);
    const bool learned =
        opt.models.empty() || std::find(opt.models.begin(), opt.models.end(), "learned") != opt.models.end();
    const bool boosted =
        opt.models.empty() || std::find(opt.models.begin(), opt.models.end(), "boosted") != opt.models.end();
    s.state = build_state(ds, s.selection, opt.cutoff, opt.params, learned ? 2 : 1, nullptr,
                          boosted ? boosted_annual_history(opt.params) : 0);
    const std::vector<std::int32_t> later = counts_at(ds, s.selection, opt.cutoff + horizon);
    s.candidate.assign(later.size(), 0);
    s.target.assign(later.size(), 0);
    for (std::size_t i = 0; i < later.size(); ++i) {
        s.candidate[i] = s.state->count[i] == 0 ? 1 : 0;
        s.target[i] = s.candidate[i] && later[i] > 0 ? 1 : 0;
    }
    for (int f : ds.enterprises.founded) s.enterprises_at_cutoff += f != 0 && f <= opt.cutoff ? 1 : 0;
    return s;
}

std::vector<double> model_scores(const EvalSetup& setup, const std::string& model, const EvalParams& params) {
    return require_model(model).score(*setup.state, params);
}

namespace {
MetricInterval percentile_interval(const std::vector<std::vector<double>>& samples, double level) {
    const std::size_t M = metric_names().size();
    std::vector<double> lo(M), hi(M);
    for (std::size_t j = 0; j < M; ++j) {
        std::vector<double> v;
        v.reserve(samples.size());
        for (const auto& s : samples) v.push_back(s[j]);
        std::sort(v.begin(), v.end());
        auto quantile = [&](double q) {  // linear interpolation between order statistics
            const double pos = q * static_cast<double>(v.size() - 1);
            const auto i = static_cast<std::size_t>(std::floor(pos));
            const double f = pos - static_cast<double>(i);
            return i + 1 < v.size() ? v[i] * (1 - f) + v[i + 1] * f : v[i];
        };
        lo[j] = quantile((1 - level) / 2);
        hi[j] = quantile(1 - (1 - level) / 2);
    }
    return {unflatten(lo), unflatten(hi)};
}
}  // namespace

EvalResult evaluate(const Dataset& ds, const EvalOptions& opt) {
    const EvalSetup setup = prepare_evaluation(ds, opt);
    const EvalState& st = *setup.state;
    EvalResult res;
    res.options = opt;
    res.undated = setup.undated;
    res.enterprises_at_cutoff = setup.enterprises_at_cutoff;
    res.latest_founded = setup.latest_founded;
    for (RegionId r : setup.selection.regions) res.region_ids.push_back(ds.regions.id(r));
    for (NodeId n : setup.selection.nodes) res.node_keys.push_back(ds.node_key(n));
    for (std::size_t i = 0; i < setup.candidate.size(); ++i) {
        res.candidates += setup.candidate[i];
        res.positives += setup.target[i];
        res.present_pairs += st.present[i];
    }
    std::vector<std::string> names = opt.models;
    if (names.empty())
        for (const auto& m : model_table()) names.emplace_back(m.name);

    // The candidate list: scores at candidate positions, labels, region of each.
    std::vector<std::size_t> cand;
    std::vector<std::uint8_t> labels;
    std::vector<std::int32_t> group;
    for (std::size_t i = 0; i < setup.candidate.size(); ++i)
        if (setup.candidate[i]) {
            cand.push_back(i);
            labels.push_back(setup.target[i]);
            group.push_back(static_cast<std::int32_t>(i / st.nodes));
        }
    auto ranked = [&](const std::vector<double>& scores) {
        std::vector<double> s(cand.size());
        for (std::size_t i = 0; i < cand.size(); ++i) s[i] = scores[cand[i]];
        return RankedList(s, labels, group, st.regions);
    };
    std::vector<RankedList> lists;
    // Scores at the cutoff of the models that `learned` combines, kept for its features when it
    // is evaluated after them (the same functions on the same state: the same numbers).
    const bool keep = std::find(names.begin(), names.end(), "learned") != names.end();
    const auto& combined = learned_features();
    std::map<std::string, std::vector<double>> known;
    for (const std::string& name : names) {
        ModelResult mr;
        mr.model = name;
        if (name == "boosted") {  // fitted once: scores and importances from the same ensemble
            mr.boosted = fit_boosted(st, opt.params);
            lists.push_back(ranked(mr.boosted->scores));
        } else if (name == "learned") {  // fitted once: scores and weights from the same fit
            mr.learned = fit_learned(st, opt.params);
            lists.push_back(ranked(learned_scores(*mr.learned, st, opt.params, &known)));
            known.clear();
        } else {
            std::vector<double> scores = model_scores(setup, name, opt.params);
            lists.push_back(ranked(scores));
            if (keep && std::find(combined.begin(), combined.end(), name) != combined.end())
                known.emplace(name, std::move(scores));
        }
        mr.metrics = lists.back().evaluate();
        res.models.push_back(std::move(mr));
    }
    const auto density_it = std::find(names.begin(), names.end(), "density");
    std::optional<RankedList> density_own;  // only when density is not among the models
    if (density_it == names.end()) density_own.emplace(ranked(model_scores(setup, "density", opt.params)));
    const RankedList& density_list = density_own ? *density_own : lists[density_it - names.begin()];
    const RankingMetrics density_point = density_list.evaluate();
    for (auto& mr : res.models) {
        const auto a = flatten(mr.metrics), b = flatten(density_point);
        std::vector<double> d(a.size());
        for (std::size_t j = 0; j < a.size(); ++j) d[j] = a[j] - b[j];
        mr.vs_density = unflatten(d);
    }
    // Paired comparison with the persistence baseline, when it is among the models.
    const auto persistence_it = std::find(names.begin(), names.end(), "persistence");
    const std::size_t pers = static_cast<std::size_t>(persistence_it - names.begin());
    if (persistence_it != names.end())
        for (auto& mr : res.models) {
            const auto a = flatten(mr.metrics), b = flatten(res.models[pers].metrics);
            std::vector<double> d(a.size());
            for (std::size_t j = 0; j < a.size(); ++j) d[j] = a[j] - b[j];
            mr.vs_persistence = unflatten(d);
        }

    const int B = static_cast<int>(opt.params.bootstrap);
    if (B > 0) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(opt.params.seed));
        std::vector<std::vector<std::vector<double>>> samples(names.size()), diffs(names.size()),
            pdiffs(names.size());
        std::vector<std::vector<double>> weights(static_cast<std::size_t>(B), std::vector<double>(st.regions, 0.0));
        for (auto& w : weights)
            for (std::size_t i = 0; i < st.regions; ++i)
                w[rng() % st.regions] += 1;  // mt19937_64 is fully specified; modulo bias < 2^-58
        for (std::size_t m = 0; m < names.size(); ++m)
            for (const RankingMetrics& r : lists[m].evaluate_batch(weights)) samples[m].push_back(flatten(r));
        std::vector<std::vector<double>> own;  // density's samples when it is not among the models
        if (density_own)
            for (const RankingMetrics& r : density_own->evaluate_batch(weights)) own.push_back(flatten(r));
        const auto& dens_samples = density_own ? own : samples[density_it - names.begin()];
        for (std::size_t b = 0; b < static_cast<std::size_t>(B); ++b) {
            const auto& dens = dens_samples[b];
            for (std::size_t m = 0; m < names.size(); ++m) {
                const auto& v = samples[m][b];
                std::vector<double> d(v.size());
                for (std::size_t j = 0; j < v.size(); ++j) d[j] = v[j] - dens[j];
                diffs[m].push_back(std::move(d));
            }
            if (persistence_it != names.end())
                for (std::size_t m = 0; m < names.size(); ++m) {
                    const auto& v = samples[m][b];
                    const auto& q = samples[pers][b];
                    std::vector<double> d(v.size());
                    for (std::size_t j = 0; j < v.size(); ++j) d[j] = v[j] - q[j];
                    pdiffs[m].push_back(std::move(d));
                }
        }
        for (std::size_t m = 0; m < names.size(); ++m) {
            res.models[m].ci = percentile_interval(samples[m], opt.params.confidence);
            res.models[m].vs_density_ci = percentile_interval(diffs[m], opt.params.confidence);
            if (persistence_it != names.end())
                res.models[m].vs_persistence_ci = percentile_interval(pdiffs[m], opt.params.confidence);
        }
    }
    return res;
}

}  // namespace chaingap
