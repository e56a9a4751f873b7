// The embedded demo dataset (data/demo) is what `chaingap generate` makes from the catalogue.
#include <catch2/catch.hpp>
#include <regex>

#include "support/fixture.hpp"

using namespace chaingap::test;

TEST_CASE("data/demo is reproducible from its README command", "[demo]") {
    const std::string demo = source_dir() + "/data/demo";
    const std::string readme = read_text(demo + "/README.md");
    std::smatch m;
    REQUIRE(std::regex_search(readme, m, std::regex("build/chaingap (generate [^\\n]+)")));
    std::string args = m[1].str();
    TempDir t;
    args = std::regex_replace(args, std::regex("--out data/demo"), "--out '" + t.str() + "'");
    auto r = run_cli(args);
    REQUIRE(r.exit_code == 0);
    for (const char* f : {"enterprises.csv", "attachments.csv", "relations.csv", "regions.csv", "dataset.json", "README.md"}) {
        INFO(f << " differs: data/demo is stale; regenerate it with the command in data/demo/README.md");
        CHECK(read_text(t.str() + "/" + f) == read_text(demo + "/" + f));
    }
    CHECK(readme.find("synthetic") != std::string::npos);
}
