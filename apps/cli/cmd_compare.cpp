// `chaingap compare`: regions side by side per link (对标).
#include <sstream>

#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/rank/benchmark.hpp"
#include "chaingap/report/benchmark_writers.hpp"
#include "common.hpp"

namespace chaingap::cli {
namespace {
int run(const Args& args) {
    const std::string format = format_of(args, {"table", "json"}, "table");
    const std::string lang = lang_of(args);
    const GapParams gp = gap_params(args);
    const std::string list = args.require("regions");
    const Dataset ds = load_dataset(args.require("data"), load_options(args));
    std::vector<RegionId> regions;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');) {
        while (!item.empty() && item.front() == ' ') item.erase(item.begin());
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (!item.empty()) regions.push_back(require_region(ds, item));
    }
    std::optional<ChainId> chain;
    if (auto c = args.get("chain")) chain = require_chain(ds, *c);
    const RegionComparison c = compare_regions(ds, regions, chain, gp);
    write_output(args.get_or("out", ""), format == "json" ? comparison_to_json(ds, c) : comparison_to_table(ds, c, lang));
    return 0;
}

const Registrar reg(Command{
    "compare", "regions side by side per chain link (对标): status, firms, share, RCA",
    std::string("usage: chaingap compare --data DIR --regions A,B[,...] [--chain C] [--format table|json] [--lang zh|en]\n\n"
                "Each region's gap report (its own benchmark), aligned link by link: status, local firms,\n"
                "local share of national capacity, RCA and gap (docs/targets.md, Region benchmarking).\n\n") +
        kDataHelp +
        "  --regions LIST     two or more region ids, comma-separated\n"
        "  --chain C          one chain only (default: every chain with at least one enterprise)\n"
        "  --format F         table (default) or json\n"
        "  --lang L           zh (default) or en\n"
        "  --out FILE         write to FILE (atomically) instead of stdout\n" +
        gap_params_help(),
    {"data", "regions", "chain", "format", "lang", "out", "param", "catalogue"},
    {},
    run});
}  // namespace
}  // namespace chaingap::cli
