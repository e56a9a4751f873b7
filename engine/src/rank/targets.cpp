// Target-firm ranking (see targets.hpp and docs/targets.md for the method and its sources).
#include "chaingap/rank/targets.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "chaingap/core/error.hpp"
#include "chaingap/rank/portfolio.hpp"

namespace chaingap {

const char* component_name(Component c) {
    switch (c) {
        case Component::gap_fill:
            return "gap_fill";
        case Component::strength:
            return "strength";
        case Component::downstream_demand:
            return "downstream_demand";
        case Component::quality:
            return "quality";
        case Component::size:
            return "size";
        case Component::relatedness:
            return "relatedness";
        case Component::source_region:
            return "source_region";
    }
    return "?";
}

const char* component_name_zh(Component c) {
    switch (c) {
        case Component::gap_fill:
            return "补链强链";
        case Component::strength:
            return "环节实力";
        case Component::downstream_demand:
            return "本地下游需求";
        case Component::quality:
            return "企业层级";
        case Component::size:
            return "企业规模";
        case Component::relatedness:
            return "本地关联";
        case Component::source_region:
            return "重点来源地";
    }
    return "?";
}

double component_weight(const RankParams& p, Component c) {
    switch (c) {
        case Component::gap_fill:
            return p.gap_fill;
        case Component::strength:
            return p.strength;
        case Component::downstream_demand:
            return p.downstream_demand;
        case Component::quality:
            return p.quality;
        case Component::size:
            return p.size;
        case Component::relatedness:
            return p.relatedness;
        case Component::source_region:
            return p.source_region;
    }
    return 0;
}

namespace {
constexpr int idx(Component c) {
    return static_cast<int>(c);
}

double label_points(const RankParams& p, int bit) {
    // Bits follow kLabelNames (model/enterprise.hpp).
    switch (bit) {
        case 0:
            return p.points_fortune500;
        case 1:
            return p.points_china500;
        case 2:
            return p.points_top10;
        case 3:
            return p.points_little_giant;
        case 4:
            return p.points_srdi;
        case 5:
            return p.points_hightech;
        case 6:
            return p.points_listed;
        case 7:
            return p.points_chain_leader;
        default:
            return 0;
    }
}

double relation_points(const RankParams& p, RelationType t) {
    switch (t) {
        case RelationType::supply:
            return p.relation_supply;
        case RelationType::invest:
            return p.relation_invest;
        case RelationType::cooperate:
            return p.relation_cooperate;
        case RelationType::own:
            return p.relation_own;
        case RelationType::compete:
        case RelationType::other:
            return p.relation_other;
    }
    return 0;
}

// Everything the per-firm score needs from the report, built once: O(N + E + Rel log Rel).
struct Scorer {
    const Dataset& ds;
    const TargetQuery& q;
    std::vector<const LinkGap*> link;      // per node: its LinkGap when in the analysed chains
    std::vector<double> downstream_local;  // per node: d_l
    std::vector<char> inside;              // per enterprise: inside R
    std::vector<double> rel_points;        // per enterprise
    std::vector<std::int32_t> rel_firms;   // per enterprise: distinct related firms inside R

    Scorer(const Dataset& d, const TargetQuery& query, const GapReport& report) : ds(d), q(query) {
        link.assign(ds.nodes.size(), nullptr);
        for (const ChainGaps& cg : report.chains)
            for (const LinkGap& g : cg.links) link[g.node] = &g;
        const std::vector<NodeImportance> imp = compute_importance(ds, q.gap_params);
        downstream_local.assign(ds.nodes.size(), 0.0);
        for (NodeId n = 0; n < static_cast<NodeId>(ds.nodes.size()); ++n) {
            if (!link[n] || imp[n].downstream.empty()) continue;
            int present = 0;
            for (NodeId d : imp[n].downstream) present += link[d] && link[d]->local_count > 0;
            downstream_local[n] = static_cast<double>(present) / static_cast<double>(imp[n].downstream.size());
        }
        const auto& E = ds.enterprises;
        inside.assign(E.size(), 0);
        for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(E.size()); ++e)
            inside[e] = E.is_active(e) && ds.regions.within(E.region[e], q.region) ? 1 : 0;  // local firms today
        rel_points.assign(E.size(), 0.0);
        rel_firms.assign(E.size(), 0);
        std::vector<std::pair<EnterpriseId, EnterpriseId>> pairs;
        const auto& R = ds.relations;
        for (std::size_t i = 0; i < R.size(); ++i) {
            const EnterpriseId f = R.from[i], t = R.to[i];
            if (f == t) continue;
            const double pts = relation_points(q.rank_params, R.type[i]) * R.weight[i];
            if (inside[t]) {
                rel_points[f] += pts;
                pairs.emplace_back(f, t);
            }
            if (inside[f]) {
                rel_points[t] += pts;
                pairs.emplace_back(t, f);
            }
        }
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        for (const auto& pr : pairs) ++rel_firms[pr.first];
    }

    TargetRow score(EnterpriseId e) const {
        const RankParams& p = q.rank_params;
        const auto& E = ds.enterprises;
        TargetRow row;
        row.enterprise = e;
        // Links: the firm's attachment nodes and their aliases in the analysed chains, weights summed.
        std::map<NodeId, double> weight_at;
        for (std::int32_t a : ds.enterprise_attachments.row(e)) {
            const NodeId c = ds.canonical[ds.attachments.node[a]];
            for (std::int32_t x : ds.node_targets.row(c))
                if (ds.canonical[x] == c && link[x]) weight_at[x] += ds.attachments.weight[a];
        }
        const double size = E.size_of(e);
        double gap_fill = 0, strength = 0, demand = 0;
        for (const auto& [n, w] : weight_at) {
            const LinkGap& g = *link[n];
            if (!(g.gap_score > 0)) continue;
            TargetLink l;
            l.node = n;
            l.status = g.status;
            l.gap_score = g.gap_score;
            l.attachment_weight = w;
            l.firm_capacity = w * size;
            l.firm_share = g.national_capacity > 0 ? std::min(1.0, l.firm_capacity / g.national_capacity) : 0.0;
            l.downstream_local = downstream_local[n];
            const double e_l = g.gap_score * w;
            gap_fill += e_l;
            strength += e_l * l.firm_share;
            demand += e_l * l.downstream_local;
            l.contribution =
                p.gap_fill * e_l + p.strength * e_l * l.firm_share + p.downstream_demand * e_l * l.downstream_local;
            row.links.push_back(l);
        }
        std::stable_sort(row.links.begin(), row.links.end(), [](const TargetLink& a, const TargetLink& b) {
            if (a.contribution != b.contribution) return a.contribution > b.contribution;
            return a.node < b.node;
        });
        double labels = 0;
        for (int bit = 0; bit < static_cast<int>(kLabelNames.size()); ++bit)
            if (E.has_label(e, bit)) labels += label_points(p, bit);
        const double size_c =
            E.has_revenue(e)
                ? std::min(1.0, std::log10(1.0 + E.revenue[e]) / std::log10(1.0 + p.size_reference_revenue))
                : 0.0;
        row.relation_points = rel_points[e];
        row.related_firms = rel_firms[e];
        row.component[idx(Component::gap_fill)] = gap_fill;
        row.component[idx(Component::strength)] = strength;
        row.component[idx(Component::downstream_demand)] = demand;
        row.component[idx(Component::quality)] = std::min(1.0, labels);
        row.component[idx(Component::size)] = size_c;
        row.component[idx(Component::relatedness)] = std::min(1.0, rel_points[e] / p.relation_saturation);
        row.component[idx(Component::source_region)] =
            !inside[e] && q.from_regions.contains(ds, E.region[e]) ? 1.0 : 0.0;
        row.score = 0;
        for (int c = 0; c < kComponentCount; ++c) {
            row.contribution[c] = component_weight(p, static_cast<Component>(c)) * row.component[c];
            row.score += row.contribution[c];
        }
        return row;
    }
};

void order_and_rank(const Dataset& ds, std::vector<TargetRow>& rows) {
    std::sort(rows.begin(), rows.end(), [&](const TargetRow& a, const TargetRow& b) {
        if (a.score != b.score) return a.score > b.score;
        return ds.enterprises.id[a.enterprise] < ds.enterprises.id[b.enterprise];
    });
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i].rank = static_cast<std::int32_t>(i + 1);
}
}  // namespace

TargetRow score_enterprise(const Dataset& ds, const TargetQuery& query, const GapReport& report, EnterpriseId e) {
    query.rank_params.validate();
    return Scorer(ds, query, report).score(e);
}

TargetList rank_targets(const Dataset& ds, const TargetQuery& query) {
    query.gap_params.validate();
    query.rank_params.validate();
    TargetList out;
    out.query = query;
    out.report = analyze_gaps(ds, query.region, query.chain, query.gap_params);
    const Scorer scorer(ds, out.query, out.report);
    const GapClosure closure(ds, query.region, query.chain, query.gap_params);
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(ds.enterprises.size()); ++e) {
        // Aggregate rows stand for unnamed firms; a delisted or cancelled firm cannot be attracted.
        if (ds.enterprises.is_aggregate(e) || !ds.enterprises.is_active(e)) continue;
        const bool local = scorer.inside[e] != 0;
        if (!local) ++out.firms_outside;
        if (local && !query.include_local) continue;
        TargetRow row = scorer.score(e);
        if (row.links.empty()) continue;
        if (!local) row.gap_closed_alone = closure.marginal(e);
        (local ? out.local : out.targets).push_back(std::move(row));
    }
    order_and_rank(ds, out.targets);
    order_and_rank(ds, out.local);
    return out;
}

}  // namespace chaingap
