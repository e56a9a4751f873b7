// Snapshot: the same dataset and the same outputs (byte for byte) from a snapshot as from CSV;
// damaged, truncated, other-version and non-snapshot files refused with a clear message. Also the
// query helpers that go with national scale: the analysis cache, incremental what-if, top-K.
#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <sstream>

#include "chaingap/analysis/cache.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/load/snapshot.hpp"
#include "chaingap/rank/portfolio.hpp"
#include "chaingap/rank/targets.hpp"
#include "chaingap/rank/topk.hpp"
#include "chaingap/rank/whatif.hpp"
#include "chaingap/report/gaps.hpp"
#include "chaingap/report/report.hpp"
#include "chaingap/report/targets.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;
using Catch::Matchers::Contains;

namespace {
// The JSON / table of the report model (report/), as the CLI renders them.
[[maybe_unused]] std::string gaps_to_json(const Dataset& ds, const GapReport& r) { return json_text(gaps_report(ds, r)); }
[[maybe_unused]] std::string targets_to_json(const Dataset& ds, const TargetList& l, std::size_t top) {
    return json_text(targets_report(ds, l, top));
}
[[maybe_unused]] std::string targets_to_table(const Dataset& ds, const TargetList& l, std::size_t top) {
    return render(targets_report(ds, l, top), "table");
}
[[maybe_unused]] std::string whatif_to_json(const Dataset& ds, const WhatIfResult& w) { return json_text(whatif_report(ds, w)); }

std::string demo() { return source_dir() + "/data/demo"; }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
void spit(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

void check_same_dataset(const Dataset& a, const Dataset& b, bool relations = true) {
    CHECK(a.source == b.source);
    REQUIRE(a.chains.size() == b.chains.size());
    for (std::size_t c = 0; c < a.chains.size(); ++c) {
        CHECK(a.chains[c].id == b.chains[c].id);
        CHECK(a.chains[c].name == b.chains[c].name);
        CHECK(a.chains[c].extra_json == b.chains[c].extra_json);
        CHECK(a.chains[c].first_node == b.chains[c].first_node);
        CHECK(a.chains[c].end_node == b.chains[c].end_node);
        REQUIRE(a.chains[c].edges.size() == b.chains[c].edges.size());
        for (std::size_t e = 0; e < a.chains[c].edges.size(); ++e) {
            CHECK(a.chains[c].edges[e].from == b.chains[c].edges[e].from);
            CHECK(a.chains[c].edges[e].to == b.chains[c].edges[e].to);
            CHECK(a.chains[c].edges[e].weight == b.chains[c].edges[e].weight);
            CHECK(a.chains[c].edges[e].source == b.chains[c].edges[e].source);
        }
    }
    REQUIRE(a.nodes.size() == b.nodes.size());
    for (std::size_t n = 0; n < a.nodes.size(); ++n) {
        const ChainNode &x = a.nodes[n], &y = b.nodes[n];
        CHECK((x.id == y.id && x.name == y.name && x.name_en == y.name_en && x.stage == y.stage && x.source == y.source &&
               x.keywords == y.keywords && x.extra_json == y.extra_json && x.same_as_key == y.same_as_key &&
               x.chain == y.chain && x.parent == y.parent && x.same_as == y.same_as && x.weight == y.weight &&
               x.weight_given == y.weight_given && x.priority == y.priority && x.depth == y.depth));
    }
    REQUIRE(a.clusters.size() == b.clusters.size());
    for (std::size_t c = 0; c < a.clusters.size(); ++c)
        CHECK((a.clusters[c].id == b.clusters[c].id && a.clusters[c].name == b.clusters[c].name &&
               a.clusters[c].kind == b.clusters[c].kind && a.clusters[c].chains == b.clusters[c].chains &&
               a.clusters[c].nodes == b.clusters[c].nodes && a.clusters[c].file == b.clusters[c].file));
    REQUIRE(a.regions.size() == b.regions.size());
    for (RegionId r = 0; r < static_cast<RegionId>(a.regions.size()); ++r) {
        CHECK(a.regions.id(r) == b.regions.id(r));
        CHECK(a.regions.name(r) == b.regions.name(r));
        CHECK(a.regions.parent(r) == b.regions.parent(r));
        CHECK(a.regions.has_weight(r) == b.regions.has_weight(r));
        if (a.regions.has_weight(r)) CHECK(a.regions.weight(r) == b.regions.weight(r));
    }
    const auto &E = a.enterprises, &F = b.enterprises;
    CHECK(E.id == F.id);
    CHECK(E.name == F.name);
    CHECK(same_bits(E.region, F.region));
    CHECK(same_bits(E.revenue, F.revenue));
    CHECK(same_bits(E.employees, F.employees));
    CHECK(same_bits(E.founded, F.founded));
    CHECK(same_bits(E.labels, F.labels));
    CHECK(same_bits(E.aggregate, F.aggregate));
    CHECK(same_bits(E.status, F.status));
    CHECK(same_bits(E.until, F.until));
    CHECK(same_bits(E.region_source, F.region_source));
    REQUIRE(E.region_sources.size() == F.region_sources.size());
    for (std::uint32_t i = 0; i < E.region_sources.size(); ++i) CHECK(E.region_sources.at(i) == F.region_sources.at(i));
    CHECK(a.coverage == b.coverage);
    CHECK(a.description == b.description);
    CHECK(same_bits(a.attachments.evidence_of, b.attachments.evidence_of));
    REQUIRE(a.attachments.records.size() == b.attachments.records.size());
    for (std::size_t i = 0; i < a.attachments.records.size(); ++i) CHECK(a.attachments.records[i] == b.attachments.records[i]);
    REQUIRE(a.attachments.texts.size() == b.attachments.texts.size());
    for (std::uint32_t i = 0; i < a.attachments.texts.size(); ++i) CHECK(a.attachments.texts.at(i) == b.attachments.texts.at(i));
    CHECK(same_bits(a.attachments.enterprise, b.attachments.enterprise));
    CHECK(same_bits(a.attachments.node, b.attachments.node));
    CHECK(same_bits(a.attachments.weight, b.attachments.weight));
    CHECK(same_bits(a.enterprise_attachments.offsets, b.enterprise_attachments.offsets));
    CHECK(same_bits(a.enterprise_attachments.values, b.enterprise_attachments.values));
    CHECK(same_bits(a.node_attachments.offsets, b.node_attachments.offsets));
    CHECK(same_bits(a.node_attachments.values, b.node_attachments.values));
    CHECK(same_bits(a.node_children.offsets, b.node_children.offsets));
    CHECK(same_bits(a.node_children.values, b.node_children.values));
    CHECK(same_bits(a.node_targets.offsets, b.node_targets.offsets));
    CHECK(same_bits(a.node_targets.values, b.node_targets.values));
    CHECK(a.canonical == b.canonical);
    if (relations) {
        CHECK(same_bits(a.relations.from, b.relations.from));
        CHECK(same_bits(a.relations.to, b.relations.to));
        CHECK(same_bits(a.relations.type, b.relations.type));
        CHECK(same_bits(a.relations.weight, b.relations.weight));
        CHECK(same_bits(a.enterprise_relations.offsets, b.enterprise_relations.offsets));
        CHECK(same_bits(a.enterprise_relations.values, b.enterprise_relations.values));
    }
    for (EnterpriseId e = 0; e < static_cast<EnterpriseId>(E.size()); e += 97)
        CHECK(b.find_enterprise(E.id[e]) == std::optional<EnterpriseId>(e));
    CHECK_FALSE(b.find_enterprise("no such firm").has_value());
}

// The JSON of gaps, targets and what-if for one region from a dataset.
std::string outputs(const Dataset& ds, const std::string& region_id) {
    const RegionId r = *ds.regions.find(region_id);
    std::string s = gaps_to_json(ds, analyze_gaps(ds, r, std::nullopt, GapParams{}));
    TargetQuery q;
    q.region = r;
    const TargetList list = rank_targets(ds, q);
    s += targets_to_json(ds, list, 20);
    std::vector<EnterpriseId> add;
    for (std::size_t i = 0; i < list.targets.size() && i < 2; ++i) add.push_back(list.targets[i].enterprise);
    s += whatif_to_json(ds, run_whatif(ds, r, std::nullopt, add, GapParams{}));
    return s;
}
}  // namespace

TEST_CASE("XXH64 checksum matches the published test vectors", "[snapshot]") {
    CHECK(snapshot_checksum("", 0) == 0xEF46DB3751D8E999ULL);
    CHECK(snapshot_checksum("abc", 3) == 0x44BC2CF5AD770999ULL);
    const char* s = "Nobody inspects the spammish repetition";  // python-xxhash README: fbcea83c8a378bf1
    CHECK(snapshot_checksum(s, std::strlen(s)) == 0xFBCEA83C8A378BF1ULL);
}

TEST_CASE("the demo from its snapshot is the same dataset and gives the same JSON, byte for byte", "[snapshot]") {
    const Dataset csv = load_dataset(demo());
    TempDir d;
    const std::string file = d.str() + "/demo.cgsnap";
    const std::uint64_t bytes = write_snapshot(csv, file);
    CHECK(bytes == std::filesystem::file_size(file));
    CHECK(is_snapshot_file(file));
    CHECK_FALSE(is_snapshot_file(demo() + "/enterprises.csv"));
    const Dataset snap = open_dataset(file);
    check_same_dataset(csv, snap);
    for (const char* region : {"500000", "500236", "440000"}) CHECK(outputs(csv, region) == outputs(snap, region));

    SECTION("without relations") {
        LoadOptions o;
        o.relations = false;
        const Dataset lean = open_dataset(file, o);
        CHECK(lean.relations.size() == 0);
        CHECK(lean.enterprise_relations.rows() == lean.enterprises.size());
        check_same_dataset(csv, lean, false);
        const RegionId r = *csv.regions.find("500000");
        CHECK(gaps_to_json(csv, analyze_gaps(csv, r, std::nullopt, GapParams{})) ==
              gaps_to_json(lean, analyze_gaps(lean, r, std::nullopt, GapParams{})));
    }
}

TEST_CASE("a synthetic dataset with relations and unsorted ids survives the snapshot", "[snapshot]") {
    Dataset ds = synthetic_dataset(3000, 5, 9000);
    TempDir d;
    const std::string file = d.str() + "/s.cgsnap";
    write_snapshot(ds, file);
    const Dataset back = read_snapshot(file);
    check_same_dataset(ds, back);
    CHECK(outputs(ds, "500000") == outputs(back, "500000"));
}

TEST_CASE("status, region source, evidence and coverage survive the snapshot", "[snapshot]") {
    // A dataset with every optional column: delisted/cancelled firms with their year, region
    // sources, attachment evidence, dataset.json coverage and description.
    TempDir d;
    const std::string dir = d.str() + "/data";
    std::filesystem::copy(source_dir() + "/tests/scenarios/gaps_firms_coverage/data", dir,
                          std::filesystem::copy_options::recursive);
    {  // add a region_source column: three values and empty
        std::istringstream in(slurp(dir + "/enterprises.csv"));
        std::string line, out;
        for (int i = 0; std::getline(in, line); ++i)
            out += line + (i == 0 ? ",region_source" : i % 3 == 0 ? ",address" : i % 3 == 1 ? ",registry_county" : ",") + "\n";
        spit(dir + "/enterprises.csv", out);
    }
    LoadOptions lo;
    lo.catalogue_dir = "";
    const Dataset csv = load_dataset(dir, lo);
    REQUIRE(csv.coverage == Coverage::full_registry);
    REQUIRE(csv.attachments.evidence_of.size() == csv.attachments.size());
    REQUIRE(csv.attachments.records.size() >= 2);
    const std::string file = d.str() + "/s.cgsnap";
    write_snapshot(csv, file);
    const Dataset back = open_dataset(file, lo);
    check_same_dataset(csv, back);
    CHECK(back.enterprises.status[*back.find_enterprise("E14")] == EnterpriseStatus::cancelled);
    CHECK(back.enterprises.status[*back.find_enterprise("E13")] == EnterpriseStatus::delisted);
    CHECK(back.enterprises.until[*back.find_enterprise("E13")] == 2018);
    CHECK(back.enterprises.region_sources.size() == 3);
    CHECK(back.attachments.evidence(0) == csv.attachments.evidence(0));
    CHECK(outputs(csv, "500236") == outputs(back, "500236"));
}

TEST_CASE("the CLI gives the same gaps, targets and whatif output from a snapshot as from the folder", "[snapshot][cli]") {
    TempDir d;
    const std::string file = d.str() + "/demo.cgsnap";
    const CliResult w = run_cli("snapshot --data " + demo() + " --out '" + file + "'");
    REQUIRE(w.exit_code == 0);
    CHECK_THAT(w.out, Contains("enterprises"));
    for (const std::string& cmd :
         {std::string("gaps --region 500000 --format json"), std::string("gaps --region 500236 --format csv"),
          std::string("targets --region 500000 --format json --top 15"),
          std::string("whatif --region 500000 --add ") + load_dataset(demo()).enterprises.id[0] + " --format json"}) {
        const CliResult a = run_cli(cmd + " --data " + demo());
        const CliResult b = run_cli(cmd + " --data '" + file + "'");
        INFO(cmd << "\n" << a.err << b.err);
        CHECK(a.exit_code == b.exit_code);
        CHECK(a.out == b.out);
    }
    const CliResult bad = run_cli("gaps --region 500000 --data " + demo() + "/enterprises.csv");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Contains("neither a dataset folder nor a chaingap snapshot"));
}

TEST_CASE("a damaged, truncated or other-version snapshot is refused with a clear message", "[snapshot]") {
    const Dataset ds = load_dataset(demo());
    TempDir d;
    const std::string file = d.str() + "/demo.cgsnap";
    write_snapshot(ds, file);
    const std::string good = slurp(file);
    const std::string bad = d.str() + "/bad.cgsnap";
    auto error_of = [&](const std::string& bytes) -> std::string {
        spit(bad, bytes);
        try {
            (void)open_dataset(bad);
        } catch (const InputError& e) {
            return e.what();
        }
        return "(no error)";
    };
    std::string flipped = good;
    flipped[flipped.size() - 7] ^= 0x20;  // inside the last section
    CHECK_THAT(error_of(flipped), Contains("checksum mismatch"));
    std::string mid = good;
    mid[mid.size() / 2] ^= 0x01;
    CHECK_THAT(error_of(mid), Contains("damaged snapshot"));
    CHECK_THAT(error_of(good.substr(0, good.size() - 100)), Contains("truncated"));
    CHECK_THAT(error_of(good.substr(0, 30)), Contains("not a chaingap snapshot"));
    std::string v2 = good;
    v2[8] = 2;  // format version 2
    CHECK_THAT(error_of(v2), Contains("format version 2"));
    std::string be = good;
    std::swap(be[12], be[15]);
    std::swap(be[13], be[14]);
    CHECK_THAT(error_of(be), Contains("byte order"));
    std::string header = good;
    header[20] ^= 0x01;  // file size field, header checksum no longer matches
    CHECK_THAT(error_of(header), Contains("header checksum"));
    CHECK_THAT(error_of(good), Contains("(no error)"));
}

TEST_CASE("the analysis cache gives the national presence and importance bit for bit", "[snapshot][analysis]") {
    const Dataset ds = synthetic_dataset(2000, 8);
    const AnalysisCache cache(ds);
    const RegionPresence direct = presence_in(ds, kNone);
    CHECK(same_bits(cache.national().count, direct.count));
    CHECK(same_bits(cache.national().capacity, direct.capacity));
    CHECK(&cache.national() == &cache.national());
    GapParams p;
    const auto& imp = cache.importance(p);
    CHECK(&imp == &cache.importance(p));
    p.reach_weight = 0.3;
    CHECK(&imp != &cache.importance(p));
    const RegionId r = *ds.regions.find("500000");
    CHECK(gaps_to_json(ds, analyze_gaps(cache, r, std::nullopt, GapParams{})) ==
          gaps_to_json(ds, analyze_gaps(ds, r, std::nullopt, GapParams{})));
}

TEST_CASE("incremental what-if equals the recomputed what-if bit for bit", "[snapshot][rank]") {
    const Dataset ds = synthetic_dataset(2500, 13);
    const AnalysisCache cache(ds);
    for (const char* region : {"500000", "620000", "110000"}) {
        TargetQuery q;
        q.region = *ds.regions.find(region);
        const TargetList list = rank_targets(ds, q);
        REQUIRE(list.targets.size() >= 4);
        std::vector<EnterpriseId> add;
        for (int i = 0; i < 4; ++i) {
            add.push_back(list.targets[static_cast<std::size_t>(i) * 3 % list.targets.size()].enterprise);
            const WhatIfResult fast = run_whatif(cache, q.region, std::nullopt, add, GapParams{});
            const WhatIfResult ref = run_whatif_reference(ds, q.region, std::nullopt, add, GapParams{});
            INFO(region << " with " << add.size() << " firms");
            CHECK(whatif_to_json(ds, fast) == whatif_to_json(ds, ref));
            CHECK(fast.total_gap_after == ref.total_gap_after);
            CHECK(fast.changes.size() == ref.changes.size());
        }
    }
}

TEST_CASE("keep_top_k keeps the same prefix as a full sort", "[snapshot][rank]") {
    std::vector<std::pair<int, int>> rows;  // (score, id): score desc, then id asc
    for (int i = 0; i < 5000; ++i) rows.emplace_back((i * 7919) % 113, i);
    auto better = [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
    auto full = rows;
    std::sort(full.begin(), full.end(), better);
    for (std::size_t k : {std::size_t{1}, std::size_t{10}, std::size_t{113}, std::size_t{4999}, std::size_t{0}}) {
        auto part = rows;
        keep_top_k(part, k, better);
        REQUIRE(part.size() == (k == 0 ? rows.size() : k));
        CHECK(std::equal(part.begin(), part.end(), full.begin()));
    }
}
