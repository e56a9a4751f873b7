// `chaingap import eto`: weights on a hand-made ETO folder (each figure worked out by hand in the
// comments), all-or-nothing writing, and counts on the real data checked against the source files.
#include <catch2/catch.hpp>
#include <cmath>

#include <filesystem>
#include <map>
#include <set>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/load/csv.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/import/eto.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using chaingap::test::TempDir;
namespace fs = std::filesystem;

namespace {

// Two stages; litho (S2 via goes_into) with sub-type euv; design (S1); wafer shares without firms.
void write_mini_eto(const TempDir& d) {
    d.write("stages.csv", "stage_id,stage_name,description\nS1,Design,x\nS2,Fabrication,\"multi\nline\"\n");
    d.write("inputs.csv",
            "input_id,input_name,type,stage_id,description,year\n"
            "N1,Photolithography,process,S2,\"a, quoted\nmulti-line text\",\n"
            "N2,Lithography tools,tool_resource,,,2025\n"
            "N3,EUV lithography tools,tool_resource,,,2025\n"
            "N4,Chip design,process,S1,,\n"
            "N5,Logic design,design_resource,,,2022\n"
            "N6,CPUs,design_resource,,,2019\n");
    d.write("sequence.csv",
            "input_name,input_id,goes_into_name,goes_into_id,is_type_of_name,is_type_of_id\n"
            "x,N2,x,N1,,\nx,N3,,,x,N2\nx,N4,x,N1,,\nx,N5,x,N4,,\nx,N6,,,x,N5\n");
    d.write("providers.csv",
            "provider_name,alias,provider_id,provider_type,country\n"
            "USA,United States,P1,country,\nCHN,China,P2,country,\nNLD,Netherlands,P3,country,\n"
            "JPN,Japan,P4,country,\nVarious countries,,P5,country,\n"
            "ASML,,P10,organization,NLD\nNikon,,P11,organization,JPN\nCanon,,P12,organization,JPN\n"
            "Canon,Canon ANELVA,P12,organization,JPN\n"
            "SMEE,,P13,organization,CHN\nIntel,,P14,organization,USA\nAMD,,P15,organization,USA\n"
            "Loongson,,P16,organization,CHN\nVarious companies,,P17,organization,Various countries\n");
    d.write("provision.csv",
            "provider_name,provider_id,provided_name,provided_id,share_provided,year,source\n"
            // Lithography tools: NLD 80 (ASML 80, residual 0); JPN 15 with Nikon 5 + Canon (no share)
            // → Canon gets 15 − 5 = 10; CHN 5 without firms → CHN:residual 0.05; Various companies 4
            // → attributed 80+5+10+5 = 100, pool cut to 0.
            "x,P3,x,N2,80,2025,\nx,P4,x,N2,15,2025,\nx,P2,x,N2,5,2025,\n"
            "x,P10,x,N2,80,2025,\nx,P11,x,N2,5,2025,\nx,P12,x,N2,,2025,\nx,P17,x,N2,4,2025,\n"
            // EUV: ASML 100 (2025); an older 2019 row for ASML is superseded.
            "x,P10,x,N3,90,2019,\nx,P10,x,N3,100,2025,\n"
            // Logic design: USA 60, CHN 10, Various countries 30 (no firms) → aggregates.
            "x,P1,x,N5,60,2022,\nx,P2,x,N5,10,2022,\nx,P5,x,N5,30,2022,\n"
            // CPUs: no shares at all; countries listed without share → firms split the ancestor
            // (Logic design) country share: Intel, AMD 0.30 each; Loongson 0.10.
            "x,P1,x,N6,,2019,\nx,P2,x,N6,,2019,\nx,P14,x,N6,,2019,\nx,P15,x,N6,,2019,\nx,P16,x,N6,,2019,\n"
            // Chip design: Intel 70 + AMD 40 = 1.1 → scaled to 1; SMEE listed without share, CHN no
            // share anywhere → floor 0.01 before scaling (total 1.11).
            "x,P14,x,N4,70,2022,\nx,P15,x,N4,40,2022,\nx,P13,x,N4,,2019,\n"
            // Stage-level row: not attached.
            "x,P2,x,S2,24,2022,\n");
}

std::map<std::string, double> weights_at(const Dataset& ds, const std::string& node) {
    std::map<std::string, double> w;
    auto c = ds.find_chain("eto_semiconductor");
    auto n = ds.find_node(*c, node);
    REQUIRE(n);
    for (std::size_t a = 0; a < ds.attachments.size(); ++a)
        if (ds.attachments.node[a] == *n) w[ds.enterprises.id[ds.attachments.enterprise[a]]] = ds.attachments.weight[a];
    return w;
}

}  // namespace

TEST_CASE("import eto: weights from firm, country, shareless and unattributed rows", "[import]") {
    TempDir src, out;
    write_mini_eto(src);
    const std::string dest = (out.path() / "eto").string();
    const EtoImportStats st = import_eto(src.str(), dest, false, {}, LoadOptions{""});
    const Dataset ds = load_dataset(dest, LoadOptions{""});

    // Chain: 2 stage segments + 6 inputs; goes_into edges; is_type_of parents; roots under stages.
    auto c = ds.find_chain("eto_semiconductor");
    REQUIRE(c);
    CHECK(ds.chains[*c].node_count() == 8);
    CHECK(ds.chains[*c].edges.size() == 3);
    auto node = [&](const char* id) { return ds.nodes[*ds.find_node(*c, id)]; };
    CHECK(ds.nodes[node("euv_lithography_tools").parent].id == "lithography_tools");
    CHECK(ds.nodes[node("lithography_tools").parent].id == "fabrication");  // stage via goes_into
    CHECK(ds.nodes[node("logic_design").parent].id == "design");            // N5 → N4 (S1)
    CHECK(st.stage_rows == 1);
    CHECK(st.superseded_year_rows == 1);
    CHECK(st.provider_alias_rows == 1);

    auto litho = weights_at(ds, "lithography_tools");
    CHECK(litho.at("P10") == Approx(0.80));
    CHECK(litho.at("P11") == Approx(0.05));
    CHECK(litho.at("P12") == Approx(0.10));  // JPN 15 − Nikon 5
    CHECK(litho.at("CHN:residual") == Approx(0.05));
    CHECK(litho.count("P17") == 0);  // Various companies cut to the 0 the attributed rows leave
    CHECK(weights_at(ds, "euv_lithography_tools").at("P10") == Approx(1.0));

    auto logic = weights_at(ds, "logic_design");
    CHECK(logic.at("USA:residual") == Approx(0.60));
    CHECK(logic.at("CHN:residual") == Approx(0.10));
    CHECK(logic.at("VARIOUS:residual") == Approx(0.30));

    auto cpus = weights_at(ds, "cpus");
    CHECK(cpus.at("P14") == Approx(0.30));
    CHECK(cpus.at("P15") == Approx(0.30));
    CHECK(cpus.at("P16") == Approx(0.10));
    CHECK(st.imputed_ancestor_split == 3);

    auto design = weights_at(ds, "chip_design");
    CHECK(design.at("P14") == Approx(0.70 / 1.11));
    CHECK(design.at("P15") == Approx(0.40 / 1.11));
    CHECK(design.at("P13") == Approx(0.01 / 1.11));
    CHECK(st.scaled_inputs == 1);
    CHECK(st.max_input_total == Approx(1.11));

    // Aggregates are flagged; firms are not.
    auto e = ds.find_enterprise("CHN:residual");
    REQUIRE(e);
    CHECK(ds.enterprises.is_aggregate(*e));
    CHECK(ds.enterprises.is_aggregate(*ds.find_enterprise("P17")));
    CHECK_FALSE(ds.enterprises.is_aggregate(*ds.find_enterprise("P10")));
    CHECK(ds.regions.id(ds.enterprises.region[*ds.find_enterprise("P10")]) == "NLD");

    // Benchmark: mean share over the 5 inputs with attachments. CHN: litho 0.05, logic 0.10,
    // cpus 0.10/0.70, chip design 0.01/1.11, euv 0 → (0.05 + 0.10 + 1/7 + 0.01/1.11) / 5.
    auto chn = ds.regions.find("CHN");
    REQUIRE(chn);
    CHECK(ds.regions.weight(*chn) == Approx((0.05 + 0.10 + 1.0 / 7.0 + 0.01 / 1.11) / 5.0).margin(1e-6));
    CHECK(fs::exists(fs::path(dest) / "README.md"));
    CHECK(test::read_text((fs::path(dest) / "README.md").string()).find("CC BY-NC 4.0") != std::string::npos);
}

TEST_CASE("import eto: all or nothing, refuses a non-empty --out", "[import]") {
    TempDir src, out;
    write_mini_eto(src);
    const std::string dest = (out.path() / "eto").string();
    out.write("eto/keep.txt", "x");
    CHECK_THROWS_AS(import_eto(src.str(), dest, false, {}, LoadOptions{""}), UsageError);
    CHECK(fs::exists(fs::path(dest) / "keep.txt"));
    // --force replaces it.
    import_eto(src.str(), dest, true, {}, LoadOptions{""});
    CHECK_FALSE(fs::exists(fs::path(dest) / "keep.txt"));
    CHECK(fs::exists(fs::path(dest) / "attachments.csv"));

    // A bad row: error names file and line, and nothing is written (no staging folder left).
    src.write("provision.csv", "provider_name,provider_id,provided_name,provided_id,share_provided,year,source\n"
                               "x,P10,x,N2,80,2025,\nx,P99,x,N2,5,2025,\n");
    const std::string dest2 = (out.path() / "eto2").string();
    try {
        import_eto(src.str(), dest2, false, {}, LoadOptions{""});
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.line() == 3);
        CHECK(e.field() == "provider_id");
    }
    CHECK_FALSE(fs::exists(dest2));
    for (const auto& f : fs::directory_iterator(out.path())) CHECK(f.path().filename().string().find("staging") == std::string::npos);
}

TEST_CASE("import eto: the real CSET/ETO data", "[import]") {
    const std::string data = test::shared_data_dir();
    if (data.empty()) {
        WARN("../shared/data is absent: skipping the real-data ETO import test");
        return;
    }
    const std::string dir = data + "/eto-chip-explorer";
    TempDir out;
    const std::string dest = (out.path() / "eto").string();
    const EtoImportStats st = import_eto(dir, dest, false, {}, LoadOptions{""});
    const Dataset ds = load_dataset(dest, LoadOptions{""});

    // Counts from the source files, read independently here.
    CsvTable inputs = CsvTable::read(dir + "/inputs.csv");
    CsvTable stages = CsvTable::read(dir + "/stages.csv");
    CsvTable seq = CsvTable::read(dir + "/sequence.csv");
    CsvTable provs = CsvTable::read(dir + "/providers.csv");
    CsvTable prov = CsvTable::read(dir + "/provision.csv");
    std::size_t goes = 0, types = 0;
    for (std::size_t r = 0; r < seq.rows(); ++r) {
        goes += !seq.text(r, seq.require_column("goes_into_id"), false).empty();
        types += !seq.text(r, seq.require_column("is_type_of_id"), false).empty();
    }
    std::set<std::string> orgs;
    for (std::size_t r = 0; r < provs.rows(); ++r)
        if (provs.text(r, provs.require_column("provider_type")) == "organization") orgs.insert(std::string(provs.text(r, provs.require_column("provider_id"))));
    auto c = ds.find_chain("eto_semiconductor");
    REQUIRE(c);
    CHECK(static_cast<std::size_t>(ds.chains[*c].node_count()) == inputs.rows() + stages.rows());
    CHECK(ds.chains[*c].edges.size() == goes);
    CHECK(static_cast<std::size_t>(st.hierarchy_links + st.multi_parent_inputs) <= types);
    CHECK(static_cast<std::size_t>(st.organisations) == orgs.size());
    CHECK(static_cast<std::size_t>(st.provision_rows) == prov.rows());
    // Every provision row is accounted for by exactly one rule.
    CHECK(st.firm_rows_reported + st.zero_share_firm_rows + st.shareless_firm_rows + st.country_rows_with_share +
              st.shareless_country_rows_redundant + st.shareless_country_rows_floor + st.stage_rows + st.superseded_year_rows ==
          st.provision_rows);
    CHECK(st.imputed_country_split + st.imputed_ancestor_split + st.imputed_floor == st.shareless_firm_rows + st.zero_share_firm_rows);

    // Per input, all providers together never exceed the market; weights in (0, 1].
    std::map<NodeId, double> total;
    for (std::size_t a = 0; a < ds.attachments.size(); ++a) {
        CHECK(ds.attachments.weight[a] > 0);
        total[ds.attachments.node[a]] += ds.attachments.weight[a];
    }
    for (const auto& [n, t] : total) CHECK(t <= 1.0 + 1e-5);

    // A specialist's sanity checks: EUV tools only from the Netherlands (ASML); China missing there.
    auto euv = ds.find_node(*c, "euv_lithography_tools");
    REQUIRE(euv);
    std::set<std::string> euv_regions;
    for (std::size_t a = 0; a < ds.attachments.size(); ++a)
        if (ds.attachments.node[a] == *euv) euv_regions.insert(ds.regions.id(ds.enterprises.region[ds.attachments.enterprise[a]]));
    CHECK(euv_regions == std::set<std::string>{"NLD"});
    const GapReport chn = analyze_gaps(ds, require_region(ds, "CHN"), *c, GapParams{});
    const GapReport usa = analyze_gaps(ds, require_region(ds, "USA"), *c, GapParams{});
    auto status_of = [&](const GapReport& r, NodeId n) {
        for (const LinkGap& g : r.chains[0].links)
            if (g.node == n) return g.status;
        return LinkStatus::absent_everywhere;
    };
    CHECK(status_of(chn, *euv) == LinkStatus::missing);
    CHECK(status_of(usa, *euv) == LinkStatus::missing);
    // EDA software: the USA strong, China weak.
    auto eda = ds.find_node(*c, "electronic_design_automation_software");
    REQUIRE(eda);
    CHECK(status_of(usa, *eda) == LinkStatus::strong);
    CHECK(status_of(chn, *eda) == LinkStatus::weak);
    // Benchmarks sum to 1 over the regions (a region with no share has no weight: 0 is refused).
    double sum = 0;
    for (RegionId r = 0; r < static_cast<RegionId>(ds.regions.size()); ++r)
        if (!std::isnan(ds.regions.weight(r))) sum += ds.regions.weight(r);
    CHECK(sum == Approx(1.0).margin(1e-4));
}
