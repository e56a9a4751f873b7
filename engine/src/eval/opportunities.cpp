// 延链 opportunities of one region: method in chaingap/eval/opportunities.hpp.
#include "chaingap/eval/opportunities.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/eval/boosted.hpp"
#include "chaingap/eval/density.hpp"
#include "chaingap/eval/model.hpp"
#include "chaingap/eval/state.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/graph/chain_graph.hpp"

namespace chaingap {

std::string feature_label_zh(const std::string& f) {
    static const std::map<std::string, std::string> zh = {
        {"region_recent", "本地区近年新增企业"},
        {"link_recent", "该环节全国近年新增企业"},
        {"region_recent_share", "本地区新增企业占全国比重"},
        {"link_recent_share", "该环节新增企业占全国比重"},
        {"persistence", "地区与环节增长势头"},
        {"region_size", "本地区企业总量"},
        {"link_size", "该环节全国企业数"},
        {"link_growth", "该环节全国增长率"},
        {"link_recent_1y", "该环节全国上年新增"},
        {"diversity", "本地区已有环节数"},
        {"ubiquity", "拥有该环节的地区数"},
        {"density", "关联密度"},
        {"rca_density", "相关环节比较优势"},
        {"parent_firms", "本地区同一上级行业企业数"},
        {"parent_recent", "本地区同一上级行业近年新增"},
        {"parent_share", "本地区同类环节覆盖率"},
        {"grandparent_firms", "本地区同一大类行业企业数"},
        {"similar_regions", "相似地区拥有比例"},
        {"neighbour_regions", "同一上级地区拥有比例"},
        {"cn", "共同邻居指数"},
        {"ra", "资源分配指数"},
    };
    const auto it = zh.find(f);
    return it != zh.end() ? it->second : f;
}

namespace {
// One-sided Fisher exact test of the co-location of links m and n over the R regions of M: the
// probability that two links held by K_m and K_n of R regions drawn at random share at least the c
// regions they do share (hypergeometric upper tail, log-factorials by lgamma). O(R + min(K_m, K_n)).
double colocation_p(const Eigen::MatrixXd& M, std::size_t m, std::size_t n) {
    const auto R = static_cast<int>(M.rows());
    int km = 0, kn = 0, c = 0;
    for (Eigen::Index q = 0; q < M.rows(); ++q) {
        const bool a = M(q, static_cast<Eigen::Index>(m)) > 0, b = M(q, static_cast<Eigen::Index>(n)) > 0;
        km += a;
        kn += b;
        c += a && b;
    }
    auto lchoose = [](int a, int b) { return std::lgamma(a + 1.0) - std::lgamma(b + 1.0) - std::lgamma(a - b + 1.0); };
    const double denom = lchoose(R, kn);
    double p = 0;
    for (int x = c; x <= std::min(km, kn); ++x)
        if (kn - x <= R - km) p += std::exp(lchoose(km, x) + lchoose(R - km, kn - x) - denom);
    return std::min(1.0, p);
}
}  // namespace

OpportunityResult opportunities(const Dataset& ds, const OpportunityOptions& opt) {
    opt.params.validate();
    const ModelInfo& model = require_model(opt.model);
    const RegionId region = require_region(ds, opt.region);
    int year = opt.year;
    if (year == 0)
        for (int f : ds.enterprises.founded) year = std::max(year, f);
    if (year == 0) throw UsageError("no enterprise has a founding year: opportunities need dated firms");

    EvalSelection sel;
    if (opt.chain) sel.chain = require_chain(ds, *opt.chain);
    sel.level = opt.level;
    sel.region_level = ds.regions.depth(region);
    sel.nodes = select_nodes(ds, sel.chain, opt.level);
    sel.regions = select_regions(ds, sel.region_level, year);
    const auto pos = std::find(sel.regions.begin(), sel.regions.end(), region);
    const auto r = static_cast<std::size_t>(pos - sel.regions.begin());  // always found: same depth
    const bool boosted = opt.model == "boosted";
    const bool learned = opt.model == "learned";
    const auto st = build_state(ds, sel, year, opt.params, learned ? 2 : 1, nullptr,
                                boosted ? boosted_annual_history(opt.params) : 0);
    const EvalState& s = *st;
    const std::size_t R = s.regions, N = s.nodes;

    BoostedModel fitted;
    std::vector<double> scores;
    if (boosted) {
        fitted = fit_boosted(s, opt.params);
        scores = fitted.scores;
    } else {
        scores = model.score(s, opt.params);
    }

    OpportunityResult res;
    res.region_id = ds.regions.id(region);
    res.region_name = ds.regions.name(region);
    res.model = opt.model;
    res.year = year;
    res.regions = R;
    res.links = N;
    std::vector<std::size_t> gaps;
    for (std::size_t n = 0; n < N; ++n) {
        if (s.count[s.at(r, n)] > 0)
            ++res.links_present;
        else
            gaps.push_back(n);
    }
    std::stable_sort(gaps.begin(), gaps.end(),
                     [&](std::size_t a, std::size_t b) { return scores[s.at(r, a)] > scores[s.at(r, b)]; });
    if (opt.top > 0 && gaps.size() > opt.top) gaps.resize(opt.top);

    // reasons: proximity, region similarity, contributions, firms
    const Eigen::MatrixXd M = presence_matrix(s);
    const Eigen::MatrixXd phi = proximity(M);
    std::vector<double> sim(R, 0.0);
    {
        auto row = [&](std::size_t q) {
            Eigen::VectorXd v(static_cast<Eigen::Index>(N));
            for (std::size_t n = 0; n < N; ++n) v(static_cast<Eigen::Index>(n)) = std::log1p(s.count[s.at(q, n)]);
            return v;
        };
        const Eigen::VectorXd a = row(r);
        for (std::size_t q = 0; q < R; ++q) {
            if (q == r) continue;
            const Eigen::VectorXd b = row(q);
            const double d = a.norm() * b.norm();
            sim[q] = d > 0 ? a.dot(b) / d : 0.0;
        }
    }
    std::vector<std::size_t> pairs;
    for (std::size_t n : gaps) pairs.push_back(s.at(r, n));
    const auto contrib = boosted ? boosted_contributions(fitted, s, pairs, opt.params)
                                 : std::vector<std::vector<double>>{};
    // firms per (selected region, selected node): attachments lifted to the selected level
    std::vector<std::int32_t> local(ds.nodes.size(), -1), rpos(ds.regions.size(), -1);
    for (std::size_t n = 0; n < N; ++n) local[sel.nodes[n]] = static_cast<std::int32_t>(n);
    for (std::size_t q = 0; q < R; ++q) rpos[sel.regions[q]] = static_cast<std::int32_t>(q);
    std::map<std::pair<std::size_t, std::size_t>, std::vector<EnterpriseId>> firms_at;
    const auto& E = ds.enterprises;
    for (std::size_t a = 0; a < ds.attachments.size(); ++a) {
        const EnterpriseId e = ds.attachments.enterprise[a];
        if (E.founded[e] == 0 || E.founded[e] > year || E.aggregate[e]) continue;
        std::int32_t q = -1;
        for (RegionId x = E.region[e]; x != kNone && q < 0; x = ds.regions.parent(x)) q = rpos[x];
        if (q < 0) continue;
        // the nodes the attachment counts toward: itself, ancestors, same_as aliases (as presence)
        for (NodeId x : ds.node_targets.row(ds.canonical[ds.attachments.node[a]])) {
            const std::int32_t n = local[x];
            if (n < 0) continue;
            auto& v = firms_at[{static_cast<std::size_t>(q), static_cast<std::size_t>(n)}];
            if (std::find(v.begin(), v.end(), e) == v.end()) v.push_back(e);
        }
    }

    // Chain neighbours among the selected links: upstream[n] / downstream[n] hold local indices m
    // joined to n by a catalogue flow edge (lifted to the selection as in the chain graph).
    std::vector<std::vector<std::size_t>> upstream(N), downstream(N);
    for (const Chain& c : ds.chains) {
        if (sel.chain && ds.chains[*sel.chain].id != c.id) continue;
        for (const ChainEdge& e : c.edges) {
            const auto from = project_node(ds, e.from, local), to = project_node(ds, e.to, local);
            for (NodeId a : from)
                for (NodeId b : to) {
                    if (a == b) continue;
                    const auto la = static_cast<std::size_t>(local[a]), lb = static_cast<std::size_t>(local[b]);
                    if (std::find(upstream[lb].begin(), upstream[lb].end(), la) == upstream[lb].end()) upstream[lb].push_back(la);
                    if (std::find(downstream[la].begin(), downstream[la].end(), lb) == downstream[la].end()) downstream[la].push_back(lb);
                }
        }
    }
    const auto k = static_cast<std::size_t>(std::max(opt.reasons, 0));
    const int st_bit = *label_bit("st");  // ST / *ST firms are no one's first visit (as in targets)
    // The region's links next to n of one kind, most local firms first (ties: node order), k at most.
    auto chain_reasons = [&](std::size_t n, std::vector<std::size_t> cand, const char* kind, std::vector<Reason>& out) {
        std::vector<std::size_t> have;
        for (std::size_t m : cand)
            if (m != n && s.present[s.at(r, m)]) have.push_back(m);
        std::sort(have.begin(), have.end(), [&](std::size_t a, std::size_t b) {
            const auto ca = s.count[s.at(r, a)], cb = s.count[s.at(r, b)];
            return ca != cb ? ca > cb : sel.nodes[a] < sel.nodes[b];
        });
        for (std::size_t j = 0; j < have.size() && j < k; ++j) {
            const NodeId x = sel.nodes[have[j]];
            out.push_back({ds.node_key(x), ds.nodes[x].name, static_cast<double>(s.count[s.at(r, have[j])]), kind});
        }
    };
    for (std::size_t i = 0; i < gaps.size(); ++i) {
        const std::size_t n = gaps[i];
        const NodeId node = sel.nodes[n];
        Opportunity o;
        o.rank = static_cast<int>(i + 1);
        o.node_key = ds.node_key(node);
        o.node_name = ds.nodes[node].name;
        o.chain_id = ds.chains[ds.nodes[node].chain].id;
        o.score = scores[s.at(r, n)];
        chain_reasons(n, upstream[n], "upstream", o.chain);
        chain_reasons(n, downstream[n], "downstream", o.chain);
        {
            std::vector<std::size_t> siblings;
            const NodeId parent = ds.nodes[node].parent;
            if (parent != kNone)
                for (std::size_t m = 0; m < N; ++m)
                    if (ds.nodes[sel.nodes[m]].parent == parent) siblings.push_back(m);
            std::vector<std::size_t> rest;  // a neighbour by a flow edge is listed as such only
            for (std::size_t m : siblings)
                if (std::find(upstream[n].begin(), upstream[n].end(), m) == upstream[n].end() &&
                    std::find(downstream[n].begin(), downstream[n].end(), m) == downstream[n].end())
                    rest.push_back(m);
            chain_reasons(n, rest, "same_segment", o.chain);
        }
        std::vector<std::size_t> idx;
        for (std::size_t m = 0; m < N; ++m)
            if (m != n && s.present[s.at(r, m)] && phi(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(n)) > 0)
                idx.push_back(m);
        {  // co-located more often than chance, Bonferroni over the links tested
            const double level = opt.colocation_p / static_cast<double>(std::max<std::size_t>(idx.size(), 1));
            std::erase_if(idx, [&](std::size_t m) { return colocation_p(M, m, n) > level; });
        }
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
            return phi(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(n)) >
                   phi(static_cast<Eigen::Index>(b), static_cast<Eigen::Index>(n));
        });
        for (std::size_t j = 0; j < idx.size() && o.related.size() < k; ++j) {
            const NodeId x = sel.nodes[idx[j]];
            // a same_as alias in another chain is the same link: list it once
            if (std::any_of(o.related.begin(), o.related.end(),
                            [&](const Reason& y) { return y.name == ds.nodes[x].name; }))
                continue;
            o.related.push_back({ds.node_key(x), ds.nodes[x].name,
                                 phi(static_cast<Eigen::Index>(idx[j]), static_cast<Eigen::Index>(n)), ""});
        }
        std::vector<std::size_t> regs;
        for (std::size_t q = 0; q < R; ++q)
            if (q != r && s.count[s.at(q, n)] > 0 && sim[q] > 0) regs.push_back(q);
        std::stable_sort(regs.begin(), regs.end(), [&](std::size_t a, std::size_t b) { return sim[a] > sim[b]; });
        if (regs.size() > k) regs.resize(k);
        for (std::size_t q : regs) o.similar.push_back({ds.regions.id(sel.regions[q]), ds.regions.name(sel.regions[q]), sim[q], ""});
        if (boosted) {
            const auto& c = contrib[i];
            std::vector<std::size_t> fidx(fitted.features.size());
            std::iota(fidx.begin(), fidx.end(), 0);
            std::stable_sort(fidx.begin(), fidx.end(), [&](std::size_t a, std::size_t b) { return c[a] > c[b]; });
            for (std::size_t j = 0; j < std::min(k, fidx.size()); ++j)
                if (c[fidx[j]] > 0)
                    o.drivers.push_back({fitted.features[fidx[j]], feature_label_zh(fitted.features[fidx[j]]), c[fidx[j]], ""});
        }
        std::vector<EnterpriseId> cand;
        for (std::size_t q : regs) {
            auto it = firms_at.find({q, n});
            if (it == firms_at.end()) continue;
            std::vector<EnterpriseId> v = it->second;
            std::stable_sort(v.begin(), v.end(), [&](EnterpriseId a, EnterpriseId b) { return E.revenue[a] > E.revenue[b]; });
            for (EnterpriseId e : v)
                if (cand.size() < k && E.is_active(e) && !E.has_label(e, st_bit)) cand.push_back(e);
        }
        for (EnterpriseId e : cand) o.firms.push_back({E.id[e], E.name[e], E.revenue[e], ""});
        res.items.push_back(std::move(o));
    }
    return res;
}

}  // namespace chaingap
