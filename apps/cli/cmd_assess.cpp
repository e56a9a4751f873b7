// `chaingap assess`: project screening (项目研判) of proposed projects for a region.
#include <charconv>
#include <cmath>

#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/core/text.hpp"
#include "chaingap/rank/assess.hpp"
#include "chaingap/report/assess_writers.hpp"
#include "chaingap/report/project_inputs.hpp"
#include "common.hpp"

namespace chaingap::cli {
namespace {
int run(const Args& args) {
    const std::string format = format_of(args, {"table", "json", "xlsx"}, "table");
    const std::string lang = lang_of(args);
    const std::string out = args.get_or("out", "");
    if (format == "xlsx" && (out.empty() || out == "-")) throw UsageError("--format xlsx needs --out FILE.xlsx");
    AssessParams params;
    for (const std::string& kv : args.all("threshold")) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos) throw UsageError("--threshold expects NAME=VALUE, got '" + kv + "'");
        const std::string text = kv.substr(eq + 1);
        double v = 0;
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
            throw UsageError("--threshold " + kv.substr(0, eq) + ": '" + kv.substr(eq + 1) + "' is not a number");
        set_assess_param(params, kv.substr(0, eq), v);
    }
    const GapParams gp = gap_params(args);
    const std::string region_id = args.require("region");
    const std::string project_file = args.require("project");
    const std::string data = args.require("data");
    const Dataset ds = load_dataset(data, load_options(args));
    const RegionId region = require_region(ds, region_id);
    const std::vector<ProjectProposal> projects = read_projects(project_file, ds);
    const RegionAverages averages = read_region_averages(data, ds.regions.id(region));
    const AssessResult r = assess_projects(ds, region, projects, averages, params, gp);
    if (format == "xlsx") return assess_to_xlsx(ds, r, lang, out), 0;
    write_output(out, format == "json" ? assess_to_json(ds, r) : assess_to_table(ds, r, lang));
    return 0;
}

std::string thresholds_help() {
    std::string s = "  --threshold NAME=V re-set a screening threshold (repeatable):\n";
    const AssessParams d;
    for (const auto& p : assess_param_info())
        s += "      " + std::string(p.name) + " (default " + fmt(d.*p.member, 4) + "; " + p.source + "): " + p.help + "\n";
    return s;
}

const Registrar reg(Command{
    "assess",
    "project screening (项目研判): industry fit, input-output, 亩均 output and tax, energy intensity",
    std::string("usage: chaingap assess --data DIR --region R --project FILE [--threshold NAME=V ...]\n"
                "         [--format table|json|xlsx] [--lang zh|en] [--out FILE]\n\n"
                "Screens proposed projects (JSON or CSV: id, name, enterprise, links chain/node;…, investment\n"
                "万元, output 万元/年, tax 万元/年, land 亩, energy 吨标准煤/年, jobs) for region R by the criteria\n"
                "of 004 七(一) and 四(二) and 001 六(十四): 产业匹配度 (links it fills, gap it closes, local\n"
                "up/downstream fit), 投资规模, 投入产出强度, 亩均产出, 亩均税收, 能耗强度 against the region's\n"
                "average (regions.csv columns output_per_mu, tax_per_mu, energy_per_output; said when absent).\n"
                "Each criterion: pass / flag against a documented threshold, with its source (docs/targets.md).\n\n") +
        kDataHelp +
        "  --region R         region the projects would land in\n"
        "  --project FILE     proposed projects, .json or CSV\n"
        "  --format F         table (default), json, xlsx (needs --out)\n"
        "  --lang L           zh (default) or en\n"
        "  --out FILE         write to FILE (atomically) instead of stdout\n" +
        thresholds_help() + gap_params_help(),
    {"data", "region", "project", "threshold", "format", "lang", "out", "param", "catalogue"},
    {},
    run});
}  // namespace
}  // namespace chaingap::cli
