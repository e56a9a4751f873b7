#include "chaingap/core/parse.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "chaingap/core/error.hpp"

namespace chaingap {

double parse_number(std::string_view text, std::string_view option) {
    double v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
        throw UsageError(std::string(option) + ": not a number: '" + std::string(text) + "'");
    return v;
}

long long parse_integer(std::string_view text, std::string_view option, long long min, long long max) {
    long long v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || v < min || v > max) {
        std::string range = max == std::numeric_limits<long long>::max()
                                ? "≥ " + std::to_string(min)
                                : "in [" + std::to_string(min) + ", " + std::to_string(max) + "]";
        throw UsageError(std::string(option) + " must be a whole number " + range + ", got '" + std::string(text) + "'");
    }
    return v;
}

std::vector<std::string> parse_list(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        std::string_view item = text.substr(start, comma - start);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) out.emplace_back(item);
        start = comma + 1;
    }
    return out;
}

std::pair<std::string, double> parse_assignment(std::string_view text, std::string_view option) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos)
        throw UsageError(std::string(option) + " expects name=value, got '" + std::string(text) + "'");
    std::string name(text.substr(0, eq));
    return {name, parse_number(text.substr(eq + 1), std::string(option) + " " + name)};
}

}  // namespace chaingap
