// Writers for target lists, portfolios and what-if results (see target_writers.hpp).
#include "chaingap/core/text.hpp"
#include "chaingap/report/target_writers.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/core/text_table.hpp"

namespace chaingap {
namespace {

std::vector<std::string> label_list(const Dataset& ds, EnterpriseId e) {
    std::vector<std::string> out;
    for (int b = 0; b < static_cast<int>(kLabelNames.size()); ++b)
        if (ds.enterprises.has_label(e, b)) out.emplace_back(kLabelNames[b]);
    return out;
}

const char* label_zh(std::string_view l) {
    if (l == "fortune500") return "世界500强";
    if (l == "china500") return "中国500强";
    if (l == "top10") return "行业前10强";
    if (l == "little_giant") return "专精特新小巨人";
    if (l == "srdi") return "专精特新";
    if (l == "hightech") return "高新技术企业";
    if (l == "listed") return "上市公司";
    if (l == "chain_leader") return "链主企业";
    return "?";
}

std::string labels_zh(const Dataset& ds, EnterpriseId e) {
    std::string s;
    for (const auto& l : label_list(ds, e)) s += (s.empty() ? "" : "、") + std::string(label_zh(l));
    return s;
}

std::string link_label(const Dataset& ds, NodeId n) {
    const ChainNode& x = ds.nodes[n];
    return x.parent == kNone ? x.name : ds.nodes[x.parent].name + "›" + x.name;
}

std::vector<std::string> chain_ids(const Dataset& ds, const GapReport& rep) {
    std::vector<std::string> out;
    for (const ChainGaps& cg : rep.chains) out.push_back(ds.chains[cg.chain].id);
    return out;
}

// One sentence a planner can read out: which gaps, which tier, which local ties.
std::string row_reason(const Dataset& ds, const TargetList& list, const TargetRow& row) {
    std::string s =
        "fills " + std::to_string(row.links.size()) + " gap link" + (row.links.size() == 1 ? "" : "s") + ": ";
    for (std::size_t i = 0; i < row.links.size() && i < 3; ++i) {
        const TargetLink& l = row.links[i];
        s += (i ? ", " : "") + link_label(ds, l.node) + " (" + std::string(status_name_zh(l.status)) + " gap " +
             fmt(l.gap_score, 2) + ", firm share " + fmt(100 * l.firm_share, 1) + "%)";
    }
    if (row.links.size() > 3) s += ", …";
    const std::string tiers = labels_zh(ds, row.enterprise);
    if (!tiers.empty()) s += "; " + tiers;
    if (row.related_firms > 0) s += "; relations with " + std::to_string(row.related_firms) + " firm(s) in the region";
    if (row.component[static_cast<int>(Component::source_region)] > 0) s += "; in a priority source region";
    (void)list;
    return s;
}

void write_row_json(JsonWriter& w, const Dataset& ds, const TargetList& list, const TargetRow& row,
                    const double* marginal) {
    const auto& E = ds.enterprises;
    const EnterpriseId e = row.enterprise;
    w.StartObject();
    json_kv(w, "rank", std::int64_t{row.rank});
    json_kv(w, "enterprise", E.id[e]);
    json_kv(w, "name", E.name[e]);
    json_kv(w, "region", ds.regions.id(E.region[e]));
    json_kv(w, "region_name", ds.regions.name(E.region[e]));
    json_kv(w, "score", row.score);
    if (marginal) json_kv(w, "marginal_gap_closed", *marginal);
    json_kv(w, "gap_closed_alone", row.gap_closed_alone);
    w.Key("labels");
    w.StartArray();
    for (const auto& l : label_list(ds, e)) w.String(l.c_str());
    w.EndArray();
    w.Key("revenue");
    if (E.has_revenue(e))
        w.Double(E.revenue[e]);
    else
        w.Null();
    w.Key("links");
    w.StartArray();
    for (const TargetLink& l : row.links) {
        const ChainNode& n = ds.nodes[l.node];
        w.StartObject();
        json_kv(w, "chain", ds.chains[n.chain].id);
        json_kv(w, "node", n.id);
        json_kv(w, "name", n.name);
        json_kv(w, "status", status_name(l.status));
        json_kv(w, "status_zh", status_name_zh(l.status));
        json_kv(w, "gap_score", l.gap_score);
        json_kv(w, "attachment_weight", l.attachment_weight);
        json_kv(w, "firm_capacity", l.firm_capacity);
        json_kv(w, "firm_share", l.firm_share);
        json_kv(w, "downstream_local", l.downstream_local);
        json_kv(w, "contribution", l.contribution);
        w.EndObject();
    }
    w.EndArray();
    w.Key("components");
    w.StartObject();
    for (int c = 0; c < kComponentCount; ++c) {
        w.Key(component_name(static_cast<Component>(c)));
        w.StartObject();
        json_kv(w, "value", row.component[c]);
        json_kv(w, "weight", component_weight(list.query.rank_params, static_cast<Component>(c)));
        json_kv(w, "contribution", row.contribution[c]);
        w.EndObject();
    }
    w.EndObject();
    json_kv(w, "related_firms", std::int64_t{row.related_firms});
    json_kv(w, "relation_points", row.relation_points);
    json_kv(w, "reason", row_reason(ds, list, row));
    w.EndObject();
}

void write_rank_params_json(JsonWriter& w, const RankParams& p) {
    w.StartObject();
    for (const auto& i : rank_param_info()) json_kv(w, i.name, p.*i.member);
    w.EndObject();
}

void write_context_json(JsonWriter& w, const Dataset& ds, const TargetList& list) {
    const GapReport& rep = list.report;
    json_kv(w, "region", ds.regions.id(rep.region));
    json_kv(w, "region_name", ds.regions.name(rep.region));
    w.Key("chains");
    w.StartArray();
    for (const auto& c : chain_ids(ds, rep)) w.String(c.c_str());
    w.EndArray();
    json_kv(w, "benchmark", rep.benchmark.share);
    json_kv(w, "benchmark_source", rep.benchmark.source);
    w.Key("from_regions");
    w.StartArray();
    for (const auto& s : list.query.from_regions.items) w.String(s.c_str());
    w.EndArray();
    w.Key("weights");
    write_rank_params_json(w, list.query.rank_params);
    w.Key("gap_params");
    write_params_json(w, list.query.gap_params);
    json_kv(w, "firms_outside", list.firms_outside);
    json_kv(w, "candidates", static_cast<std::int64_t>(list.targets.size()));
}

std::string finish(rapidjson::StringBuffer& buf) {
    return std::string(buf.GetString()) + "\n";
}

std::size_t shown(std::size_t n, std::size_t top) {
    return top == 0 ? n : std::min(n, top);
}

// ------------------------------------------------------------------ CSV
const char* kTargetCsvHeader =
    "list,rank,enterprise,name,region,score,marginal_gap_closed,gap_fill,strength,downstream_demand,quality,size,"
    "relatedness,source_region,gap_closed_alone,contrib_gap_fill,contrib_strength,contrib_downstream_demand,contrib_"
    "quality,"
    "contrib_size,contrib_relatedness,contrib_source_region,labels,revenue,related_firms,links,reason\n";

void csv_row(std::string& out, const Dataset& ds, const TargetList& list, const char* which, const TargetRow& row,
             const double* marginal) {
    const auto& E = ds.enterprises;
    const EnterpriseId e = row.enterprise;
    std::vector<std::string> f = {which,
                                  std::to_string(row.rank),
                                  E.id[e],
                                  E.name[e],
                                  ds.regions.id(E.region[e]),
                                  fmt(row.score, 6),
                                  marginal ? fmt(*marginal, 6) : ""};
    for (int c = 0; c < kComponentCount; ++c) f.push_back(fmt(row.component[c], 6));
    f.push_back(fmt(row.gap_closed_alone, 6));
    for (int c = 0; c < kComponentCount; ++c) f.push_back(fmt(row.contribution[c], 6));
    std::string labels;
    for (const auto& l : label_list(ds, e)) labels += (labels.empty() ? "" : ";") + l;
    f.push_back(labels);
    f.push_back(E.has_revenue(e) ? fmt(E.revenue[e], 2) : "");
    f.push_back(std::to_string(row.related_firms));
    std::string links;
    for (const TargetLink& l : row.links)
        links += (links.empty() ? "" : ";") + ds.node_key(l.node) + ":" + std::string(status_name(l.status)) + ":" +
                 fmt(l.gap_score, 4);
    f.push_back(links);
    f.push_back(row_reason(ds, list, row));
    for (std::size_t i = 0; i < f.size(); ++i) out += (i ? "," : "") + csv_field(f[i]);
    out += "\n";
}

// ------------------------------------------------------------------ table
std::string rows_table(const Dataset& ds, const std::vector<const TargetRow*>& rows,
                       const std::vector<double>* marginal) {
    std::vector<std::string> header = {"#", "企业 enterprise", "地区", "score"};
    std::vector<bool> right = {true, false, false, true};
    if (marginal) {
        header.push_back("gap closed");
        right.push_back(true);
    }
    for (const char* h : {"补链", "实力", "需求", "层级", "规模", "关联", "来源"}) {
        header.push_back(h);
        right.push_back(true);
    }
    header.push_back("fills 环节 (status gap)");
    right.push_back(false);
    TextTable t(header, right);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TargetRow& r = *rows[i];
        const EnterpriseId e = r.enterprise;
        std::vector<std::string> cells = {std::to_string(marginal ? static_cast<std::int32_t>(i + 1) : r.rank),
                                          ds.enterprises.name[e] + " " + ds.enterprises.id[e],
                                          ds.regions.id(ds.enterprises.region[e]), fmt(r.score, 3)};
        if (marginal) cells.push_back(fmt((*marginal)[i], 3));
        for (int c = 0; c < kComponentCount; ++c) cells.push_back(fmt(r.contribution[c], 3));
        std::string links;
        for (std::size_t k = 0; k < r.links.size() && k < 2; ++k)
            links += (k ? ", " : "") + link_label(ds, r.links[k].node) + " " +
                     std::string(status_name_zh(r.links[k].status)) + " " + fmt(r.links[k].gap_score, 2);
        if (r.links.size() > 2) links += " +" + std::to_string(r.links.size() - 2);
        cells.push_back(links);
        t.add_row(cells);
    }
    return t.render();
}

std::string table_preamble(const Dataset& ds, const TargetList& list) {
    std::string chains;
    for (const auto& c : chain_ids(ds, list.report)) chains += (chains.empty() ? "" : ", ") + c;
    return "Region " + ds.regions.label(list.report.region) + "; chains: " + chains + "; benchmark share " +
           fmt(100 * list.report.benchmark.share, 2) + "% (" + list.report.benchmark.source + ")\n" +
           std::to_string(list.targets.size()) + " candidate firms outside the region fill at least one gap link (of " +
           std::to_string(list.firms_outside) + " firms outside).\n";
}

// ------------------------------------------------------------------ XLSX
struct Cell {
    bool number = false;
    double value = 0;
    std::string text;
};
Cell num(double v) {
    return {true, v, {}};
}
Cell str(std::string s) {
    return {false, 0, std::move(s)};
}

struct Sheet {
    std::string name;
    std::vector<std::string> header;
    std::vector<double> widths;  // characters, per column
    std::vector<std::vector<Cell>> rows;
};

void write_workbook(const std::string& path, const std::vector<Sheet>& sheets, const std::string& title) {
    if (path.empty() || path == "-") throw UsageError("--format xlsx writes a binary workbook: give --out FILE.xlsx");
    const std::string tmp = path + ".tmp." + std::to_string(::getpid()) + ".xlsx";
    lxw_workbook* wb = workbook_new(tmp.c_str());
    if (!wb) throw InputError(path, 0, "", "cannot create the workbook");
    // A fixed creation date (2000-01-01T00:00:00Z) instead of "now": the same inputs give the same
    // workbook contents (reproducibility; sheet 3 has no timestamp either).
    lxw_doc_properties props{};
    props.title = const_cast<char*>(title.c_str());
    props.comments = const_cast<char*>("chaingap " CHAINGAP_VERSION);
    props.created = 946684800;
    workbook_set_properties(wb, &props);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_bg_color(bold, 0xDDEBF7);
    lxw_format* decimals = workbook_add_format(wb);
    format_set_num_format(decimals, "0.0000");
    for (const Sheet& s : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
        for (std::size_t c = 0; c < s.header.size(); ++c) {
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), s.header[c].c_str(), bold);
            const double w = c < s.widths.size() ? s.widths[c] : 12.0;
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w, nullptr);
        }
        worksheet_freeze_panes(ws, 1, 0);
        for (std::size_t r = 0; r < s.rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
                const Cell& cell = s.rows[r][c];
                const auto col = static_cast<lxw_col_t>(c);
                if (cell.number) {
                    const bool integral =
                        std::abs(cell.value - std::round(cell.value)) < 1e-12 && std::abs(cell.value) < 1e15;
                    worksheet_write_number(ws, row, col, cell.value, integral ? nullptr : decimals);
                } else if (!cell.text.empty()) {
                    worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
                }
            }
        }
    }
    const lxw_error err = workbook_close(wb);
    std::error_code ec;
    if (err != LXW_NO_ERROR) {
        std::filesystem::remove(tmp, ec);
        throw InputError(path, 0, "", std::string("cannot write the workbook: ") + lxw_strerror(err));
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw InputError(path, 0, "", "cannot move the workbook into place");
    }
}

Sheet ranked_sheet(const Dataset& ds, const TargetList& list, const std::vector<const TargetRow*>& rows,
                   const std::vector<double>* marginal, const char* name, const std::vector<const TargetRow*>* local) {
    Sheet s;
    s.name = name;
    s.header = {"排名", "名单", "企业代码", "企业名称", "所在地区", "综合得分"};
    s.widths = {6, 10, 14, 30, 16, 10};
    if (marginal) {
        s.header.push_back("边际缺口缩减");
        s.widths.push_back(12);
    }
    for (int c = 0; c < kComponentCount; ++c) {
        s.header.push_back(std::string(component_name_zh(static_cast<Component>(c))) + "得分");
        s.widths.push_back(12);
    }
    s.header.push_back("单独引进缺口缩减");
    s.widths.push_back(14);
    for (const char* h : {"填补环节数", "主要填补环节", "企业标签", "营业收入(万元)", "本地关联企业数", "推荐理由"})
        s.header.push_back(h);
    for (double w : {10.0, 36.0, 24.0, 14.0, 12.0, 80.0}) s.widths.push_back(w);
    auto add = [&](const TargetRow& r, const char* which, std::int32_t rank, const double* m) {
        const EnterpriseId e = r.enterprise;
        std::vector<Cell> row = {num(rank),
                                 str(which),
                                 str(ds.enterprises.id[e]),
                                 str(ds.enterprises.name[e]),
                                 str(ds.regions.label(ds.enterprises.region[e])),
                                 num(r.score)};
        if (marginal) row.push_back(m ? num(*m) : str(""));
        for (int c = 0; c < kComponentCount; ++c) row.push_back(num(r.contribution[c]));
        row.push_back(num(r.gap_closed_alone));
        row.push_back(num(static_cast<double>(r.links.size())));
        row.push_back(str(r.links.empty() ? ""
                                          : link_label(ds, r.links.front().node) + " (" +
                                                std::string(status_name_zh(r.links.front().status)) + ")"));
        row.push_back(str(labels_zh(ds, e)));
        row.push_back(ds.enterprises.has_revenue(e) ? num(ds.enterprises.revenue[e]) : str(""));
        row.push_back(num(r.related_firms));
        row.push_back(str(row_reason(ds, list, r)));
        s.rows.push_back(std::move(row));
    };
    for (std::size_t i = 0; i < rows.size(); ++i)
        add(*rows[i], marginal ? "组合" : "引进目标", marginal ? static_cast<std::int32_t>(i + 1) : rows[i]->rank,
            marginal ? &(*marginal)[i] : nullptr);
    if (local)
        for (const TargetRow* r : *local) add(*r, "本地培育", r->rank, nullptr);
    return s;
}

Sheet links_sheet(const Dataset& ds, const std::vector<const TargetRow*>& rows,
                  const std::vector<const TargetRow*>* local) {
    Sheet s;
    s.name = "环节明细";
    s.header = {"排名", "名单",     "企业代码", "企业名称",     "产业链",       "环节代码", "环节名称",
                "状态", "缺口分值", "业务占比", "全国产能占比", "本地下游覆盖", "得分贡献"};
    s.widths = {6, 10, 14, 30, 16, 24, 24, 10, 10, 10, 12, 12, 10};
    auto add = [&](const TargetRow& r, const char* which, std::int32_t rank) {
        for (const TargetLink& l : r.links) {
            const ChainNode& n = ds.nodes[l.node];
            s.rows.push_back({num(rank), str(which), str(ds.enterprises.id[r.enterprise]),
                              str(ds.enterprises.name[r.enterprise]), str(ds.chains[n.chain].name), str(n.id),
                              str(link_label(ds, l.node)), str(std::string(status_name_zh(l.status))), num(l.gap_score),
                              num(l.attachment_weight), num(l.firm_share), num(l.downstream_local),
                              num(l.contribution)});
        }
    };
    for (std::size_t i = 0; i < rows.size(); ++i) add(*rows[i], "引进目标", rows[i]->rank);
    if (local)
        for (const TargetRow* r : *local) add(*r, "本地培育", r->rank);
    return s;
}

Sheet snapshot_sheet(const Dataset& ds, const TargetList& list, std::vector<std::vector<Cell>> extra) {
    Sheet s;
    s.name = "参数与数据";
    s.header = {"项目", "值", "说明"};
    s.widths = {28, 40, 80};
    auto add = [&](std::string k, Cell v, std::string note) {
        s.rows.push_back({str(std::move(k)), std::move(v), str(std::move(note))});
    };
    std::string chains;
    for (const auto& c : chain_ids(ds, list.report)) chains += (chains.empty() ? "" : ",") + c;
    add("chaingap", str(CHAINGAP_VERSION), "engine version");
    add("数据集 dataset", str(ds.source), "--data folder");
    add("企业数 enterprises", num(static_cast<double>(ds.enterprises.size())), "rows of enterprises.csv");
    add("挂接数 attachments", num(static_cast<double>(ds.attachments.size())), "rows of attachments.csv");
    add("关系数 relations", num(static_cast<double>(ds.relations.size())), "rows of relations.csv");
    add("产业链数 chains loaded", num(static_cast<double>(ds.chains.size())), "catalogue + dataset chains");
    add("地区 region", str(ds.regions.label(list.report.region)), "--region (regions inside it included)");
    add("分析产业链 chains analysed", str(chains), "--chain, or every chain with data");
    add("本地企业数 local enterprises", num(static_cast<double>(list.report.local_enterprises)), "");
    add("基准份额 benchmark", num(list.report.benchmark.share), "source: " + list.report.benchmark.source);
    std::string from;
    for (const auto& x : list.query.from_regions.items) from += (from.empty() ? "" : ",") + x;
    add("重点来源地 from_regions", str(from), "002 第四章第三节 (京津冀, 长三角, 粤港澳大湾区)");
    add("区外企业数 firms outside", num(static_cast<double>(list.firms_outside)),
        "non-aggregate firms outside the region");
    add("候选企业数 candidates", num(static_cast<double>(list.targets.size())), "firms outside at ≥1 gap link");
    for (const auto& p : gap_param_info())
        add(std::string("gap.") + p.name, num(list.query.gap_params.*p.member), p.help);
    for (const auto& p : rank_param_info())
        add(std::string("rank.") + p.name, num(list.query.rank_params.*p.member), p.help);
    for (auto& row : extra) s.rows.push_back(std::move(row));
    return s;
}

std::vector<const TargetRow*> first(const std::vector<TargetRow>& rows, std::size_t top) {
    std::vector<const TargetRow*> out;
    for (std::size_t i = 0; i < shown(rows.size(), top); ++i) out.push_back(&rows[i]);
    return out;
}
}  // namespace

// ====================================================================== targets
void write_targets_json(JsonWriter& w, const Dataset& ds, const TargetList& list, std::size_t top) {
    w.StartObject();
    write_context_json(w, ds, list);
    json_kv(w, "shown", static_cast<std::int64_t>(shown(list.targets.size(), top)));
    w.Key("targets");
    w.StartArray();
    for (const TargetRow* r : first(list.targets, top)) write_row_json(w, ds, list, *r, nullptr);
    w.EndArray();
    if (list.query.include_local) {
        w.Key("local");
        w.StartArray();
        for (const TargetRow* r : first(list.local, top)) write_row_json(w, ds, list, *r, nullptr);
        w.EndArray();
    }
    w.EndObject();
}

std::string targets_to_json(const Dataset& ds, const TargetList& list, std::size_t top) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.SetIndent(' ', 2);
    write_targets_json(w, ds, list, top);
    return finish(buf);
}

std::string targets_to_csv(const Dataset& ds, const TargetList& list, std::size_t top, bool bom) {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    out += kTargetCsvHeader;
    for (const TargetRow* r : first(list.targets, top)) csv_row(out, ds, list, "target", *r, nullptr);
    if (list.query.include_local)
        for (const TargetRow* r : first(list.local, top)) csv_row(out, ds, list, "local", *r, nullptr);
    return out;
}

std::string targets_to_table(const Dataset& ds, const TargetList& list, std::size_t top) {
    std::string out = table_preamble(ds, list);
    out +=
        "\n引进目标 targets (score contributions per component):\n" + rows_table(ds, first(list.targets, top), nullptr);
    if (list.query.include_local)
        out +=
            "\n本地培育 local firms to grow (育新扶小 / 增资扩产):\n" + rows_table(ds, first(list.local, top), nullptr);
    out +=
        "\nComponents: 补链 gap_fill, 实力 strength, 需求 downstream_demand, 层级 quality, 规模 size, 关联 "
        "relatedness,\n"
        "来源 source_region (docs/targets.md). --format json lists every link and component.\n";
    return out;
}

void targets_to_xlsx(const Dataset& ds, const TargetList& list, std::size_t top, const std::string& path) {
    const auto rows = first(list.targets, top);
    const auto local = first(list.local, top);
    const auto* lp = list.query.include_local ? &local : nullptr;
    write_workbook(
        path,
        {ranked_sheet(ds, list, rows, nullptr, "目标企业", lp), links_sheet(ds, rows, lp),
         snapshot_sheet(ds, list, {{str("显示行数 shown"), num(static_cast<double>(rows.size())), str("--top")}})},
        "目标企业库 " + ds.regions.label(list.report.region));
}

// ====================================================================== portfolio
std::string portfolio_to_json(const Dataset& ds, const TargetList& list, const Portfolio& p) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.SetIndent(' ', 2);
    w.StartObject();
    write_context_json(w, ds, list);
    json_kv(w, "k", static_cast<std::int64_t>(p.topk.size() > p.picks.size() ? p.topk.size() : p.picks.size()));
    json_kv(w, "method", p.method);
    json_kv(w, "total_gap_before", p.total_gap_before);
    json_kv(w, "portfolio_gap_closed", p.portfolio_gap_closed);
    json_kv(w, "greedy_gap_closed", p.greedy_gap_closed);
    json_kv(w, "topk_gap_closed", p.topk_gap_closed);
    w.Key("topk");
    w.StartArray();
    for (EnterpriseId e : p.topk) w.String(ds.enterprises.id[e].c_str());
    w.EndArray();
    w.Key("portfolio");
    w.StartArray();
    for (const PortfolioPick& pick : p.picks) write_row_json(w, ds, list, pick.row, &pick.marginal_gap_closed);
    w.EndArray();
    w.EndObject();
    return finish(buf);
}

std::string portfolio_to_csv(const Dataset& ds, const TargetList& list, const Portfolio& p, bool bom) {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    out += kTargetCsvHeader;
    for (const PortfolioPick& pick : p.picks) csv_row(out, ds, list, "portfolio", pick.row, &pick.marginal_gap_closed);
    return out;
}

std::string portfolio_to_table(const Dataset& ds, const TargetList& list, const Portfolio& p) {
    std::vector<const TargetRow*> rows;
    std::vector<double> marginal;
    for (const PortfolioPick& pick : p.picks) {
        rows.push_back(&pick.row);
        marginal.push_back(pick.marginal_gap_closed);
    }
    std::string out = table_preamble(ds, list);
    out += "\nPortfolio of " + std::to_string(p.picks.size()) + " (" + p.method +
           ", in pick order; # = pick, score = plain score):\n";
    out += rows_table(ds, rows, &marginal);
    out += "\nTotal gap " + fmt(p.total_gap_before, 3) + ": the portfolio closes " + fmt(p.portfolio_gap_closed, 3) +
           ", the plain top-" + std::to_string(p.topk.size()) + " by score closes " + fmt(p.topk_gap_closed, 3) + ".\n";
    return out;
}

void portfolio_to_xlsx(const Dataset& ds, const TargetList& list, const Portfolio& p, const std::string& path) {
    std::vector<const TargetRow*> rows;
    std::vector<double> marginal;
    for (const PortfolioPick& pick : p.picks) {
        rows.push_back(&pick.row);
        marginal.push_back(pick.marginal_gap_closed);
    }
    std::string topk;
    for (EnterpriseId e : p.topk) topk += (topk.empty() ? "" : ",") + ds.enterprises.id[e];
    write_workbook(
        path,
        {ranked_sheet(ds, list, rows, &marginal, "招商组合", nullptr), links_sheet(ds, rows, nullptr),
         snapshot_sheet(
             ds, list,
             {{str("组合方法 method"), str(p.method), str("greedy by marginal gap reduction (docs/targets.md)")},
              {str("缺口总量 total_gap_before"), num(p.total_gap_before), str("Σ gap_score over the analysed links")},
              {str("组合缩减 portfolio_gap_closed"), num(p.portfolio_gap_closed), str("")},
              {str("前K缩减 topk_gap_closed"), num(p.topk_gap_closed), str(topk)}})},
        "招商组合 " + ds.regions.label(list.report.region));
}

// ====================================================================== what-if
std::string whatif_to_json(const Dataset& ds, const WhatIfResult& r) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.SetIndent(' ', 2);
    w.StartObject();
    json_kv(w, "region", ds.regions.id(r.region));
    w.Key("added");
    w.StartArray();
    for (EnterpriseId e : r.added) w.String(ds.enterprises.id[e].c_str());
    w.EndArray();
    w.Key("branches");
    w.StartArray();
    for (EnterpriseId e : r.added) w.String((ds.enterprises.id[e] + "@" + ds.regions.id(r.region)).c_str());
    w.EndArray();
    json_kv(w, "total_gap_before", r.total_gap_before);
    json_kv(w, "total_gap_after", r.total_gap_after);
    w.Key("before");
    write_gap_report_json(w, ds, r.before);
    w.Key("after");
    write_gap_report_json(w, ds, r.after);
    w.Key("changes");
    w.StartArray();
    for (const LinkChange& c : r.changes) {
        w.StartObject();
        json_kv(w, "chain", ds.chains[c.chain].id);
        json_kv(w, "node", ds.nodes[c.node].id);
        json_kv(w, "name", ds.nodes[c.node].name);
        json_kv(w, "status_before", status_name(c.status_before));
        json_kv(w, "status_after", status_name(c.status_after));
        json_kv(w, "gap_before", c.gap_before);
        json_kv(w, "gap_after", c.gap_after);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return finish(buf);
}

std::string whatif_to_csv(const Dataset& ds, const WhatIfResult& r, bool bom) {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    out += "region,chain,node,name,status_before,status_after,gap_before,gap_after\n";
    for (const LinkChange& c : r.changes) {
        std::vector<std::string> f = {ds.regions.id(r.region),
                                      ds.chains[c.chain].id,
                                      ds.nodes[c.node].id,
                                      ds.nodes[c.node].name,
                                      std::string(status_name(c.status_before)),
                                      std::string(status_name(c.status_after)),
                                      fmt(c.gap_before, 6),
                                      fmt(c.gap_after, 6)};
        for (std::size_t i = 0; i < f.size(); ++i) out += (i ? "," : "") + csv_field(f[i]);
        out += "\n";
    }
    return out;
}

std::string whatif_to_table(const Dataset& ds, const WhatIfResult& r) {
    std::string added;
    for (EnterpriseId e : r.added)
        added += (added.empty() ? "" : ", ") + ds.enterprises.name[e] + " " + ds.enterprises.id[e];
    std::string out = "What if " + added + " opened a branch in " + ds.regions.label(r.region) +
                      " (benchmark frozen at " + fmt(100 * r.before.benchmark.share, 2) + "%):\n";
    TextTable t({"chain", "环节 link", "before", "after", "gap before", "gap after", "closed"},
                {false, false, false, false, true, true, true});
    for (const LinkChange& c : r.changes)
        t.add_row({ds.chains[c.chain].id, link_label(ds, c.node),
                   std::string(status_name(c.status_before)) + " " + std::string(status_name_zh(c.status_before)),
                   std::string(status_name(c.status_after)) + " " + std::string(status_name_zh(c.status_after)),
                   fmt(c.gap_before, 3), fmt(c.gap_after, 3), fmt(c.gap_before - c.gap_after, 3)});
    out += r.changes.empty() ? "no link changes.\n" : t.render();
    out += "Total gap " + fmt(r.total_gap_before, 3) + " → " + fmt(r.total_gap_after, 3) + " (closed " +
           fmt(r.total_gap_before - r.total_gap_after, 3) + ").\n";
    return out;
}

void whatif_to_xlsx(const Dataset& ds, const WhatIfResult& r, const std::string& path) {
    Sheet changes;
    changes.name = "环节变化";
    changes.header = {"产业链", "环节代码", "环节名称", "原状态", "新状态", "原缺口分值", "新缺口分值", "缺口缩减"};
    changes.widths = {16, 24, 24, 10, 10, 12, 12, 12};
    for (const LinkChange& c : r.changes)
        changes.rows.push_back({str(ds.chains[c.chain].name), str(ds.nodes[c.node].id), str(link_label(ds, c.node)),
                                str(std::string(status_name_zh(c.status_before))),
                                str(std::string(status_name_zh(c.status_after))), num(c.gap_before), num(c.gap_after),
                                num(c.gap_before - c.gap_after)});
    Sheet links;
    links.name = "引进后缺口";
    links.header = {"产业链", "环节代码", "环节名称", "状态", "缺口分值", "本地企业数", "本地份额", "RCA"};
    links.widths = {16, 24, 24, 10, 10, 10, 10, 10};
    for (const ChainGaps& cg : r.after.chains)
        for (const LinkGap& g : cg.links)
            links.rows.push_back({str(ds.chains[cg.chain].name), str(ds.nodes[g.node].id), str(link_label(ds, g.node)),
                                  str(std::string(status_name_zh(g.status))), num(g.gap_score), num(g.local_count),
                                  num(g.local_share), num(g.rca)});
    Sheet snap;
    snap.name = "参数与数据";
    snap.header = {"项目", "值", "说明"};
    snap.widths = {28, 40, 60};
    std::string added;
    for (EnterpriseId e : r.added) added += (added.empty() ? "" : ",") + ds.enterprises.id[e];
    snap.rows = {{str("chaingap"), str(CHAINGAP_VERSION), str("engine version")},
                 {str("数据集 dataset"), str(ds.source), str("--data folder")},
                 {str("企业数 enterprises"), num(static_cast<double>(ds.enterprises.size())), str("")},
                 {str("地区 region"), str(ds.regions.label(r.region)), str("")},
                 {str("引进企业 added"), str(added), str("a branch E@R of each, same attachments and size")},
                 {str("基准份额 benchmark (frozen)"), num(r.before.benchmark.share), str(r.before.benchmark.source)},
                 {str("缺口总量 before"), num(r.total_gap_before), str("")},
                 {str("缺口总量 after"), num(r.total_gap_after), str("")}};
    for (const auto& p : gap_param_info())
        snap.rows.push_back({str(std::string("gap.") + p.name), num(r.before.params.*p.member), str(p.help)});
    write_workbook(path, {changes, links, snap}, "what-if " + ds.regions.label(r.region));
}

}  // namespace chaingap
