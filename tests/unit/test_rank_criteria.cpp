// Issue 11 ranking rules: the gap term adds up what attracting the firm closes; criteria without
// information are left out with renormalised weights; ST firms only on request; the label and
// criteria tables drive the parameters.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "chaingap/core/error.hpp"
#include "chaingap/rank/criteria.hpp"
#include "chaingap/rank/portfolio.hpp"
#include "chaingap/rank/targets.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

namespace {
const TargetRow* find_row(const Dataset& ds, const std::vector<TargetRow>& rows, const std::string& id) {
    for (const auto& r : rows)
        if (ds.enterprises.id[r.enterprise] == id) return &r;
    return nullptr;
}
std::string scenario(const char* name) {
    return source_dir() + "/tests/scenarios/" + name + "/data";
}
constexpr int kGap = static_cast<int>(Component::gap_fill);
}  // namespace

TEST_CASE("a firm filling two missing links outranks an otherwise identical firm filling one of them",
          "[rank][invariant]") {
    const Dataset base = synthetic_dataset(1200, 21, 1200);
    std::mt19937 rng(4);
    int checked = 0, strictly = 0;
    for (const char* region : {"500000", "510000", "440000"}) {
        const RegionId r = *base.regions.find(region);
        const GapReport rep = analyze_gaps(base, r, std::nullopt, GapParams{});
        std::vector<NodeId> missing;
        for (const auto& cg : rep.chains)
            for (const auto& l : cg.links)
                // Leaf links without aliases: the firm's links are then exactly these nodes.
                if (l.status == LinkStatus::missing && l.importance > 0 && base.is_leaf(l.node) &&
                    base.node_targets.row(base.canonical[l.node]).size() ==
                        static_cast<std::size_t>(base.nodes[l.node].depth + 1))
                    missing.push_back(l.node);
        REQUIRE(missing.size() >= 2);
        const RegionId outside = *base.regions.find(std::string(region) == "440000" ? "310000" : "440000");
        for (int trial = 0; trial < 12; ++trial) {
            const NodeId m1 = missing[rng() % missing.size()];
            NodeId m2 = missing[rng() % missing.size()];
            if (m2 == m1) continue;
            Dataset ds = base;
            const auto A = static_cast<EnterpriseId>(ds.enterprises.size());
            const double revenue = trial % 2 ? 60.0 : 2e6;
            // "ZZZ" sorts after every synthetic id and after "YYY": A would lose a plain id tie.
            ds.enterprises.push("ZZZ-two", "两环节企业", outside, revenue, 100, 2010, 0b1);
            ds.enterprises.push("YYY-one", "单环节企业", outside, revenue, 100, 2010, 0b1);
            ds.attachments.push(A, m1, 0.5);
            ds.attachments.push(A, m2, 0.5);
            ds.attachments.push(A + 1, m1, 0.5);
            ds.finalize();
            TargetQuery q;
            q.region = r;
            const TargetList list = rank_targets(ds, q);
            const TargetRow* two = find_row(ds, list.targets, "ZZZ-two");
            const TargetRow* one = find_row(ds, list.targets, "YYY-one");
            REQUIRE(two != nullptr);
            REQUIRE(one != nullptr);
            INFO(region << " " << ds.node_key(m1) << " + " << ds.node_key(m2));
            CHECK(two->links.size() == 2);
            CHECK(one->links.size() == 1);
            CHECK(two->component[kGap] >= one->component[kGap] - 1e-12);
            CHECK(two->score >= one->score - 1e-12);
            CHECK(two->rank < one->rank);
            // gap_fill is exactly the sum of the per-link what-if closures.
            double sum = 0;
            for (const auto& l : two->links) sum += l.gap_closed;
            CHECK(two->component[kGap] == Approx(sum).epsilon(1e-12));
            // On a leaf link without aliases or segments above it the what-if of the firm alone
            // closes exactly gap_fill; with segments above, at least that much.
            CHECK(two->gap_closed_alone >= two->component[kGap] - 1e-12);
            if (two->component[kGap] > one->component[kGap] + 1e-9) ++strictly;
            ++checked;
        }
    }
    CHECK(checked >= 24);
    CHECK(strictly >= checked / 2);  // most pairs: the second link closes something
}

TEST_CASE("gap_fill of each target equals GapClosure's per-link closure summed over its own links", "[rank]") {
    const Dataset ds = synthetic_dataset(1500, 8, 1500);
    TargetQuery q;
    q.region = *ds.regions.find("500000");
    const TargetList list = rank_targets(ds, q);
    REQUIRE(list.targets.size() > 20);
    const GapClosure closure(ds, q.region, std::nullopt, GapParams{});
    for (std::size_t i = 0; i < 20; ++i) {
        const TargetRow& row = list.targets[i];
        double expected = 0;
        for (const auto& lc : closure.closure_by_link(row.enterprise))
            for (const auto& l : row.links)
                if (l.node == lc.node) expected += std::max(0.0, lc.closed);
        CHECK(row.component[kGap] == Approx(expected).margin(1e-12));
        CHECK(row.gap_closed_alone == Approx(closure.marginal(row.enterprise)).margin(1e-12));
        double total = 0;
        for (const auto& lc : closure.closure_by_link(row.enterprise)) total += lc.closed;
        CHECK(total == Approx(closure.marginal(row.enterprise)).margin(1e-12));
    }
}

TEST_CASE("criteria without information are left out and the weights renormalised", "[rank]") {
    // targets_gap_sum: no labels among candidates, no relations, no --from-regions, no edges.
    const Dataset ds = load_isolated(scenario("targets_gap_sum"));
    TargetQuery q;
    q.region = *ds.regions.find("500000");
    const TargetList list = rank_targets(ds, q);
    REQUIRE(list.criteria.size() == static_cast<std::size_t>(kComponentCount));
    double sum = 0;
    for (const CriterionUse& u : list.criteria) sum += u.effective_weight;
    CHECK(sum == Approx(1.0).epsilon(1e-12));
    auto status = [&](Component c) { return list.criteria[static_cast<std::size_t>(c)].status; };
    CHECK(status(Component::gap_fill) == CriterionStatus::used);
    CHECK(status(Component::strength) == CriterionStatus::used);
    CHECK(status(Component::size) == CriterionStatus::used);
    CHECK(status(Component::downstream_demand) == CriterionStatus::constant);
    CHECK(status(Component::quality) == CriterionStatus::no_data);
    CHECK(status(Component::relatedness) == CriterionStatus::no_data);
    CHECK(status(Component::source_region) == CriterionStatus::no_data);
    CHECK(criterion_reason(list.criteria[static_cast<std::size_t>(Component::quality)], "zh").find("未采用") == 0);
    CHECK(criterion_reason(list.criteria[static_cast<std::size_t>(Component::quality)], "en").find("left out") == 0);
    // Every row: contributions of left-out criteria are 0 and add up to the score.
    for (const TargetRow& r : list.targets) {
        double s = 0;
        for (int c = 0; c < kComponentCount; ++c) {
            if (!list.criteria[static_cast<std::size_t>(c)].used()) CHECK(r.contribution[c] == 0.0);
            s += r.contribution[c];
        }
        CHECK(s == Approx(r.score).epsilon(1e-12));
    }
    // Weight 0 is "left out: weight 0"; a criterion with data that varies stays in.
    set_rank_param(q.rank_params, "size", 0.0);
    const TargetList zero = rank_targets(ds, q);
    CHECK(zero.criteria[static_cast<std::size_t>(Component::size)].status == CriterionStatus::weight_zero);
    // The order on this data is the same whatever the renormalisation: T first (fills two links).
    CHECK(ds.enterprises.id[zero.targets[0].enterprise] == "T");
}

TEST_CASE("ST firms are targets only with include_st; the label table drives the parameters", "[rank]") {
    const Dataset ds = load_isolated(scenario("targets_gap_sum"));
    TargetQuery q;
    q.region = *ds.regions.find("500000");
    const TargetList without = rank_targets(ds, q);
    CHECK(without.excluded_st == 1);
    CHECK(find_row(ds, without.targets, "S") == nullptr);
    q.include_st = true;
    const TargetList with = rank_targets(ds, q);
    CHECK(with.excluded_st == 0);
    const TargetRow* s = find_row(ds, with.targets, "S");
    REQUIRE(s != nullptr);
    CHECK(s->links.size() == 1);
    // S has a label now among the candidates (st, 0 points): quality has data but is constant 0.
    CHECK(with.criteria[static_cast<std::size_t>(Component::quality)].status == CriterionStatus::constant);
    // One parameter per label, defaults from the table; one weight per criterion.
    const RankParams d;
    for (std::size_t b = 0; b < kLabelCount; ++b) {
        const std::string name = "points_" + std::string(kLabels[b].name);
        bool found = false;
        for (const auto& p : rank_param_info())
            if (p.name == name) {
                found = true;
                CHECK(rank_param_value(d, p) == kLabels[b].points);
            }
        CHECK(found);
    }
    for (const CriterionInfo& c : criteria()) {
        bool found = false;
        for (const auto& p : rank_param_info()) found |= p.name == c.name && p.group == "weight";
        CHECK(found);
    }
    RankParams p;
    set_rank_param(p, "points_star_market", 0.5);
    CHECK(p.points("star_market") == 0.5);
    CHECK_THROWS_WITH(set_rank_param(p, "points_st", 1.5), Catch::Contains("points_st"));
    CHECK(p.points("st") == 0.0);  // refused value leaves the struct unchanged
}
