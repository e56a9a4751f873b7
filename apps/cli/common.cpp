#include "common.hpp"

#include <charconv>
#include <cmath>

#include "chaingap/core/text.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"

namespace chaingap::cli {

GapParams gap_params(const Args& args) {
    GapParams p;
    for (const std::string& kv : args.all("param")) {
        auto eq = kv.find('=');
        if (eq == std::string::npos) throw UsageError("--param expects name=value, got '" + kv + "'");
        std::string name = kv.substr(0, eq), text = kv.substr(eq + 1);
        double v = 0;
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
            throw UsageError("--param " + name + ": not a number: '" + text + "'");
        set_gap_param(p, name, v);
    }
    p.validate();
    return p;
}

std::string gap_params_help() {
    std::string s = "  --param NAME=VALUE  override a scoring parameter (repeatable):\n";
    const GapParams defaults;
    for (const auto& p : gap_param_info())
        s += "      " + std::string(p.name) + " (default " + fmt(defaults.*p.member, 2) + ", range " + fmt(p.min, 2) + ".." +
             fmt(p.max, 2) + "): " + p.help + "\n";
    return s;
}

std::string lang_of(const Args& args) {
    const std::string lang = args.get_or("lang", "zh");
    if (lang != "zh" && lang != "en") throw UsageError("--lang expects zh or en, got '" + lang + "'");
    return lang;
}

}  // namespace chaingap::cli
