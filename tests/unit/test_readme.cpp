// The README opens with the two commands a new user runs; CI must run the second one as written.
#include <catch2/catch.hpp>

#include "support/fixture.hpp"

using namespace chaingap::test;

TEST_CASE("README starts with the run and test commands, and .ci/run runs the test command", "[readme]") {
    const std::string readme = read_text(source_dir() + "/README.md");
    std::vector<std::string> commands;
    for (std::size_t at = readme.find("```sh\n"); at != std::string::npos && commands.size() < 2;
         at = readme.find("```sh\n", at + 1)) {
        const std::size_t begin = at + 6, end = readme.find("\n```", begin);
        commands.push_back(readme.substr(begin, end - begin));
    }
    REQUIRE(commands.size() == 2);
    CHECK(commands[0].find("apt-get install") != std::string::npos);
    CHECK(commands[0].find("build/chaingap gaps --data data/demo --region 500000") != std::string::npos);
    CHECK(commands[1].find("ctest --test-dir build") != std::string::npos);
    // Nothing but the title comes before the two commands.
    CHECK(readme.find("```sh") < readme.find("\n\n") + 3);
    const std::string ci = read_text(source_dir() + "/.ci/run");
    CHECK(ci.find(commands[1]) != std::string::npos);
}
