#include <algorithm>
#include <exception>
#include <iostream>

#include "chaingap/core/error.hpp"
#include "command.hpp"

namespace chaingap::cli {
namespace {
std::vector<Command>& registry() {
    static std::vector<Command> r;
    return r;
}
}  // namespace

void register_command(Command c) { registry().push_back(std::move(c)); }
const std::vector<Command>& commands() { return registry(); }

Args::Args(std::vector<std::string> argv, const std::vector<std::string>& options, const std::vector<std::string>& flags) {
    auto known = [](const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); };
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            positional_.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        bool has_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            has_value = true;
        }
        if (known(flags, name)) {
            if (has_value) throw UsageError("option --" + name + " takes no value");
            values_[name].push_back("1");
        } else if (known(options, name)) {
            if (!has_value) {
                if (i + 1 >= argv.size()) throw UsageError("option --" + name + " needs a value");
                value = argv[++i];
            }
            values_[name].push_back(value);
        } else {
            throw UsageError("unknown option --" + name + " (see --help)");
        }
    }
}

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    if (it->second.size() > 1) throw UsageError("option --" + name + " given more than once");
    return it->second.front();
}
std::string Args::get_or(const std::string& name, const std::string& fallback) const { return get(name).value_or(fallback); }
std::string Args::require(const std::string& name) const {
    auto v = get(name);
    if (!v || v->empty()) throw UsageError("option --" + name + " is required (see --help)");
    return *v;
}
bool Args::flag(const std::string& name) const { return values_.count(name) != 0; }
const std::vector<std::string>& Args::all(const std::string& name) const {
    static const std::vector<std::string> none;
    auto it = values_.find(name);
    return it == values_.end() ? none : it->second;
}

std::string format_of(const Args& args, const std::vector<std::string>& allowed, const std::string& fallback) {
    std::string f = args.get_or("format", fallback);
    if (std::find(allowed.begin(), allowed.end(), f) == allowed.end()) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : "|") + a;
        throw UsageError("--format must be one of " + list + ", got '" + f + "'");
    }
    return f;
}

}  // namespace chaingap::cli

namespace {
void print_overview() {
    std::cout << "chaingap " CHAINGAP_VERSION " — industry-chain gap analytics (产业链 缺链/弱链/断链 analysis)\n\n"
                 "usage: chaingap <command> [options]   (chaingap <command> --help for details)\n\ncommands:\n";
    auto cmds = chaingap::cli::commands();
    std::sort(cmds.begin(), cmds.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& c : cmds) std::cout << "  " << c.name << std::string(c.name.size() < 10 ? 10 - c.name.size() : 1, ' ') << c.summary << "\n";
}
}  // namespace

int main(int argc, char** argv) {
    using namespace chaingap;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        print_overview();
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "chaingap " CHAINGAP_VERSION "\n";
        return 0;
    }
    const auto& cmds = cli::commands();
    auto it = std::find_if(cmds.begin(), cmds.end(), [&](const cli::Command& c) { return c.name == args[0]; });
    if (it == cmds.end()) {
        std::cerr << "chaingap: unknown command '" << args[0] << "' (chaingap --help lists them)\n";
        return 2;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end() || std::find(rest.begin(), rest.end(), "-h") != rest.end()) {
        std::cout << it->usage;
        return 0;
    }
    try {
        cli::Args parsed(rest, it->options, it->flags);
        return it->run(parsed);
    } catch (const InputError& e) {
        std::cerr << "chaingap " << it->name << ": error: " << e.what() << "\n";
        return 2;
    } catch (const UsageError& e) {
        std::cerr << "chaingap " << it->name << ": error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "chaingap " << it->name << ": internal error: " << e.what() << "\n";
        return 1;
    }
}
