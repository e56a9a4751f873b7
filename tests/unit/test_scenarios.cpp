// Declarative scenario tests (DuckDB style): every folder tests/scenarios/NAME/ holding `args` (the
// CLI arguments), `data/` (a dataset folder, loaded without the catalogue) and `expected.json` runs
// `chaingap ARGS --data NAME/data --catalogue ''` and checks that every field of expected.json is in
// the output with the same value (numbers within 1e-6; arrays element by element, same length).
// `{dir}` in args is replaced by the scenario folder, for input files such as a project list.
// Fields the expected file leaves out are not checked, so expectations stay readable.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "support/fixture.hpp"

namespace {
using namespace chaingap::test;
namespace fs = std::filesystem;

void expect_subset(const rapidjson::Value& expected, const rapidjson::Value& actual, const std::string& path,
                   std::vector<std::string>& problems) {
    if (expected.IsObject()) {
        if (!actual.IsObject()) return problems.push_back(path + ": expected an object");
        for (auto it = expected.MemberBegin(); it != expected.MemberEnd(); ++it) {
            auto a = actual.FindMember(it->name);
            std::string p = path + "." + it->name.GetString();
            if (a == actual.MemberEnd()) problems.push_back(p + ": missing");
            else expect_subset(it->value, a->value, p, problems);
        }
    } else if (expected.IsArray()) {
        if (!actual.IsArray()) return problems.push_back(path + ": expected an array");
        if (expected.Size() != actual.Size())
            return problems.push_back(path + ": expected " + std::to_string(expected.Size()) + " elements, got " +
                                      std::to_string(actual.Size()));
        for (rapidjson::SizeType i = 0; i < expected.Size(); ++i)
            expect_subset(expected[i], actual[i], path + "[" + std::to_string(i) + "]", problems);
    } else if (expected.IsNumber()) {
        if (!actual.IsNumber()) return problems.push_back(path + ": expected a number");
        if (std::fabs(expected.GetDouble() - actual.GetDouble()) > 1e-6)
            problems.push_back(path + ": expected " + std::to_string(expected.GetDouble()) + ", got " +
                               std::to_string(actual.GetDouble()));
    } else if (expected.IsString()) {
        if (!actual.IsString() || std::string(expected.GetString()) != actual.GetString())
            problems.push_back(path + ": expected \"" + expected.GetString() + "\", got " +
                               (actual.IsString() ? std::string("\"") + actual.GetString() + "\"" : "a non-string"));
    } else if (expected.IsBool()) {
        if (!actual.IsBool() || expected.GetBool() != actual.GetBool()) problems.push_back(path + ": boolean differs");
    } else if (expected.IsNull()) {
        if (!actual.IsNull()) problems.push_back(path + ": expected null");
    }
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
}
}  // namespace

TEST_CASE("scenario folders produce their expected JSON", "[scenario]") {
    const fs::path root = fs::path(source_dir()) / "tests" / "scenarios";
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(root))
        if (e.is_directory() && fs::exists(e.path() / "args") && fs::exists(e.path() / "expected.json")) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    REQUIRE_FALSE(dirs.empty());
    for (const auto& dir : dirs) {
        SECTION(dir.filename().string()) {
            // `{dir}` in args stands for the scenario folder (input files beside data/).
            std::string args = trimmed(read_text((dir / "args").string()));
            for (std::size_t at; (at = args.find("{dir}")) != std::string::npos;)
                args.replace(at, 5, "'" + dir.string() + "'");
            CliResult r = run_cli(args + " --data '" + (dir / "data").string() + "' --catalogue ''");
            INFO("chaingap " << args << "\nstderr: " << r.err);
            REQUIRE(r.exit_code == 0);
            rapidjson::Document actual, expected;
            actual.Parse(r.out.c_str());
            REQUIRE_FALSE(actual.HasParseError());
            const std::string expected_text = read_text((dir / "expected.json").string());
            expected.Parse(expected_text.c_str());
            REQUIRE_FALSE(expected.HasParseError());
            std::vector<std::string> problems;
            expect_subset(expected, actual, "$", problems);
            std::string all;
            for (const auto& p : problems) all += p + "\n";
            INFO(all);
            CHECK(problems.empty());
        }
    }
}
