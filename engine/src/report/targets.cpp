// Reports of target lists, portfolios and what-if results (see targets.hpp).
#include "chaingap/report/targets.hpp"

#include <algorithm>

#include "chaingap/core/text.hpp"
#include "chaingap/report/gaps.hpp"

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

std::size_t shown(std::size_t n, std::size_t top) {
    return top == 0 ? n : std::min(n, top);
}

// ------------------------------------------------------------------ tables
// One ranked row per firm: machine columns (the CSV contract) and people columns (XLSX).
Table ranked_table(const Dataset& ds, const TargetList& list, const char* sheet) {
    Table t;
    t.name = sheet;
    using F = Column::For;
    auto col = [&](const char* key, const char* label, double width, F f = F::all) {
        t.columns.push_back({key, label, width, true, f});
    };
    col("list", "名单", 10, F::all);
    col("rank", "排名", 6);
    col("enterprise", "企业代码", 14);
    col("name", "企业名称", 30);
    col("region", "地区代码", 10, F::machines);
    col("region_name", "所在地区", 16, F::people);
    col("score", "综合得分", 10);
    col("marginal_gap_closed", "边际缺口缩减", 12);
    for (int c = 0; c < kComponentCount; ++c)
        t.columns.push_back({component_name(static_cast<Component>(c)),
                             std::string(component_name_zh(static_cast<Component>(c))) + "值", 10, true, F::machines});
    col("gap_closed_alone", "单独引进缺口缩减", 14);
    for (int c = 0; c < kComponentCount; ++c)
        t.columns.push_back({std::string("contrib_") + component_name(static_cast<Component>(c)),
                             std::string(component_name_zh(static_cast<Component>(c))) + "得分", 12, true});
    col("links_count", "填补环节数", 10, F::people);
    col("main_link", "主要填补环节", 36, F::people);
    col("labels", "企业标签", 24, F::machines);
    col("labels_zh", "企业标签", 24, F::people);
    col("revenue", "营业收入(万元)", 14);
    col("related_firms", "本地关联企业数", 12);
    col("links", "填补环节", 40, F::machines);
    col("reason", "推荐理由", 80);
    for (Column& c : t.columns)
        if (c.key == "list" || c.key == "enterprise" || c.key == "name" || c.key == "region" ||
            c.key == "region_name" || c.key == "main_link" || c.key == "labels" || c.key == "labels_zh" ||
            c.key == "links" || c.key == "reason")
            c.right = false;
    return t;
}

void add_ranked_row(Table& t, const Dataset& ds, const TargetList& list, const char* which, const TargetRow& row,
                    std::int32_t rank, const double* marginal) {
    const auto& E = ds.enterprises;
    const EnterpriseId e = row.enterprise;
    std::vector<Cell> f = {Cell::str(which),
                           Cell::integer(rank),
                           Cell::str(E.id[e]),
                           Cell::str(E.name[e]),
                           Cell::str(ds.regions.id(E.region[e])),
                           Cell::str(ds.regions.label(E.region[e])),
                           Cell::num(row.score),
                           marginal ? Cell::num(*marginal) : Cell::none()};
    for (int c = 0; c < kComponentCount; ++c) f.push_back(Cell::num(row.component[c]));
    f.push_back(Cell::num(row.gap_closed_alone));
    for (int c = 0; c < kComponentCount; ++c) f.push_back(Cell::num(row.contribution[c]));
    f.push_back(Cell::integer(static_cast<long long>(row.links.size())));
    f.push_back(Cell::str(row.links.empty() ? ""
                                            : link_label(ds, row.links.front().node) + " (" +
                                                  std::string(status_name_zh(row.links.front().status)) + ")"));
    std::string labels;
    for (const auto& l : label_list(ds, e)) labels += (labels.empty() ? "" : ";") + l;
    f.push_back(Cell::str(labels));
    f.push_back(Cell::str(labels_zh(ds, e)));
    f.push_back(E.has_revenue(e) ? Cell::num(E.revenue[e], 2) : Cell::none());
    f.push_back(Cell::integer(row.related_firms));
    std::string links;
    for (const TargetLink& l : row.links)
        links += (links.empty() ? "" : ";") + ds.node_key(l.node) + ":" + std::string(status_name(l.status)) + ":" +
                 fmt(l.gap_score, 4);
    f.push_back(Cell::str(links));
    f.push_back(Cell::str(row_reason(ds, list, row)));
    t.add(std::move(f));
}

Table links_table(const Dataset& ds, const std::vector<std::pair<const char*, const TargetRow*>>& rows) {
    Table t;
    t.name = "环节明细";
    auto col = [&](const char* key, const char* label, double width, bool right) {
        t.columns.push_back({key, label, width, right});
    };
    col("rank", "排名", 6, true);
    col("list", "名单", 10, false);
    col("enterprise", "企业代码", 14, false);
    col("name", "企业名称", 30, false);
    col("chain", "产业链", 16, false);
    col("node", "环节代码", 24, false);
    col("link", "环节名称", 24, false);
    col("status", "状态", 10, false);
    col("gap_score", "缺口分值", 10, true);
    col("attachment_weight", "业务占比", 10, true);
    col("firm_share", "全国产能占比", 12, true);
    col("downstream_local", "本地下游覆盖", 12, true);
    col("contribution", "得分贡献", 10, true);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& [which, r] = rows[i];
        for (const TargetLink& l : r->links) {
            const ChainNode& n = ds.nodes[l.node];
            t.add({Cell::integer(r->rank), Cell::str(which), Cell::str(ds.enterprises.id[r->enterprise]),
                   Cell::str(ds.enterprises.name[r->enterprise]), Cell::str(ds.chains[n.chain].name),
                   Cell::str(n.id), Cell::str(link_label(ds, l.node)),
                   Cell::str(std::string(status_name_zh(l.status))), Cell::num(l.gap_score),
                   Cell::num(l.attachment_weight), Cell::num(l.firm_share), Cell::num(l.downstream_local),
                   Cell::num(l.contribution)});
        }
    }
    return t;
}

Table snapshot_table(const Dataset& ds, const TargetList& list, std::vector<std::vector<Cell>> extra) {
    Table t;
    t.name = "参数与数据";
    t.columns = {{"item", "项目", 28}, {"value", "值", 40}, {"note", "说明", 80}};
    auto add = [&](std::string k, Cell v, std::string note) {
        t.add({Cell::str(std::move(k)), std::move(v), Cell::str(std::move(note))});
    };
    std::string chains;
    for (const auto& c : chain_ids(ds, list.report)) chains += (chains.empty() ? "" : ",") + c;
    add("chaingap", Cell::str(CHAINGAP_VERSION), "engine version");
    add("数据集 dataset", Cell::str(ds.source), "--data folder");
    add("企业数 enterprises", Cell::integer(static_cast<long long>(ds.enterprises.size())), "rows of enterprises.csv");
    add("挂接数 attachments", Cell::integer(static_cast<long long>(ds.attachments.size())), "rows of attachments.csv");
    add("关系数 relations", Cell::integer(static_cast<long long>(ds.relations.size())), "rows of relations.csv");
    add("产业链数 chains loaded", Cell::integer(static_cast<long long>(ds.chains.size())), "catalogue + dataset chains");
    add("地区 region", Cell::str(ds.regions.label(list.report.region)), "--region (regions inside it included)");
    add("分析产业链 chains analysed", Cell::str(chains), "--chain, or every chain with data");
    add("本地企业数 local enterprises", Cell::integer(list.report.local_enterprises), "");
    add("基准份额 benchmark", Cell::num(list.report.benchmark.share), "source: " + list.report.benchmark.source);
    std::string from;
    for (const auto& x : list.query.from_regions.items) from += (from.empty() ? "" : ",") + x;
    add("重点来源地 from_regions", Cell::str(from), "002 第四章第三节 (京津冀, 长三角, 粤港澳大湾区)");
    add("区外企业数 firms outside", Cell::integer(list.firms_outside), "non-aggregate firms outside the region");
    add("候选企业数 candidates", Cell::integer(static_cast<long long>(list.targets.size())),
        "firms outside at ≥1 gap link");
    for (const auto& p : gap_param_info())
        add(std::string("gap.") + p.name, Cell::num(list.query.gap_params.*p.member), p.help);
    for (const auto& p : rank_param_info())
        add(std::string("rank.") + p.name, Cell::num(list.query.rank_params.*p.member), p.help);
    for (auto& row : extra) t.add(std::move(row));
    return t;
}

// ------------------------------------------------------------------ text
Table rows_text_table(const Dataset& ds, const std::vector<const TargetRow*>& rows,
                      const std::vector<double>* marginal) {
    Table t;
    auto col = [&](const std::string& label, bool right) { t.columns.push_back({label, label, 12, right}); };
    col("#", true);
    col("企业 enterprise", false);
    col("地区", false);
    col("score", true);
    if (marginal) col("gap closed", true);
    for (const char* h : {"补链", "实力", "需求", "层级", "规模", "关联", "来源"}) col(h, true);
    col("fills 环节 (status gap)", false);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TargetRow& r = *rows[i];
        const EnterpriseId e = r.enterprise;
        std::vector<Cell> cells = {Cell::integer(marginal ? static_cast<std::int32_t>(i + 1) : r.rank),
                                   Cell::str(ds.enterprises.name[e] + " " + ds.enterprises.id[e]),
                                   Cell::str(ds.regions.id(ds.enterprises.region[e])), Cell::num(r.score, 3)};
        if (marginal) cells.push_back(Cell::num((*marginal)[i], 3));
        for (int c = 0; c < kComponentCount; ++c) cells.push_back(Cell::num(r.contribution[c], 3));
        std::string links;
        for (std::size_t k = 0; k < r.links.size() && k < 2; ++k)
            links += (k ? ", " : "") + link_label(ds, r.links[k].node) + " " +
                     std::string(status_name_zh(r.links[k].status)) + " " + fmt(r.links[k].gap_score, 2);
        if (r.links.size() > 2) links += " +" + std::to_string(r.links.size() - 2);
        cells.push_back(Cell::str(links));
        t.add(std::move(cells));
    }
    return t;
}

std::string table_preamble(const Dataset& ds, const TargetList& list) {
    std::string chains;
    for (const auto& c : chain_ids(ds, list.report)) chains += (chains.empty() ? "" : ", ") + c;
    return "Region " + ds.regions.label(list.report.region) + "; chains: " + chains + "; benchmark share " +
           fmt(100 * list.report.benchmark.share, 2) + "% (" + list.report.benchmark.source + ")\n" +
           std::to_string(list.targets.size()) + " candidate firms outside the region fill at least one gap link (of " +
           std::to_string(list.firms_outside) + " firms outside).\n";
}

std::vector<const TargetRow*> first(const std::vector<TargetRow>& rows, std::size_t top) {
    std::vector<const TargetRow*> out;
    for (std::size_t i = 0; i < shown(rows.size(), top); ++i) out.push_back(&rows[i]);
    return out;
}

// ------------------------------------------------------------------ JSON
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

void write_portfolio_json(JsonWriter& w, const Dataset& ds, const TargetList& list, const Portfolio& p) {
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
}

void write_whatif_json(JsonWriter& w, const Dataset& ds, const WhatIfResult& r) {
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
}

std::vector<Block> whatif_text(const Dataset& ds, const WhatIfResult& r) {
    std::string added;
    for (EnterpriseId e : r.added)
        added += (added.empty() ? "" : ", ") + ds.enterprises.name[e] + " " + ds.enterprises.id[e];
    std::vector<Block> out;
    out.push_back(Block::line("What if " + added + " opened a branch in " + ds.regions.label(r.region) +
                              " (benchmark frozen at " + fmt(100 * r.before.benchmark.share, 2) + "%):\n"));
    if (r.changes.empty()) {
        out.push_back(Block::line("no link changes.\n"));
    } else {
        Table t;
        for (const auto& [label, right] : std::vector<std::pair<const char*, bool>>{{"chain", false},
                                                                                    {"环节 link", false},
                                                                                    {"before", false},
                                                                                    {"after", false},
                                                                                    {"gap before", true},
                                                                                    {"gap after", true},
                                                                                    {"closed", true}})
            t.columns.push_back({label, label, 12, right});
        for (const LinkChange& c : r.changes)
            t.add({Cell::str(ds.chains[c.chain].id), Cell::str(link_label(ds, c.node)),
                   Cell::str(std::string(status_name(c.status_before)) + " " +
                             std::string(status_name_zh(c.status_before))),
                   Cell::str(std::string(status_name(c.status_after)) + " " +
                             std::string(status_name_zh(c.status_after))),
                   Cell::num(c.gap_before, 3), Cell::num(c.gap_after, 3), Cell::num(c.gap_before - c.gap_after, 3)});
        out.push_back(Block::of(std::move(t)));
    }
    out.push_back(Block::line("Total gap " + fmt(r.total_gap_before, 3) + " → " + fmt(r.total_gap_after, 3) +
                              " (closed " + fmt(r.total_gap_before - r.total_gap_after, 3) + ").\n"));
    return out;
}

std::vector<Table> whatif_tables(const Dataset& ds, const WhatIfResult& r) {
    Table changes;
    changes.name = "环节变化";
    changes.columns = {{"region", "地区代码", 10, false, Column::For::machines},
                       {"chain", "产业链代码", 16, false, Column::For::machines},
                       {"chain_name", "产业链", 16, false, Column::For::people},
                       {"node", "环节代码", 24},
                       {"name", "环节名称", 24},
                       {"status_before", "原状态", 10, false, Column::For::machines},
                       {"status_after", "新状态", 10, false, Column::For::machines},
                       {"status_before_zh", "原状态", 10, false, Column::For::people},
                       {"status_after_zh", "新状态", 10, false, Column::For::people},
                       {"gap_before", "原缺口分值", 12, true},
                       {"gap_after", "新缺口分值", 12, true},
                       {"gap_closed", "缺口缩减", 12, true, Column::For::people}};
    for (const LinkChange& c : r.changes)
        changes.add({Cell::str(ds.regions.id(r.region)), Cell::str(ds.chains[c.chain].id),
                     Cell::str(ds.chains[c.chain].name), Cell::str(ds.nodes[c.node].id),
                     Cell::str(ds.nodes[c.node].name), Cell::str(std::string(status_name(c.status_before))),
                     Cell::str(std::string(status_name(c.status_after))),
                     Cell::str(std::string(status_name_zh(c.status_before))),
                     Cell::str(std::string(status_name_zh(c.status_after))), Cell::num(c.gap_before),
                     Cell::num(c.gap_after), Cell::num(c.gap_before - c.gap_after)});
    Table links;
    links.name = "引进后缺口";
    links.columns = {{"chain", "产业链", 16},     {"node", "环节代码", 24},       {"link", "环节名称", 24},
                     {"status", "状态", 10},      {"gap_score", "缺口分值", 10},  {"local_count", "本地企业数", 10},
                     {"local_share", "本地份额", 10}, {"rca", "RCA", 10}};
    for (const ChainGaps& cg : r.after.chains)
        for (const LinkGap& g : cg.links)
            links.add({Cell::str(ds.chains[cg.chain].name), Cell::str(ds.nodes[g.node].id),
                       Cell::str(link_label(ds, g.node)), Cell::str(std::string(status_name_zh(g.status))),
                       Cell::num(g.gap_score), Cell::integer(g.local_count), Cell::num(g.local_share),
                       Cell::num(g.rca)});
    Table snap;
    snap.name = "参数与数据";
    snap.columns = {{"item", "项目", 28}, {"value", "值", 40}, {"note", "说明", 60}};
    std::string added;
    for (EnterpriseId e : r.added) added += (added.empty() ? "" : ",") + ds.enterprises.id[e];
    snap.add({Cell::str("chaingap"), Cell::str(CHAINGAP_VERSION), Cell::str("engine version")});
    snap.add({Cell::str("数据集 dataset"), Cell::str(ds.source), Cell::str("--data folder")});
    snap.add({Cell::str("企业数 enterprises"), Cell::integer(static_cast<long long>(ds.enterprises.size())),
              Cell::str("")});
    snap.add({Cell::str("地区 region"), Cell::str(ds.regions.label(r.region)), Cell::str("")});
    snap.add({Cell::str("引进企业 added"), Cell::str(added), Cell::str("a branch E@R of each, same attachments and size")});
    snap.add({Cell::str("基准份额 benchmark (frozen)"), Cell::num(r.before.benchmark.share),
              Cell::str(r.before.benchmark.source)});
    snap.add({Cell::str("缺口总量 before"), Cell::num(r.total_gap_before), Cell::str("")});
    snap.add({Cell::str("缺口总量 after"), Cell::num(r.total_gap_after), Cell::str("")});
    for (const auto& p : gap_param_info())
        snap.add({Cell::str(std::string("gap.") + p.name), Cell::num(r.before.params.*p.member), Cell::str(p.help)});
    return {changes, links, snap};
}
}  // namespace

// ====================================================================== reports
Report targets_report(const Dataset& ds, const TargetList& list, std::size_t top) {
    Report r;
    r.title = "目标企业库 " + ds.regions.label(list.report.region);
    r.json = [&ds, &list, top](JsonWriter& w) { write_targets_json(w, ds, list, top); };
    r.tables = [&ds, &list, top] {
        Table ranked = ranked_table(ds, list, "目标企业");
        std::vector<std::pair<const char*, const TargetRow*>> rows;
        for (const TargetRow* x : first(list.targets, top)) {
            add_ranked_row(ranked, ds, list, "target", *x, x->rank, nullptr);
            rows.emplace_back("引进目标", x);
        }
        if (list.query.include_local)
            for (const TargetRow* x : first(list.local, top)) {
                add_ranked_row(ranked, ds, list, "local", *x, x->rank, nullptr);
                rows.emplace_back("本地培育", x);
            }
        const auto shown_rows = static_cast<long long>(shown(list.targets.size(), top));
        return std::vector<Table>{
            ranked, links_table(ds, rows),
            snapshot_table(ds, list, {{Cell::str("显示行数 shown"), Cell::integer(shown_rows), Cell::str("--top")}})};
    };
    r.text = [&ds, &list, top] {
        std::vector<Block> out;
        out.push_back(Block::line(table_preamble(ds, list)));
        out.push_back(Block::line("\n引进目标 targets (score contributions per component):\n"));
        out.push_back(Block::of(rows_text_table(ds, first(list.targets, top), nullptr)));
        if (list.query.include_local) {
            out.push_back(Block::line("\n本地培育 local firms to grow (育新扶小 / 增资扩产):\n"));
            out.push_back(Block::of(rows_text_table(ds, first(list.local, top), nullptr)));
        }
        out.push_back(Block::line(
            "\nComponents: 补链 gap_fill, 实力 strength, 需求 downstream_demand, 层级 quality, 规模 size, 关联 "
            "relatedness,\n"
            "来源 source_region (docs/targets.md). --format json lists every link and component.\n"));
        return out;
    };
    return r;
}

Report portfolio_report(const Dataset& ds, const TargetList& list, const Portfolio& p) {
    Report r;
    r.title = "招商组合 " + ds.regions.label(list.report.region);
    r.json = [&ds, &list, &p](JsonWriter& w) { write_portfolio_json(w, ds, list, p); };
    r.tables = [&ds, &list, &p] {
        Table ranked = ranked_table(ds, list, "招商组合");
        std::vector<std::pair<const char*, const TargetRow*>> rows;
        for (const PortfolioPick& pick : p.picks) {
            add_ranked_row(ranked, ds, list, "portfolio", pick.row, pick.row.rank, &pick.marginal_gap_closed);
            rows.emplace_back("组合", &pick.row);
        }
        std::string topk;
        for (EnterpriseId e : p.topk) topk += (topk.empty() ? "" : ",") + ds.enterprises.id[e];
        return std::vector<Table>{
            ranked, links_table(ds, rows),
            snapshot_table(ds, list,
                           {{Cell::str("组合方法 method"), Cell::str(p.method),
                             Cell::str("greedy by marginal gap reduction (docs/targets.md)")},
                            {Cell::str("缺口总量 total_gap_before"), Cell::num(p.total_gap_before),
                             Cell::str("Σ gap_score over the analysed links")},
                            {Cell::str("组合缩减 portfolio_gap_closed"), Cell::num(p.portfolio_gap_closed), Cell::str("")},
                            {Cell::str("前K缩减 topk_gap_closed"), Cell::num(p.topk_gap_closed), Cell::str(topk)}})};
    };
    r.text = [&ds, &list, &p] {
        std::vector<const TargetRow*> rows;
        std::vector<double> marginal;
        for (const PortfolioPick& pick : p.picks) {
            rows.push_back(&pick.row);
            marginal.push_back(pick.marginal_gap_closed);
        }
        std::vector<Block> out;
        out.push_back(Block::line(table_preamble(ds, list) + "\nPortfolio of " + std::to_string(p.picks.size()) +
                                  " (" + p.method + ", in pick order; # = pick, score = plain score):\n"));
        out.push_back(Block::of(rows_text_table(ds, rows, &marginal)));
        out.push_back(Block::line("\nTotal gap " + fmt(p.total_gap_before, 3) + ": the portfolio closes " +
                                  fmt(p.portfolio_gap_closed, 3) + ", the plain top-" + std::to_string(p.topk.size()) +
                                  " by score closes " + fmt(p.topk_gap_closed, 3) + ".\n"));
        return out;
    };
    return r;
}

Report whatif_report(const Dataset& ds, const WhatIfResult& result) {
    Report r;
    r.title = "what-if " + ds.regions.label(result.region);
    r.json = [&ds, &result](JsonWriter& w) { write_whatif_json(w, ds, result); };
    r.tables = [&ds, &result] { return whatif_tables(ds, result); };
    r.text = [&ds, &result] { return whatif_text(ds, result); };
    return r;
}

}  // namespace chaingap
