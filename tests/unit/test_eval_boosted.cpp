// The boosted-trees model (training set from stacked origins before the cutoff, determinism, SHAP
// contributions that add up to the score) and the 延链 opportunities of a region on the demo data
// (with their report: JSON, the CSV machine columns, the Chinese text view).
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>

#include "chaingap/eval/boosted.hpp"
#include "chaingap/eval/opportunities.hpp"
#include "chaingap/eval/protocol.hpp"
#include "chaingap/report/opportunities.hpp"
#include "chaingap/load/dataset_loader.hpp"
#include "chaingap/core/error.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

TEST_CASE("boosted: origins before the cutoff, deterministic, contributions add up to the score", "[eval]") {
    const Dataset ds = synthetic_dataset(2500, 17);
    EvalOptions o;
    o.cutoff = 2014;
    o.chain = "semiconductor";
    o.params.horizon = 4;
    o.params.boost_rounds = 60;
    o.models = {"boosted"};
    const EvalSetup s = prepare_evaluation(ds, o);
    REQUIRE(static_cast<int>(s.state->annual.size()) == boosted_annual_history(o.params));
    const BoostedModel a = fit_boosted(*s.state, o.params), b = fit_boosted(*s.state, o.params);
    CHECK(a.scores == b.scores);  // same seed, same ensemble
    // origins c − L, c − L − 1, …: every label window (o, o + L] ends by the cutoff
    REQUIRE(a.origins.size() == static_cast<std::size_t>(o.params.boost_origins));
    for (std::size_t k = 0; k < a.origins.size(); ++k) {
        CHECK(a.origins[k] == o.cutoff - static_cast<int>(o.params.boost_label_window) - static_cast<int>(k));
        CHECK(a.origins[k] + o.params.boost_label_window <= o.cutoff);
    }
    CHECK(a.training_positives > 0);
    CHECK(a.training_positives < a.training_examples);
    double total = 0;
    for (double v : a.importance) {
        CHECK(v >= 0);
        total += v;
    }
    CHECK(total == Approx(1.0));
    // scores: probabilities at candidates, 0 at pairs with a firm
    std::size_t distinct_checked = 0;
    std::vector<std::size_t> pairs;
    for (std::size_t i = 0; i < a.scores.size(); ++i) {
        if (s.state->count[i] > 0) {
            CHECK(a.scores[i] == 0.0);
        } else {
            CHECK(a.scores[i] > 0.0);
            CHECK(a.scores[i] < 1.0);
            if (pairs.size() < 25) pairs.push_back(i);
        }
    }
    // SHAP: bias + Σ contributions = log-odds of the prediction
    const auto c = boosted_contributions(a, *s.state, pairs, o.params);
    REQUIRE(c.size() == pairs.size());
    for (std::size_t j = 0; j < pairs.size(); ++j) {
        REQUIRE(c[j].size() == boosted_features().size() + 1);
        double sum = 0;
        for (double v : c[j]) sum += v;
        const double p = a.scores[pairs[j]];
        CHECK(sum == Approx(std::log(p / (1 - p))).margin(1e-4));
        ++distinct_checked;
    }
    CHECK(distinct_checked == 25);
    // a different seed draws other rows and features: other scores
    EvalParams q = o.params;
    q.seed = 7;
    CHECK(fit_boosted(*s.state, q).scores != a.scores);
    // the evaluation reports the same ensemble's importances
    o.params.bootstrap = 0;
    const EvalResult r = evaluate(ds, o);
    REQUIRE(r.models.at(0).boosted);
    CHECK(r.models[0].boosted->importance == a.importance);
}

TEST_CASE("boosted without history to learn from is a usage error", "[eval]") {
    const Dataset ds = synthetic_dataset(400, 3);
    EvalOptions o;
    o.cutoff = 2014;
    o.chain = "semiconductor";
    o.models = {"boosted"};
    const EvalSetup s = prepare_evaluation(ds, o);
    EvalParams p = o.params;
    p.boost_feature_window = 6;  // needs states the setup did not build
    CHECK_THROWS_AS(fit_boosted(*s.state, p), UsageError);
}

TEST_CASE("opportunities: Chongqing's missing links ranked, with reasons that hold", "[eval]") {
    const Dataset ds = load_dataset(source_dir() + "/data/demo");
    OpportunityOptions o;
    o.region = "500000";
    o.top = 10;
    o.params.boost_rounds = 80;
    const OpportunityResult r = opportunities(ds, o);
    CHECK(r.region_name == "重庆市");
    REQUIRE(r.items.size() == 10);
    CHECK(r.links_present > 0);
    CHECK(r.links_present < r.links);
    // recompute the region's links at the year: none of the listed links is present
    EvalSelection sel;
    sel.region_level = 0;
    sel.nodes = select_nodes(ds, std::nullopt, std::nullopt);
    sel.regions = select_regions(ds, 0, r.year);
    const auto counts = counts_at(ds, sel, r.year);
    std::size_t me = 0;
    while (ds.regions.id(sel.regions[me]) != "500000") ++me;
    auto count_of = [&](const std::string& region, const std::string& link) {
        std::size_t q = 0, n = 0;
        while (ds.regions.id(sel.regions[q]) != region) ++q;
        while (ds.node_key(sel.nodes[n]) != link) ++n;
        return counts[q * sel.nodes.size() + n];
    };
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        const Opportunity& it = r.items[i];
        INFO(it.node_key);
        CHECK(it.rank == static_cast<int>(i + 1));
        CHECK(count_of("500000", it.node_key) == 0);
        if (i > 0) CHECK(r.items[i - 1].score >= it.score);
        for (const Reason& x : it.related) CHECK(count_of("500000", x.id) > 0);
        // chain neighbours: links Chongqing has, joined to the link by a catalogue edge or a parent
        for (const Reason& x : it.chain) {
            CHECK(count_of("500000", x.id) == static_cast<std::int32_t>(x.value));
            CHECK(x.value > 0);
            const NodeId a = *ds.find_node(*ds.find_chain(it.chain_id), it.node_key.substr(it.chain_id.size() + 1));
            const auto slash = x.id.find('/');
            const ChainId xc = *ds.find_chain(x.id.substr(0, slash));
            const NodeId b = *ds.find_node(xc, x.id.substr(slash + 1));
            if (x.kind == "same_segment") {
                CHECK(ds.nodes[a].parent == ds.nodes[b].parent);
            } else {
                REQUIRE((x.kind == "upstream" || x.kind == "downstream"));
                // an edge of the chain whose ends lie at or above the two links (or below a segment)
                auto covers = [&](NodeId end, NodeId n) {
                    for (NodeId y = n; y != kNone; y = ds.nodes[y].parent)
                        if (y == end) return true;
                    for (NodeId y = end; y != kNone; y = ds.nodes[y].parent)
                        if (y == n) return true;
                    return false;
                };
                const NodeId from = x.kind == "upstream" ? b : a, to = x.kind == "upstream" ? a : b;
                bool found = false;
                for (const ChainEdge& e : ds.chains[ds.nodes[a].chain].edges)
                    found = found || (covers(e.from, from) && covers(e.to, to));
                CHECK(found);
            }
        }
        for (const Reason& x : it.similar) {
            CHECK(x.id != "500000");
            CHECK(count_of(x.id, it.node_key) > 0);
        }
        for (const Reason& x : it.drivers) CHECK(x.value > 0);
        CHECK(it.firms.size() <= 3);
        for (const Reason& f : it.firms) {  // firms to bring are active and not ST
            const EnterpriseId e = *ds.find_enterprise(f.id);
            CHECK(ds.enterprises.is_active(e));
            CHECK_FALSE(ds.enterprises.has_label(e, *label_bit("st")));
        }
        // every similar region that has the link has a firm there to bring it (same_as aliases too)
        if (!it.similar.empty()) CHECK_FALSE(it.firms.empty());
    }
    CHECK(me < sel.regions.size());
    CHECK_FALSE(r.items[0].drivers.empty());
    CHECK_FALSE(r.items[0].similar.empty());
    // the catalogue's neighbours reach a planner: some listed link has one the region holds
    CHECK(std::any_of(r.items.begin(), r.items.end(), [](const Opportunity& o) { return !o.chain.empty(); }));
    rapidjson::Document doc;
    const Report rep = opportunities_report(r, ds);
    doc.Parse(render(rep, "json").c_str());
    REQUIRE_FALSE(doc.HasParseError());
    CHECK(doc["opportunities"].Size() == 10);
    CHECK(std::string(doc["opportunities"][0]["link"].GetString()) == r.items[0].node_key);
    const std::string text = render(rep, "table");
    CHECK(text.find("重庆市") != std::string::npos);
    CHECK(text.find("数据覆盖 coverage: 合成数据") != std::string::npos);  // what the data stands for, first
    CHECK(std::string(doc["coverage_note"].GetString()).find("synthetic") != std::string::npos);
    CHECK(text.find("本地已有的上下游环节") != std::string::npos);
    CHECK(text.find("已有的同地分布相关环节") != std::string::npos);
    CHECK(text.find(r.items[0].node_name) != std::string::npos);
    const std::string csv = render(rep, "csv");
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 11);
    CHECK(csv.rfind("region,rank,link,name,chain,score,chain_links,related_links,similar_regions,drivers,firms\n", 0) == 0);
    CHECK(csv.find("本地已有的上下游环节") == std::string::npos);  // people columns are not in the CSV

    o.region = "nowhere";
    CHECK_THROWS_AS(opportunities(ds, o), UsageError);
    o.region = "500000";
    o.model = "nope";
    CHECK_THROWS_AS(opportunities(ds, o), UsageError);
}

TEST_CASE("boosted: above boost_max_rows every positive is kept and negatives are sampled, seeded", "[eval]") {
    const Dataset ds = synthetic_dataset(2500, 17);
    EvalOptions o;
    o.cutoff = 2014;
    o.chain = "semiconductor";
    o.params.horizon = 4;
    o.params.boost_rounds = 20;
    o.models = {"boosted"};
    const EvalSetup s = prepare_evaluation(ds, o);
    const BoostedModel full = fit_boosted(*s.state, o.params);
    CHECK(full.negative_rate == 1.0);  // the default cap is far above this training set
    CHECK(full.training_rows == full.training_examples);
    EvalParams p = o.params;
    p.boost_max_rows =
        static_cast<double>(full.training_positives + (full.training_examples - full.training_positives) / 4);
    const BoostedModel a = fit_boosted(*s.state, p), b = fit_boosted(*s.state, p);
    CHECK(a.training_examples == full.training_examples);  // the candidates are still all counted
    CHECK(a.negative_rate == Approx(0.25));
    CHECK(a.training_rows < full.training_rows);
    CHECK(a.training_rows > full.training_positives);  // every positive, and some negatives
    // the sample is a seeded coin per (origin, pair): about the rate, and the same twice
    const double kept = static_cast<double>(a.training_rows - a.training_positives);
    const double negatives = static_cast<double>(a.training_examples - a.training_positives);
    CHECK(kept / negatives == Approx(0.25).margin(0.05));
    CHECK(a.scores == b.scores);
    p.seed += 1;
    CHECK(fit_boosted(*s.state, p).scores != a.scores);
    // no cap: the full set
    p.boost_max_rows = 0;
    CHECK(fit_boosted(*s.state, p).training_rows == full.training_examples);
    CHECK(boosted_negative_rate(1000, 100, p) == 1.0);
}
