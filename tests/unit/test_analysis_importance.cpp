#include <catch2/catch.hpp>

#include "chaingap/analysis/importance.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

namespace {
Dataset toy_dataset(const TempDir& d, const std::string& chain_json = kToyChainJson, const char* node = "raw") {
    d.write("chains/toy.json", chain_json);
    d.write("enterprises.csv", "id,name,region\nE1,甲,310000\n");
    d.write("attachments.csv", std::string("enterprise,chain,node\nE1,toy,") + node + "\n");
    return load_isolated(d.str());
}
NodeId node(const Dataset& ds, const char* id) { return *ds.find_node(0, id); }
}  // namespace

TEST_CASE("importance on the toy chain matches the hand computation", "[analysis]") {
    TempDir d;
    Dataset ds = toy_dataset(d);
    auto imp = compute_importance(ds, GapParams{});
    // Hand computation in tests/scenarios/gaps_toy/README.md.
    CHECK(imp[node(ds, "raw")].reach == Approx(4.0 / 7));
    CHECK(imp[node(ds, "seg")].reach == Approx(5.0 / 7));
    CHECK(imp[node(ds, "final")].reach == Approx(1.0 / 7));
    CHECK(imp[node(ds, "mid1")].betweenness == Approx(6.0 / 30));
    CHECK(imp[node(ds, "mid2")].betweenness == Approx(4.0 / 30));
    CHECK(imp[node(ds, "raw")].betweenness == Approx(0.0));
    CHECK(imp[node(ds, "seg")].importance == Approx(1.0));
    CHECK(imp[node(ds, "raw")].importance == Approx(0.8));
    CHECK(imp[node(ds, "mid1")].importance == Approx(0.786667).epsilon(1e-5));
    CHECK(imp[node(ds, "side")].importance == Approx(0.4));
    CHECK(imp[node(ds, "final")].importance == Approx(0.2));
    // Downstream leaves of the segment: mid1, mid2, final (not its own sub-links).
    CHECK(imp[node(ds, "seg")].downstream.size() == 3);
    CHECK(imp[node(ds, "final")].downstream.empty());
}

TEST_CASE("a link deep in the chain outranks one that only feeds the final product", "[analysis]") {
    TempDir d;
    Dataset ds = toy_dataset(d);
    auto imp = compute_importance(ds, GapParams{});
    // raw feeds mid1 → mid2 → final; side feeds final directly.
    CHECK(imp[node(ds, "raw")].importance > imp[node(ds, "side")].importance);
    // And it still holds when importance is reach alone or betweenness-heavy.
    for (double bw : {0.0, 0.4, 0.8}) {
        GapParams p;
        p.reach_weight = 1.0 - bw;
        p.betweenness_weight = bw;
        auto i2 = compute_importance(ds, p);
        CHECK(i2[node(ds, "raw")].importance >= i2[node(ds, "side")].importance);
    }
}

TEST_CASE("catalogue weights scale importance; a chain without edges is flat", "[analysis]") {
    TempDir d;
    Dataset ds = toy_dataset(d, R"({"id": "toy", "name": "平", "nodes": [
        {"id": "p", "name": "P"}, {"id": "q", "name": "Q", "weight": 0.5}, {"id": "r", "name": "R"}]})", "p");
    auto imp = compute_importance(ds, GapParams{});
    CHECK(imp[node(ds, "p")].importance == Approx(1.0));
    CHECK(imp[node(ds, "r")].importance == Approx(1.0));
    CHECK(imp[node(ds, "q")].importance == Approx(0.5));
}

TEST_CASE("importance parameters are validated", "[analysis]") {
    TempDir d;
    Dataset ds = toy_dataset(d);
    GapParams p;
    p.reach_weight = 0;
    p.betweenness_weight = 0;
    CHECK_THROWS_WITH(compute_importance(ds, p), Catch::Matchers::Contains("must not both be 0"));
    p.reach_weight = 2;
    CHECK_THROWS_WITH(compute_importance(ds, p), Catch::Matchers::Contains("reach_weight"));
}

TEST_CASE("a sub-link without its own weight inherits its segment's, and its own weight wins", "[analysis]") {
    TempDir d;
    Dataset ds = toy_dataset(d, R"({"id": "toy", "name": "权", "nodes": [
        {"id": "seg", "name": "S", "weight": 0.5}, {"id": "a", "name": "A", "parent": "seg"},
        {"id": "b", "name": "B", "parent": "seg", "weight": 0.8}, {"id": "c", "name": "C"}]})", "c");
    auto imp = compute_importance(ds, GapParams{});
    CHECK(imp[node(ds, "a")].weight == 0.5);
    CHECK(imp[node(ds, "b")].weight == 0.8);  // not 0.5 × 0.8
    CHECK(imp[node(ds, "c")].weight == 1.0);
    CHECK(imp[node(ds, "b")].importance == Approx(imp[node(ds, "a")].importance * 0.8 / 0.5));
}
