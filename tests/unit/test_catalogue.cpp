// The shipped chain catalogue (chains/): loads, is complete and cites its sources.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "chaingap/analysis/importance.hpp"
#include "chaingap/load/chain_json.hpp"
#include "chaingap/report/chains.hpp"
#include "support/fixture.hpp"

using namespace chaingap;
using namespace chaingap::test;

TEST_CASE("every catalogue file loads and every node cites a source", "[catalogue]") {
    const Dataset ds = load_chains_only("");
    REQUIRE(ds.chains.size() >= 60);
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(source_dir() + "/chains"))
        files += e.path().extension() == ".json" && e.path().filename() != "clusters.json";
    CHECK(files == ds.chains.size());
    for (const ChainNode& n : ds.nodes) {
        INFO(ds.node_key(static_cast<NodeId>(&n - ds.nodes.data())));
        CHECK_FALSE(n.source.empty());
        CHECK_FALSE(n.name.empty());
        CHECK_FALSE(n.name_en.empty());
        CHECK_FALSE(n.stage.empty());
        if (n.same_as == kNone) CHECK_FALSE(n.keywords.empty());
    }
    for (const Chain& c : ds.chains) {
        INFO(c.id);
        CHECK_FALSE(c.source.empty());
        CHECK(c.node_count() > 0);
    }
}

TEST_CASE("catalogue flows are acyclic at the leaf level", "[catalogue]") {
    const Dataset ds = load_chains_only("");
    for (const Chain& c : ds.chains) {
        INFO(c.id);
        boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> g(c.node_count());
        for (const ChainEdge& e : c.edges)
            for (NodeId a : subtree_leaves(ds, e.from))
                for (NodeId b : subtree_leaves(ds, e.to)) boost::add_edge(a - c.first_node, b - c.first_node, g);
        std::vector<std::size_t> order;
        CHECK_NOTHROW(boost::topological_sort(g, std::back_inserter(order)));
    }
}

TEST_CASE("shared links point at canonical nodes of other chains", "[catalogue]") {
    const Dataset ds = load_chains_only("");
    int shared = 0;
    for (NodeId n = 0; n < static_cast<NodeId>(ds.nodes.size()); ++n) {
        if (ds.nodes[n].same_as == kNone) continue;
        ++shared;
        const ChainNode& target = ds.nodes[ds.nodes[n].same_as];
        CHECK(target.chain != ds.nodes[n].chain);
        CHECK(target.same_as == kNone);
    }
    CHECK(shared > 0);
    // 功率半导体 serves the semiconductor chain and new-energy vehicles, modelled once.
    const NodeId power = *ds.find_node(*ds.find_chain("semiconductor"), "power_chip");
    bool nev_uses_it = false;
    for (const ChainNode& n : ds.nodes) nev_uses_it |= n.same_as == power && ds.chains[n.chain].id.find("nev") != std::string::npos;
    CHECK(nev_uses_it);
}

TEST_CASE("the semiconductor chain has its five segments and the named sub-links", "[catalogue]") {
    const Dataset ds = load_chains_only("");
    const ChainId c = *ds.find_chain("semiconductor");
    std::set<std::string> top, names;
    for (NodeId n = ds.chains[c].first_node; n < ds.chains[c].end_node; ++n) {
        names.insert(ds.nodes[n].name);
        if (ds.nodes[n].parent == kNone) top.insert(ds.nodes[n].name);
    }
    for (const char* seg : {"设备", "材料", "设计", "制造", "封测"}) CHECK(top.count(seg));
    for (const char* sub : {"刻蚀设备", "薄膜沉积设备", "清洗设备", "量测设备", "大尺寸硅片", "光刻胶", "溅射靶材", "封装基板",
                            "射频芯片", "显示驱动芯片", "车规级芯片", "电源管理芯片", "IGBT", "MOSFET", "MEMS", "CIS",
                            "硅基光电子", "晶圆级封装", "系统级封装"})
        CHECK(names.count(sub));
    // Equipment and materials feed manufacturing; manufacturing feeds packaging & test.
    auto id = [&](const char* s) { return *ds.find_node(c, s); };
    auto has_edge = [&](NodeId a, NodeId b) {
        for (const auto& e : ds.chains[c].edges)
            if (e.from == a && e.to == b) return true;
        return false;
    };
    CHECK(has_edge(id("equipment"), id("manufacturing")));
    CHECK(has_edge(id("manufacturing"), id("packaging_test")));
    CHECK(has_edge(id("package_substrate"), id("packaging_test")));
}

TEST_CASE("clusters reference catalogue chains and include 芯屏器核网", "[catalogue]") {
    const Dataset ds = load_chains_only("");
    REQUIRE_FALSE(ds.clusters.empty());
    bool xpqhw = false;
    std::set<std::string> in_field;
    for (const Cluster& cl : ds.clusters) {
        CHECK_FALSE(cl.source.empty());
        CHECK((cl.kind == "field" || cl.kind == "initiative" || cl.kind == "33618"));
        xpqhw |= cl.name == "芯屏器核网";
        if (cl.kind == "field") in_field.insert(cl.chains.begin(), cl.chains.end());
    }
    CHECK(xpqhw);
    for (const Chain& c : ds.chains) {
        INFO(c.id);
        CHECK(in_field.count(c.id) == 1);  // every chain sits in one of the plan's fields
    }
}

TEST_CASE("chains show --format json round-trips through the loader", "[catalogue]") {
    const Dataset ds = load_chains_only("");
    for (const char* id : {"semiconductor", "new_display"}) {
        const ChainId c = *ds.find_chain(id);
        ParsedChain back = parse_chain_json(chain_to_json(ds, c), "roundtrip.json");
        REQUIRE(back.nodes.size() == static_cast<std::size_t>(ds.chains[c].node_count()));
        CHECK(back.chain.edges.size() == ds.chains[c].edges.size());
        for (std::size_t i = 0; i < back.nodes.size(); ++i) {
            const ChainNode& orig = ds.nodes[ds.chains[c].first_node + static_cast<NodeId>(i)];
            CHECK(back.nodes[i].id == orig.id);
            CHECK(back.nodes[i].keywords == orig.keywords);
            CHECK(back.nodes[i].source == orig.source);
            CHECK(back.nodes[i].extra_json == orig.extra_json);
        }
    }
}

TEST_CASE("a dataset's own chains override catalogue chains of the same id", "[catalogue]") {
    TempDir d;
    d.write("chains/textiles.json", R"({"id": "textiles", "name": "本地纺织", "nodes": [{"id": "x", "name": "X"}]})");
    d.write("chains/local_extra.json", R"({"id": "local_extra", "name": "本地链", "nodes": [{"id": "y", "name": "Y"}]})");
    const Dataset ds = load_chains_only(d.str());
    const ChainId c = *ds.find_chain("textiles");
    CHECK(ds.chains[c].name == "本地纺织");
    CHECK(ds.chains[c].node_count() == 1);
    CHECK(ds.find_chain("local_extra").has_value());
    CHECK(ds.chains.size() == load_chains_only("").chains.size() + 1);
}

TEST_CASE("an override that removes a link other chains share is refused", "[catalogue]") {
    TempDir d;
    d.write("chains/semiconductor.json", R"({"id": "semiconductor", "name": "本地半导体", "nodes": [{"id": "x", "name": "X"}]})");
    CHECK_THROWS_WITH(load_chains_only(d.str()), Catch::Matchers::Contains("same_as': unknown node 'semiconductor/"));
}
