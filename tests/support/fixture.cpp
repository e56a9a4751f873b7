#include "support/fixture.hpp"

#include "chaingap/synth/generate.hpp"

#include <sys/wait.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

namespace chaingap::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("chaingap-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
}
TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}
void TempDir::write(const std::string& relative, const std::string& content) const {
    fs::path p = path_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
}

std::string source_dir() { return CHAINGAP_SOURCE_DIR; }
std::string shared_data_dir() {
    std::error_code ec;
    return fs::is_directory(CHAINGAP_SHARED_DATA, ec) ? fs::canonical(CHAINGAP_SHARED_DATA).string() : "";
}
std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
}

const char* kToyChainJson = R"({
  "id": "toy", "name": "玩具链", "name_en": "Toy chain",
  "nodes": [
    {"id": "raw", "name": "原料", "stage": "upstream"},
    {"id": "seg", "name": "部件", "stage": "upstream"},
    {"id": "a", "name": "部件甲", "parent": "seg"},
    {"id": "b", "name": "部件乙", "parent": "seg"},
    {"id": "mid1", "name": "中间一", "stage": "midstream"},
    {"id": "mid2", "name": "中间二", "stage": "midstream"},
    {"id": "side", "name": "旁支", "stage": "midstream"},
    {"id": "final", "name": "终端", "stage": "downstream"}
  ],
  "edges": [
    {"from": "raw", "to": "mid1"}, {"from": "seg", "to": "mid1"}, {"from": "mid1", "to": "mid2"},
    {"from": "mid2", "to": "final"}, {"from": "side", "to": "final"}
  ]
})";

Dataset synthetic_dataset(std::int64_t enterprises, std::uint64_t seed, std::int64_t relations) {
    Dataset ds = load_chains_only("");
    SynthParams sp;
    sp.enterprises = enterprises;
    sp.seed = seed;
    sp.relations = relations;
    generate_synthetic(ds, sp);
    return ds;
}

Dataset load_isolated(const std::string& dir) {
    LoadOptions o;
    o.catalogue_dir = "";
    return load_dataset(dir, o);
}

CliResult run_cli(const std::string& args) {
    TempDir tmp;
    const std::string out = (tmp.path() / "out").string(), err = (tmp.path() / "err").string();
    const std::string cmd = std::string("'") + CHAINGAP_CLI + "' " + args + " >'" + out + "' 2>'" + err + "'";
    int status = std::system(cmd.c_str());
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return {code, read_text(out), read_text(err)};
}

}  // namespace chaingap::test
