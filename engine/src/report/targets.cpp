// Reports of target lists, portfolios and what-if results (see targets.hpp).
#include "chaingap/report/targets.hpp"

#include <algorithm>

#include "chaingap/core/text.hpp"
#include "chaingap/rank/criteria.hpp"
#include "chaingap/report/gaps.hpp"

namespace chaingap {
namespace {

std::vector<std::string> label_list(const Dataset& ds, EnterpriseId e) {
    std::vector<std::string> out;
    for (int b = 0; b < static_cast<int>(kLabelNames.size()); ++b)
        if (ds.enterprises.has_label(e, b)) out.emplace_back(kLabelNames[b]);
    return out;
}

std::string label_zh(std::string_view l) {
    const auto bit = label_bit(l);
    return bit ? std::string(kLabels[static_cast<std::size_t>(*bit)].name_zh) : std::string(l);
}

std::string labels_text(const Dataset& ds, EnterpriseId e, bool zh) {
    std::string s;
    for (const auto& l : label_list(ds, e)) s += (s.empty() ? "" : (zh ? "、" : ", ")) + (zh ? label_zh(l) : l);
    return s;
}

std::string link_label(const Dataset& ds, NodeId n) {
    const ChainNode& x = ds.nodes[n];
    const std::string& name = x.name.empty() ? x.id : x.name;
    if (x.parent == kNone) return name;
    const ChainNode& p = ds.nodes[x.parent];
    return (p.name.empty() ? p.id : p.name) + "›" + name;
}

std::string status_text(LinkStatus s, bool zh) {
    return std::string(zh ? status_name_zh(s) : status_name(s));
}

std::vector<std::string> chain_ids(const Dataset& ds, const GapReport& rep) {
    std::vector<std::string> out;
    for (const ChainGaps& cg : rep.chains) out.push_back(ds.chains[cg.chain].id);
    return out;
}

// "link (status gap→after)" for the first `max` links.
std::string links_text(const Dataset& ds, const TargetRow& r, bool zh, std::size_t max) {
    std::string s;
    for (std::size_t k = 0; k < r.links.size() && k < max; ++k) {
        const TargetLink& l = r.links[k];
        s += (k ? (zh ? "；" : "; ") : "") + link_label(ds, l.node) + (zh ? "（" : " (") + status_text(l.status, zh) +
             " " + fmt(l.gap_score, 2) + "→" + fmt(l.gap_score - l.gap_closed, 2) + (zh ? "）" : ")");
    }
    if (r.links.size() > max) s += zh ? " 等" : ", …";
    return s;
}

// One sentence a planner can read out: which gaps it closes, which tier, which local ties.
std::string target_reason(const Dataset& ds, const TargetRow& row, bool zh) {
    const double closed = row.component[static_cast<int>(Component::gap_fill)];
    std::string s =
        zh ? "填补 " + std::to_string(row.links.size()) + " 个缺口环节，引进后缺口缩减 " + fmt(closed, 3) + "："
           : "fills " + std::to_string(row.links.size()) + " gap link" + (row.links.size() == 1 ? "" : "s") +
                 ", closing " + fmt(closed, 3) + " of gap: ";
    s += links_text(ds, row, zh, 3);
    const std::string tiers = labels_text(ds, row.enterprise, zh);
    if (!tiers.empty()) s += (zh ? "；" : "; ") + tiers;
    if (row.related_firms > 0)
        s += zh ? "；与本地 " + std::to_string(row.related_firms) + " 家企业有关联"
                : "; relations with " + std::to_string(row.related_firms) + " firm(s) in the region";
    if (row.component[static_cast<int>(Component::source_region)] > 0)
        s += zh ? "；位于重点来源地" : "; in a priority source region";
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
    w.Key("labels_zh");
    w.StartArray();
    for (const auto& l : label_list(ds, e)) w.String(label_zh(l).c_str());
    w.EndArray();
    w.Key("revenue");
    if (E.has_revenue(e))
        json_double(w, E.revenue[e]);
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
        json_kv(w, "gap_closed", l.gap_closed);
        json_kv(w, "attachment_weight", l.attachment_weight);
        json_kv(w, "firm_capacity", l.firm_capacity);
        json_kv(w, "firm_share", l.firm_share);
        json_kv(w, "downstream_local", l.downstream_local);
        json_kv(w, "contribution", l.contribution);
        // The firm's own evidence for this link (issue 9): what matched, by which rule, on what basis.
        const bool has = l.attachment >= 0;
        const auto a = static_cast<std::size_t>(l.attachment);
        json_kv(w, "evidence", has ? ds.attachments.evidence(a) : std::string_view());
        json_kv(w, "rule", has ? ds.attachments.rule(a) : std::string_view());
        json_kv(w, "basis", has ? kAttachmentBasisNames[static_cast<std::size_t>(ds.attachments.basis(a))]
                                : std::string_view());
        w.EndObject();
    }
    w.EndArray();
    w.Key("components");
    w.StartObject();
    for (int c = 0; c < kComponentCount; ++c) {
        w.Key(component_name(static_cast<Component>(c)));
        w.StartObject();
        json_kv(w, "value", row.component[c]);
        json_kv(w, "weight",
                list.criteria.empty() ? component_weight(list.query.rank_params, static_cast<Component>(c))
                                      : list.criteria[static_cast<std::size_t>(c)].effective_weight);
        json_kv(w, "contribution", row.contribution[c]);
        w.EndObject();
    }
    w.EndObject();
    json_kv(w, "related_firms", std::int64_t{row.related_firms});
    json_kv(w, "relation_points", row.relation_points);
    json_kv(w, "reason", target_reason(ds, row, false));
    json_kv(w, "reason_zh", target_reason(ds, row, true));
    w.EndObject();
}

void write_rank_params_json(JsonWriter& w, const RankParams& p) {
    w.StartObject();
    for (const auto& i : rank_param_info()) json_kv(w, i.name.c_str(), rank_param_value(p, i));
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
    json_kv(w, "candidates", list.candidates);
    json_kv(w, "excluded_st", list.excluded_st);
    json_kv(w, "excluded_inactive", list.excluded_inactive);
    json_kv(w, "include_st", list.query.include_st);
    // Criteria used and left out, and why (rank/criteria.hpp select_criteria).
    w.Key("criteria");
    w.StartArray();
    for (const CriterionUse& u : list.criteria) {
        const CriterionInfo& c = criterion(u.id);
        w.StartObject();
        json_kv(w, "name", c.name);
        json_kv(w, "name_zh", c.name_zh);
        json_kv(w, "level", c.level);
        json_kv(w, "source", c.source);
        json_kv(w, "status", criterion_status_name(u.status));
        json_kv(w, "weight", u.weight);
        json_kv(w, "effective_weight", u.effective_weight);
        json_kv(w, "reason", criterion_reason(u, "en"));
        json_kv(w, "reason_zh", criterion_reason(u, "zh"));
        w.EndObject();
    }
    w.EndArray();
}

std::size_t shown(std::size_t n, std::size_t top) {
    return top == 0 ? n : std::min(n, top);
}

// ------------------------------------------------------------------ tables
// Labels for people: Chinese, or English with lang en (the key, readable).
std::string label_for(const char* zh_label, const std::string& key, bool zh) {
    if (zh) return zh_label;
    std::string s = key;
    for (char& c : s)
        if (c == '_') c = ' ';
    return s;
}

// One ranked row per firm: machine columns (the CSV contract) and people columns (XLSX, text).
Table ranked_table(const char* sheet_zh, const char* sheet_en, bool zh) {
    Table t;
    t.name = zh ? sheet_zh : sheet_en;
    using F = Column::For;
    auto col = [&](const std::string& key, const std::string& label, double width, F f = F::all) {
        t.columns.push_back({key, label, width, true, f});
    };
    auto c2 = [&](const char* key, const char* label, double width, F f = F::all) {
        col(key, label_for(label, key, zh), width, f);
    };
    c2("list", "名单", 10);
    c2("rank", "排名", 6);
    c2("enterprise", "企业代码", 14);
    c2("name", "企业名称", 30);
    c2("region", "地区代码", 10, F::machines);
    c2("region_name", "所在地区", 16, F::people);
    c2("score", "综合得分", 10);
    c2("marginal_gap_closed", "边际缺口缩减", 12);
    for (const CriterionInfo& c : criteria()) col(c.name, std::string(c.name_zh) + "值", 10, F::machines);
    c2("gap_closed_alone", "单独引进缺口缩减", 14);
    for (const CriterionInfo& c : criteria())
        col(std::string("contrib_") + c.name, zh ? std::string(c.name_zh) + "得分" : std::string(c.name) + " points",
            12);
    c2("links_count", "填补环节数", 10, F::people);
    c2("main_link", "主要填补环节", 36, F::people);
    c2("labels", "企业标签", 24, F::machines);
    col("labels_zh", zh ? "企业标签" : "labels", 24, F::people);
    c2("revenue", "营业收入(万元)", 14);
    c2("related_firms", "本地关联企业数", 12);
    c2("links", "填补环节", 40, F::machines);
    c2("reason", "推荐理由", 80);
    for (Column& c : t.columns)
        if (c.key == "list" || c.key == "enterprise" || c.key == "name" || c.key == "region" ||
            c.key == "region_name" || c.key == "main_link" || c.key == "labels" || c.key == "labels_zh" ||
            c.key == "links" || c.key == "reason")
            c.right = false;
    return t;
}

void add_ranked_row(Table& t, const Dataset& ds, const char* which, const TargetRow& row, std::int32_t rank,
                    const double* marginal, bool zh) {
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
    f.push_back(Cell::str(links_text(ds, row, zh, 1)));
    std::string labels;
    for (const auto& l : label_list(ds, e)) labels += (labels.empty() ? "" : ";") + l;
    f.push_back(Cell::str(labels));
    f.push_back(Cell::str(labels_text(ds, e, zh)));
    f.push_back(E.has_revenue(e) ? Cell::num(E.revenue[e], 2) : Cell::none());
    f.push_back(Cell::integer(row.related_firms));
    std::string links;
    for (const TargetLink& l : row.links)
        links += (links.empty() ? "" : ";") + ds.node_key(l.node) + ":" + std::string(status_name(l.status)) + ":" +
                 fmt(l.gap_score, 4);
    f.push_back(Cell::str(links));
    f.push_back(Cell::str(target_reason(ds, row, zh)));
    t.add(std::move(f));
}

Table links_table(const Dataset& ds, const std::vector<std::pair<const char*, const TargetRow*>>& rows, bool zh) {
    Table t;
    t.name = zh ? "环节明细" : "links";
    auto col = [&](const char* key, const char* label, double width, bool right) {
        t.columns.push_back({key, label_for(label, key, zh), width, right});
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
    col("gap_closed", "引进后缺口缩减", 12, true);
    col("attachment_weight", "业务占比", 10, true);
    col("firm_share", "全国产能占比", 12, true);
    col("downstream_local", "本地下游覆盖", 12, true);
    col("contribution", "得分贡献", 10, true);
    col("evidence", "依据（企业产品）", 30, false);
    col("rule", "匹配规则", 20, false);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& [which, r] = rows[i];
        for (const TargetLink& l : r->links) {
            const ChainNode& n = ds.nodes[l.node];
            t.add({Cell::integer(r->rank), Cell::str(which), Cell::str(ds.enterprises.id[r->enterprise]),
                   Cell::str(ds.enterprises.name[r->enterprise]), Cell::str(ds.chains[n.chain].name), Cell::str(n.id),
                   Cell::str(link_label(ds, l.node)), Cell::str(status_text(l.status, zh)), Cell::num(l.gap_score),
                   Cell::num(l.gap_closed), Cell::num(l.attachment_weight), Cell::num(l.firm_share),
                   Cell::num(l.downstream_local), Cell::num(l.contribution),
                   Cell::str(l.attachment >= 0 ? std::string(ds.attachments.evidence(l.attachment)) : ""),
                   Cell::str(l.attachment >= 0 ? std::string(ds.attachments.rule(l.attachment)) : "")});
        }
    }
    return t;
}

// The criteria used and left out, and why.
Table criteria_table(const TargetList& list, bool zh) {
    Table t;
    t.name = zh ? "评价指标" : "criteria";
    auto col = [&](const char* key, const char* label, double width, bool right) {
        t.columns.push_back({key, label_for(label, key, zh), width, right});
    };
    col("criterion", "指标", 18, false);
    col("level", "层级", 8, false);
    col("weight", "设定权重", 10, true);
    col("effective_weight", "实际权重", 10, true);
    col("status", "是否采用", 12, false);
    col("reason", "说明", 60, false);
    col("source", "依据", 24, false);
    for (const CriterionUse& u : list.criteria) {
        const CriterionInfo& c = criterion(u.id);
        t.add({Cell::str(zh ? c.name_zh : c.name),
               Cell::str(zh ? (std::string(c.level) == "link" ? "环节" : "企业") : c.level), Cell::num(u.weight, 4),
               Cell::num(u.effective_weight, 4), Cell::str(criterion_status_name(u.status)),
               Cell::str(criterion_reason(u, zh ? "zh" : "en") + " — " + (zh ? c.help_zh : c.help)),
               Cell::str(c.source)});
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
    add("产业链数 chains loaded", Cell::integer(static_cast<long long>(ds.chains.size())),
        "catalogue + dataset chains");
    add("地区 region", Cell::str(ds.regions.label(list.report.region)), "--region (regions inside it included)");
    add("分析产业链 chains analysed", Cell::str(chains), "--chain, or every chain with data");
    add("本地企业数 local enterprises", Cell::integer(list.report.local_enterprises), "");
    add("基准份额 benchmark", Cell::num(list.report.benchmark.share), "source: " + list.report.benchmark.source);
    std::string from;
    for (const auto& x : list.query.from_regions.items) from += (from.empty() ? "" : ",") + x;
    add("重点来源地 from_regions", Cell::str(from), "002 第四章第三节 (京津冀, 长三角, 粤港澳大湾区)");
    add("区外企业数 firms outside", Cell::integer(list.firms_outside), "non-aggregate firms outside the region");
    add("候选企业数 candidates", Cell::integer(list.candidates),
        "firms outside at ≥1 gap link");
    add("未列入的ST企业 excluded_st", Cell::integer(list.excluded_st), "--include-st lists them");
    for (const auto& p : gap_param_info())
        add(std::string("gap.") + p.name, Cell::num(list.query.gap_params.*p.member), p.help);
    for (const auto& p : rank_param_info())
        add(std::string("rank.") + p.name, Cell::num(rank_param_value(list.query.rank_params, p)), p.help);
    for (auto& row : extra) t.add(std::move(row));
    return t;
}

// ------------------------------------------------------------------ text
Table rows_text_table(const Dataset& ds, const std::vector<const TargetRow*>& rows, const std::vector<double>* marginal,
                      bool zh) {
    Table t;
    auto col = [&](const std::string& label, bool right) { t.columns.push_back({label, label, 12, right}); };
    col(zh ? "排名" : "#", true);
    col(zh ? "企业" : "enterprise", false);
    col(zh ? "地区" : "region", false);
    col(zh ? "得分" : "score", true);
    col(marginal ? (zh ? "边际缺口缩减" : "marginal gap closed") : (zh ? "单独引进缺口缩减" : "gap closed alone"),
        true);
    col(zh ? "企业标签" : "labels", false);
    col(zh ? "填补环节（现状 缺口→引进后）" : "links filled (status gap→after)", false);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TargetRow& r = *rows[i];
        const EnterpriseId e = r.enterprise;
        t.add({Cell::integer(marginal ? static_cast<std::int32_t>(i + 1) : r.rank),
               Cell::str(ds.enterprises.name[e] + " " + ds.enterprises.id[e]),
               Cell::str(ds.regions.label(ds.enterprises.region[e])), Cell::num(r.score, 3),
               Cell::num(marginal ? (*marginal)[i] : r.gap_closed_alone, 3), Cell::str(labels_text(ds, e, zh)),
               Cell::str(links_text(ds, r, zh, 2))});
    }
    return t;
}

std::string table_preamble(const Dataset& ds, const TargetList& list, bool zh) {
    std::string chains;
    for (const ChainGaps& cg : list.report.chains)
        chains += (chains.empty() ? "" : ", ") + ds.chains[cg.chain].name + " (" + ds.chains[cg.chain].id + ")";
    std::string out = zh ? "目标企业库：" + ds.regions.label(list.report.region) + "；产业链：" + chains +
                               "；基准份额 " + fmt(100 * list.report.benchmark.share, 2) + "%（" +
                               list.report.benchmark.source + "）\n区外企业 " + std::to_string(list.firms_outside) +
                               " 家，其中 " + std::to_string(list.candidates) + " 家可填补至少一个缺口环节"
                         : "Region " + ds.regions.label(list.report.region) + "; chains: " + chains +
                               "; benchmark share " + fmt(100 * list.report.benchmark.share, 2) + "% (" +
                               list.report.benchmark.source + ")\n" + std::to_string(list.candidates) +
                               " candidate firms outside the region fill at least one gap link (of " +
                               std::to_string(list.firms_outside) + " firms outside)";
    if (list.excluded_st > 0)
        out += zh ? "（另有 ST 企业 " + std::to_string(list.excluded_st) + " 家未列入，--include-st 可列入）"
                  : " (" + std::to_string(list.excluded_st) + " ST firms left out; --include-st lists them)";
    out += zh ? "。\n" : ".\n";
    std::string used, left;
    for (const CriterionUse& u : list.criteria) {
        const CriterionInfo& c = criterion(u.id);
        const std::string name = zh ? c.name_zh : c.name;
        if (u.used())
            used += (used.empty() ? "" : (zh ? "、" : ", ")) + name + " " + fmt(u.effective_weight, 3);
        else {
            // "name（why）": the reason without its "left out:" prefix.
            std::string why = criterion_reason(u, zh ? "zh" : "en");
            for (const std::string prefix : {"未采用：", "left out: "})
                if (why.rfind(prefix, 0) == 0) why = why.substr(prefix.size());
            left += (left.empty() ? "" : (zh ? "；" : "; ")) + name + (zh ? "（" : " (") + why + (zh ? "）" : ")");
        }
    }
    out += std::string(zh ? "采用指标（权重已归一）：" : "Criteria used (weights renormalised): ") + used + "\n";
    if (!left.empty()) out += std::string(zh ? "未采用：" : "Left out: ") + left + "\n";
    return out;
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

void write_portfolio_json(JsonWriter& w, const Dataset& ds, const TargetList& list, const Portfolio& p,
                          std::size_t top) {
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
    // The ranked list beside the portfolio.
    json_kv(w, "shown", static_cast<std::int64_t>(shown(list.targets.size(), top)));
    w.Key("targets");
    w.StartArray();
    for (const TargetRow* r : first(list.targets, top)) write_row_json(w, ds, list, *r, nullptr);
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
    links.columns = {{"chain", "产业链", 16},         {"node", "环节代码", 24},
                     {"link", "环节名称", 24},        {"status", "状态", 10},
                     {"gap_score", "缺口分值", 10},   {"local_count", "本地企业数", 10},
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
    snap.add(
        {Cell::str("企业数 enterprises"), Cell::integer(static_cast<long long>(ds.enterprises.size())), Cell::str("")});
    snap.add({Cell::str("地区 region"), Cell::str(ds.regions.label(r.region)), Cell::str("")});
    snap.add(
        {Cell::str("引进企业 added"), Cell::str(added), Cell::str("a branch E@R of each, same attachments and size")});
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
Report targets_report(const Dataset& ds, const TargetList& list, std::size_t top, const std::string& lang) {
    const bool zh = lang != "en";
    Report r;
    r.title = std::string(zh ? "目标企业库 " : "Targets ") + ds.regions.label(list.report.region);
    r.json = [&ds, &list, top](JsonWriter& w) { write_targets_json(w, ds, list, top); };
    r.tables = [&ds, &list, top, zh] {
        Table ranked = ranked_table("目标企业", "targets", zh);
        std::vector<std::pair<const char*, const TargetRow*>> rows;
        for (const TargetRow* x : first(list.targets, top)) {
            add_ranked_row(ranked, ds, "target", *x, x->rank, nullptr, zh);
            rows.emplace_back(zh ? "引进目标" : "target", x);
        }
        std::vector<Table> out = {ranked};
        if (list.query.include_local) {
            // CSV prints the first table only: local rows stay in it (list = local), as before; the
            // workbook also has them on their own sheet, 本地培育 (育新扶小).
            Table local = ranked_table("本地培育", "local", zh);
            for (const TargetRow* x : first(list.local, top)) {
                add_ranked_row(out[0], ds, "local", *x, x->rank, nullptr, zh);
                add_ranked_row(local, ds, "local", *x, x->rank, nullptr, zh);
                rows.emplace_back(zh ? "本地培育" : "local", x);
            }
            out.push_back(local);
        }
        const auto shown_rows = static_cast<long long>(shown(list.targets.size(), top));
        out.push_back(links_table(ds, rows, zh));
        out.push_back(criteria_table(list, zh));
        out.push_back(
            snapshot_table(ds, list, {{Cell::str("显示行数 shown"), Cell::integer(shown_rows), Cell::str("--top")}}));
        return out;
    };
    r.text = [&ds, &list, top, zh] {
        std::vector<Block> out;
        out.push_back(Block::line(table_preamble(ds, list, zh)));
        out.push_back(Block::line(zh ? "\n引进目标：\n" : "\nTargets:\n"));
        out.push_back(Block::of(rows_text_table(ds, first(list.targets, top), nullptr, zh)));
        if (list.query.include_local) {
            out.push_back(Block::line(zh ? "\n本地培育（育新扶小 / 增资扩产）：\n" : "\nLocal firms to grow:\n"));
            out.push_back(Block::of(rows_text_table(ds, first(list.local, top), nullptr, zh)));
        }
        out.push_back(
            Block::line(zh ? "\n--format json 给出每个环节与每项指标；--format xlsx 输出完整工作簿。\n"
                           : "\n--format json lists every link and criterion; --format xlsx writes the workbook.\n"));
        return out;
    };
    return r;
}

Report portfolio_report(const Dataset& ds, const TargetList& list, const Portfolio& p, std::size_t top,
                        const std::string& lang) {
    const bool zh = lang != "en";
    Report r;
    r.title = std::string(zh ? "招商组合 " : "Portfolio ") + ds.regions.label(list.report.region);
    r.json = [&ds, &list, &p, top](JsonWriter& w) { write_portfolio_json(w, ds, list, p, top); };
    r.tables = [&ds, &list, &p, top, zh] {
        Table picks = ranked_table("招商组合", "portfolio", zh);
        std::vector<std::pair<const char*, const TargetRow*>> rows;
        for (const PortfolioPick& pick : p.picks) {
            add_ranked_row(picks, ds, "portfolio", pick.row, pick.row.rank, &pick.marginal_gap_closed, zh);
            rows.emplace_back(zh ? "组合" : "portfolio", &pick.row);
        }
        // The ranked list and the local firms beside the portfolio, in the same workbook.
        Table ranked = ranked_table("目标企业", "targets", zh);
        for (const TargetRow* x : first(list.targets, top))
            add_ranked_row(ranked, ds, "target", *x, x->rank, nullptr, zh);
        std::vector<Table> out = {picks, ranked};
        if (list.query.include_local) {
            Table local = ranked_table("本地培育", "local", zh);
            for (const TargetRow* x : first(list.local, top)) {
                add_ranked_row(local, ds, "local", *x, x->rank, nullptr, zh);
                rows.emplace_back(zh ? "本地培育" : "local", x);
            }
            out.push_back(local);
        }
        std::string topk;
        for (EnterpriseId e : p.topk) topk += (topk.empty() ? "" : ",") + ds.enterprises.id[e];
        out.push_back(links_table(ds, rows, zh));
        out.push_back(criteria_table(list, zh));
        out.push_back(snapshot_table(
            ds, list,
            {{Cell::str("组合方法 method"), Cell::str(p.method),
              Cell::str("greedy by marginal gap reduction (docs/targets.md)")},
             {Cell::str("缺口总量 total_gap_before"), Cell::num(p.total_gap_before),
              Cell::str("Σ gap_score over the analysed links")},
             {Cell::str("组合缩减 portfolio_gap_closed"), Cell::num(p.portfolio_gap_closed), Cell::str("")},
             {Cell::str("前K缩减 topk_gap_closed"), Cell::num(p.topk_gap_closed), Cell::str(topk)}}));
        return out;
    };
    r.text = [&ds, &list, &p, top, zh] {
        std::vector<const TargetRow*> rows;
        std::vector<double> marginal;
        for (const PortfolioPick& pick : p.picks) {
            rows.push_back(&pick.row);
            marginal.push_back(pick.marginal_gap_closed);
        }
        std::vector<Block> out;
        out.push_back(Block::line(table_preamble(ds, list, zh)));
        out.push_back(Block::line(zh ? "\n招商组合（" + std::to_string(rows.size()) + " 家，按入选顺序，方法 " +
                                           p.method + "）：\n"
                                     : "\nPortfolio of " + std::to_string(p.picks.size()) + " (" + p.method +
                                           ", in pick order; # = pick, score = plain score):\n"));
        out.push_back(Block::of(rows_text_table(ds, rows, &marginal, zh)));
        out.push_back(Block::line(
            zh ? "缺口总量 " + fmt(p.total_gap_before, 3) + "：组合合计缩减 " + fmt(p.portfolio_gap_closed, 3) +
                     "，按得分前 " + std::to_string(p.topk.size()) + " 家合计缩减 " + fmt(p.topk_gap_closed, 3) + "。\n"
               : "Total gap " + fmt(p.total_gap_before, 3) + ": the portfolio closes " +
                     fmt(p.portfolio_gap_closed, 3) + ", the plain top-" + std::to_string(p.topk.size()) +
                     " by score closes " + fmt(p.topk_gap_closed, 3) + ".\n"));
        out.push_back(Block::line(zh ? "\n引进目标：\n" : "\nTargets:\n"));
        out.push_back(Block::of(rows_text_table(ds, first(list.targets, top), nullptr, zh)));
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
