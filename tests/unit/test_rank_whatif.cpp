// What-if: hand-checked toy result, monotonicity on synthetic data, argument errors.
#include <catch2/catch.hpp>

#include "chaingap/core/error.hpp"
#include "chaingap/rank/targets.hpp"
#include "chaingap/rank/whatif.hpp"
#include "chaingap/synth/generate.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

TEST_CASE("what-if on the toy line matches the hand computation (targets_whatif/README.md)", "[rank]") {
    const Dataset ds = load_isolated(source_dir() + "/tests/scenarios/targets_whatif/data");
    const RegionId r = *ds.regions.find("500000");
    const auto added = resolve_additions(ds, r, {"X1"});
    const WhatIfResult w = run_whatif(ds, r, *ds.find_chain("line"), added, GapParams{});
    CHECK(w.after.benchmark.source == "frozen");
    CHECK(w.after.benchmark.share == w.before.benchmark.share);
    CHECK(w.before.benchmark.share == Approx(200.0 / 4600.0));
    CHECK(w.total_gap_before == Approx(1.25));
    CHECK(w.total_gap_after == Approx(0.5));
    REQUIRE(w.changes.size() == 1);
    CHECK(ds.nodes[w.changes[0].node].id == "a");
    CHECK(w.changes[0].status_before == LinkStatus::missing);
    CHECK(w.changes[0].status_after == LinkStatus::single_point);
    CHECK(w.changes[0].gap_after == Approx(0.25));
    CHECK(w.after.local_enterprises == w.before.local_enterprises + 1);
}

TEST_CASE("adding a chosen target never increases any gap", "[rank][invariant]") {
    const Dataset ds = synthetic_dataset(1500, 21);
    for (const char* region : {"500000", "620000", "330000"}) {
        TargetQuery q;
        q.region = *ds.regions.find(region);
        const TargetList list = rank_targets(ds, q);
        REQUIRE(list.targets.size() >= 5);
        std::vector<EnterpriseId> all;
        for (int i = 0; i < 5; ++i) {
            const EnterpriseId e = list.targets[i].enterprise;
            all.push_back(e);
            for (const auto& set : {std::vector<EnterpriseId>{e}, all}) {
                const WhatIfResult w = run_whatif(ds, q.region, std::nullopt, set, GapParams{});
                INFO(region << " adding " << set.size() << " firm(s), last " << ds.enterprises.id[e]);
                for (const LinkChange& c : w.changes) REQUIRE(c.gap_after <= c.gap_before + 1e-12);
                CHECK(w.total_gap_after <= w.total_gap_before + 1e-12);
                // The firm's best link really closes: the top target's first link gap falls.
                if (set.size() == 1) {
                    CHECK(w.total_gap_before - w.total_gap_after ==
                          Approx(list.targets[i].gap_closed_alone).margin(1e-9));
                    const NodeId n = list.targets[i].links.front().node;
                    bool fell = false;
                    for (const LinkChange& c : w.changes) fell |= c.node == n && c.gap_after < c.gap_before;
                    CHECK(fell);
                }
            }
        }
    }
}

TEST_CASE("what-if refuses unknown, local, aggregate and repeated enterprises by name", "[rank]") {
    TempDir dir;
    dir.write("chains/line.json", read_text(source_dir() + "/tests/scenarios/targets_toy/data/chains/line.json"));
    dir.write("enterprises.csv", "id,name,region,kind\nL1,本地,500101,\nV1,Various,USA,aggregate\nX1,甲,310000,\n");
    dir.write("attachments.csv", "enterprise,chain,node\nL1,line,c\nV1,line,a\nX1,line,a\n");
    const Dataset ds = load_isolated(dir.str());
    const RegionId r = *ds.regions.find("500000");
    CHECK_THROWS_WITH(resolve_additions(ds, r, {"NOPE"}), Catch::Contains("unknown enterprise 'NOPE'"));
    CHECK_THROWS_WITH(resolve_additions(ds, r, {"L1"}), Catch::Contains("'L1' is already inside region 500000"));
    CHECK_THROWS_WITH(resolve_additions(ds, r, {"V1"}), Catch::Contains("'V1' is an aggregate"));
    CHECK_THROWS_WITH(resolve_additions(ds, r, {"X1", "X1"}), Catch::Contains("'X1' is given twice"));
    CHECK(resolve_additions(ds, r, {"X1"}).size() == 1);
}
