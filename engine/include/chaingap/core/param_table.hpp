// Range checks and set-by-name for parameter structs described by an info table (GapParams,
// RankParams, EvalParams): every entry has `name`, `member` (double Params::*), `min` and `max`.
// One implementation, so the three tables refuse values and unknown names the same way.
#pragma once
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "chaingap/core/error.hpp"

namespace chaingap {

// Throws UsageError "<what> NAME = V is out of range [MIN, MAX]" for the first value outside its range.
template <class Info, class Params>
void check_param_ranges(const std::vector<Info>& info, const Params& params, std::string_view what) {
    for (const auto& p : info) {
        const double v = params.*p.member;
        if (!std::isfinite(v) || v < p.min || v > p.max)
            throw UsageError(std::string(what) + " " + p.name + " = " + std::to_string(v) + " is out of range [" +
                             std::to_string(p.min) + ", " + std::to_string(p.max) + "]");
    }
}

// Sets `name` and validates; `params` is left unchanged when the name or the value is refused.
template <class Info, class Params>
void set_param_by_name(const std::vector<Info>& info, Params& params, const std::string& name, double value,
                       std::string_view what) {
    for (const auto& p : info) {
        if (name != p.name) continue;
        Params candidate = params;
        candidate.*p.member = value;
        candidate.validate();
        params = candidate;
        return;
    }
    std::string known;
    for (const auto& p : info) known += std::string(known.empty() ? "" : ", ") + p.name;
    throw UsageError("unknown " + std::string(what) + " '" + name + "' (known: " + known + ")");
}

}  // namespace chaingap
