// Target ranking: the hand-computed toy list, the strong-vs-missing property, determinism,
// parameters and the weights file.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "chaingap/core/error.hpp"
#include "chaingap/rank/targets.hpp"
#include "chaingap/synth/generate.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

namespace {
Dataset synthetic(std::int64_t enterprises, std::uint64_t seed) {
    return synthetic_dataset(enterprises, seed, enterprises);
}
std::string toy_dir() {
    return source_dir() + "/tests/scenarios/targets_toy/data";
}

TargetQuery query_for(const Dataset& ds, const char* region) {
    TargetQuery q;
    q.region = *ds.regions.find(region);
    return q;
}
const TargetRow* find_row(const Dataset& ds, const std::vector<TargetRow>& rows, const std::string& id) {
    for (const auto& r : rows)
        if (ds.enterprises.id[r.enterprise] == id) return &r;
    return nullptr;
}
}  // namespace

TEST_CASE("toy ranking matches the hand computation (tests/scenarios/targets_toy/README.md)", "[rank]") {
    const Dataset ds = load_isolated(toy_dir());
    TargetQuery q = query_for(ds, "500000");
    q.chain = *ds.find_chain("line");
    q.from_regions = parse_source_regions(ds, "yangtze_delta");
    q.include_local = true;
    const TargetList list = rank_targets(ds, q);
    REQUIRE(list.targets.size() == 4);
    std::vector<std::string> order;
    for (const auto& r : list.targets) order.push_back(ds.enterprises.id[r.enterprise]);
    CHECK(order == std::vector<std::string>{"X1", "X2", "X6", "X3"});
    const double size1000 = std::log10(1001.0) / std::log10(1e7 + 1);
    // gap_fill = the what-if closure at a: 1 − 0.25 (a stays single_point after one branch).
    CHECK(list.targets[0].score ==
          Approx(0.4 * 0.75 + 0.15 * 0.75 / 3 + 0.1 * 0.75 + 0.15 + 0.1 * size1000 + 0.05).epsilon(1e-12));
    CHECK(list.targets[1].score == list.targets[2].score);  // X2, X6 identical: tie broken by id
    CHECK(list.targets[3].score == Approx(0.2651997592).epsilon(1e-9));
    // Every row's score is the sum of its contributions, and link contributions add up to the
    // link-level components' contributions.
    for (const auto& r : list.targets) {
        double sum = 0, links = 0;
        for (double c : r.contribution) sum += c;
        for (const auto& l : r.links) links += l.contribution;
        CHECK(sum == Approx(r.score).epsilon(1e-12));
        CHECK(links == Approx(r.contribution[0] + r.contribution[1] + r.contribution[2]).epsilon(1e-12));
    }
    // X4, X5 sit only at the strong link c: not targets. L1 is local: listed separately.
    CHECK(find_row(ds, list.targets, "X5") == nullptr);
    CHECK(find_row(ds, list.targets, "L1") == nullptr);
    REQUIRE(list.local.size() == 1);
    CHECK(ds.enterprises.id[list.local[0].enterprise] == "L1");
    CHECK(list.local[0].component[static_cast<int>(Component::source_region)] == 0.0);
}

TEST_CASE("a firm at links where R is strong never outranks an otherwise identical firm at a missing link",
          "[rank][invariant]") {
    const Dataset base = synthetic(1200, 5);
    std::mt19937 rng(9);
    int checked = 0;
    for (const char* region : {"500000", "440000", "510000"}) {
        const RegionId r = *base.regions.find(region);
        const GapReport rep = analyze_gaps(base, r, std::nullopt, GapParams{});
        std::vector<NodeId> strong, missing;
        for (const auto& cg : rep.chains)
            for (const auto& l : cg.links) {
                // Only links without same_as aliases: an alias in another chain may be a gap (its
                // importance and downstream differ), and a firm there rightly fills it.
                if (l.status == LinkStatus::strong && base.node_targets.row(base.canonical[l.node]).size() ==
                                                          static_cast<std::size_t>(base.nodes[l.node].depth + 1))
                    strong.push_back(l.node);
                if (l.status == LinkStatus::missing && l.importance > 0) missing.push_back(l.node);
            }
        REQUIRE(!strong.empty());
        REQUIRE(!missing.empty());
        // A local firm both twins relate to, so relatedness is equal and non-zero.
        EnterpriseId local = kNone;
        for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(base.enterprises.size()) && local == kNone; ++e)
            if (base.regions.within(base.enterprises.region[e], r)) local = e;
        REQUIRE(local != kNone);
        const RegionId outside = *base.regions.find(std::string(region) == "440000" ? "310000" : "440000");
        for (int trial = 0; trial < 16; ++trial) {
            Dataset ds = base;
            const NodeId s = strong[rng() % strong.size()], m = missing[rng() % missing.size()];
            const double revenue = trial % 2 ? 80.0 : 3e6;  // tiny or huge: strength must not decide
            const auto S = static_cast<EnterpriseId>(ds.enterprises.size());
            // "AAA" sorts before every synthetic id: S would win a tie.
            ds.enterprises.push("AAA-strong", "强链企业", outside, revenue, 100, 2010, 0b10000001);
            ds.enterprises.push("ZZZ-missing", "缺链企业", outside, revenue, 100, 2010, 0b10000001);
            ds.attachments.push(S, s, 1.0);
            ds.attachments.push(S + 1, m, 1.0);
            for (EnterpriseId twin : {S, S + 1}) {
                ds.relations.from.push_back(twin);
                ds.relations.to.push_back(local);
                ds.relations.type.push_back(RelationType::supply);
                ds.relations.weight.push_back(1.0);
            }
            ds.finalize();
            TargetQuery q = query_for(ds, region);
            q.from_regions = parse_source_regions(ds, "yangtze_delta,gba");
            const TargetList list = rank_targets(ds, q);
            // S's own capacity may push R below the benchmark at s: then s is no longer a strong link
            // and the pair does not test the property.
            bool still_strong = false;
            for (const auto& cg : list.report.chains)
                for (const auto& l : cg.links) still_strong |= l.node == s && l.status == LinkStatus::strong;
            if (!still_strong) continue;
            const TargetRow* rs = find_row(ds, list.targets, "AAA-strong");
            const TargetRow* rm = find_row(ds, list.targets, "ZZZ-missing");
            INFO(region << " strong " << ds.node_key(s) << " missing " << ds.node_key(m));
            REQUIRE(rm != nullptr);
            CHECK(rm->component[static_cast<int>(Component::relatedness)] > 0);
            if (rs) CHECK(rs->rank > rm->rank);
            // Scored directly (as if it were a candidate) with the list's criteria, S still ranks
            // after M: its score is at most M's (it closes no gap), and on a tie (a tiny firm whose
            // what-if leaves the missing link's gap at 1 through the single-point risk) the gap at
            // the links it fills (0 for S) decides.
            const TargetRow direct = score_enterprise(ds, q, list.report, S, &list.criteria);
            CHECK(direct.score <= rm->score);
            CHECK(ranks_before(ds, *rm, direct));
            CHECK(direct.links.empty());
            CHECK(direct.component[static_cast<int>(Component::strength)] == 0.0);
            ++checked;
        }
    }
    CHECK(checked >= 24);  // enough pairs where s stayed strong
}

TEST_CASE("ranking is deterministic: score descending, then id; no aggregates, nobody inside R", "[rank]") {
    const Dataset ds = synthetic(1500, 12);
    TargetQuery q = query_for(ds, "500000");
    q.include_local = true;
    const TargetList a = rank_targets(ds, q), b = rank_targets(ds, q);
    REQUIRE(a.targets.size() > 20);
    REQUIRE(a.targets.size() == b.targets.size());
    for (std::size_t i = 0; i < a.targets.size(); ++i) {
        CHECK(a.targets[i].enterprise == b.targets[i].enterprise);
        CHECK(a.targets[i].rank == static_cast<int>(i + 1));
        const EnterpriseId e = a.targets[i].enterprise;
        CHECK_FALSE(ds.regions.within(ds.enterprises.region[e], q.region));
        CHECK_FALSE(ds.enterprises.is_aggregate(e));
        CHECK_FALSE(a.targets[i].links.empty());
        for (const auto& l : a.targets[i].links) CHECK(l.gap_score > 0);
        if (i > 0) {
            const auto& p = a.targets[i - 1];
            CHECK((p.score > a.targets[i].score ||
                   (p.score == a.targets[i].score && ds.enterprises.id[p.enterprise] < ds.enterprises.id[e])));
        }
    }
    for (const auto& r : a.local) CHECK(ds.regions.within(ds.enterprises.region[r.enterprise], q.region));
}

TEST_CASE("aggregate rows are never targets", "[rank]") {
    TempDir dir;
    dir.write("chains/line.json", read_text(toy_dir() + "/chains/line.json"));
    dir.write("enterprises.csv",
              "id,name,region,revenue,kind\nL1,本地,500000,100,firm\nV1,Various "
              "companies,USA,5000,aggregate\nX1,甲,310000,10,\n");
    dir.write("attachments.csv", "enterprise,chain,node\nL1,line,c\nV1,line,a\nX1,line,a\n");
    const Dataset ds = load_isolated(dir.str());
    const TargetList list = rank_targets(ds, query_for(ds, "500000"));
    REQUIRE(list.targets.size() == 1);
    CHECK(ds.enterprises.id[list.targets[0].enterprise] == "X1");
    CHECK(list.firms_outside == 1);
}

TEST_CASE("re-weighting changes the order as documented", "[rank]") {
    const Dataset ds = load_isolated(toy_dir());
    TargetQuery q = query_for(ds, "500000");
    // With only relatedness besides a tiny gap_fill weight, X3 (the only firm related to R) leads.
    for (const auto& p : rank_param_info())
        if (std::string(p.group) == "weight")
            set_rank_param(q.rank_params, p.name, p.name == std::string("gap_fill") ? 1e-6 : 0.0);
    set_rank_param(q.rank_params, "relatedness", 1.0);
    const TargetList list = rank_targets(ds, q);
    REQUIRE(!list.targets.empty());
    CHECK(ds.enterprises.id[list.targets[0].enterprise] == "X3");
}

TEST_CASE("ranking parameters: names, ranges, weights file errors name the file and key", "[rank]") {
    RankParams p;
    CHECK_NOTHROW(p.validate());
    CHECK_THROWS_WITH(set_rank_param(p, "nonsense", 1.0), Catch::Contains("unknown ranking parameter 'nonsense'"));
    CHECK_THROWS_WITH(set_rank_param(p, "gap_fill", 0.0), Catch::Contains("gap_fill"));
    CHECK_THROWS_WITH(set_rank_param(p, "points_srdi", 2.0), Catch::Contains("points_srdi"));
    TempDir dir;
    dir.write("ok.json", "{\n  \"quality\": 0.5,\n  \"points_srdi\": 0.9\n}\n");
    const RankParams r = read_rank_weights((dir.path() / "ok.json").string());
    CHECK(r.quality == 0.5);
    CHECK(r.points("srdi") == 0.9);
    CHECK(r.gap_fill == RankParams{}.gap_fill);
    dir.write("unknown.json", "{\n  \"quality\": 0.5,\n  \"qualty\": 0.2\n}\n");
    CHECK_THROWS_WITH(read_rank_weights((dir.path() / "unknown.json").string()),
                      Catch::Contains("unknown.json:3") && Catch::Contains("qualty"));
    dir.write("string.json", "{\"size\": \"big\"}");
    CHECK_THROWS_WITH(read_rank_weights((dir.path() / "string.json").string()),
                      Catch::Contains("string.json") && Catch::Contains("size") && Catch::Contains("must be a number"));
    dir.write("range.json", "{\"strength\": -1}");
    CHECK_THROWS_WITH(read_rank_weights((dir.path() / "range.json").string()),
                      Catch::Contains("range.json") && Catch::Contains("strength"));
    dir.write("bad.json", "{\"size\": 0.1,,}");
    CHECK_THROWS_AS(read_rank_weights((dir.path() / "bad.json").string()), InputError);
    dir.write("array.json", "[1, 2]");
    CHECK_THROWS_WITH(read_rank_weights((dir.path() / "array.json").string()), Catch::Contains("JSON object"));
    CHECK_THROWS_AS(read_rank_weights((dir.path() / "absent.json").string()), InputError);
}

TEST_CASE("source region groups follow 002 第四章第三节 and refuse unknown items", "[rank]") {
    const Dataset ds = synthetic(600, 2);
    const SourceRegions s = parse_source_regions(ds, "jingjinji, yangtze_delta,gba");
    for (const char* id : {"110000", "120000", "130000", "310000", "320000", "330000", "340000", "440000"})
        CHECK(s.contains(ds, *ds.regions.find(id)));
    CHECK_FALSE(s.contains(ds, *ds.regions.find("500000")));
    CHECK(parse_source_regions(ds, "500000").contains(ds, *ds.regions.find("500000")));
    CHECK_THROWS_WITH(parse_source_regions(ds, "jingjinji,atlantis"), Catch::Contains("'atlantis'"));
}

TEST_CASE("the link -> firms index finds every candidate: no firm left out has a link to score", "[rank][index]") {
    // rank_targets scores only firms found through node_attachments at links with a gap. The
    // reference: score every other active, non-aggregate firm directly; none may have a link.
    const Dataset ds = synthetic(800, 31);
    for (const char* region : {"500000", "110000"}) {
        REQUIRE(ds.regions.find(region));
        TargetQuery q = query_for(ds, region);
        q.include_local = true;
        q.include_st = true;
        const TargetList list = rank_targets(ds, q);
        REQUIRE(!list.targets.empty());
        std::vector<char> listed(ds.enterprises.size(), 0);
        for (const auto& r : list.targets) listed[r.enterprise] = 1;
        for (const auto& r : list.local) listed[r.enterprise] = 1;
        std::size_t scored = 0;
        for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(ds.enterprises.size()); ++e) {
            if (listed[e] || ds.enterprises.is_aggregate(e) || !ds.enterprises.is_active(e)) continue;
            const TargetRow direct = score_enterprise(ds, q, list.report, e, &list.criteria);
            INFO(region << " " << ds.enterprises.id[e]);
            CHECK(direct.links.empty());
            ++scored;
        }
        CHECK(scored + list.targets.size() + list.local.size() > 0);
        CHECK(list.firms_outside >= static_cast<std::int64_t>(list.targets.size()));
    }
}

TEST_CASE("keep: the kept rows are the first rows of the full list, counts unchanged", "[rank][index]") {
    const Dataset ds = synthetic(1200, 44);
    for (const char* region : {"500000", "440000"}) {
        REQUIRE(ds.regions.find(region));
        TargetQuery q = query_for(ds, region);
        q.include_local = true;
        const TargetList all = rank_targets(ds, q);
        REQUIRE(all.targets.size() > 12);
        CHECK(all.candidates == static_cast<std::int64_t>(all.targets.size()));
        for (std::size_t keep : {std::size_t{1}, std::size_t{5}, std::size_t{12}, all.targets.size() + 3}) {
            q.keep = keep;
            const TargetList cut = rank_targets(ds, q);
            INFO(region << " keep " << keep);
            CHECK(cut.candidates == all.candidates);
            CHECK(cut.local_candidates == all.local_candidates);
            CHECK(cut.firms_outside == all.firms_outside);
            REQUIRE(cut.targets.size() == std::min(keep, all.targets.size()));
            for (std::size_t i = 0; i < cut.targets.size(); ++i) {
                CHECK(cut.targets[i].enterprise == all.targets[i].enterprise);
                CHECK(cut.targets[i].score == all.targets[i].score);
                CHECK(cut.targets[i].rank == all.targets[i].rank);
                CHECK(cut.targets[i].gap_closed_alone == all.targets[i].gap_closed_alone);
                CHECK(cut.targets[i].links.size() == all.targets[i].links.size());
            }
            REQUIRE(cut.local.size() == std::min(keep, all.local.size()));
            for (std::size_t i = 0; i < cut.local.size(); ++i) CHECK(cut.local[i].enterprise == all.local[i].enterprise);
        }
    }
}
