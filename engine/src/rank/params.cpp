#include "chaingap/rank/params.hpp"

#include <algorithm>
#include <cmath>

#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/core/json_input.hpp"
#include "chaingap/core/param_table.hpp"
#include "chaingap/rank/criteria.hpp"

namespace chaingap {

const std::vector<RankParamInfo>& rank_param_info() {
    static const std::vector<RankParamInfo> info = [] {
        std::vector<RankParamInfo> v;
        // Weights: one per criterion (rank/criteria.hpp), help with its source.
        for (const CriterionInfo& c : criteria())
            v.push_back({c.name, c.weight, -1, c.weight_min, 100.0, "weight", std::string(c.help) + " (" + c.source + ")"});
        // Label points: one per label (model/enterprise.hpp kLabels).
        for (std::size_t b = 0; b < kLabelCount; ++b)
            v.push_back({"points_" + std::string(kLabels[b].name), nullptr, static_cast<int>(b), 0.0, 1.0, "label",
                         std::string(kLabels[b].name_zh) + " (" + std::string(kLabels[b].source) + ")"});
        v.push_back({"size_reference_revenue", &RankParams::size_reference_revenue, -1, 1.0, 1e12, "size",
                     "revenue (万元) that earns the full size component (default 1e7 万元 = 1000亿元)"});
        v.push_back({"relation_supply", &RankParams::relation_supply, -1, 0.0, 10.0, "relation", "points per supply relation"});
        v.push_back({"relation_invest", &RankParams::relation_invest, -1, 0.0, 10.0, "relation",
                     "points per investment relation"});
        v.push_back({"relation_cooperate", &RankParams::relation_cooperate, -1, 0.0, 10.0, "relation",
                     "points per cooperation relation"});
        v.push_back({"relation_own", &RankParams::relation_own, -1, 0.0, 10.0, "relation", "points per ownership relation"});
        v.push_back({"relation_other", &RankParams::relation_other, -1, 0.0, 10.0, "relation",
                     "points per compete / other relation"});
        v.push_back({"relation_saturation", &RankParams::relation_saturation, -1, 1e-9, 1e6, "relation",
                     "relation points (× relation weight) that give the full relatedness component"});
        return v;
    }();
    return info;
}

double rank_param_value(const RankParams& params, const RankParamInfo& info) {
    return info.member ? params.*info.member : params.label_points[static_cast<std::size_t>(info.label)];
}

namespace {
double& param_ref(RankParams& params, const RankParamInfo& info) {
    return info.member ? params.*info.member : params.label_points[static_cast<std::size_t>(info.label)];
}
}  // namespace

double RankParams::points(std::string_view label) const {
    const auto bit = label_bit(label);
    if (!bit) throw UsageError("unknown label '" + std::string(label) + "'");
    return label_points[static_cast<std::size_t>(*bit)];
}

// Same messages as core/param_table.hpp (the label rows have no member pointer, so the template
// does not apply).
void RankParams::validate() const {
    for (const auto& p : rank_param_info()) {
        const double v = rank_param_value(*this, p);
        if (!std::isfinite(v) || v < p.min || v > p.max)
            throw UsageError(param_range_message("ranking parameter", p.name, v, p.min, p.max));
    }
}

void set_rank_param(RankParams& params, const std::string& name, double value) {
    for (const auto& p : rank_param_info()) {
        if (name != p.name) continue;
        RankParams candidate = params;
        param_ref(candidate, p) = value;
        candidate.validate();
        params = candidate;
        return;
    }
    std::string known;
    for (const auto& p : rank_param_info()) known += (known.empty() ? "" : ", ") + p.name;
    throw UsageError("unknown ranking parameter '" + name + "' (known: " + known + ")");
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
