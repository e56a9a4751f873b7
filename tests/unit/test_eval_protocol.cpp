// The backtest protocol: candidates and targets counted by hand on a tiny dataset, the no-look-ahead
// property (rows founded after the cutoff never change a score), the CLI's JSON contract and errors.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "chaingap/eval/model.hpp"
#include "chaingap/eval/protocol.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/synth/generate.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

namespace {
// Leaves of the toy chain: raw a b mid1 mid2 side final (7). State at 2003:
//   110000 {raw, mid1}, 310000 {raw}, 500000 {side} → 21 − 4 = 17 candidates.
// Activations in (2003, 2006]: (310000, final) E4, (500000, mid2) E6. E7 (2010) is too late, E9
// lands on a pair already present, E8 has no founding year.
void write_tiny(const TempDir& d) {
    d.write("chains/toy.json", kToyChainJson);
    d.write("enterprises.csv",
            "id,name,region,founded\n"
            "E1,a,110000,2000\nE2,b,110000,2001\nE3,c,310000,2000\nE4,d,310000,2005\nE5,e,500000,2002\n"
            "E6,f,500000,2004\nE7,g,500000,2010\nE8,h,110000,\nE9,i,110000,2006\n");
    d.write("attachments.csv",
            "enterprise,chain,node\nE1,toy,raw\nE2,toy,mid1\nE3,toy,raw\nE4,toy,final\nE5,toy,side\n"
            "E6,toy,mid2\nE7,toy,a\nE8,toy,b\nE9,toy,raw\n");
}
}  // namespace

TEST_CASE("candidates and activations of a tiny dataset", "[eval]") {
    TempDir d;
    write_tiny(d);
    const Dataset ds = load_isolated(d.str());
    EvalOptions o;
    o.cutoff = 2003;
    o.models = {"density", "popularity"};
    o.params.bootstrap = 20;
    const EvalResult r = evaluate(ds, o);
    CHECK(r.region_ids.size() == 3);
    CHECK(r.node_keys.size() == 7);
    CHECK(r.candidates == 17);
    CHECK(r.positives == 2);
    CHECK(r.undated == 1);
    CHECK(r.enterprises_at_cutoff == 4);  // E1, E2, E3, E5
    REQUIRE(r.models.size() == 2);
    CHECK(r.models[0].vs_density->pr_auc == 0.0);
    REQUIRE(r.models[1].ci);
    CHECK(r.models[1].ci->low.roc_auc <= r.models[1].ci->high.roc_auc);

    // At 2001 only 110000 and 310000 hold firms (500000's first firm is from 2002).
    o.cutoff = 2001;
    const EvalSetup s = prepare_evaluation(ds, o);
    CHECK(s.selection.regions.size() == 2);
    // --region-level 0 takes every province the dataset knows (all three)
    o.region_level = 0;
    CHECK(prepare_evaluation(ds, o).selection.regions.size() == 3);
}

TEST_CASE("level and chain select the nodes; bad requests are usage errors", "[eval]") {
    TempDir d;
    write_tiny(d);
    const Dataset ds = load_isolated(d.str());
    EvalOptions o;
    o.cutoff = 2003;
    o.chain = "toy";
    o.level = 0;  // raw seg mid1 mid2 side final
    o.models = {"density"};
    o.params.bootstrap = 0;
    const EvalResult r = evaluate(ds, o);
    CHECK(r.node_keys.size() == 6);
    CHECK_FALSE(r.models[0].ci);
    o.level = 5;
    CHECK_THROWS_AS(evaluate(ds, o), UsageError);
    o.level = 1;
    o.cutoff = 2024;  // window ends after the latest founding year (2010)
    CHECK_THROWS_AS(evaluate(ds, o), UsageError);
    o.cutoff = 2003;
    o.models = {"nope"};
    CHECK_THROWS_AS(evaluate(ds, o), UsageError);
    CHECK_THROWS_AS(parse_model_list("density,,cn"), UsageError);
    CHECK(parse_model_list("cn,aa") == std::vector<std::string>{"cn", "aa"});
}

TEST_CASE("rows founded after the cutoff never change a score", "[eval]") {
    Dataset ds = load_chains_only("");
    SynthParams sp;
    sp.enterprises = 1500;
    sp.seed = 5;
    generate_synthetic(ds, sp);
    EvalOptions o;
    o.cutoff = 2012;
    o.chain = "semiconductor";
    o.params.horizon = 4;

    // Mutate only rows founded after the cutoff: move them to other regions, links and later years,
    // and add new late firms.
    Dataset mutated = ds;
    std::mt19937 rng(9);
    auto& E = mutated.enterprises;
    const auto R = static_cast<RegionId>(mutated.regions.size());
    const auto N = static_cast<NodeId>(mutated.nodes.size());
    std::int64_t moved = 0;
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(E.size()); ++e) {
        if (E.founded[e] <= o.cutoff) continue;
        E.region[e] = static_cast<RegionId>(rng() % R);
        E.founded[e] = o.cutoff + 1 + static_cast<int>(rng() % 8);
        ++moved;
    }
    for (std::size_t a = 0; a < mutated.attachments.size(); ++a)
        if (E.founded[mutated.attachments.enterprise[a]] > o.cutoff)
            mutated.attachments.node[a] = static_cast<NodeId>(rng() % N);
    for (int i = 0; i < 200; ++i) {
        E.push("LATE" + std::to_string(i), "late", static_cast<RegionId>(rng() % R), 100, 10, o.cutoff + 1 + i % 6, 0);
        mutated.attachments.push(static_cast<EnterpriseId>(E.size() - 1), static_cast<NodeId>(rng() % N), 1.0);
    }
    mutated.finalize();
    REQUIRE(moved > 50);

    const EvalSetup a = prepare_evaluation(ds, o), b = prepare_evaluation(mutated, o);
    REQUIRE(a.selection.regions == b.selection.regions);
    CHECK(a.candidate == b.candidate);
    CHECK(a.target != b.target);  // the mutation did reach the targets
    for (const auto& m : model_table()) {
        INFO("model " << m.name);
        CHECK(model_scores(a, m.name, o.params) == model_scores(b, m.name, o.params));
    }
    // and the opposite: a row founded before the cutoff does change scores
    Dataset early = ds;
    early.enterprises.push("EARLY", "early", 0, 100, 10, o.cutoff - 1, 0);
    early.attachments.push(static_cast<EnterpriseId>(early.enterprises.size() - 1), a.selection.nodes.front(), 1.0);
    early.enterprises.push("EARLY2", "early", 1, 100, 10, o.cutoff - 1, 0);
    early.attachments.push(static_cast<EnterpriseId>(early.enterprises.size() - 1), a.selection.nodes.back(), 1.0);
    early.finalize();
    const EvalSetup c = prepare_evaluation(early, o);
    CHECK(model_scores(a, "density", o.params) != model_scores(c, "density", o.params));
}

TEST_CASE("chaingap evaluate: the JSON contract and one-line errors", "[eval]") {
    TempDir d;
    write_tiny(d);
    const std::string base = "evaluate --catalogue '' --data '" + d.str() + "' --cutoff 2003 ";
    const CliResult r = run_cli(base + "--models density,cn,ppr --bootstrap 30 --format json");
    REQUIRE(r.exit_code == 0);
    rapidjson::Document doc;
    doc.Parse(r.out.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    CHECK(doc["cutoff"].GetInt() == 2003);
    CHECK(doc["horizon"].GetInt() == 3);
    CHECK(doc["candidates"].GetInt() == 17);
    CHECK(doc["positives"].GetInt() == 2);
    const auto& models = doc["models"];
    REQUIRE(models.Size() == 3);
    CHECK(std::string(models[1]["model"].GetString()) == "cn");
    for (const auto& m : models.GetArray()) {
        CHECK(m["roc_auc"].IsNumber());
        CHECK(m["pr_auc"].IsNumber());
        CHECK(m["mrr"].IsNumber());
        for (const char* kind : {"precision", "recall", "ndcg"})
            for (const char* k : {"20", "100", "500"}) CHECK(m[kind][k].IsNumber());
        CHECK(m["ci"]["pr_auc"].Size() == 2);
        CHECK(m["ci"]["precision"]["100"].Size() == 2);
        CHECK(m["vs_density"]["diff"]["roc_auc"].IsNumber());
    }
    // 17 candidates, 2 positives: precision@20 is over the whole list → 2/17
    CHECK(models[0]["precision"]["20"].GetDouble() == Approx(2.0 / 17.0));
    CHECK(models[0]["recall"]["20"].GetDouble() == Approx(1.0));

    const CliResult csv = run_cli(base + "--models density --bootstrap 0 --format csv");
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.out.rfind("model,roc_auc,", 0) == 0);
    const CliResult table = run_cli(base + "--models density --bootstrap 0");
    CHECK(table.out.find("17 candidate pairs, 2 activations") != std::string::npos);

    TempDir out;
    const std::string out_file = (out.path() / "r.json").string();
    const CliResult bad = run_cli(base + "--models density,nope --out '" + out_file + "'");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("unknown model 'nope'") != std::string::npos);
    CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
    CHECK_FALSE(std::filesystem::exists(out_file));
    const CliResult late = run_cli("evaluate --catalogue '' --data '" + d.str() + "' --cutoff 2009");
    CHECK(late.exit_code == 2);
    CHECK(late.err.find("latest founding year") != std::string::npos);
    const CliResult diverge = run_cli(base + "--models ppr --param max_iterations=1");
    CHECK(diverge.exit_code == 2);
    CHECK(diverge.err.find("did not converge") != std::string::npos);
}
