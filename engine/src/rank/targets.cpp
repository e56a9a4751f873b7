// Target-firm ranking (see targets.hpp and docs/targets.md for the method and its sources).
#include "chaingap/rank/targets.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "chaingap/analysis/cache.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/threads.hpp"
#include "chaingap/rank/criteria.hpp"
#include "chaingap/rank/portfolio.hpp"
#include "chaingap/rank/topk.hpp"
#include "chaingap/rank/topk_bound.hpp"

namespace chaingap {

namespace {
constexpr int idx(Component c) {
    return static_cast<int>(c);
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

// Everything the per-firm score needs from the report, built once per query: O(N + E_R) plus one
// E-sized flag array (R's firms from the region index, never a scan of the country). A firm's
// relations with R are read from its own rows when it is scored (related_of).
struct Scorer {
    struct Related {
        double points = 0;        // Σ relation points × weight with firms inside R
        std::int32_t firms = 0;   // distinct firms inside R
    };
    const Dataset& ds;
    const TargetQuery& q;
    std::vector<const LinkGap*> link;      // per node: its LinkGap when in the analysed chains
    std::vector<double> downstream_local;  // per node: d_l
    std::vector<char> inside_;  // per enterprise: active and in R (or a region inside it)

    Scorer(const Dataset& d, const TargetQuery& query, const GapReport& report) : ds(d), q(query) {
        link.assign(ds.nodes.size(), nullptr);
        for (const ChainGaps& cg : report.chains)
            for (const LinkGap& g : cg.links) link[g.node] = &g;
        const std::vector<NodeImportance>& imp = analysis_cache(ds).importance(q.gap_params);
        downstream_local.assign(ds.nodes.size(), 0.0);
        for (NodeId n = 0; n < static_cast<NodeId>(ds.nodes.size()); ++n) {
            if (!link[n] || imp[n].downstream.empty()) continue;
            int present = 0;
            for (NodeId d : imp[n].downstream) present += link[d] && link[d]->local_count > 0;
            downstream_local[n] = static_cast<double>(present) / static_cast<double>(imp[n].downstream.size());
        }
        const auto& E = ds.enterprises;
        inside_.assign(E.size(), 0);
        for (const EnterpriseId e : analysis_cache(ds).firms_within(q.region)) inside_[e] = E.is_active(e) ? 1 : 0;
    }

    // A firm of R today: active and placed in R or a region inside it.
    bool inside(EnterpriseId e) const { return inside_[e] != 0; }
    // Relation points and distinct partners of e inside R: its outgoing and incoming rows merged in
    // increasing row index, so the points are summed in the order a scan of every row would add
    // them. O(Rel_e log Rel_e).
    Related related_of(EnterpriseId e) const {
        const auto out = ds.enterprise_relations.row(e);
        const auto in = analysis_cache(ds).relations_in().row(e);
        const auto& R = ds.relations;
        Related rel;
        std::vector<EnterpriseId> partners;
        std::size_t i = 0, j = 0;
        while (i < out.size() || j < in.size()) {
            std::int32_t row;
            if (j == in.size() || (i < out.size() && out[i] <= in[j])) {
                row = out[i++];
                if (j < in.size() && in[j] == row) ++j;
            } else {
                row = in[j++];
            }
            const EnterpriseId f = R.from[row], t = R.to[row];
            if (f == t) continue;
            const EnterpriseId other = f == e ? t : f;
            if (!inside(other)) continue;
            rel.points += relation_points(q.rank_params, R.type[row]) * R.weight[row];
            partners.push_back(other);
        }
        std::sort(partners.begin(), partners.end());
        rel.firms = static_cast<std::int32_t>(std::unique(partners.begin(), partners.end()) - partners.begin());
        return rel;
    }

    FirmFacts firm_facts(EnterpriseId e, bool with_relations = true) const {
        const auto& E = ds.enterprises;
        const Related rel = with_relations ? related_of(e) : Related{};
        FirmFacts f;
        f.labels = E.labels[e];
        f.has_revenue = E.has_revenue(e);
        f.revenue = f.has_revenue ? E.revenue[e] : 0.0;
        f.relation_points = rel.points;
        f.has_relations = rel.firms > 0;
        f.source_given = !q.from_regions.empty();
        f.in_source_region = !inside(e) && q.from_regions.contains(ds, E.region[e]);
        return f;
    }

    // The criterion values of one firm from its link facts (in node order) and firm facts.
    static std::array<double, kComponentCount> values_of(const std::vector<LinkFacts>& link_facts, const FirmFacts& f,
                                                         const RankParams& p) {
        std::array<double, kComponentCount> values{};
        for (const CriterionInfo& c : criteria()) {
            double v = 0;
            if (c.link_value)
                for (const LinkFacts& lf : link_facts) v += c.link_value(lf, p);
            else
                v = c.firm_value(f, p);
            values[static_cast<std::size_t>(c.id)] = v;
        }
        return values;
    }

    // The lean scorer of the candidate pass: the values raw() would give, with no allocation per
    // firm (the scratch vectors are reused) and no map. A firm's links are the nodes x its
    // attachments count toward with canonical[x] equal to the attachment's canonical node (the node
    // and its same_as aliases) in the analysed chains; the what-if capacity at x (closure) also
    // counts its attachments below x, as GapClosure::closure_by_link does. Sums run in the same
    // order as raw()'s (weights and capacities in attachment order, link facts in node order).
    // O(A_e · T + L_e²) for A_e attachments, T targets each, L_e links.
    struct Scratch {
        struct Direct {
            NodeId node;
            double weight;
        };
        std::vector<Direct> direct;
        std::vector<std::pair<NodeId, double>> delta;  // (node, capacity) in first-seen order
        std::vector<LinkFacts> facts;
    };
    // with_relations false: the relatedness value and facts are left at 0 (the pruned pass reads the
    // firm's relation rows only when it may enter the list; add_relations fills them in).
    bool lean(EnterpriseId e, const GapClosure* closure, Scratch& s, std::array<double, kComponentCount>& values,
              FirmFacts& facts, double& gap_touched, bool with_relations = true) const {
        const auto& E = ds.enterprises;
        s.direct.clear();
        s.delta.clear();
        s.facts.clear();
        const double size = E.size_of(e);
        for (std::int32_t a : ds.enterprise_attachments.row(e)) {
            const NodeId c = ds.canonical[ds.attachments.node[a]];
            const double w = ds.attachments.weight[a];
            const double cap = w * size;
            for (std::int32_t x : ds.node_targets.row(c)) {
                if (!link[x]) continue;  // not a link of the analysed chains (= GapClosure's scope)
                if (closure) {
                    auto it = std::find_if(s.delta.begin(), s.delta.end(), [x](const auto& d) { return d.first == x; });
                    if (it == s.delta.end()) s.delta.emplace_back(x, cap);
                    else it->second += cap;
                }
                if (ds.canonical[x] == c) {
                    auto it = std::find_if(s.direct.begin(), s.direct.end(), [x](const Scratch::Direct& d) { return d.node == x; });
                    if (it == s.direct.end()) s.direct.push_back({x, w});
                    else it->weight += w;
                }
            }
        }
        std::sort(s.direct.begin(), s.direct.end(), [](const Scratch::Direct& a, const Scratch::Direct& b) { return a.node < b.node; });
        gap_touched = 0;
        for (const Scratch::Direct& d : s.direct) {
            const LinkGap& g = *link[d.node];
            if (!(g.gap_score > 0)) continue;
            const double capacity = d.weight * size;
            const double share = g.national_capacity > 0 ? std::min(1.0, capacity / g.national_capacity) : 0.0;
            double closed;
            if (closure) {
                const auto it = std::find_if(s.delta.begin(), s.delta.end(), [&](const auto& x) { return x.first == d.node; });
                closed = it == s.delta.end() ? 0.0 : std::max(0.0, closure->closed_at(d.node, it->second));
            } else {
                closed = g.gap_score * d.weight;
            }
            gap_touched += g.gap_score;
            s.facts.push_back({closed, share, downstream_local[d.node]});
        }
        if (s.facts.empty()) return false;
        facts = firm_facts(e, with_relations);
        values = values_of(s.facts, facts, q.rank_params);
        return true;
    }

    // The relatedness value and facts of e, for a row lean() scored without relations: the same
    // criterion function on the same facts raw() reads.
    void add_relations(EnterpriseId e, std::array<double, kComponentCount>& values, FirmFacts& facts) const {
        const Related rel = related_of(e);
        facts.relation_points = rel.points;
        facts.has_relations = rel.firms > 0;
        const auto k = static_cast<std::size_t>(Component::relatedness);
        values[k] = criterion(Component::relatedness).firm_value(facts, q.rank_params);
    }
    // An upper bound of the relatedness value read from the row counts alone: the value is at most 1
    // (min(1, …)), and 0 for a firm with no relation row at all. O(1).
    double relatedness_bound(EnterpriseId e) const {
        return ds.enterprise_relations.row(e).empty() && analysis_cache(ds).relations_in().row(e).empty() ? 0.0 : 1.0;
    }

    // Raw facts of one firm: its links with c_l, s_l, d_l, and its firm-level facts. `closure` null
    // for a firm inside R (local list: c_l = g_l × a_l).
    struct Raw {
        TargetRow row;
        std::vector<LinkFacts> link_facts;  // parallel to row.links
        FirmFacts facts;
        std::array<double, kComponentCount> values{};
    };
    Raw raw(EnterpriseId e, const GapClosure* closure) const {
        const RankParams& p = q.rank_params;
        const auto& E = ds.enterprises;
        Raw out;
        TargetRow& row = out.row;
        row.enterprise = e;
        // Links: the firm's attachment nodes and their aliases in the analysed chains, weights summed.
        std::map<NodeId, std::pair<double, std::int32_t>> weight_at;  // node -> (Σ weight, first attachment)
        for (std::int32_t a : ds.enterprise_attachments.row(e)) {
            const NodeId c = ds.canonical[ds.attachments.node[a]];
            for (std::int32_t x : ds.node_targets.row(c))
                if (ds.canonical[x] == c && link[x]) {
                    auto it = weight_at.try_emplace(x, 0.0, a).first;
                    it->second.first += ds.attachments.weight[a];
                }
        }
        std::map<NodeId, double> closed_at;
        if (closure)
            for (const auto& lc : closure->closure_by_link(e)) closed_at[lc.node] = lc.closed;
        const double size = E.size_of(e);
        for (const auto& [n, wa] : weight_at) {
            const LinkGap& g = *link[n];
            if (!(g.gap_score > 0)) continue;
            TargetLink l;
            l.node = n;
            l.status = g.status;
            l.gap_score = g.gap_score;
            l.attachment_weight = wa.first;
            l.attachment = wa.second;
            l.firm_capacity = wa.first * size;
            l.firm_share = g.national_capacity > 0 ? std::min(1.0, l.firm_capacity / g.national_capacity) : 0.0;
            l.downstream_local = downstream_local[n];
            if (closure) {
                const auto it = closed_at.find(n);
                l.gap_closed = it == closed_at.end() ? 0.0 : std::max(0.0, it->second);
            } else {
                l.gap_closed = g.gap_score * wa.first;
            }
            row.gap_touched += g.gap_score;
            out.link_facts.push_back({l.gap_closed, l.firm_share, l.downstream_local});
            row.links.push_back(l);
        }
        out.facts = firm_facts(e);
        row.relation_points = out.facts.relation_points;
        row.related_firms = related_of(e).firms;
        out.values = values_of(out.link_facts, out.facts, p);
        return out;
    }

    // Score with the criteria in use (effective weights).
    static TargetRow finish(Raw r, const std::vector<CriterionUse>& uses, const RankParams& p) {
        TargetRow row = std::move(r.row);
        row.score = 0;
        for (const CriterionUse& u : uses) {
            const auto k = static_cast<std::size_t>(u.id);
            row.component[k] = r.values[k];
            row.contribution[k] = u.effective_weight * r.values[k];
            row.score += row.contribution[k];
        }
        for (std::size_t i = 0; i < row.links.size(); ++i) {
            double c = 0;
            for (const CriterionUse& u : uses) {
                const CriterionInfo& info = criterion(u.id);
                if (info.link_value) c += u.effective_weight * info.link_value(r.link_facts[i], p);
            }
            row.links[i].contribution = c;
        }
        std::stable_sort(row.links.begin(), row.links.end(), [](const TargetLink& a, const TargetLink& b) {
            if (a.contribution != b.contribution) return a.contribution > b.contribution;
            if (a.gap_score != b.gap_score) return a.gap_score > b.gap_score;
            return a.node < b.node;
        });
        return row;
    }
};

// The list's order on its three keys: score desc, gap_touched desc, enterprise id asc.
bool ranks_before(const Dataset& ds, double score_a, double touched_a, EnterpriseId a, double score_b,
                  double touched_b, EnterpriseId b) {
    if (score_a != score_b) return score_a > score_b;
    if (touched_a != touched_b) return touched_a > touched_b;
    return ds.enterprises.id[a] < ds.enterprises.id[b];
}

std::vector<CriterionUse> uses_as_given(const RankParams& p) {
    std::vector<CriterionUse> out;
    for (const CriterionInfo& c : criteria()) {
        CriterionUse u;
        u.id = c.id;
        u.weight = u.effective_weight = p.*c.weight;
        out.push_back(u);
    }
    return out;
}

}  // namespace

bool ranks_before(const Dataset& ds, const TargetRow& a, const TargetRow& b) {
    return ranks_before(ds, a.score, a.gap_touched, a.enterprise, b.score, b.gap_touched, b.enterprise);
}

TargetRow score_enterprise(const Dataset& ds, const TargetQuery& query, const GapReport& report, EnterpriseId e,
                           const std::vector<CriterionUse>* uses) {
    query.rank_params.validate();
    const Scorer scorer(ds, query, report);
    const GapClosure closure(ds, query.region, query.chain, query.gap_params);
    return Scorer::finish(scorer.raw(e, &closure), uses ? *uses : uses_as_given(query.rank_params), query.rank_params);
}

namespace {
// Both rankings below share everything but the candidate pass's scorer: `reference` scores every
// candidate with raw() (maps, closure_by_link; obviously the row the list shows), otherwise with
// Scorer::lean (same sums, no allocation). tests/unit/test_rank_targets_lean.cpp checks they agree.
TargetList rank_targets_impl(const Dataset& ds, const TargetQuery& query, bool reference) {
    query.gap_params.validate();
    query.rank_params.validate();
    TargetList out;
    out.query = query;
    // Only the scores are read (the list never shows R's firm lists): no local firm lists built.
    out.report = analyze_gap_scores(analysis_cache(ds), query.region, query.chain, query.gap_params);
    const Scorer scorer(ds, out.query, out.report);
    const GapClosure closure(ds, query.region, query.chain, query.gap_params);
    const int st_bit = *label_bit("st");
    // Candidates: only firms attached (directly or through a same_as alias) at a link of the report
    // with a gap can have a target row; the link -> firms index lists them in O(Σ firms at those
    // links) instead of scoring every firm of the dataset. Other firms are only counted: R's own
    // from the region index (no scan of the country); firms_outside is the country's active firms
    // (counted once per dataset) less R's.
    const auto& E = ds.enterprises;
    const std::int64_t active_firms = analysis_cache(ds).active_firms();
    std::int64_t local_active = 0;
    for (const EnterpriseId e : analysis_cache(ds).firms_within(query.region)) local_active += scorer.inside(e) && !E.is_aggregate(e);
    out.firms_outside = active_firms - local_active;
    // Pass 1: every candidate's criterion values, kept compact, and the statistics the dropping
    // rule reads. Pass 2 builds the full rows of the `keep` best only: scores are the same sums
    // finish() makes, so the order and the kept rows are those of the full list.
    // Outside candidates are scored without their relations first (`lazy`): reading a firm's
    // relation rows is most of a candidate's cost, and relatedness is one bounded criterion, so
    // only the firms that can still enter the top `keep` have them read (prune_by_bound below).
    struct Scored {
        EnterpriseId e;
        std::array<double, kComponentCount> values;
        double gap_touched;
        double score = 0;
    };
    std::vector<Scored> outside, local;
    CriteriaStats stats;
    const bool lazy = !reference && query.keep > 0;
    std::vector<char> listed(E.size(), 0);
    std::vector<EnterpriseId> candidates;
    for (const ChainGaps& cg : out.report.chains)
        for (const LinkGap& g : cg.links)
            if (g.gap_score > 0)
                for (std::int32_t a : ds.node_attachments.row(ds.canonical[g.node])) {
                    const EnterpriseId e = ds.attachments.enterprise[a];
                    if (listed[e]) continue;
                    listed[e] = 1;
                    candidates.push_back(e);
                }
    std::sort(candidates.begin(), candidates.end());  // enterprise order, as a scan of the table
    // The pass over the candidates, on one thread per core for a long list: thread t scores the
    // t-th contiguous slice; slices are joined in order and their statistics merged (min, max, or,
    // sum), so the lists and counts are those of one thread, bit for bit.
    struct Slice {
        std::vector<Scored> outside, local;
        CriteriaStats stats;
        std::int64_t excluded_inactive = 0, excluded_st = 0;
    };
    const unsigned T = reference || candidates.size() < 20000 ? 1U : default_threads();
    std::vector<Slice> slices(T);
    run_on_threads(T, [&](unsigned t) {
        Slice& sl = slices[t];
        Scorer::Scratch scratch;
        const std::size_t begin = candidates.size() * t / T, end = candidates.size() * (t + 1) / T;
        for (std::size_t i = begin; i < end; ++i) {
            const EnterpriseId e = candidates[i];
            if (E.is_aggregate(e)) continue;
            const bool active = E.is_active(e);
            const bool is_local = scorer.inside(e);
            if (is_local && !query.include_local) continue;
            std::array<double, kComponentCount> values{};
            FirmFacts facts;
            double gap_touched = 0;
            if (reference) {
                const Scorer::Raw r = scorer.raw(e, is_local ? nullptr : &closure);
                if (r.row.links.empty()) continue;
                values = r.values;
                facts = r.facts;
                gap_touched = r.row.gap_touched;
            } else if (!scorer.lean(e, is_local ? nullptr : &closure, scratch, values, facts, gap_touched,
                                    is_local || !lazy)) {
                continue;
            }
            if (!active) {  // a delisted or cancelled firm cannot be attracted, nor grown locally
                ++sl.excluded_inactive;
                continue;
            }
            if (!is_local && !query.include_st && E.has_label(e, st_bit)) {
                ++sl.excluded_st;
                continue;
            }
            if (!is_local) sl.stats.add(values, facts);  // lazy: relatedness 0 for now, set below
            (is_local ? sl.local : sl.outside).push_back({e, values, gap_touched});
        }
    });
    for (Slice& sl : slices) {
        outside.insert(outside.end(), sl.outside.begin(), sl.outside.end());
        local.insert(local.end(), sl.local.begin(), sl.local.end());
        stats.merge(sl.stats);
        out.excluded_inactive += sl.excluded_inactive;
        out.excluded_st += sl.excluded_st;
    }
    out.candidates = static_cast<std::int64_t>(outside.size());
    out.local_candidates = static_cast<std::int64_t>(local.size());
    if (lazy) {
        // The relatedness statistics from the firms whose relations were read: all of them, or, when
        // the bound cut the list, enough to know the criterion is used (some firm has relations in R
        // and two values differ), which is all select_criteria reads of them then.
        const auto rel = static_cast<std::size_t>(Component::relatedness);
        const RankParams& p = query.rank_params;
        auto relations_of = [&](Scored& r, LazyTermStats& rs) {
            FirmFacts f;
            scorer.add_relations(r.e, r.values, f);
            rs.add(r.values[rel], f.has_relations);
        };
        LazyTermStats rs;
        if (p.relatedness > 0 && outside.size() > 1) {
            CriteriaStats assumed_stats = stats;  // relatedness assumed used: in data, lo 0, hi 1
            assumed_stats.any_data[rel] = true;
            assumed_stats.lo[rel] = 0.0;
            assumed_stats.hi[rel] = 1.0;
            const std::vector<CriterionUse> assumed = select_criteria(p, assumed_stats);
            prune_by_bound(outside, query.keep, assumed, rel, [&](const Scored& r) { return scorer.relatedness_bound(r.e); },
                           relations_of, rs, [&](const Scored& a, const Scored& b) {
                               return ranks_before(ds, a.score, a.gap_touched, a.e, b.score, b.gap_touched, b.e);
                           });
        } else if (p.relatedness > 0) {
            for (Scored& r : outside) relations_of(r, rs);
        }
        // relatedness weight 0: its values never enter the list (weight_zero); rows built below
        // read their relations in full.
        if (rs.count > 0) {
            stats.lo[rel] = rs.lo;
            stats.hi[rel] = rs.hi;
            stats.any_data[rel] = rs.any;
        }
        out.criteria = select_criteria(p, stats);
    } else {
        out.criteria = select_criteria(query.rank_params, stats);
    }
    auto better = [&](const Scored& a, const Scored& b) {  // ranks_before on the compact rows
        return ranks_before(ds, a.score, a.gap_touched, a.e, b.score, b.gap_touched, b.e);
    };
    auto finish_list = [&](std::vector<Scored>& rows, bool is_local, std::vector<TargetRow>& dest) {
        for (Scored& r : rows) {
            r.score = 0;
            for (const CriterionUse& u : out.criteria) r.score += u.effective_weight * r.values[static_cast<std::size_t>(u.id)];
        }
        keep_top_k(rows, query.keep, better);
        dest.reserve(rows.size());
        for (const Scored& r : rows) {
            Scorer::Raw raw = scorer.raw(r.e, is_local ? nullptr : &closure);
            if (!is_local) raw.row.gap_closed_alone = closure.marginal(r.e);
            dest.push_back(Scorer::finish(std::move(raw), out.criteria, query.rank_params));
        }
        for (std::size_t i = 0; i < dest.size(); ++i) dest[i].rank = static_cast<std::int32_t>(i + 1);
    };
    finish_list(outside, false, out.targets);
    finish_list(local, true, out.local);
    return out;
}
}  // namespace

TargetList rank_targets(const Dataset& ds, const TargetQuery& query) {
    return rank_targets_impl(ds, query, false);
}

TargetList rank_targets_reference(const Dataset& ds, const TargetQuery& query) {
    return rank_targets_impl(ds, query, true);
}

}  // namespace chaingap
