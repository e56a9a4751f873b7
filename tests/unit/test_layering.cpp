// The layering check (cmake/check_layers.cmake) passes on the tree and refuses an include that
// points up: run on a copy of the layer list with one offending file.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "support/fixture.hpp"

namespace fs = std::filesystem;

namespace {
int check(const fs::path& root, const fs::path& log) {
    const std::string cmd = "cmake -DSOURCE_DIR='" + root.string() + "' -P '" + std::string(CHAINGAP_SOURCE_DIR) +
                            "/cmake/check_layers.cmake' > '" + log.string() + "' 2>&1";
    return std::system(cmd.c_str());
}
}  // namespace

TEST_CASE("the layering check passes on the tree and fails on an include that points up", "[layering]") {
    chaingap::test::TempDir dir, logs;
    const fs::path log = logs.path() / "out.txt";
    CHECK(check(CHAINGAP_SOURCE_DIR, log) == 0);
    const fs::path root = dir.path();
    fs::create_directories(root / "cmake");
    fs::copy_file(fs::path(CHAINGAP_SOURCE_DIR) / "cmake/layers.cmake", root / "cmake/layers.cmake");
    fs::create_directories(root / "engine/src/core");
    fs::create_directories(root / "engine/src/rank");
    std::ofstream(root / "engine/src/rank/ok.cpp") << "#include \"chaingap/core/error.hpp\"\n";
    CHECK(check(root, log) == 0);
    std::ofstream(root / "engine/src/core/bad.cpp") << "#include \"chaingap/rank/targets.hpp\"\n";
    CHECK(check(root, log) != 0);
    std::ifstream in(log);
    const std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(out.find("core may not include rank") != std::string::npos);
}
