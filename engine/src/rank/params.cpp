#include "chaingap/rank/params.hpp"

#include <algorithm>
#include <cmath>

#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/core/json_input.hpp"
#include "chaingap/core/param_table.hpp"

namespace chaingap {

const std::vector<RankParamInfo>& rank_param_info() {
    static const std::vector<RankParamInfo> info = {
        {"gap_fill", &RankParams::gap_fill, 1e-9, 100.0, "weight",
         "Σ gap × attachment weight over the links the firm would fill (强链补链, 000 二.6)"},
        {"strength", &RankParams::strength, 0.0, 100.0, "weight",
         "Σ gap × attachment weight × the firm's share of the link's national capacity (投资规模, 001 六(十四))"},
        {"downstream_demand", &RankParams::downstream_demand, 0.0, 100.0, "weight",
         "Σ gap × attachment weight × share of the link's downstream links present in R (产业匹配度, 004 七(一))"},
        {"quality", &RankParams::quality, 0.0, 100.0, "weight",
         "min(1, Σ label points): 世界500强, 中国500强, 行业前10强, 专精特新, 链主 (000 二.6)"},
        {"size", &RankParams::size, 0.0, 100.0, "weight",
         "log revenue scaled to size_reference_revenue (投资规模, 001 六(十四))"},
        {"relatedness", &RankParams::relatedness, 0.0, 100.0, "weight",
         "supply / investment relations with firms inside R (带动能力, 001 六(十四); 产业匹配度, 004 七(一))"},
        {"source_region", &RankParams::source_region, 0.0, 100.0, "weight",
         "1 when the firm lies in a --from-regions group (京津冀, 长三角, 粤港澳大湾区: 002 第四章第三节)"},
        {"points_fortune500", &RankParams::points_fortune500, 0.0, 1.0, "label", "世界500强"},
        {"points_chain_leader", &RankParams::points_chain_leader, 0.0, 1.0, "label", "链主型企业"},
        {"points_china500", &RankParams::points_china500, 0.0, 1.0, "label", "中国500强"},
        {"points_top10", &RankParams::points_top10, 0.0, 1.0, "label", "行业前10强"},
        {"points_little_giant", &RankParams::points_little_giant, 0.0, 1.0, "label", "专精特新\"小巨人\""},
        {"points_srdi", &RankParams::points_srdi, 0.0, 1.0, "label", "专精特新"},
        {"points_listed", &RankParams::points_listed, 0.0, 1.0, "label", "上市公司"},
        {"points_hightech", &RankParams::points_hightech, 0.0, 1.0, "label", "高新技术企业"},
        {"size_reference_revenue", &RankParams::size_reference_revenue, 1.0, 1e12, "size",
         "revenue (万元) that earns the full size component (default 1e7 万元 = 1000亿元)"},
        {"relation_supply", &RankParams::relation_supply, 0.0, 10.0, "relation", "points per supply relation"},
        {"relation_invest", &RankParams::relation_invest, 0.0, 10.0, "relation", "points per investment relation"},
        {"relation_cooperate", &RankParams::relation_cooperate, 0.0, 10.0, "relation",
         "points per cooperation relation"},
        {"relation_own", &RankParams::relation_own, 0.0, 10.0, "relation", "points per ownership relation"},
        {"relation_other", &RankParams::relation_other, 0.0, 10.0, "relation", "points per compete / other relation"},
        {"relation_saturation", &RankParams::relation_saturation, 1e-9, 1e6, "relation",
         "relation points (× relation weight) that give the full relatedness component"},
    };
    return info;
}

void RankParams::validate() const { check_param_ranges(rank_param_info(), *this, "ranking parameter"); }

void set_rank_param(RankParams& params, const std::string& name, double value) {
    set_param_by_name(rank_param_info(), params, name, value, "ranking parameter");
}

RankParams read_rank_weights(const std::string& file, RankParams params) {
    return parse_rank_weights(read_file(file), file, params);
}

RankParams parse_rank_weights(const std::string& text, const std::string& file, RankParams params) {
    // Bounded depth, no duplicate key (a second value would otherwise go unchecked), UTF-8.
    JsonInput in;
    parse_json_input(text, file, in);
    const rapidjson::Document& doc = in.doc;
    if (!doc.IsObject()) throw InputError(file, 1, "", "expected a JSON object {\"name\": number, ...}");
    for (auto it = doc.MemberBegin(); it != doc.MemberEnd(); ++it) {
        const std::string key(it->name.GetString(), it->name.GetStringLength());
        const std::size_t line = in.key_line(key);
        if (!it->value.IsNumber()) throw InputError(file, line, key, "must be a number");
        try {
            set_rank_param(params, key, it->value.GetDouble());
        } catch (const UsageError& e) {
            throw InputError(file, line, key, e.what());
        }
    }
    params.validate();
    return params;
}

}  // namespace chaingap
