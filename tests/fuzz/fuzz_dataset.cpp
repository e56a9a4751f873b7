// libFuzzer harness: a whole dataset folder through the loader, the gap analysis, the target
// ranking and what-if, and every writer. The input is split at lines "=== NAME" into files
// (enterprises.csv, attachments.csv, relations.csv, regions.csv, chains/NAME.json, weights.json);
// without a chain file the toy chain below is used. Checks: every JSON written re-parses and is
// UTF-8, every CSV written is UTF-8, every terminal table is UTF-8 without raw control characters.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/load/dataset_loader.hpp"
#include "chaingap/rank/params.hpp"
#include "chaingap/rank/targets.hpp"
#include "chaingap/rank/whatif.hpp"
#include "chaingap/report/gaps.hpp"
#include "chaingap/report/report.hpp"
#include "chaingap/report/targets.hpp"
#include "fuzz_common.hpp"

namespace fs = std::filesystem;
using namespace chaingap;

namespace {
const char* kToy = R"({"id": "toy", "name": "玩具链", "nodes": [
 {"id": "raw", "name": "原料"}, {"id": "seg", "name": "部件"}, {"id": "a", "name": "部件甲", "parent": "seg"},
 {"id": "b", "name": "部件乙", "parent": "seg"}, {"id": "mid", "name": "中间"}, {"id": "final", "name": "终端"}],
 "edges": [{"from": "raw", "to": "mid"}, {"from": "seg", "to": "mid"}, {"from": "mid", "to": "final"}]})";

const fs::path& work_dir() {
    static const fs::path dir = [] {
        const char* shm = "/dev/shm";
        fs::path base = fs::is_directory(shm) ? fs::path(shm) : fs::temp_directory_path();
        return base / ("chaingap-fuzz-" + std::to_string(::getpid()));
    }();
    return dir;
}

std::map<std::string, std::string> split(const std::string& in) {
    std::map<std::string, std::string> files;
    std::string name = "enterprises.csv";
    std::size_t at = 0;
    while (at <= in.size()) {
        std::size_t nl = in.find('\n', at);
        if (nl == std::string::npos) nl = in.size();
        const std::string line = in.substr(at, nl - at);
        if (line.rfind("=== ", 0) == 0) {
            name = line.substr(4);
        } else {
            files[name] += line;
            if (nl < in.size()) files[name] += '\n';
        }
        at = nl + 1;
    }
    return files;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fs::path& dir = work_dir();
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir / "chains");
    auto files = split(std::string(reinterpret_cast<const char*>(data), size));
    bool chain_given = false;
    std::string weights;
    for (const auto& [name, content] : files) {
        fs::path p;
        if (name == "enterprises.csv" || name == "attachments.csv" || name == "relations.csv" || name == "regions.csv")
            p = dir / name;
        else if (name == "clusters.json") p = dir / "chains" / name;
        else if (name == "weights.json") { weights = content; continue; }
        else if (!name.empty() && name.size() < 40 && name.find('/') == std::string::npos && name[0] != '.') {
            p = dir / "chains" / (name + ".json");
            chain_given = true;
        } else continue;
        std::ofstream(p, std::ios::binary) << content;
    }
    if (!chain_given) std::ofstream(dir / "chains" / "toy.json", std::ios::binary) << kToy;
    if (!files.count("attachments.csv")) std::ofstream(dir / "attachments.csv") << "enterprise,chain,node\n";
    try {
        LoadOptions o;
        o.catalogue_dir = "";
        const Dataset ds = load_dataset(dir.string(), o);
        for (std::size_t r = 0; r < ds.regions.size() && r < 3; ++r) {
            const auto region = static_cast<RegionId>(r);
            GapReport rep = analyze_gaps(ds, region, std::nullopt, GapParams{});
            fuzz::check_json(json_text(gaps_report(ds, rep)));
            fuzz::check_terminal_text(render(gaps_report(ds, rep), "table"));
            fuzz::check_csv(render(gaps_report(ds, rep), "csv", RenderOptions{true}));
            TargetQuery q;
            q.region = region;
            q.include_local = true;
            if (!weights.empty()) {
                try {
                    q.rank_params = parse_rank_weights(weights, "weights.json");
                } catch (const InputError&) {
                }
            }
            const TargetList list = rank_targets(ds, q);
            fuzz::check_json(json_text(targets_report(ds, list, 20)));
            fuzz::check_terminal_text(render(targets_report(ds, list, 20), "table"));
            fuzz::check_csv(render(targets_report(ds, list, 20), "csv"));
            if (!list.targets.empty()) {
                const WhatIfResult w = run_whatif(ds, region, std::nullopt, {list.targets[0].enterprise}, GapParams{});
                fuzz::check_json(json_text(whatif_report(ds, w)));
                fuzz::check_terminal_text(render(whatif_report(ds, w), "table"));
            }
        }
    } catch (const InputError&) {
    } catch (const UsageError&) {
    }
    return 0;
}
