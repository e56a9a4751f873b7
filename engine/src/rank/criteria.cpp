// The ranking criteria table and the dropping rule (see criteria.hpp and docs/targets.md).
#include "chaingap/rank/criteria.hpp"

#include <algorithm>
#include <cmath>

#include "chaingap/core/text.hpp"

namespace chaingap {

namespace {
double label_sum(std::uint32_t labels, const RankParams& p) {
    double s = 0;
    for (std::size_t b = 0; b < kLabelCount; ++b)
        if ((labels >> b) & 1U) s += p.label_points[b];
    return s;
}
}  // namespace

const std::array<CriterionInfo, kComponentCount>& criteria() {
    static const std::array<CriterionInfo, kComponentCount> table = {{
        {Component::gap_fill, "gap_fill", "补链强链", "link", &RankParams::gap_fill, 1e-9, "000 二.6",
         "Σ over the links it fills of the gap a branch in R would close there (what-if; 强链补链)",
         "引进后所填补环节缺口缩减之和（强链补链）", [](const LinkFacts& l, const RankParams&) { return l.closed; },
         nullptr, nullptr, "", ""},
        {Component::strength, "strength", "环节实力", "link", &RankParams::strength, 0.0, "001 六(十四); 004 七(一)",
         "Σ gap closed × the firm's share of the link's national capacity (投资规模, 投入产出强度)",
         "缺口缩减 × 企业占该环节全国产能份额（投资规模、投入产出强度）",
         [](const LinkFacts& l, const RankParams&) { return l.closed * l.share; }, nullptr, nullptr, "", ""},
        {Component::downstream_demand, "downstream_demand", "本地下游需求", "link", &RankParams::downstream_demand, 0.0,
         "004 七(一)", "Σ gap closed × share of the link's downstream links present in R (产业匹配度)",
         "缺口缩减 × 本地已有下游环节比例（产业匹配度）",
         [](const LinkFacts& l, const RankParams&) { return l.closed * l.downstream_local; }, nullptr, nullptr, "", ""},
        {Component::quality, "quality", "企业层级", "firm", &RankParams::quality, 0.0, "000 二.6",
         "min(1, Σ label points): 世界500强, 中国500强, 行业前10强, 专精特新, 链主",
         "min(1, 标签分之和)：世界500强、中国500强、行业前10强、专精特新、链主", nullptr,
         [](const FirmFacts& f, const RankParams& p) { return std::min(1.0, label_sum(f.labels, p)); },
         [](const FirmFacts& f) { return f.labels != 0; }, "no candidate has a label", "候选企业均无标签数据"},
        {Component::size, "size", "企业规模", "firm", &RankParams::size, 0.0, "001 六(十四)",
         "log revenue scaled to size_reference_revenue (投资规模)",
         "营业收入对数，按 size_reference_revenue 归一（投资规模）", nullptr,
         [](const FirmFacts& f, const RankParams& p) {
             return f.has_revenue
                        ? std::min(1.0, std::log10(1.0 + f.revenue) / std::log10(1.0 + p.size_reference_revenue))
                        : 0.0;
         },
         [](const FirmFacts& f) { return f.has_revenue; }, "no candidate has revenue", "候选企业均无营业收入数据"},
        {Component::relatedness, "relatedness", "本地关联", "firm", &RankParams::relatedness, 0.0,
         "001 六(十四); 004 七(一)", "supply / investment relations with firms inside R (带动能力, 产业匹配度)",
         "与本地企业的供应、投资等关系（带动能力、产业匹配度）", nullptr,
         [](const FirmFacts& f, const RankParams& p) {
             return std::min(1.0, f.relation_points / p.relation_saturation);
         },
         [](const FirmFacts& f) { return f.has_relations; }, "no candidate has a relation with a firm in the region",
         "候选企业与本地企业均无关系数据"},
        {Component::source_region, "source_region", "重点来源地", "firm", &RankParams::source_region, 0.0,
         "002 第四章第三节", "1 when the firm lies in a --from-regions group (京津冀, 长三角, 粤港澳大湾区)",
         "企业位于 --from-regions 指定的重点招商来源地（京津冀、长三角、粤港澳大湾区）时为 1", nullptr,
         [](const FirmFacts& f, const RankParams&) { return f.in_source_region ? 1.0 : 0.0; },
         [](const FirmFacts& f) { return f.source_given; }, "no --from-regions given",
         "未指定重点来源地（--from-regions）"},
    }};
    return table;
}

const CriterionInfo& criterion(Component c) {
    return criteria()[static_cast<std::size_t>(c)];
}
const char* component_name(Component c) {
    return criterion(c).name;
}
const char* component_name_zh(Component c) {
    return criterion(c).name_zh;
}
double component_weight(const RankParams& p, Component c) {
    return p.*criterion(c).weight;
}

const char* criterion_status_name(CriterionStatus s) {
    switch (s) {
        case CriterionStatus::used:
            return "used";
        case CriterionStatus::weight_zero:
            return "weight_zero";
        case CriterionStatus::no_data:
            return "no_data";
        case CriterionStatus::constant:
            return "constant";
    }
    return "?";
}

std::string criterion_reason(const CriterionUse& u, const std::string& lang) {
    const CriterionInfo& c = criterion(u.id);
    const bool zh = lang != "en";
    switch (u.status) {
        case CriterionStatus::used:
            return zh ? "采用，权重 " + fmt(u.effective_weight, 4) : "used, weight " + fmt(u.effective_weight, 4);
        case CriterionStatus::weight_zero:
            return zh ? "未采用：权重为 0" : "left out: weight 0";
        case CriterionStatus::no_data:
            return zh ? std::string("未采用：") + c.no_data_zh : std::string("left out: ") + c.no_data;
        case CriterionStatus::constant:
            return zh ? "未采用：所有候选企业取值相同（" + fmt(u.value, 4) + "），无法区分"
                      : "left out: every candidate has the same value (" + fmt(u.value, 4) + ")";
    }
    return "";
}

void CriteriaStats::add(const std::array<double, kComponentCount>& values, const FirmFacts& facts) {
    for (const CriterionInfo& c : criteria()) {
        const auto k = static_cast<std::size_t>(c.id);
        lo[k] = count == 0 ? values[k] : std::min(lo[k], values[k]);
        hi[k] = count == 0 ? values[k] : std::max(hi[k], values[k]);
        if (c.has_data && c.has_data(facts)) any_data[k] = true;
    }
    ++count;
}

void CriteriaStats::merge(const CriteriaStats& o) {
    if (o.count == 0) return;
    for (std::size_t k = 0; k < kComponentCount; ++k) {
        lo[k] = count == 0 ? o.lo[k] : std::min(lo[k], o.lo[k]);
        hi[k] = count == 0 ? o.hi[k] : std::max(hi[k], o.hi[k]);
        any_data[k] = any_data[k] || o.any_data[k];
    }
    count += o.count;
}

std::vector<CriterionUse> select_criteria(const RankParams& p, const CriteriaStats& stats) {
    std::vector<CriterionUse> out;
    double used_weight = 0;
    for (const CriterionInfo& c : criteria()) {
        CriterionUse u;
        u.id = c.id;
        u.weight = p.*c.weight;
        const auto k = static_cast<std::size_t>(c.id);
        if (c.id == Component::gap_fill) {
            u.status = CriterionStatus::used;  // never left out (weight > 0 by validation)
        } else if (!(u.weight > 0)) {
            u.status = CriterionStatus::weight_zero;
        } else if (c.has_data && stats.count > 0 && !stats.any_data[k]) {
            u.status = CriterionStatus::no_data;
        } else if (stats.count > 1) {
            // Equal up to rounding (values are sums of a few products in [0, 1]).
            const double lo = stats.lo[k], hi = stats.hi[k];
            if (hi - lo <= 1e-12 * std::max(1.0, std::fabs(hi))) {
                u.status = CriterionStatus::constant;
                u.value = lo;
            }
        }
        // One candidate: nothing to order; the criterion still reports its value. Keep it, so a
        // single-row list keeps the plain weighted sum.
        if (u.used()) used_weight += u.weight;
        out.push_back(u);
    }
    for (auto& u : out) u.effective_weight = u.used() ? u.weight / used_weight : 0.0;
    return out;
}

std::vector<CriterionUse> select_criteria(const RankParams& p,
                                          const std::vector<std::array<double, kComponentCount>>& values,
                                          const std::vector<FirmFacts>& facts) {
    CriteriaStats stats;
    for (std::size_t i = 0; i < values.size(); ++i) stats.add(values[i], facts[i]);
    return select_criteria(p, stats);
}

}  // namespace chaingap
