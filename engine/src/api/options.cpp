#include "chaingap/api/options.hpp"

#include <algorithm>
#include <limits>

#include "chaingap/core/error.hpp"
#include "chaingap/core/parse.hpp"

namespace chaingap::api {

void Options::add(const std::string& name, std::string value) { values_[name].push_back(std::move(value)); }

void Options::validate(const std::vector<OptionSpec>& specs) const {
    for (const auto& entry : values_) {
        const std::string& name = entry.first;  // not a structured binding: clang 14 cannot capture one
        const auto& values = entry.second;
        auto it = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == name; });
        if (it == specs.end()) throw UsageError("unknown option --" + name + " (see --help)");
        const bool repeatable = it->kind == OptionKind::list || it->kind == OptionKind::param;
        if (!repeatable && values.size() > 1) throw UsageError("option --" + name + " given more than once");
    }
    for (const OptionSpec& s : specs)
        if (s.required && !has(s.name)) throw UsageError("option --" + s.name + " is required (see --help)");
}

std::optional<std::string> Options::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    if (it->second.size() > 1) throw UsageError("option --" + name + " given more than once");
    return it->second.front();
}

std::string Options::require(const std::string& name) const {
    auto v = get(name);
    if (!v || v->empty()) throw UsageError("option --" + name + " is required (see --help)");
    return *v;
}

bool Options::flag(const std::string& name) const {
    auto v = get(name);
    return v && *v != "0" && *v != "false" && *v != "False";
}

const std::vector<std::string>& Options::all(const std::string& name) const {
    static const std::vector<std::string> none;
    auto it = values_.find(name);
    return it == values_.end() ? none : it->second;
}

std::optional<long long> Options::count(const std::string& name, long long min) const {
    auto v = get(name);
    if (!v) return std::nullopt;
    return parse_integer(*v, "--" + name, min, std::numeric_limits<long long>::max());
}

std::optional<double> Options::number(const std::string& name) const {
    auto v = get(name);
    if (!v) return std::nullopt;
    return parse_number(*v, "--" + name);
}

std::vector<std::string> Options::list(const std::string& name) const {
    std::vector<std::string> out;
    for (const std::string& v : all(name))
        for (auto& item : parse_list(v)) out.push_back(std::move(item));
    return out;
}

std::vector<std::pair<std::string, double>> Options::params(const std::string& name) const {
    std::vector<std::pair<std::string, double>> out;
    for (const std::string& v : all(name)) out.push_back(parse_assignment(v, "--" + name));
    return out;
}

std::string options_help(const std::vector<OptionSpec>& specs) {
    std::string out;
    for (const OptionSpec& s : specs) {
        std::string head = "  --" + s.name + (s.metavar.empty() ? "" : " " + s.metavar);
        if (head.size() < 21) head += std::string(21 - head.size(), ' ');
        else head += "\n" + std::string(21, ' ');
        out += head + s.help + "\n";
    }
    return out;
}

}  // namespace chaingap::api
