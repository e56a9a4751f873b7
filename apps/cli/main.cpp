// The `chaingap` command line: a thin shell over the request layer (engine api/). argv → Options
// (by the command's declared options) → the request → its report → the renderer of --format →
// stdout or --out FILE (atomically). No parsing rule, default or computation lives here.
#include <algorithm>
#include <exception>
#include <iostream>

#include "chaingap/api/requests.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"

namespace {
using namespace chaingap;

api::Options parse_argv(const std::vector<std::string>& argv, const std::vector<api::OptionSpec>& specs) {
    api::Options o;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            o.add_positional(a);
            continue;
        }
        std::string name = a.substr(2), value;
        bool has_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            has_value = true;
        }
        auto spec = std::find_if(specs.begin(), specs.end(), [&](const api::OptionSpec& s) { return s.name == name; });
        if (spec == specs.end()) throw UsageError("unknown option --" + name + " (see --help)");
        if (spec->kind == api::OptionKind::flag) {
            if (has_value) throw UsageError("option --" + name + " takes no value");
            o.add(name, "1");
            continue;
        }
        if (!has_value) {
            if (i + 1 >= argv.size()) throw UsageError("option --" + name + " needs a value");
            value = argv[++i];
        }
        o.add(name, value);
    }
    o.validate(specs);
    return o;
}

int run(const api::Command& cmd, const std::vector<std::string>& argv) {
    const api::Options o = parse_argv(argv, cmd.options);
    const api::OutputRequest out = cmd.has_output ? api::OutputRequest::parse(o) : api::OutputRequest{};
    if (cmd.has_output && is_binary_format(out.format) && (out.out.empty() || out.out == "-"))
        throw UsageError("--format " + out.format + " writes a binary file: give --out FILE." + out.format);
    const api::Response r = cmd.run(o, [&] { return api::open_for(cmd, o); });
    write_output(out.out, render(r.report, out.format, out.render));
    return 0;
}

void print_overview() {
    std::cout << "chaingap " CHAINGAP_VERSION " — industry-chain gap analytics (产业链 缺链/弱链/断链 analysis)\n\n"
                 "usage: chaingap <command> [options]   (chaingap <command> --help for details)\n\ncommands:\n";
    auto cmds = api::commands();
    std::sort(cmds.begin(), cmds.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& c : cmds)
        std::cout << "  " << c.name << std::string(c.name.size() < 10 ? 10 - c.name.size() : 1, ' ') << c.summary
                  << "\n";
}
}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        print_overview();
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "chaingap " CHAINGAP_VERSION "\n";
        return 0;
    }
    const auto& cmds = api::commands();
    auto it = std::find_if(cmds.begin(), cmds.end(), [&](const api::Command& c) { return c.name == args[0]; });
    if (it == cmds.end()) {
        std::cerr << "chaingap: unknown command '" << args[0] << "' (chaingap --help lists them)\n";
        return 2;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end() ||
        std::find(rest.begin(), rest.end(), "-h") != rest.end()) {
        std::cout << it->usage;
        return 0;
    }
    try {
        return run(*it, rest);
    } catch (const InputError& e) {
        std::cerr << "chaingap " << it->name << ": error: " << e.what() << "\n";
        return 2;
    } catch (const UsageError& e) {
        std::cerr << "chaingap " << it->name << ": error: " << e.what() << "\n";
        return 2;
    } catch (const ConvergenceError& e) {
        std::cerr << "chaingap " << it->name << ": error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "chaingap " << it->name << ": internal error: " << e.what() << "\n";
        return 1;
    }
}
