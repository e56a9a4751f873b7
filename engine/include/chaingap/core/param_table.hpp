// Range checks and set-by-name for parameter structs described by an info table (GapParams,
// RankParams, EvalParams): every entry has `name`, `member` (double Params::*), `min` and `max`.
// One implementation, so the three tables refuse values and unknown names the same way.
#pragma once
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "chaingap/core/error.hpp"

namespace chaingap {

// A parameter value or bound in a message: the shortest text that reads back as the same double
// (1e-09, 0.4, 1e+308), not std::to_string's six decimals (1e-9 shown as 0.000000, 1e308 as 309 digits).
inline std::string param_number_text(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

// "<what> NAME = V is out of range [MIN, MAX]", the message of every parameter range check.
inline std::string param_range_message(std::string_view what, const std::string& name, double v, double min, double max) {
    return std::string(what) + " " + name + " = " + param_number_text(v) + " is out of range [" + param_number_text(min) +
           ", " + param_number_text(max) + "]";
}

// Throws UsageError "<what> NAME = V is out of range [MIN, MAX]" for the first value outside its range.
template <class Info, class Params>
void check_param_ranges(const std::vector<Info>& info, const Params& params, std::string_view what) {
    for (const auto& p : info) {
        const double v = params.*p.member;
        if (!std::isfinite(v) || v < p.min || v > p.max) throw UsageError(param_range_message(what, p.name, v, p.min, p.max));
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
