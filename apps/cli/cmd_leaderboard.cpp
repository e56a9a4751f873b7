// `chaingap leaderboard`: the 赛马榜 of the regions directly under a region by chain completeness.
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
    const std::string within_id = args.require("within");
    const Dataset ds = load_dataset(args.require("data"), load_options(args));
    // "national" / "全国": the top-level regions (the provinces of a national dataset), unless the
    // dataset has a region with that id.
    RegionId within = kNone;
    if (auto r = ds.regions.find(within_id))
        within = *r;
    else if (within_id != "national" && within_id != "全国")
        within = require_region(ds, within_id);
    std::optional<ChainId> chain;
    if (auto c = args.get("chain")) chain = require_chain(ds, *c);
    const Leaderboard b = leaderboard(ds, within, chain, gp);
    write_output(args.get_or("out", ""), format == "json" ? leaderboard_to_json(ds, b) : leaderboard_to_table(ds, b, lang));
    return 0;
}

const Registrar reg(Command{
    "leaderboard", "赛马榜: the regions under a region ranked by chain completeness, with the links behind the leader",
    std::string("usage: chaingap leaderboard --data DIR --within R|national [--chain C] [--format table|json] [--lang zh|en]\n\n"
                "Every region directly under R (districts of a city, provinces with --within national) ranked by\n"
                "chain completeness: importance-weighted share of links, strong 1, present but weak or\n"
                "single-point 0.5, missing 0 (000 19 赛马榜; docs/targets.md). Each region lists the links\n"
                "that separate it from the leader, most important first.\n\n") +
        kDataHelp +
        "  --within R         parent region, or national for the top-level regions\n"
        "  --chain C          one chain only (default: every chain with at least one enterprise)\n"
        "  --format F         table (default) or json\n"
        "  --lang L           zh (default) or en\n"
        "  --out FILE         write to FILE (atomically) instead of stdout\n" +
        gap_params_help(),
    {"data", "within", "chain", "format", "lang", "out", "param", "catalogue"},
    {},
    run});
}  // namespace
}  // namespace chaingap::cli
