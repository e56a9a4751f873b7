// `chaingap targets`: the ranked 目标企业库 for a region (and its portfolio with --portfolio K).
#include <charconv>

#include "chaingap/core/text.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/report/target_writers.hpp"
#include "chaingap/rank/portfolio.hpp"
#include "chaingap/rank/targets.hpp"
#include "common.hpp"

namespace chaingap::cli {
namespace {
int positive_int(const std::string& option, const std::string& text) {
    int v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || v < 1)
        throw UsageError("--" + option + " expects a positive integer, got '" + text + "'");
    return v;
}

int run(const Args& args) {
    const std::string format = format_of(args, {"table", "json", "csv", "xlsx"}, "table");
    const std::string out = args.get_or("out", "");
    if (format == "xlsx" && (out.empty() || out == "-")) throw UsageError("--format xlsx needs --out FILE.xlsx");
    TargetQuery q;
    q.gap_params = gap_params(args);
    if (auto w = args.get("weights")) q.rank_params = read_rank_weights(*w);
    const std::size_t top = args.get("top") ? static_cast<std::size_t>(positive_int("top", *args.get("top"))) : 20;
    std::optional<int> portfolio;
    if (auto k = args.get("portfolio")) portfolio = positive_int("portfolio", *k);
    q.include_local = args.flag("local");
    const std::string region_id = args.require("region");
    const Dataset ds = open_dataset(args.require("data"), load_options(args));
    q.region = require_region(ds, region_id);
    if (auto c = args.get("chain")) q.chain = require_chain(ds, *c);
    if (auto f = args.get("from-regions")) q.from_regions = parse_source_regions(ds, *f);
    const TargetList list = rank_targets(ds, q);
    const bool bom = args.flag("bom");
    if (portfolio) {
        const Portfolio p = choose_portfolio(ds, list, *portfolio);
        if (format == "xlsx") return portfolio_to_xlsx(ds, list, p, out), 0;
        write_output(out, format == "json"  ? portfolio_to_json(ds, list, p)
                          : format == "csv" ? portfolio_to_csv(ds, list, p, bom)
                                            : portfolio_to_table(ds, list, p));
        return 0;
    }
    if (format == "xlsx") return targets_to_xlsx(ds, list, top, out), 0;
    write_output(out, format == "json"  ? targets_to_json(ds, list, top)
                      : format == "csv" ? targets_to_csv(ds, list, top, bom)
                                        : targets_to_table(ds, list, top));
    return 0;
}

std::string weights_help() {
    std::string s = "  --weights FILE     JSON object {\"name\": number} overriding ranking parameters:\n";
    const RankParams d;
    for (const auto& p : rank_param_info())
        s += "      " + std::string(p.name) + " (default " + fmt(d.*p.member, 2) + "): " + p.help + "\n";
    return s;
}

const Registrar reg(Command{
    "targets",
    "ranked target firms (目标企业库) to fill a region's chain gaps, explained",
    std::string(
        "usage: chaingap targets --data DIR|FILE --region R [--chain C] [--top K] [--weights FILE]\n"
        "         [--from-regions LIST] [--local] [--portfolio K] [--format table|json|csv|xlsx] [--out FILE]\n\n"
        "Firms outside R attached to links where R has a gap (缺链/弱链/断链风险), ranked by a documented\n"
        "score: gap filled, strength at the link, local downstream demand, tier labels (世界500强, 中国500强,\n"
        "行业前10强, 专精特新, 链主; 000 二.6), size, relations with local firms, source region (002 第四章).\n"
        "Every row carries its links and the contribution of every component (docs/targets.md).\n\n") +
        kDataHelp +
        "  --region R         region to attract firms to (regions inside it count as local)\n"
        "  --chain C          one chain only (default: every chain with at least one enterprise)\n"
        "  --top K            rows shown (default 20)\n"
        "  --from-regions L   comma-separated region groups or region ids whose firms get the source_region\n"
        "                     component: jingjinji 京津冀, yangtze_delta 长三角, gba 粤港澳大湾区,\n"
        "                     us_eu_jp_kr 欧美日韩, or any region id of the dataset\n"
        "  --local            also list firms inside R at gap links to grow (育新扶小 / 增资扩产)\n"
        "  --portfolio K      pick K firms greedily by marginal gap reduction (what-if per pick) and compare\n"
        "                     with the plain top-K by score\n"
        "  --format F         table (default), json, csv, xlsx (Excel workbook; needs --out)\n"
        "  --bom              csv: start with a UTF-8 BOM so Excel shows Chinese correctly\n"
        "  --out FILE         write to FILE (atomically) instead of stdout\n" +
        weights_help() + gap_params_help(),
    {"data", "region", "chain", "top", "weights", "from-regions", "portfolio", "format", "out", "param", "catalogue"},
    {"bom", "local"},
    run});
}  // namespace
}  // namespace chaingap::cli
