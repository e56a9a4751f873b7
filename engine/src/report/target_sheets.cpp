// Target list table and workbook in Chinese or English (see target_sheets.hpp).
#include "chaingap/report/target_sheets.hpp"

#include "chaingap/core/text.hpp"
#include "chaingap/core/text_table.hpp"
#include "chaingap/report/workbook.hpp"

namespace chaingap {
namespace {
struct Lang {
    bool zh;
    const char* operator()(const char* zh_text, const char* en_text) const { return zh ? zh_text : en_text; }
};

std::string link_label(const Dataset& ds, NodeId n) {
    const ChainNode& x = ds.nodes[n];
    const std::string& name = x.name.empty() ? x.id : x.name;
    if (x.parent == kNone) return name;
    const ChainNode& p = ds.nodes[x.parent];
    return (p.name.empty() ? p.id : p.name) + "›" + name;
}

std::string status_text(LinkStatus s, const Lang& L) {
    return std::string(L.zh ? status_name_zh(s) : status_name(s));
}

std::string labels_text(const Dataset& ds, EnterpriseId e, const Lang& L) {
    std::string s;
    for (std::size_t b = 0; b < kLabelCount; ++b)
        if (ds.enterprises.has_label(e, static_cast<int>(b)))
            s += (s.empty() ? "" : L("、", ", ")) + std::string(L.zh ? kLabels[b].name_zh : kLabels[b].name);
    return s;
}

std::string region_text(const Dataset& ds, RegionId r) { return ds.regions.label(r); }

// The evidence of the firm's attachment at the link, when the dataset carries it.
std::string evidence_text(const Dataset& ds, const TargetLink& l) {
    (void)ds;
    (void)l;
    return "";
}

std::string criteria_lines(const TargetList& list, const Lang& L) {
    std::string used, left;
    for (const CriterionUse& u : list.criteria) {
        const CriterionInfo& c = criterion(u.id);
        const std::string name = L.zh ? c.name_zh : c.name;
        if (u.used())
            used += (used.empty() ? "" : L("、", ", ")) + name + " " + fmt(u.effective_weight, 3);
        else
            left += (left.empty() ? "" : L("；", "; ")) + name + L("（", " (") + criterion_reason(u, L.zh ? "zh" : "en") +
                    L("）", ")");
    }
    return std::string(L("采用指标（权重已归一）：", "Criteria used (weights renormalised): ")) + used + "\n" +
           (left.empty() ? "" : std::string(L("未采用：", "Left out: ")) + left + "\n");
}

std::vector<const TargetRow*> first(const std::vector<TargetRow>& rows, std::size_t top) {
    std::vector<const TargetRow*> out;
    for (std::size_t i = 0; i < rows.size() && (top == 0 || i < top); ++i) out.push_back(&rows[i]);
    return out;
}

std::string links_text(const Dataset& ds, const TargetRow& r, const Lang& L, std::size_t max) {
    std::string s;
    for (std::size_t k = 0; k < r.links.size() && k < max; ++k) {
        const TargetLink& l = r.links[k];
        s += (k ? L("；", "; ") : "") + link_label(ds, l.node) + L("（", " (") + status_text(l.status, L) + " " +
             fmt(l.gap_score, 2) + "→" + fmt(l.gap_score - l.gap_closed, 2) + L("）", ")");
        const std::string ev = evidence_text(ds, l);
        if (!ev.empty()) s += std::string(L(" 依据:", " evidence: ")) + ev;
    }
    if (r.links.size() > max) s += L(" 等", ", …");
    return s;
}
}  // namespace

std::string target_reason(const Dataset& ds, const TargetRow& row, const std::string& lang) {
    const Lang L{lang != "en"};
    std::string s = L.zh ? "填补 " + std::to_string(row.links.size()) + " 个缺口环节，引进后缺口缩减 " + fmt(row.component[0], 3) + "："
                         : "fills " + std::to_string(row.links.size()) + " gap link" + (row.links.size() == 1 ? "" : "s") +
                               ", closing " + fmt(row.component[0], 3) + " of gap: ";
    s += links_text(ds, row, L, 3);
    const std::string tiers = labels_text(ds, row.enterprise, L);
    if (!tiers.empty()) s += std::string(L("；", "; ")) + tiers;
    if (row.related_firms > 0)
        s += L.zh ? "；与本地 " + std::to_string(row.related_firms) + " 家企业有关联"
                  : "; relations with " + std::to_string(row.related_firms) + " firm(s) in the region";
    if (row.component[static_cast<int>(Component::source_region)] > 0) s += L("；位于重点来源地", "; in a priority source region");
    return s;
}

std::string targets_table(const Dataset& ds, const TargetList& list, std::size_t top, const Portfolio* portfolio,
                          const std::string& lang) {
    const Lang L{lang != "en"};
    std::string chains;
    for (const ChainGaps& cg : list.report.chains)
        chains += (chains.empty() ? "" : ", ") + ds.chains[cg.chain].name + " (" + ds.chains[cg.chain].id + ")";
    std::string out = L.zh ? "目标企业库：" + region_text(ds, list.report.region) + "；产业链：" + chains + "；基准份额 " +
                                 fmt(100 * list.report.benchmark.share, 2) + "%\n" + "区外企业 " +
                                 std::to_string(list.firms_outside) + " 家，其中 " + std::to_string(list.targets.size()) +
                                 " 家可填补至少一个缺口环节"
                           : "Targets for " + region_text(ds, list.report.region) + "; chains: " + chains +
                                 "; benchmark share " + fmt(100 * list.report.benchmark.share, 2) + "%\n" +
                                 std::to_string(list.targets.size()) + " of " + std::to_string(list.firms_outside) +
                                 " firms outside the region fill at least one gap link";
    if (list.excluded_st > 0)
        out += L.zh ? "（另有 ST 企业 " + std::to_string(list.excluded_st) + " 家未列入，--include-st 可列入）"
                    : " (" + std::to_string(list.excluded_st) + " ST firms left out; --include-st lists them)";
    out += "\n" + criteria_lines(list, L);
    auto table = [&](const std::vector<const TargetRow*>& rows, const std::vector<double>* marginal) {
        std::vector<std::string> header = {L("排名", "#"), L("企业", "enterprise"), L("地区", "region"), L("得分", "score"),
                                           L("引进后缺口缩减", "gap closed")};
        std::vector<bool> right = {true, false, false, true, true};
        header.push_back(L("企业标签", "labels"));
        right.push_back(false);
        header.push_back(L("填补环节（现状 缺口→引进后）", "links filled (status gap→after)"));
        right.push_back(false);
        TextTable t(header, right);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const TargetRow& r = *rows[i];
            const EnterpriseId e = r.enterprise;
            t.add_row({std::to_string(marginal ? static_cast<std::int32_t>(i + 1) : r.rank),
                       ds.enterprises.name[e] + " " + ds.enterprises.id[e], region_text(ds, ds.enterprises.region[e]),
                       fmt(r.score, 3), fmt(marginal ? (*marginal)[i] : r.gap_closed_alone, 3), labels_text(ds, e, L),
                       links_text(ds, r, L, 2)});
        }
        return t.render();
    };
    out += std::string("\n") + L("引进目标：", "Targets:") + "\n" + table(first(list.targets, top), nullptr);
    if (portfolio) {
        std::vector<const TargetRow*> rows;
        std::vector<double> marginal;
        for (const PortfolioPick& p : portfolio->picks) {
            rows.push_back(&p.row);
            marginal.push_back(p.marginal_gap_closed);
        }
        out += std::string("\n") +
               (L.zh ? "招商组合（" + std::to_string(rows.size()) + " 家，合计缩减缺口 " + fmt(portfolio->portfolio_gap_closed, 3) +
                           "，按得分前 " + std::to_string(portfolio->topk.size()) + " 家为 " + fmt(portfolio->topk_gap_closed, 3) + "）："
                     : "Portfolio (" + std::to_string(rows.size()) + " firms closing " + fmt(portfolio->portfolio_gap_closed, 3) +
                           " of gap; the top " + std::to_string(portfolio->topk.size()) + " by score close " +
                           fmt(portfolio->topk_gap_closed, 3) + "):") +
               "\n" + table(rows, &marginal);
    }
    if (list.query.include_local)
        out += std::string("\n") + L("本地培育（育新扶小 / 增资扩产）：", "Local firms to grow:") + "\n" +
               table(first(list.local, top), nullptr);
    return out;
}

void targets_workbook(const Dataset& ds, const TargetList& list, std::size_t top, const Portfolio* portfolio,
                      const std::string& lang, const std::string& path) {
    const Lang L{lang != "en"};
    auto ranked = [&](const char* name_zh, const char* name_en, const std::vector<const TargetRow*>& rows,
                      const std::vector<double>* marginal) {
        WorkbookSheet s;
        s.name = L(name_zh, name_en);
        s.header = {L("排名", "rank"), L("企业代码", "id"), L("企业名称", "name"), L("所在地区", "region"), L("综合得分", "score")};
        if (marginal) s.header.push_back(L("边际缺口缩减", "marginal gap closed"));
        s.header.push_back(L("单独引进缺口缩减", "gap closed alone"));
        for (const CriterionInfo& c : criteria()) s.header.push_back(std::string(L.zh ? c.name_zh : c.name) + L("得分", " points"));
        for (const char* h : {L("填补环节数", "links"), L("企业标签", "labels"), L("推荐理由", "reason")}) s.header.push_back(h);
        s.widths = {6, 12, 28, 20, 10};
        if (marginal) s.widths.push_back(12);
        s.widths.push_back(12);
        for (int c = 0; c < kComponentCount; ++c) s.widths.push_back(10);
        for (double w : {8.0, 24.0, 90.0}) s.widths.push_back(w);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const TargetRow& r = *rows[i];
            const EnterpriseId e = r.enterprise;
            std::vector<WorkbookCell> row = {xnum(marginal ? static_cast<double>(i + 1) : r.rank), xstr(ds.enterprises.id[e]),
                                             xstr(ds.enterprises.name[e]), xstr(region_text(ds, ds.enterprises.region[e])),
                                             xnum(r.score)};
            if (marginal) row.push_back(xnum((*marginal)[i]));
            row.push_back(xnum(r.gap_closed_alone));
            for (int c = 0; c < kComponentCount; ++c) row.push_back(xnum(r.contribution[c]));
            row.push_back(xnum(static_cast<double>(r.links.size())));
            row.push_back(xstr(labels_text(ds, e, L)));
            row.push_back(xstr(target_reason(ds, r, L.zh ? "zh" : "en")));
            s.rows.push_back(std::move(row));
        }
        return s;
    };
    const auto targets = first(list.targets, top);
    std::vector<WorkbookSheet> sheets = {ranked("目标企业", "targets", targets, nullptr)};
    std::vector<const TargetRow*> picks;
    std::vector<double> marginal;
    if (portfolio) {
        for (const PortfolioPick& p : portfolio->picks) {
            picks.push_back(&p.row);
            marginal.push_back(p.marginal_gap_closed);
        }
        sheets.push_back(ranked("招商组合", "portfolio", picks, &marginal));
    }
    const auto local = first(list.local, top);
    if (list.query.include_local) sheets.push_back(ranked("本地培育", "local", local, nullptr));
    // Per link, every list.
    WorkbookSheet links;
    links.name = L("环节明细", "links");
    links.header = {L("名单", "list"), L("排名", "rank"), L("企业代码", "id"), L("企业名称", "name"), L("产业链", "chain"),
                    L("环节", "link"), L("现状", "status"), L("缺口分值", "gap"), L("引进后缺口缩减", "gap closed"),
                    L("业务占比", "attachment weight"), L("全国产能占比", "national share"),
                    L("本地下游覆盖", "local downstream"), L("得分贡献", "points"), L("匹配依据", "evidence")};
    links.widths = {10, 6, 12, 28, 16, 28, 12, 10, 12, 10, 12, 12, 10, 40};
    auto add_links = [&](const char* which_zh, const char* which_en, const std::vector<const TargetRow*>& rows) {
        for (std::size_t i = 0; i < rows.size(); ++i)
            for (const TargetLink& l : rows[i]->links) {
                const ChainNode& n = ds.nodes[l.node];
                links.rows.push_back({xstr(L(which_zh, which_en)), xnum(rows[i]->rank), xstr(ds.enterprises.id[rows[i]->enterprise]),
                                      xstr(ds.enterprises.name[rows[i]->enterprise]), xstr(ds.chains[n.chain].name),
                                      xstr(link_label(ds, l.node)), xstr(status_text(l.status, L)), xnum(l.gap_score),
                                      xnum(l.gap_closed), xnum(l.attachment_weight), xnum(l.firm_share),
                                      xnum(l.downstream_local), xnum(l.contribution), xstr(evidence_text(ds, l))});
            }
    };
    add_links("引进目标", "target", targets);
    if (list.query.include_local) add_links("本地培育", "local", local);
    sheets.push_back(links);
    // Criteria used and left out.
    WorkbookSheet crit;
    crit.name = L("评价指标", "criteria");
    crit.header = {L("指标", "criterion"), L("层级", "level"), L("设定权重", "weight"), L("实际权重", "effective weight"),
                   L("是否采用", "status"), L("说明", "reason"), L("依据", "source")};
    crit.widths = {16, 8, 10, 10, 12, 60, 24};
    for (const CriterionUse& u : list.criteria) {
        const CriterionInfo& c = criterion(u.id);
        crit.rows.push_back({xstr(L.zh ? c.name_zh : c.name), xstr(L.zh ? (std::string(c.level) == "link" ? "环节" : "企业") : c.level),
                             xnum(u.weight), xnum(u.effective_weight), xstr(criterion_status_name(u.status)),
                             xstr(criterion_reason(u, L.zh ? "zh" : "en") + " — " + (L.zh ? c.help_zh : c.help)), xstr(c.source)});
    }
    sheets.push_back(crit);
    WorkbookSheet params;
    params.name = L("参数与数据", "parameters");
    params.header = {L("项目", "item"), L("值", "value"), L("说明", "note")};
    params.widths = {28, 40, 80};
    auto add = [&](const std::string& k, WorkbookCell v, const std::string& note) {
        params.rows.push_back({xstr(k), std::move(v), xstr(note)});
    };
    add(L("数据集", "dataset"), xstr(ds.source), "--data");
    add(L("地区", "region"), xstr(region_text(ds, list.report.region)), "--region");
    add(L("基准份额", "benchmark share"), xnum(list.report.benchmark.share), list.report.benchmark.source);
    add(L("区外企业数", "firms outside"), xnum(static_cast<double>(list.firms_outside)), "");
    add(L("候选企业数", "candidates"), xnum(static_cast<double>(list.targets.size())), "");
    add(L("未列入的 ST 企业", "ST firms left out"), xnum(static_cast<double>(list.excluded_st)), "--include-st");
    add(L("显示行数", "rows shown"), xnum(static_cast<double>(targets.size())), "--top");
    for (const auto& p : gap_param_info()) add("gap." + std::string(p.name), xnum(list.query.gap_params.*p.member), p.help);
    for (const auto& p : rank_param_info()) add("rank." + p.name, xnum(rank_param_value(list.query.rank_params, p)), p.help);
    sheets.push_back(params);
    write_xlsx_workbook(path, sheets, std::string(L("目标企业库 ", "Targets ")) + region_text(ds, list.report.region));
}

}  // namespace chaingap
