#include <charconv>

#include "chaingap/analysis/gaps.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/report/gap_writers.hpp"
#include "chaingap/core/files.hpp"
#include "common.hpp"

namespace chaingap::cli {
namespace {
int run(const Args& args) {
    const std::string format = format_of(args, {"table", "json", "csv"}, "table");
    const GapParams params = gap_params(args);
    const std::string region_id = args.require("region");
    const Dataset ds = open_dataset(args.require("data"), load_options(args, false));
    const RegionId region = require_region(ds, region_id);
    std::optional<ChainId> chain;
    if (auto c = args.get("chain")) chain = require_chain(ds, *c);
    GapReport rep = analyze_gaps(ds, region, chain, params);
    if (auto top = args.get("top")) {
        std::size_t k = 0;
        auto [ptr, ec] = std::from_chars(top->data(), top->data() + top->size(), k);
        if (ec != std::errc() || ptr != top->data() + top->size()) throw UsageError("--top must be a whole number ≥ 0, got '" + *top + "'");
        keep_top_links(rep, k);
    }
    std::string out = format == "json" ? gaps_to_json(ds, rep)
                      : format == "csv" ? gaps_to_csv(ds, rep, args.flag("bom"))
                                        : gaps_to_table(ds, rep);
    write_output(args.get_or("out", ""), out);
    return 0;
}

const Registrar reg(Command{
    "gaps", "a region's missing, weak and single-point chain links, scored and explained",
    std::string("usage: chaingap gaps --data DIR|FILE --region R [--chain C] [--format table|json|csv] [--out FILE]\n\n"
                "For region R (and every region inside it) and each chain, every link's status\n"
                "(missing 缺链 / single_point 断链风险 / weak 弱链 / strong 强链 / absent_everywhere), its gap score\n"
                "in [0,1] and the components behind it. Links are sorted by gap score, highest first.\n\n") +
        kDataHelp +
        "  --region R         region id (e.g. 500000 重庆; counties and cities inside it are included)\n"
        "  --chain C          one chain only (default: every chain with at least one enterprise)\n"
        "  --format F         table (default), json (every component and a reason per link), csv\n"
        "  --top K            keep the K highest-gap links of each chain (default 0: all)\n"
        "  --bom              csv: start with a UTF-8 BOM so Excel shows Chinese correctly\n"
        "  --out FILE         write to FILE (atomically) instead of stdout\n" +
        gap_params_help() + "\nScoring is documented in docs/scoring.md; formats in docs/formats.md.\n",
    {"data", "region", "chain", "format", "out", "param", "catalogue", "top"},
    {"bom"},
    run});
}  // namespace
}  // namespace chaingap::cli
