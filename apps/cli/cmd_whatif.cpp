// `chaingap whatif`: the gap report as if some firms opened a branch in the region.
#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/report/target_writers.hpp"
#include "chaingap/rank/whatif.hpp"
#include "common.hpp"

namespace chaingap::cli {
namespace {
int run(const Args& args) {
    const std::string format = format_of(args, {"table", "json", "csv", "xlsx"}, "table");
    const std::string out = args.get_or("out", "");
    if (format == "xlsx" && (out.empty() || out == "-")) throw UsageError("--format xlsx needs --out FILE.xlsx");
    const GapParams params = gap_params(args);
    std::vector<std::string> ids;
    for (const std::string& list : args.all("add")) {
        std::size_t start = 0;
        while (start <= list.size()) {
            const std::size_t comma = list.find(',', start);
            std::string id = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!id.empty()) ids.push_back(id);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    if (ids.empty()) throw UsageError("option --add is required (see --help)");
    const std::string region_id = args.require("region");
    const Dataset ds = open_dataset(args.require("data"), load_options(args, false));
    const RegionId region = require_region(ds, region_id);
    std::optional<ChainId> chain;
    if (auto c = args.get("chain")) chain = require_chain(ds, *c);
    const WhatIfResult r = run_whatif(ds, region, chain, resolve_additions(ds, region, ids), params);
    if (format == "xlsx") return whatif_to_xlsx(ds, r, out), 0;
    write_output(out, format == "json"  ? whatif_to_json(ds, r)
                      : format == "csv" ? whatif_to_csv(ds, r, args.flag("bom"))
                                        : whatif_to_table(ds, r));
    return 0;
}

const Registrar reg(Command{
    "whatif",
    "the gap report as if some firms opened a branch in the region",
    std::string("usage: chaingap whatif --data DIR|FILE --region R --add ENTERPRISE[,...] [--chain C]\n"
                "         [--format table|json|csv|xlsx] [--out FILE]\n\n"
                "Adds a branch \"E@R\" of each enterprise (same attachments, weights, size and labels) in R and\n"
                "recomputes R's gap report with the benchmark frozen, so attracting a firm never makes another link\n"
                "look weaker. Prints every link whose status or gap changed (docs/targets.md).\n\n") +
        kDataHelp +
        "  --region R         the region the firms would come to\n"
        "  --add LIST         enterprise ids (comma-separated, repeatable); each must exist and lie outside R\n"
        "  --chain C          one chain only (default: every chain with at least one enterprise)\n"
        "  --format F         table (default), json ({region, added, before, after, changes}), csv, xlsx\n"
        "  --bom              csv: start with a UTF-8 BOM\n"
        "  --out FILE         write to FILE (atomically) instead of stdout\n" +
        gap_params_help(),
    {"data", "region", "add", "chain", "format", "out", "param", "catalogue"},
    {"bom"},
    run});
}  // namespace
}  // namespace chaingap::cli
