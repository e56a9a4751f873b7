// Project screening (项目研判); method, thresholds and sources in assess.hpp and docs/targets.md.
#include "chaingap/rank/assess.hpp"

#include <algorithm>
#include <set>

#include "chaingap/core/error.hpp"
#include "chaingap/core/param_table.hpp"
#include "chaingap/core/text.hpp"
#include "chaingap/rank/portfolio.hpp"

namespace chaingap {

const std::vector<AssessParamInfo>& assess_param_info() {
    static const std::vector<AssessParamInfo> info = {
        {"major_investment", &AssessParams::major_investment, 0.0, 1e12, "000 15",
         "投资额 (万元) from which a project is a 重大招商项目 (default 200000 = 20亿元)"},
        {"min_output_per_investment", &AssessParams::min_output_per_investment, 0.0, 1e6, "004 七(一); 004 四(二)",
         "投入产出强度: annual output / investment must reach this (default 1; a judgement: the sources name the "
         "account, not a number)"},
        {"min_mu_ratio", &AssessParams::min_mu_ratio, 0.0, 1e6, "004 四(二)",
         "亩均产出 and 亩均税收 must reach this multiple of the region's average (regions.csv output_per_mu, "
         "tax_per_mu)"},
        {"min_output_per_mu", &AssessParams::min_output_per_mu, 0.0, 1e9, "004 四(二)",
         "亩均产出 floor (万元/亩) used when the region has no average; 0 = none"},
        {"min_tax_per_mu", &AssessParams::min_tax_per_mu, 0.0, 1e9, "004 四(二)",
         "亩均税收 floor (万元/亩) used when the region has no average; 0 = none"},
        {"max_energy_ratio", &AssessParams::max_energy_ratio, 0.0, 1e6, "004 七(一)",
         "能耗强度 (tce/万元 output) must stay below this multiple of the region's average (regions.csv "
         "energy_per_output); 1 = below the regional average, as the source says"},
        {"min_gap_closed", &AssessParams::min_gap_closed, 0.0, 1e6, "004 七(一)",
         "产业匹配度: the gap the project closes (what-if) that counts as filling a gap"},
        {"min_local_fit", &AssessParams::min_local_fit, 0.0, 1.0, "004 七(一)",
         "产业匹配度, alternatively: share of its direct up/downstream links present in the region (judgement)"},
    };
    return info;
}

void AssessParams::validate() const {
    check_param_ranges(assess_param_info(), *this, "screening threshold");
}

void set_assess_param(AssessParams& params, const std::string& name, double value) {
    set_param_by_name(assess_param_info(), params, name, value, "screening threshold");
}

const char* verdict_name(Verdict v) {
    switch (v) {
        case Verdict::pass:
            return "pass";
        case Verdict::flag:
            return "flag";
        case Verdict::info:
            return "info";
        case Verdict::no_data:
            return "no_data";
        case Verdict::no_reference:
            return "no_reference";
    }
    return "?";
}

const char* verdict_name_zh(Verdict v) {
    switch (v) {
        case Verdict::pass:
            return "通过";
        case Verdict::flag:
            return "预警";
        case Verdict::info:
            return "参考";
        case Verdict::no_data:
            return "缺少数据";
        case Verdict::no_reference:
            return "无区域参照";
    }
    return "?";
}

namespace {
bool given(double v) {
    return !std::isnan(v);
}

CriterionCheck check(const char* key, const char* zh, const char* source) {
    CriterionCheck c;
    c.key = key;
    c.name_zh = zh;
    c.source = source;
    return c;
}

// ≥ threshold (or < threshold when `below`) against a regional average × ratio, else a floor.
CriterionCheck against_reference(CriterionCheck c, double value, double average, double ratio, double floor,
                                 const std::string& unit, bool below) {
    c.value = value;
    if (!given(value)) return c;  // no_data
    const char* op = below ? "<" : "≥";
    if (given(average)) {
        c.threshold = average * ratio;
        c.rule = std::string(op) + " " + fmt(ratio, 3) + " × regional average " + fmt(average, 4) + " " + unit;
        c.rule_zh = std::string(op) + " 区域平均 " + fmt(average, 4) + " " + unit + " × " + fmt(ratio, 3);
    } else if (floor > 0) {
        c.threshold = floor;
        c.rule = std::string(op) + " " + fmt(floor, 4) + " " + unit + " (no regional average given)";
        c.rule_zh = std::string(op) + " " + fmt(floor, 4) + " " + unit + "（未提供区域平均值）";
    } else {
        c.verdict = Verdict::no_reference;
        c.rule = "no regional average in regions.csv and no floor set";
        c.rule_zh = "regions.csv 未提供区域平均值，也未设定下限";
        return c;
    }
    c.verdict = (below ? value < c.threshold : value >= c.threshold) ? Verdict::pass : Verdict::flag;
    return c;
}
}  // namespace

AssessResult assess_projects(const Dataset& ds, RegionId region, const std::vector<ProjectProposal>& projects,
                             const RegionAverages& averages, const AssessParams& params, const GapParams& gap_params) {
    params.validate();
    gap_params.validate();
    AssessResult out;
    out.region = region;
    out.params = params;
    out.averages = averages;
    out.report = analyze_gaps(ds, region, std::nullopt, gap_params);
    std::vector<const LinkGap*> link(ds.nodes.size(), nullptr);
    for (const ChainGaps& cg : out.report.chains)
        for (const LinkGap& g : cg.links) link[g.node] = &g;
    const GapClosure closure(ds, region, std::nullopt, gap_params);

    for (const ProjectProposal& p : projects) {
        ProjectAssessment a;
        a.project = p;
        // ---- 产业匹配度: gap closed (what-if) and local up/downstream fit.
        const double size = given(p.output) && p.output > 0 ? p.output : 1.0;  // as firms without revenue
        std::vector<std::pair<NodeId, double>> att;
        for (NodeId n : p.links) att.emplace_back(n, size / static_cast<double>(p.links.size()));
        std::vector<GapClosure::LinkClosure> closed = closure.closure_of(att);
        std::int32_t neighbours = 0, neighbours_local = 0;
        for (NodeId n : p.links) {
            LinkFit f;
            f.node = n;
            if (link[n]) {
                f.status = link[n]->status;
                f.gap_score = link[n]->gap_score;
            } else {
                f.status = LinkStatus::absent_everywhere;  // chain without any firm: not analysed
            }
            for (const auto& lc : closed)
                if (lc.node == n) f.gap_closed = std::max(0.0, lc.closed);
            // Direct neighbours: the other end of every chain edge at n or a segment above it.
            std::set<NodeId> nb;
            std::set<NodeId> self;
            for (NodeId x = n; x != kNone; x = ds.nodes[x].parent) self.insert(x);
            for (const ChainEdge& e : ds.chains[ds.nodes[n].chain].edges) {
                if (self.count(e.from) && !self.count(e.to)) nb.insert(e.to);
                if (self.count(e.to) && !self.count(e.from)) nb.insert(e.from);
            }
            f.neighbours = static_cast<std::int32_t>(nb.size());
            for (NodeId x : nb) f.neighbours_local += link[x] && link[x]->local_count > 0 ? 1 : 0;
            neighbours += f.neighbours;
            neighbours_local += f.neighbours_local;
            a.gap_closed += f.gap_closed;
            a.links.push_back(f);
        }
        a.local_fit = neighbours > 0 ? static_cast<double>(neighbours_local) / neighbours : 0.0;
        {
            CriterionCheck c = check("fit", "产业匹配度", "004 七(一)");
            c.value = a.gap_closed;
            if (p.links.empty()) {
                c.rule = "no chain link given";
                c.rule_zh = "未给出产业链环节";
            } else {
                c.threshold = params.min_gap_closed;
                c.rule = "gap closed " + fmt(a.gap_closed, 4) + " ≥ " + fmt(params.min_gap_closed, 4) +
                         ", or local up/downstream fit " + fmt(a.local_fit, 3) + " ≥ " + fmt(params.min_local_fit, 3);
                c.rule_zh = "缺口缩减 " + fmt(a.gap_closed, 4) + " ≥ " + fmt(params.min_gap_closed, 4) +
                            "，或本地上下游配套率 " + fmt(a.local_fit, 3) + " ≥ " + fmt(params.min_local_fit, 3);
                c.verdict =
                    a.gap_closed >= params.min_gap_closed || (neighbours > 0 && a.local_fit >= params.min_local_fit)
                        ? Verdict::pass
                        : Verdict::flag;
            }
            a.checks.push_back(c);
        }
        // ---- 投资规模 (informational tier).
        {
            CriterionCheck c = check("investment", "投资规模", "001 六(十四); 000 15");
            c.value = p.investment;
            if (given(p.investment)) {
                c.threshold = params.major_investment;
                c.verdict = Verdict::info;
                const bool major = p.investment >= params.major_investment;
                c.rule = major ? "major project (≥ " + fmt(params.major_investment, 0) + " 万元)"
                               : "below the major-project line " + fmt(params.major_investment, 0) + " 万元";
                c.rule_zh = major ? "重大招商项目（≥ " + fmt(params.major_investment, 0) + " 万元）"
                                  : "一般项目（< " + fmt(params.major_investment, 0) + " 万元）";
            }
            a.checks.push_back(c);
        }
        // ---- 投入产出强度.
        {
            CriterionCheck c = check("output_intensity", "投入产出强度", "004 七(一); 004 四(二)");
            if (given(p.output) && given(p.investment) && p.investment > 0) {
                c.value = p.output / p.investment;
                c.threshold = params.min_output_per_investment;
                c.rule = "annual output / investment ≥ " + fmt(params.min_output_per_investment, 3);
                c.rule_zh = "年产出 / 投资额 ≥ " + fmt(params.min_output_per_investment, 3);
                c.verdict = c.value >= c.threshold ? Verdict::pass : Verdict::flag;
            }
            a.checks.push_back(c);
        }
        // ---- 亩均产出, 亩均税收.
        const bool land = given(p.land) && p.land > 0;
        a.checks.push_back(against_reference(
            check("output_per_mu", "亩均产出", "004 四(二)"), land && given(p.output) ? p.output / p.land : kNotGiven,
            averages.output_per_mu, params.min_mu_ratio, params.min_output_per_mu, "万元/亩", false));
        a.checks.push_back(against_reference(check("tax_per_mu", "亩均税收", "004 四(二)"),
                                             land && given(p.tax) ? p.tax / p.land : kNotGiven, averages.tax_per_mu,
                                             params.min_mu_ratio, params.min_tax_per_mu, "万元/亩", false));
        // ---- 能耗强度: below the regional average.
        a.checks.push_back(
            against_reference(check("energy", "能耗强度", "004 七(一)"),
                              given(p.energy) && given(p.output) && p.output > 0 ? p.energy / p.output : kNotGiven,
                              averages.energy_per_output, params.max_energy_ratio, 0.0, "吨标准煤/万元", true));
        // ---- 社会效益: jobs per 亿元 of investment (informational).
        {
            CriterionCheck c = check("jobs", "社会效益（就业）", "001 六(十四)");
            if (given(p.jobs) && given(p.investment) && p.investment > 0) {
                c.value = p.jobs / (p.investment / 10000.0);
                c.verdict = Verdict::info;
                c.rule = "jobs per 亿元 invested";
                c.rule_zh = "每亿元投资带动就业人数";
            }
            a.checks.push_back(c);
        }
        for (const auto& c : a.checks) {
            a.passed += c.verdict == Verdict::pass;
            a.flagged += c.verdict == Verdict::flag;
        }
        out.projects.push_back(std::move(a));
    }
    return out;
}

}  // namespace chaingap
