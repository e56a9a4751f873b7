#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/report/gaps.hpp"
#include "chaingap/synth/generate.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

namespace {
Dataset synthetic(std::int64_t enterprises, std::uint64_t seed) {
    return synthetic_dataset(enterprises, seed, enterprises);
}

// gap_score per node for every chain of the report (nodes not reported: -1).
std::vector<double> gaps_by_node(const Dataset& ds, const GapReport& rep) {
    std::vector<double> g(ds.nodes.size(), -1.0);
    for (const auto& cg : rep.chains)
        for (const auto& l : cg.links) g[l.node] = l.gap_score;
    return g;
}

// A copy of ds with one more enterprise in `region`, attached to `nodes` with weight 1.
Dataset with_firm(const Dataset& ds, RegionId region, const std::vector<NodeId>& nodes, double revenue) {
    Dataset out = ds;
    const auto e = static_cast<EnterpriseId>(out.enterprises.size());
    out.enterprises.push("ZZ-NEW", "新企业", region, revenue, 10, 2020, 0);
    for (NodeId n : nodes) out.attachments.push(e, n, 1.0);
    out.finalize();
    return out;
}

std::string shuffled_csv(const std::string& text, std::mt19937& rng) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    std::shuffle(lines.begin() + 1, lines.end(), rng);
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}
}  // namespace

TEST_CASE("adding an enterprise to the region never raises any of its gaps", "[analysis][invariant]") {
    const Dataset ds = synthetic(1500, 7);
    const RegionId cq = *ds.regions.find("500000");
    const GapReport before = analyze_gaps(ds, cq, std::nullopt, GapParams{});
    const std::vector<double> g0 = gaps_by_node(ds, before);
    std::mt19937 rng(42);
    // Firms at a random link (leaf or segment), in the province or a district, small or large.
    for (int trial = 0; trial < 25; ++trial) {
        NodeId n = static_cast<NodeId>(rng() % ds.nodes.size());
        NodeId m = static_cast<NodeId>(rng() % ds.nodes.size());
        RegionId where = trial % 2 ? cq : *ds.regions.find("500236");
        double revenue = trial % 3 ? 50.0 : 5e6;
        Dataset after_ds = with_firm(ds, where, {n, m}, revenue);
        // Benchmark frozen, as a what-if: attracting a firm must not make another link look weaker.
        GapReport after = analyze_gaps(after_ds, cq, std::nullopt, GapParams{}, before.benchmark.share);
        std::vector<double> g1 = gaps_by_node(after_ds, after);
        for (std::size_t k = 0; k < g0.size(); ++k) {
            if (g0[k] < 0 || g1[k] < 0) continue;  // chain without data on one side
            INFO("trial " << trial << " node " << ds.node_key(static_cast<NodeId>(k)));
            REQUIRE(g1[k] <= g0[k] + 1e-12);
        }
        // The link the firm went to is no longer missing.
        for (const auto& cg : after.chains)
            for (const auto& l : cg.links)
                if (l.node == n) CHECK(l.status != LinkStatus::missing);
    }
}

TEST_CASE("with regions.csv weights the benchmark is fixed and additions never raise a gap", "[analysis][invariant]") {
    Dataset ds = synthetic(800, 11);
    const RegionId cq = *ds.regions.find("500000");
    ds.regions.set_weight(cq, 0.04);
    const GapReport before = analyze_gaps(ds, cq, std::nullopt, GapParams{});
    REQUIRE(before.benchmark.source == "regions.csv");
    CHECK(before.benchmark.share == 0.04);
    const NodeId n = *ds.find_node(*ds.find_chain("semiconductor"), "etch_equipment");
    Dataset after_ds = with_firm(ds, cq, {n}, 1000.0);
    GapReport after = analyze_gaps(after_ds, cq, std::nullopt, GapParams{});
    CHECK(after.benchmark.share == 0.04);
    auto g0 = gaps_by_node(ds, before), g1 = gaps_by_node(after_ds, after);
    for (std::size_t k = 0; k < g0.size(); ++k)
        if (g0[k] >= 0 && g1[k] >= 0) REQUIRE(g1[k] <= g0[k] + 1e-12);
}

TEST_CASE("a strong link's gap is below every missing link's gap", "[analysis][invariant]") {
    const Dataset ds = synthetic(1500, 3);
    for (const char* region : {"500000", "440000", "620000"}) {
        GapReport rep = analyze_gaps(ds, *ds.regions.find(region), std::nullopt, GapParams{});
        int strong = 0, missing = 0;
        for (const auto& cg : rep.chains) {
            double max_strong = -1, min_missing = 2;
            for (const auto& l : cg.links) {
                if (l.status == LinkStatus::strong) max_strong = std::max(max_strong, l.gap_score), ++strong;
                if (l.status == LinkStatus::missing && l.importance > 0) min_missing = std::min(min_missing, l.gap_score), ++missing;
            }
            if (max_strong >= 0 && min_missing <= 1) CHECK(max_strong < min_missing);
        }
        CHECK(strong > 0);  // the check above really ran
        CHECK(missing > 0);
    }
}

TEST_CASE("gap scores stay in [0, 1] and statuses follow their rules", "[analysis][invariant]") {
    const Dataset ds = synthetic(1500, 5);
    const GapParams p;
    GapReport rep = analyze_gaps(ds, *ds.regions.find("500000"), std::nullopt, p);
    for (const auto& cg : rep.chains) {
        REQUIRE(std::is_sorted(cg.links.begin(), cg.links.end(),
                               [](const LinkGap& a, const LinkGap& b) { return a.gap_score > b.gap_score; }));
        for (const auto& l : cg.links) {
            REQUIRE(l.gap_score >= 0.0);
            REQUIRE(l.gap_score <= 1.0);
            REQUIRE(l.gap_score == Approx(l.importance * std::min(1.0, l.shortfall + l.risk)));
            switch (l.status) {
                case LinkStatus::missing: REQUIRE(l.local_count == 0); REQUIRE(l.national_count > 0); break;
                case LinkStatus::single_point: REQUIRE(l.local_count == 1); REQUIRE(l.downstream_links > 0); break;
                case LinkStatus::weak: REQUIRE(l.rca < p.weak_rca); break;
                case LinkStatus::strong: REQUIRE(l.rca >= p.weak_rca); REQUIRE(l.gap_score == 0.0); break;
                case LinkStatus::absent_everywhere: REQUIRE(l.national_count == 0); REQUIRE(l.gap_score == 0.0); break;
            }
        }
    }
}

TEST_CASE("a missing link deep in the chain outranks a missing link feeding only the final product", "[analysis][invariant]") {
    TempDir d;
    d.write("chains/toy.json", kToyChainJson);
    // Every link supplied elsewhere; the region (500000) only has a firm at the final product.
    d.write("enterprises.csv", "id,name,region\nE1,a,310000\nE2,b,310000\nE3,c,500000\n");
    d.write("attachments.csv", "enterprise,chain,node\nE1,toy,raw\nE1,toy,side\nE2,toy,final\nE3,toy,final\n");
    Dataset ds = load_isolated(d.str());
    GapReport rep = analyze_gaps(ds, *ds.regions.find("500000"), std::nullopt, GapParams{});
    auto g = gaps_by_node(ds, rep);
    const NodeId raw = *ds.find_node(0, "raw"), side = *ds.find_node(0, "side");
    CHECK(rep.chains[0].links.size() == 8);
    CHECK(g[raw] > g[side]);
    CHECK(g[side] > 0);
}

TEST_CASE("results do not depend on the order of input rows", "[analysis][invariant]") {
    Dataset ds = synthetic(700, 9);
    TempDir a, b;
    write_dataset_csv(ds, a.str());
    std::mt19937 rng(1);
    for (const char* f : {"enterprises.csv", "attachments.csv", "relations.csv", "regions.csv"})
        b.write(f, shuffled_csv(read_text((a.path() / f).string()), rng));
    REQUIRE(read_text((a.path() / "attachments.csv").string()) != read_text((b.path() / "attachments.csv").string()));
    Dataset da = load_dataset(a.str()), db = load_dataset(b.str());
    for (const char* region : {"500000", "500236", "320000"}) {
        const GapReport ra = analyze_gaps(da, *da.regions.find(region), std::nullopt, GapParams{});
        const std::string ja = json_text(gaps_report(da, ra));
        const GapReport rb = analyze_gaps(db, *db.regions.find(region), std::nullopt, GapParams{});
        const std::string jb = json_text(gaps_report(db, rb));
        CHECK(ja == jb);
    }
}

TEST_CASE("the all-regions gap matrix agrees with per-region reports", "[analysis]") {
    const Dataset ds = synthetic(900, 13);
    const GapMatrix m = analyze_gaps_all_regions(ds, GapParams{});
    for (const char* region : {"500000", "500112", "330000"}) {
        const RegionId r = *ds.regions.find(region);
        GapReport rep = analyze_gaps(ds, r, std::nullopt, GapParams{});
        CHECK(m.benchmark[r] == Approx(rep.benchmark.share));
        for (const auto& cg : rep.chains)
            for (const auto& l : cg.links) {
                REQUIRE(m.gap_score[r * m.nodes + l.node] == Approx(l.gap_score).margin(1e-12));
                REQUIRE(m.status[r * m.nodes + l.node] == l.status);
            }
    }
}

TEST_CASE("unknown region or chain is a clear usage error", "[analysis]") {
    const Dataset ds = synthetic(50, 1);
    CHECK_THROWS_WITH(require_region(ds, "999999"), Catch::Matchers::Contains("unknown region '999999'"));
    CHECK_THROWS_WITH(require_chain(ds, "nochain"), Catch::Matchers::Contains("unknown chain 'nochain'"));
}

TEST_CASE("a region's firm that is the only supplier anywhere carries no scored risk", "[analysis]") {
    TempDir d;
    d.write("chains/toy.json", kToyChainJson);
    d.write("enterprises.csv", "id,name,region\nE1,a,500000\nE2,b,310000\nE3,c,310000\n");
    // E1 is the only firm at raw in the whole dataset; mid1 has firms in 500000 and elsewhere.
    d.write("attachments.csv", "enterprise,chain,node\nE1,toy,raw\nE1,toy,mid1\nE2,toy,mid1\nE3,toy,final\n");
    Dataset ds = load_isolated(d.str());
    GapReport rep = analyze_gaps(ds, *ds.regions.find("500000"), std::nullopt, GapParams{});
    for (const auto& l : rep.chains[0].links) {
        if (l.node == *ds.find_node(0, "raw")) {
            CHECK(l.status == LinkStatus::single_point);
            CHECK(l.risk == 0.0);
            CHECK(l.gap_score == 0.0);
            CHECK(explain_link(ds, rep, l).find("only supplier") != std::string::npos);
        }
        if (l.node == *ds.find_node(0, "mid1")) {
            CHECK(l.status == LinkStatus::single_point);
            CHECK(l.risk == 0.25);
        }
    }
}

TEST_CASE("keep_top_links cuts each chain and records what it cut", "[analysis]") {
    const Dataset ds = synthetic(300, 2);
    GapReport rep = analyze_gaps(ds, *ds.regions.find("500000"), std::nullopt, GapParams{});
    std::vector<std::size_t> sizes;
    for (const auto& cg : rep.chains) sizes.push_back(cg.links.size());
    keep_top_links(rep, 3);
    for (std::size_t i = 0; i < rep.chains.size(); ++i) {
        CHECK(rep.chains[i].links.size() == std::min<std::size_t>(3, sizes[i]));
        CHECK(rep.chains[i].links.size() + rep.chains[i].links_omitted == sizes[i]);
    }
}
